// What became of a write that did not succeed, from the failure, the version
// it was sent on and the latest version: the one judgement every write of the
// app (an action such as Send to Prime, or an edit) is told by.
import type { ApiError } from '../api/ApiError';
import type { Versioned } from '../api/models';

/** The server never said whether it applied the write: it may have. */
export function hadNoVerdict(error: ApiError): boolean {
  return error.kind === 'network' || error.kind === 'server' || error.kind === 'timeout';
}

/**
 * After these the record may differ from what the user saw (412, 404), the
 * write may have been applied although no answer said so, a CSRF refusal's
 * read brings a fresh token, or (a 409) the latest version shows the state
 * that refused it: the latest version is loaded before anything is said.
 */
export function loadsLatestAfter(error: ApiError): boolean {
  return (
    hadNoVerdict(error) ||
    error.kind === 'conflict' ||
    error.kind === 'notFound' ||
    error.kind === 'csrf' ||
    error.kind === 'businessRule'
  );
}

export interface Latest<R> {
  /** The latest version; undefined when the record no longer exists. */
  latest: R | undefined;
  /** False when it could not be loaded: `latest` is then what the store held. */
  loaded: boolean;
}

export type Outcome =
  /** No answer came, and the latest version shows the change: it was saved. */
  | { kind: 'saved' }
  /** The latest version is the one the write was sent on: nothing was saved. */
  | { kind: 'notSaved' }
  /** No answer came, and the latest version could not be loaded to tell. */
  | { kind: 'unknown' }
  /** The record is gone. */
  | { kind: 'gone' }
  /**
   * Nothing of the write was saved, and the record has changed since the
   * version it was sent on: by the user's own other writes in this tab
   * ('you', with those writes' type prefixes), or by anyone else
   * ('someoneElse', another tab included).
   */
  | { kind: 'changed'; by: 'you'; writes: string[] }
  | { kind: 'changed'; by: 'someoneElse' };

export interface Judged<R> {
  failure: ApiError;
  /** The version the write was sent on. */
  base: R;
  latest: Latest<R>;
  /** Whether a version shows the write done. */
  done: (version: R) => boolean;
  /**
   * The write may take effect without saving the record (counseling added to
   * a move approved before: the move keeps its eTag), so the latest version
   * being the one it was sent on does not show it failed: `done` tells.
   */
  keepsVersion?: boolean;
  /** The user's own writes that lead from one version to another; null if anyone else's came between. */
  ownWritesBetween: (base: R, latest: R) => string[] | null;
}

/**
 * The judgement. A refusal (412, 409, 422, ...) saved nothing; a failure
 * without a verdict saved the change if the latest version shows it. A record
 * whose latest version is not the one the write was sent on was changed:
 * who changed it tells whether the user has anything to reconcile.
 */
export function outcomeOf<R extends Versioned>({
  failure,
  base,
  latest: found,
  done,
  keepsVersion = false,
  ownWritesBetween,
}: Judged<R>): Outcome {
  const { latest, loaded } = found;
  if (loaded && !latest) return { kind: 'gone' };
  if (!loaded && failure.kind === 'notFound') return { kind: 'gone' };
  if (!loaded && hadNoVerdict(failure)) return { kind: 'unknown' };
  if (keepsVersion && latest && hadNoVerdict(failure) && done(latest)) return { kind: 'saved' };
  if (!latest || latest.eTag === base.eTag) return { kind: 'notSaved' };
  if (hadNoVerdict(failure) && done(latest)) return { kind: 'saved' };
  const writes = ownWritesBetween(base, latest);
  return writes ? { kind: 'changed', by: 'you', writes } : { kind: 'changed', by: 'someoneElse' };
}
