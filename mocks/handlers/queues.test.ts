// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, send } from '../testApi';

type Result = Schemas['QueueMovesResult'];

const queue = (query = '') => send<Result>('GET', `/queues/moves${query}`);

const sorted = (values: (string | null)[]) => [...values].sort();

describe('the moves queue', () => {
  it('answers the first page of 20, sorted by locator, with the total count', async () => {
    db.reset({ moves: 45 });
    const { status, body } = await queue();
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, perPage: 20, totalCount: 45 });
    expect(body.queueMoves).toHaveLength(20);
    const locators = body.queueMoves.map((row) => row.locator);
    expect(locators).toEqual(sorted(locators));
  });

  it('summarizes each move without an eTag', async () => {
    const { body } = await queue(`?locator=${SEED_LOCATORS.draft}`);
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    expect(body.queueMoves).toEqual([
      {
        id: move.id,
        locator: SEED_LOCATORS.draft,
        customer: expect.objectContaining({ firstName: expect.any(String) }),
        status: 'SUBMITTED',
        availableToPrimeAt: null,
        originDutyLocation: expect.stringMatching(/, [A-Z]{2}$/),
        requestedMoveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        shipmentsCount: db.shipmentsOf(move.id).length,
      },
    ]);
  });

  it('pages through every move exactly once', async () => {
    db.reset({ moves: 25 });
    const pages = await Promise.all([1, 2, 3].map((page) => queue(`?page=${page}&perPage=10`)));
    expect(pages.map(({ body }) => body.queueMoves.length)).toEqual([10, 10, 5]);
    const ids = pages.flatMap(({ body }) => body.queueMoves.map((row) => row.id));
    expect(new Set(ids).size).toBe(25);
    expect((await queue('?page=4&perPage=10')).body.queueMoves).toEqual([]);
  });

  it('answers from the records as they are now, after every kind of change', async () => {
    db.reset({ moves: 25 });
    const before = await queue('?sort=customerName&order=asc');
    const [first] = before.body.queueMoves;
    const move = db.moveByLocator(first.locator)!;
    const customerId = db.find('order', move.orderID)!.customerID;

    // A change made after an answer is in the next one, and in its order.
    db.update('customer', customerId, { lastName: 'Zzyzx' });
    const renamed = await queue('?sort=customerName&order=asc&perPage=25');
    expect(renamed.body.queueMoves.at(-1)).toMatchObject({
      locator: first.locator,
      customer: { lastName: 'Zzyzx' },
    });
    db.update('move', move.id, { status: 'APPROVED' });
    expect((await queue(`?locator=${first.locator}`)).body.queueMoves[0].status).toBe('APPROVED');

    expect(db.remove('move', move.id)).toBe(true);
    expect((await queue()).body.totalCount).toBe(24);
    db.reset({ moves: 25 });
    expect((await queue('?sort=customerName&order=asc')).body).toEqual(before.body);
  });

  it('sorts by customer name, descending', async () => {
    const { body } = await queue('?sort=customerName&order=desc');
    const names = body.queueMoves.map((row) =>
      `${row.customer.lastName}, ${row.customer.firstName}`.toLowerCase(),
    );
    expect(names).toEqual(sorted(names).reverse());
  });

  it('puts moves not yet available to the Prime last, in either direction', async () => {
    for (const order of ['asc', 'desc']) {
      const { body } = await queue(`?sort=availableToPrimeAt&order=${order}`);
      const values = body.queueMoves.map((row) => row.availableToPrimeAt);
      const firstNull = values.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(values.slice(firstNull).every((value) => value === null)).toBe(true);
      const dates = values.slice(0, firstNull);
      expect(dates).toEqual(order === 'asc' ? sorted(dates) : sorted(dates).reverse());
    }
  });

  it('filters by locator prefix, customer name and status', async () => {
    const prime = await queue('?locator=prim');
    expect(prime.body.queueMoves.map((row) => row.locator)).toEqual([
      SEED_LOCATORS.availableToPrime,
    ]);

    const { customer } = prime.body.queueMoves[0];
    const byName = await queue(`?customerName=${customer.lastName.slice(1, 4).toUpperCase()}`);
    expect(byName.body.queueMoves.map((row) => row.customer.id)).toContain(customer.id);
    expect(
      byName.body.queueMoves.every((row) =>
        row.customer.lastName.toLowerCase().includes(customer.lastName.slice(1, 4).toLowerCase()),
      ),
    ).toBe(true);

    const approved = await queue('?status=APPROVED');
    expect(approved.body.totalCount).toBe(approved.body.queueMoves.length);
    expect(approved.body.queueMoves.every((row) => row.status === 'APPROVED')).toBe(true);
    expect(approved.body.totalCount).toBeLessThan(12);
  });

  it.each([
    '?page=0',
    '?page=abc',
    '?perPage=101',
    '?perPage=1.5',
    '?sort=eTag',
    '?order=up',
    '?status=LOST',
    '?locator=ABCDEFG',
  ])('refuses the malformed query %s with 400', async (query) => {
    expectProblem(await queue(query), 400);
  });

  it('stays fast at 10,000 moves', async () => {
    db.reset({ moves: 10_000 });
    const started = performance.now();
    const { body } = await queue('?sort=customerName&customerName=an&perPage=100');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(body.totalCount).toBeGreaterThan(100);
    expect(body.queueMoves).toHaveLength(100);
  });
});
