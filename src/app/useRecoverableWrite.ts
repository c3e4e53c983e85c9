import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';
import type { Versioned } from '../api/models';
import { savedAt } from '../components/format';
import { describeChanges, type Change, type DisplayField } from '../components/changes';
import { selectWriteInFlight } from '../entities/writesInFlight';
import { useAppDispatch, useAppSelector, useAppStore, type ApiThunkAction } from './hooks';
import type { RootState } from './store';
import {
  loadsLatestAfter,
  outcomeOf,
  useLatestVersion,
  type Latest,
  type WriteOutcome,
} from './writeOutcome';

export interface Recovery {
  error: ApiError;
  /** Whether the write took effect, as far as the latest version tells. */
  outcome: WriteOutcome;
  /** The latest version was loaded after the failure; if not, the page shows an older one. */
  latestLoaded: boolean;
  /** What changed since the user loaded the record, field by field. */
  changes: Change[];
  /** When the latest version was written, if the record says (its updatedAt). */
  changedAt: string | null;
  /** The record no longer exists. */
  gone: boolean;
  /** Why doing it again makes no sense on the latest version, if it doesn't. */
  moot: string | null;
}

/** One action on a record: the write, and how a version of the record shows it was done. */
export interface RecordAction<R> {
  write: (eTag: string) => ApiThunkAction;
  done: (latest: R) => boolean;
}

interface RecoverableWriteOptions<R> {
  recordID: string;
  select: (state: RootState) => R | undefined;
  /** Fetches the latest version of the record into the store. */
  refetch: () => ApiThunkAction;
  fields: DisplayField<R>[];
  moot?: (latest: R) => string | null;
}

// An action refused as not allowed in the record's state (409) also loads
// the latest version: it shows the state that refused it.
const loadsLatestAfterAction = (error: ApiError) =>
  loadsLatestAfter(error) || error.kind === 'businessRule';

interface Unchecked<R> {
  error: ApiError;
  /** The version the failed write was sent for. */
  base: R;
}

/**
 * Runs a write on one record with the eTag of the version the user sees. On
 * a failure it fetches the latest version at once and says what changed, and
 * whether the write took effect after all, so the user can redo the same
 * action on it, with its fresh eTag, in one click. It never resends on a
 * version it could not load: the first attempt may have been applied.
 */
export function useRecoverableWrite<R extends Versioned>({
  recordID,
  select,
  refetch,
  fields,
  moot,
}: RecoverableWriteOptions<R>) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const inFlight = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const lastAction = useRef<RecordAction<R> | null>(null);
  // A failure after which the latest version could not be loaded: the next
  // attempt loads it before it sends anything.
  const unchecked = useRef<Unchecked<R> | null>(null);

  const { load: loadLatest, loading: loadingLatest } = useLatestVersion(refetch, select);

  const recover = useCallback(
    (error: ApiError, base: R, found: Latest<R>, done: (latest: R) => boolean) => {
      unchecked.current = found.loaded ? null : { error, base };
      const outcome = outcomeOf(error, found, done);
      const { latest } = found;
      setRecovery({
        error,
        outcome,
        latestLoaded: found.loaded,
        changes: latest ? describeChanges(fields, base, latest) : [],
        changedAt: latest && latest.eTag !== base.eTag ? savedAt(latest) : null,
        // A 404 about something else the write needed leaves the record
        // there: only its latest version tells whether it is gone.
        gone: found.loaded ? !latest : error.kind === 'notFound',
        moot: found.loaded && latest && moot && outcome !== 'saved' ? moot(latest) : null,
      });
    },
    [fields, moot],
  );

  const run = useCallback(
    async (action: RecordAction<R>): Promise<boolean> => {
      let base = select(store.getState());
      if (!base) return false;
      lastAction.current = action;
      setRecovery(null);
      const pending = unchecked.current;
      if (pending) {
        const found = await loadLatest();
        const { latest } = found;
        // Saved after all, changed by someone, gone, or still unknown: say so, send nothing.
        if (!found.loaded || !latest || latest.eTag !== pending.base.eTag) {
          recover(pending.error, pending.base, found, action.done);
          return false;
        }
        unchecked.current = null;
        base = latest;
      }
      const result = await dispatch(action.write(base.eTag));
      if (result.meta.requestStatus === 'fulfilled') return true;
      // Refused before sending: another write on this record is running.
      if ((result.meta as { condition?: boolean }).condition) return false;

      const { payload, error: thrown } = result as { payload?: ApiError; error: unknown };
      const error = payload ?? toApiError(thrown);
      const found = loadsLatestAfterAction(error)
        ? await loadLatest()
        : { latest: select(store.getState()), loaded: true };
      recover(error, base, found, action.done);
      return false;
    },
    [dispatch, loadLatest, recover, select, store],
  );

  const redo = useCallback(
    () => (lastAction.current ? run(lastAction.current) : Promise.resolve(false)),
    [run],
  );

  return { run, redo, recovery, pending: inFlight || loadingLatest };
}
