import { useCallback, useState } from 'react';
import { useAppDispatch, useAppStore } from '../../app/hooks';
import type { RootState } from '../../app/store';
import type { Latest } from '../outcome';
import { settled, type ApiThunkAction } from '../thunks';

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
      const result = settled(await dispatch(refetch()));
      if (result.status === 'rejected' && result.error.kind === 'notFound') {
        return { latest: undefined, loaded: true };
      }
      return { latest: select(store.getState()), loaded: result.status === 'fulfilled' };
    } finally {
      setLoading(false);
    }
  }, [dispatch, refetch, select, store]);
  return { load, loading };
}
