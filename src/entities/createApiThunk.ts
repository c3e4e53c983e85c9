import { createAsyncThunk, type AsyncThunkAction } from '@reduxjs/toolkit';
import { toApiError, type ApiError } from '../api/ApiError';
import type { AppDispatch, RootState } from '../app/store';

export interface ThunkConfig {
  state: RootState;
  dispatch: AppDispatch;
  rejectValue: ApiError;
}

export const createAppAsyncThunk = createAsyncThunk.withTypes<ThunkConfig>();

/**
 * Makes a thunk whose action creator takes the call's arguments positionally,
 * as the reference's do: `updateMoveTaskOrderStatus(id, eTag, codes)`. Any
 * failure is rejected as an ApiError value, so a 412 reaches the UI as data.
 */
export function createApiThunk<Args extends unknown[], Result>(
  typePrefix: string,
  call: (...args: Args) => Promise<Result>,
) {
  const thunk = createAppAsyncThunk<Result, Args>(typePrefix, async (args, { rejectWithValue }) => {
    try {
      return await call(...args);
    } catch (error) {
      return rejectWithValue(toApiError(error));
    }
  });
  // AsyncThunk's creator type is conditional on its argument type, which TS
  // cannot resolve for a generic tuple; it is a plain one-argument function here.
  const start = thunk as unknown as (args: Args) => AsyncThunkAction<Result, Args, ThunkConfig>;
  return Object.assign((...args: Args) => start(args), {
    pending: thunk.pending,
    fulfilled: thunk.fulfilled,
    rejected: thunk.rejected,
    typePrefix: thunk.typePrefix,
  });
}
