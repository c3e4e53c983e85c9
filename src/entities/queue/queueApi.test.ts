import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { setupStore, type AppStore } from '../../app/store';
import { seedQueueOf45 } from '../../test/queueSeed';
import { recordRequests } from '../../test/recordRequests';
import { getMovesQueue, type QueueQuery } from './queueApi';

const QUEUE_PATH = '*/ghc/v1/queues/moves';

const query = (page: number): QueueQuery => ({
  page,
  perPage: 20,
  sort: 'status',
  order: 'desc',
});

/** What the store holds for `asked`: its rows and count, its status, its failure. */
const entryOf = (store: AppStore, asked: QueueQuery) =>
  getMovesQueue.select(asked)(store.getState());

const locatorsOf = (store: AppStore, asked: QueueQuery) =>
  entryOf(store, asked).data?.rows.map((row) => row.locator);

describe('the queue’s pages in the store', () => {
  it('keeps each query’s answer apart: an older request that comes back late leaves a later one’s as it was', async () => {
    seedQueueOf45();
    const store = setupStore();
    // Page 1's answer is held until page 2's is in.
    let releaseFirst = () => undefined as void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    server.use(
      http.get(QUEUE_PATH, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '1') await firstHeld;
      }),
    );

    const first = store.dispatch(getMovesQueue.initiate(query(1)));
    await store.dispatch(getMovesQueue.initiate(query(2)));
    expect(entryOf(store, query(1)).isLoading).toBe(true);
    const second = entryOf(store, query(2));
    expect(second.isSuccess).toBe(true);
    expect(second.data?.totalCount).toBe(45);
    releaseFirst();
    await first;

    const afterFirst = entryOf(store, query(2));
    expect(afterFirst.data).toBe(second.data);
    expect(afterFirst.fulfilledTimeStamp).toBe(second.fulfilledTimeStamp);
    expect(entryOf(store, query(1)).isSuccess).toBe(true);
    expect(locatorsOf(store, query(1))).toHaveLength(20);
    expect(locatorsOf(store, query(1))).not.toEqual(locatorsOf(store, query(2)));
  });

  it('notes a failure against its query and keeps the rows another had', async () => {
    seedQueueOf45();
    const store = setupStore();
    await store.dispatch(getMovesQueue.initiate(query(1)));
    const before = entryOf(store, query(1)).data;
    server.use(http.get(QUEUE_PATH, () => HttpResponse.error(), { once: true }));

    await store.dispatch(getMovesQueue.initiate(query(2)));

    expect(entryOf(store, query(2))).toMatchObject({
      isError: true,
      error: { kind: 'network', status: null },
    });
    expect(entryOf(store, query(1)).data).toBe(before);
    expect(before?.rows).toHaveLength(20);
    expect(before?.totalCount).toBe(45);
  });

  it('sends one request for a query already on its way', async () => {
    const requests = recordRequests();
    const store = setupStore();

    const [one, two] = await Promise.all([
      store.dispatch(getMovesQueue.initiate(query(1))),
      store.dispatch(getMovesQueue.initiate(query(1))),
    ]);

    expect(requests.map((request) => request.search)).toEqual([
      '?page=1&perPage=20&sort=status&order=desc',
    ]);
    expect(two.data).toBe(one.data);
  });
});

// The endpoint against the mock server, in the real server's shapes.
describe('getMovesQueue', () => {
  it('stores the page of rows the server answers, and its total', async () => {
    const store = setupStore();
    const asked = { ...query(1), locator: SEED_LOCATORS.submitted };

    await store.dispatch(getMovesQueue.initiate(asked));

    const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
    expect(entryOf(store, asked).data).toEqual({
      rows: [expect.objectContaining({ id: move.id, locator: move.locator, status: 'SUBMITTED' })],
      totalCount: 1,
    });
  });

  it('takes an answer without the list and the count, as the server sends none, for no rows', async () => {
    const store = setupStore();
    await store.dispatch(getMovesQueue.initiate({ ...query(1), locator: SEED_LOCATORS.submitted }));

    const none = { ...query(1), customerName: 'Zzyzx' };
    const result = await store.dispatch(getMovesQueue.initiate(none));

    expect(result.isSuccess).toBe(true);
    expect(entryOf(store, none).data).toEqual({ rows: [], totalCount: 0 });
    expect(locatorsOf(store, { ...query(1), locator: SEED_LOCATORS.submitted })).toEqual([
      SEED_LOCATORS.submitted,
    ]);
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
    await store.dispatch(getMovesQueue.initiate(query(1)));
    const before = entryOf(store, query(1)).data;
    expect(before?.rows.length).toBeGreaterThan(0);
    server.use(
      http.get(QUEUE_PATH, () => HttpResponse.json({ page: 2, perPage: 20, ...body }), {
        once: true,
      }),
    );

    const result = await store.dispatch(getMovesQueue.initiate(query(2)));

    expect(result.isError).toBe(true);
    expect(result.error).toMatchObject({
      kind: 'unexpected',
      title: "The server's answer could not be read",
      detail: expect.stringMatching(said),
    });
    expect(entryOf(store, query(2)).data).toBeUndefined();
    expect(entryOf(store, query(1)).data).toBe(before);
  });
});
