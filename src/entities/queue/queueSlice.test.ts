import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import type { ApiError } from '../../api/ApiError';
import type { QueueMove } from '../../api/models';
import { setupStore } from '../../app/store';
import queueReducer, {
  getMovesQueue,
  queueQueryKey,
  selectQueueAnswered,
  selectQueueMoves,
  selectQueueTotalCount,
  type QueueQuery,
} from './queueSlice';

const query = (page: number): QueueQuery => ({
  page,
  perPage: 20,
  sort: 'status',
  order: 'desc',
});

/** A page as the thunk hands it on: the rows, and the count (0 when the server leaves it out). */
const answer = (page: number) => ({
  rows: [{ id: `move-on-page-${page}`, locator: `PAGE0${page}`, status: 'SUBMITTED' } as QueueMove],
  totalCount: 45,
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
    expect(state.totalCount).toBe(45);
    expect(state.answered).toEqual({ query: queueQueryKey(query(2)), error: failure });
  });
});

// The thunk against the mock server, in the real server's shapes.
describe('getMovesQueue', () => {
  it('stores the page of rows the server answers, and its total', async () => {
    const store = setupStore();

    await store.dispatch(getMovesQueue({ ...query(1), locator: SEED_LOCATORS.submitted }));

    const state = store.getState();
    const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
    expect(selectQueueMoves(state)).toEqual([
      expect.objectContaining({ id: move.id, locator: move.locator, status: 'SUBMITTED' }),
    ]);
    expect(selectQueueTotalCount(state)).toBe(1);
  });

  it('takes an answer without the list and the count, as the server sends none, for no rows', async () => {
    const store = setupStore();
    await store.dispatch(getMovesQueue({ ...query(1), locator: SEED_LOCATORS.submitted }));
    expect(selectQueueMoves(store.getState())).toHaveLength(1);

    const none = { ...query(1), customerName: 'Zzyzx' };
    const result = await store.dispatch(getMovesQueue(none));

    expect(result.meta.requestStatus).toBe('fulfilled');
    const state = store.getState();
    expect(selectQueueMoves(state)).toEqual([]);
    expect(selectQueueTotalCount(state)).toBe(0);
    expect(selectQueueAnswered(state)).toEqual({ query: queueQueryKey(none), error: null });
  });

  it.each([
    [
      'a row without its move code',
      { queueMoves: [{ id: 'x', status: 'SUBMITTED' }] },
      /lacks locator/,
    ],
    ['a row that is not an object', { queueMoves: ['RDY4PR'] }, /not an object/],
    ['a list that is not a list', { queueMoves: { id: 'x' } }, /not a list/],
  ])('rejects %s as an unreadable answer, keeping the rows it had', async (_what, body, said) => {
    const store = setupStore();
    await store.dispatch(getMovesQueue(query(1)));
    const before = selectQueueMoves(store.getState());
    expect(before.length).toBeGreaterThan(0);
    server.use(
      http.get(
        '*/ghc/v1/queues/moves',
        () => HttpResponse.json({ page: 2, perPage: 20, ...body }),
        {
          once: true,
        },
      ),
    );

    const result = await store.dispatch(getMovesQueue(query(2)));

    expect(result.meta.requestStatus).toBe('rejected');
    expect(result.payload).toMatchObject({
      kind: 'unexpected',
      detail: expect.stringMatching(said),
    });
    expect(selectQueueMoves(store.getState())).toBe(before);
    expect(selectQueueAnswered(store.getState())?.error).toMatchObject({ kind: 'unexpected' });
  });
});
