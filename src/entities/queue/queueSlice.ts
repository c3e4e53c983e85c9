import { createEntityAdapter, createSlice } from '@reduxjs/toolkit';
import type { operations } from '../../api/ghc';
import type { QueueMove } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';

// Queue rows are summaries, not records: no eTag, never written back. The
// slice holds the current page only; paging, sorting and filtering happen on
// the server.
export type QueueQuery = NonNullable<operations['getMovesQueue']['parameters']['query']>;

const queueAdapter = createEntityAdapter<QueueMove>();

export const getMovesQueue = createApiThunk('queue/getMovesQueue', (query: QueueQuery) =>
  request('queues.getMovesQueue', query),
);

const queueSlice = createSlice({
  name: 'queue',
  initialState: queueAdapter.getInitialState({ totalCount: 0, page: 1, perPage: 20 }),
  reducers: {},
  extraReducers: (builder) => {
    builder.addCase(getMovesQueue.fulfilled, (state, { payload }) => {
      queueAdapter.setAll(state, payload.queueMoves);
      state.totalCount = payload.totalCount;
      state.page = payload.page;
      state.perPage = payload.perPage;
    });
  },
});

export default queueSlice.reducer;

export const { selectAll: selectQueueMoves } = queueAdapter.getSelectors(
  (state: RootState) => state.queue,
);

export const selectQueuePage = (state: RootState) => state.queue;
