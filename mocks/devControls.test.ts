// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS, type Kind } from './db';
import { actAsAnotherUser, resetMockData } from './devControls';
import type { DbState } from './records';
import { expectProblem, quoted, seededMove, send } from './testApi';

/** Every record whose eTag differs between two states, as 'kind id'. */
function changedRecords(before: DbState, after: DbState): string[] {
  return Object.entries(after.records).flatMap(([kind, table]) =>
    Object.values(table)
      .filter((record) => before.records[kind as Kind][record.id]?.eTag !== record.eTag)
      .map((record) => `${kind} ${record.id}`),
  );
}

describe('acting as another user', () => {
  const draft = () => seededMove(SEED_LOCATORS.draft);
  const submittedItem = () => draft().serviceItems.find((item) => item.status === 'SUBMITTED')!;

  it.each<[Kind, () => { id: string }, RegExp]>([
    ['move', () => draft().move, /^Changed TIO remarks to '.+'$/],
    ['customer', () => draft().customer, /^Changed the customer's phone to \d{3}-555-\d{4}$/],
    ['order', () => draft().order, /^Moved the report-by date a week later, to \d{4}-\d\d-\d\d$/],
    ['shipment', () => draft().shipments[0], /^Changed the shipment's customer remarks to '.+'$/],
    ['serviceItem', submittedItem, /^Approved the service item [A-Z]+ \(.+\)$/],
  ])('changes the %s like an accepted write, and nothing else', async (kind, pick, says) => {
    const { id } = pick();
    const before = db.snapshot();
    expect(await actAsAnotherUser(kind, id)).toMatch(says);

    const after = db.find(kind, id)!;
    expect(changedRecords(before, db.snapshot())).toEqual([`${kind} ${id}`]);
    expect(after.updatedAt > before.records[kind][id].updatedAt).toBe(true);
    expect(after.eTag).toBe(btoa(after.updatedAt));
  });

  it('makes realistic edits: a remark that differs on every call, a report date a week later', async () => {
    const { move, order } = draft();
    const first = await actAsAnotherUser('move', move.id);
    const second = await actAsAnotherUser('move', move.id);
    expect(second).not.toBe(first);
    expect(`Changed TIO remarks to '${db.find('move', move.id)?.tioRemarks}'`).toBe(second);

    await actAsAnotherUser('order', order.id);
    const later =
      Date.parse(db.find('order', order.id)!.reportByDate) - Date.parse(order.reportByDate);
    expect(later).toBe(7 * 86_400_000);
  });

  it("makes the user's next write with the old eTag a 412", async () => {
    const { customer } = draft();
    await actAsAnotherUser('customer', customer.id);
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: quoted(customer.eTag),
      body: { firstName: 'Jordan' },
    });
    expectProblem(answer, 412);
  });

  it('leaves a service item that is no longer SUBMITTED as it was', async () => {
    const item = draft().serviceItems.find((candidate) => candidate.status === 'APPROVED')!;
    const before = db.snapshot();
    expect(await actAsAnotherUser('serviceItem', item.id)).toMatch(/as it was: it is APPROVED/);
    expect(db.snapshot()).toEqual(before);
  });

  it('refuses a record the mock does not have', async () => {
    await expect(actAsAnotherUser('shipment', 'no-such-id')).rejects.toThrow(
      'The mock has no shipment no-such-id',
    );
  });
});

describe('resetting the mock data', () => {
  it('brings back the seed and names the records that changed', async () => {
    const seeded = db.snapshot();
    const { move } = seededMove(SEED_LOCATORS.draft);
    const sent = await send('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: quoted(move.eTag),
      body: { serviceCodeMS: true, serviceCodeCS: false },
    });
    expect(sent.status).toBe(200);
    const created = db.serviceItemsOf(move.id).find((item) => item.reServiceCode === 'MS')!;

    expect(await resetMockData()).toEqual([
      { kind: 'move', id: move.id },
      { kind: 'serviceItem', id: created.id },
    ]);
    expect(db.snapshot().records).toEqual(seeded.records);
  });
});
