// Which record each running write is changing, by the write's requestId.
// A record with a write in flight takes no second one: a double click sends
// one request, never two with the same eTag. Writes to other records go on.
import { createSlice, isFulfilled, isPending, isRejected } from '@reduxjs/toolkit';

/** Per running write (its requestId), the records it changes. */
export type InFlight = Record<string, string[]>;

/** The part of the store this slice keeps: `state.writes.inFlight`. */
export interface InFlightState {
  writes: { inFlight: InFlight };
}

function recordIDsOf(action: { meta: unknown }): string[] | undefined {
  const { recordIDs } = action.meta as { recordIDs?: unknown };
  return Array.isArray(recordIDs) && recordIDs.every((id) => typeof id === 'string')
    ? recordIDs
    : undefined;
}

const inFlightSlice = createSlice({
  name: 'writes/inFlight',
  initialState: {} as InFlight,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addMatcher(isPending, (state, action) => {
        const recordIDs = recordIDsOf(action);
        if (recordIDs) state[action.meta.requestId] = recordIDs;
      })
      .addMatcher(isFulfilled, (state, action) => {
        delete state[action.meta.requestId];
      })
      .addMatcher(isRejected, (state, action) => {
        delete state[action.meta.requestId];
      });
  },
});

export default inFlightSlice.reducer;

export const selectWriteInFlight = (state: InFlightState, recordID: string) =>
  Object.values(state.writes.inFlight).some((ids) => ids.includes(recordID));

/** The requestIds of the writes in flight that change `recordID`. */
export const selectWritesInFlight = (state: InFlightState, recordID: string) =>
  Object.entries(state.writes.inFlight)
    .filter(([, ids]) => ids.includes(recordID))
    .map(([requestId]) => requestId);
