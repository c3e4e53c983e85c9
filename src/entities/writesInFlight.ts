import { createSlice, isFulfilled, isPending, isRejected } from '@reduxjs/toolkit';
import type { RootState } from '../app/store';

// Which record each running write is changing, by the write's requestId.
// A record with a write in flight takes no second one: a double click sends
// one request, never two with the same eTag. Writes to other records go on.
type WritesInFlight = Record<string, string>;

function recordIDOf(action: { meta: unknown }): string | undefined {
  const { recordID } = action.meta as { recordID?: unknown };
  return typeof recordID === 'string' ? recordID : undefined;
}

const writesInFlightSlice = createSlice({
  name: 'writesInFlight',
  initialState: {} as WritesInFlight,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addMatcher(isPending, (state, action) => {
        const recordID = recordIDOf(action);
        if (recordID) state[action.meta.requestId] = recordID;
      })
      .addMatcher(isFulfilled, (state, action) => {
        delete state[action.meta.requestId];
      })
      .addMatcher(isRejected, (state, action) => {
        delete state[action.meta.requestId];
      });
  },
});

export default writesInFlightSlice.reducer;

export const selectWriteInFlight = (state: RootState, recordID: string) =>
  Object.values(state.writesInFlight).includes(recordID);
