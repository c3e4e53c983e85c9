import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/ApiError';
import type { QueueMove, QueueMovesResult } from '../../api/models';
import queueReducer, { getMovesQueue, queueQueryKey, type QueueQuery } from './queueSlice';

const query = (page: number): QueueQuery => ({ page, perPage: 20, sort: 'locator', order: 'asc' });

const answer = (page: number): QueueMovesResult => ({
  page,
  perPage: 20,
  totalCount: 45,
  queueMoves: [{ id: `move-on-page-${page}` } as QueueMove],
});

const start = (
  state: ReturnType<typeof queueReducer> | undefined,
  requestId: string,
  page: number,
) => queueReducer(state, getMovesQueue.pending(requestId, [query(page)]));

describe('queue slice', () => {
  it('shows the latest request’s answer and drops an older one that comes back late', () => {
    let state = start(undefined, 'first', 1);
    state = start(state, 'second', 2);

    state = queueReducer(state, getMovesQueue.fulfilled(answer(2), 'second', [query(2)]));
    const shown = state;
    state = queueReducer(state, getMovesQueue.fulfilled(answer(1), 'first', [query(1)]));

    expect(state).toBe(shown);
    expect(state.rows.map((row) => row.id)).toEqual(['move-on-page-2']);
    expect(state.answered).toEqual({ query: queueQueryKey(query(2)), error: null });
  });

  it('notes a failure against its query and keeps the rows it had', () => {
    let state = start(undefined, 'first', 1);
    state = queueReducer(state, getMovesQueue.fulfilled(answer(1), 'first', [query(1)]));
    state = start(state, 'second', 2);
    const failure = { kind: 'network', status: null } as unknown as ApiError;
    state = queueReducer(state, getMovesQueue.rejected(null, 'second', [query(2)], failure));

    expect(state.rows.map((row) => row.id)).toEqual(['move-on-page-1']);
    expect(state.answered).toEqual({ query: queueQueryKey(query(2)), error: failure });
  });
});
