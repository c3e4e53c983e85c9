import { useCallback, useState } from 'react';
import { useDispatch, useSelector, useStore } from 'react-redux';
import type { AsyncThunkAction } from '@reduxjs/toolkit';
import { toApiError, type ApiError } from '../api/ApiError';
import type { ThunkConfig } from '../entities/createApiThunk';
import type { AppDispatch, AppStore, RootState } from './store';

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
export const useAppStore = useStore.withTypes<AppStore>();

export type ApiThunkAction = AsyncThunkAction<unknown, unknown[], ThunkConfig>;

/**
 * Runs one API thunk for a component and tracks it: `pending` while it runs
 * (to disable the control that started it), then the ApiError it was
 * rejected with, if any. Resolves to true on success.
 */
export function useApiAction() {
  const dispatch = useAppDispatch();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (action: ApiThunkAction) => {
      setPending(true);
      setError(null);
      const result = await dispatch(action);
      setPending(false);
      if (result.meta.requestStatus === 'rejected') {
        const rejected = result as { payload?: ApiError; error: unknown };
        setError(rejected.payload ?? toApiError(rejected.error));
        return false;
      }
      return true;
    },
    [dispatch],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
