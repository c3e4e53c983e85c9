import { createAsyncThunk, type AsyncThunkAction } from '@reduxjs/toolkit';
import { toApiError, type ApiError } from '../api/ApiError';
import type { AppDispatch, RootState } from '../app/store';
import { selectWriteInFlight } from './writesInFlight';

export interface ThunkConfig {
  state: RootState;
  dispatch: AppDispatch;
  rejectValue: ApiError;
}

export const createAppAsyncThunk = createAsyncThunk.withTypes<ThunkConfig>();

interface ApiThunkOptions<Args extends unknown[]> {
  /** For a write: the id of the record it changes. One write at a time per record. */
  recordOf?: (...args: Args) => string;
}

/**
 * Makes a thunk whose action creator takes the call's arguments positionally,
 * as the reference's do: `updateMoveTaskOrderStatus(id, eTag, codes)`. Any
 * failure is rejected as an ApiError value, so a 412 reaches the UI as data.
 */
export function createApiThunk<Args extends unknown[], Result>(
  typePrefix: string,
  call: (...args: Args) => Promise<Result>,
  { recordOf }: ApiThunkOptions<Args> = {},
) {
  const thunk = createAppAsyncThunk<Result, Args>(
    typePrefix,
    async (args, { rejectWithValue }) => {
      try {
        return await call(...args);
      } catch (error) {
        return rejectWithValue(toApiError(error));
      }
    },
    recordOf && {
      getPendingMeta: ({ arg }) => ({ recordID: recordOf(...arg) }),
      condition: (args, { getState }) => !selectWriteInFlight(getState(), recordOf(...args)),
    },
  );
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
