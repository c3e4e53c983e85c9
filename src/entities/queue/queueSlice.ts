import { createSlice } from '@reduxjs/toolkit';
import type { ApiError } from '../../api/ApiError';
import type { operations } from '../../api/ghc';
import type { QueueMove } from '../../api/models';
import { expectRecords } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';

// Queue rows are summaries, not records: no eTag, never written back. The
// slice holds the current page only, in the server's order, as it came;
// paging, sorting and filtering happen on the server.
export type QueueQuery = NonNullable<operations['getMovesQueue']['parameters']['query']>;

const asRows = expectRecords<QueueMove>('queue row', ['id', 'locator', 'status']);

/** One page of the queue; the server leaves out an empty list and a zero count. */
export const getMovesQueue = createApiThunk('queue/getMovesQueue', async (query: QueueQuery) => {
  const result = await request('queues.getMovesQueue', query);
  return { rows: asRows(result?.queueMoves), totalCount: result?.totalCount ?? 0 };
});

/** One string per query, so a page can tell whether the rows answer its own. */
export const queueQueryKey = (query: QueueQuery) => JSON.stringify(query);

interface Answered {
  /** The query (queueQueryKey) the rows answer. */
  query: string;
  /** Why the last request for it failed; the rows are then the previous answer's. */
  error: ApiError | null;
}

const queueSlice = createSlice({
  name: 'queue',
  initialState: {
    rows: [] as QueueMove[],
    totalCount: 0,
    answered: null as Answered | null,
    // Only the latest request's answer is shown: an older one that comes
    // back late (the user paged on) is dropped.
    latestRequestId: null as string | null,
  },
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(getMovesQueue.pending, (state, { meta }) => {
        state.latestRequestId = meta.requestId;
      })
      .addCase(getMovesQueue.fulfilled, (state, { payload, meta }) => {
        if (meta.requestId !== state.latestRequestId) return;
        // Rows and "answered" change in one action: one render, not two.
        state.rows = payload.rows;
        state.totalCount = payload.totalCount;
        state.answered = { query: queueQueryKey(meta.arg[0]), error: null };
      })
      .addCase(getMovesQueue.rejected, (state, { payload, meta }) => {
        if (meta.requestId !== state.latestRequestId || !payload) return;
        state.answered = { query: queueQueryKey(meta.arg[0]), error: payload };
      });
  },
});

export default queueSlice.reducer;

// Each a value of its own, so a request starting (which notes its id) re-renders nothing.
export const selectQueueMoves = (state: RootState) => state.queue.rows;
export const selectQueueTotalCount = (state: RootState) => state.queue.totalCount;
export const selectQueueAnswered = (state: RootState) => state.queue.answered;
