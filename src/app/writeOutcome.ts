// A write that failed without a verdict from the server (the connection
// dropped, the server answered 5xx, the app gave up waiting) may still have
// been applied: real servers commit and then fail to answer. Only the latest
// version of the record tells, so it is loaded before the user is told
// anything about the change, and before anything is sent again.
import { useCallback, useState } from 'react';
import type { ApiError } from '../api/ApiError';
import { useAppDispatch, useAppStore, type ApiThunkAction } from './hooks';
import type { RootState } from './store';

/** What a failed write did on the server, as far as the latest version tells. */
export type WriteOutcome = 'saved' | 'notSaved' | 'unknown';

const NO_VERDICT = new Set<ApiError['kind']>(['network', 'server', 'timeout']);

/** The server never said whether it applied the write. */
export const hadNoVerdict = (error: ApiError) => NO_VERDICT.has(error.kind);

// After these the record may differ from what the user saw (412, 404), the
// write may have been applied although no answer said so, or (a CSRF 403) a
// read brings a fresh token so trying again can succeed.
const LOAD_LATEST_AFTER = new Set<ApiError['kind']>([
  'conflict',
  'notFound',
  'csrf',
  ...NO_VERDICT,
]);

/** A failed write after which the latest version of its record is loaded. */
export const loadsLatestAfter = (error: ApiError) => LOAD_LATEST_AFTER.has(error.kind);

export interface Latest<R> {
  /** The latest version; undefined when the record no longer exists. */
  latest: R | undefined;
  /** False when it could not be loaded: `latest` is then what the store held. */
  loaded: boolean;
}

/**
 * Fetches the latest version of a record into the store and reads it back.
 * `loading` meanwhile: it is part of the write, so its button stays busy.
 */
export function useLatestVersion<R>(
  refetch: () => ApiThunkAction,
  select: (state: RootState) => R | undefined,
) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (): Promise<Latest<R>> => {
    setLoading(true);
    try {
      const result = await dispatch(refetch());
      if (result.meta.requestStatus === 'fulfilled') {
        return { latest: select(store.getState()), loaded: true };
      }
      if ((result as { payload?: ApiError }).payload?.kind === 'notFound') {
        return { latest: undefined, loaded: true };
      }
      return { latest: select(store.getState()), loaded: false };
    } finally {
      setLoading(false);
    }
  }, [dispatch, refetch, select, store]);
  return { load, loading };
}

/** Whether a failed write took effect; `saved` says whether a version shows it. */
export function outcomeOf<R>(
  error: ApiError,
  { latest, loaded }: Latest<R>,
  saved: (latest: R) => boolean,
): WriteOutcome {
  // Any other failure is the server refusing the write: nothing changed.
  if (!hadNoVerdict(error)) return 'notSaved';
  if (!loaded) return 'unknown';
  return latest && saved(latest) ? 'saved' : 'notSaved';
}
