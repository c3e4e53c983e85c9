import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import { toApiError, type ApiError } from '../../api/ApiError';
import type { operations } from '../../api/ghc';
import type { QueueMove } from '../../api/models';
import { expectRecords } from '../../api/records';
import { request } from '../../api/request';

// Queue rows are summaries, not records: no eTag, never written back, so
// they are not entities but RTK Query's cache: one entry per query (page,
// sort and filters, all the server's), each with its own status; a request
// for a query already on its way is not sent twice.
export type QueueQuery = NonNullable<operations['getMovesQueue']['parameters']['query']>;

/** One page of the queue, and how many moves all its pages hold. */
interface QueuePage {
  rows: QueueMove[];
  totalCount: number;
}

/**
 * An endpoint's query is its call of the one request helper (api/request.ts),
 * typed there per operation, with the check of its answer.
 */
type GhcCall = () => Promise<unknown>;

/**
 * Any failure of the call, a malformed answer included, becomes an ApiError,
 * as it does in the app's thunks, so it reaches the page as data.
 */
const ghcBaseQuery: BaseQueryFn<GhcCall, unknown, ApiError> = async (call) => {
  try {
    return { data: await call() };
  } catch (error) {
    return { error: toApiError(error) };
  }
};

const asRows = expectRecords<QueueMove>('queue row', ['id', 'locator', 'status']);

export const queueApi = createApi({
  reducerPath: 'queueApi',
  baseQuery: ghcBaseQuery,
  endpoints: (build) => ({
    /** One page of the queue; the server leaves out an empty list and a zero count. */
    getMovesQueue: build.query<QueuePage, QueueQuery>({
      query: (query) => async () => {
        const result = await request('queues.getMovesQueue', query);
        return { rows: asRows(result?.queueMoves), totalCount: result?.totalCount ?? 0 };
      },
    }),
  }),
});

export const { getMovesQueue } = queueApi.endpoints;
