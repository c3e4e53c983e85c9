// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { eTagOf } from './clock';
import { db, SEED_LOCATORS, type Kind } from './db';
import { actAsAnotherUser, resetMockData } from './devControls';
import type { DbState } from './records';
import { expectMessage, seededMove, send } from './testApi';

/** Every row whose stamp differs between two states, as 'kind id'. */
function restamped(before: DbState, after: DbState): string[] {
  return Object.entries(after.records).flatMap(([kind, table]) =>
    Object.values(table)
      .filter((row) => before.records[kind as Kind][row.id]?.updatedAt !== row.updatedAt)
      .map((row) => `${kind} ${row.id}`),
  );
}

const ready = () => seededMove(SEED_LOCATORS.submitted).rows;

describe('acting as another user', () => {
  it.each<[Kind, () => { id: string }, RegExp]>([
    ['move', () => ready().move, /^Changed TIO remarks to '.+'$/],
    ['customer', () => ready().customer, /^Changed the customer's phone to \d{3}-555-01\d\d$/],
    ['order', () => ready().order, /^Moved the report-by date a week later, to \d{4}-\d\d-\d\d$/],
    [
      'shipment',
      () => ready().shipments[0],
      /^Moved the shipment's requested pickup a day later, to \d{4}-\d\d-\d\d$/,
    ],
  ])('changes the %s like an accepted write, and nothing else', async (kind, pick, says) => {
    const { id } = pick();
    const before = db.snapshot();
    expect(await actAsAnotherUser(kind, id)).toMatch(says);

    const after = db.find(kind, id)!;
    expect(restamped(before, db.snapshot())).toEqual([`${kind} ${id}`]);
    expect(after.updatedAt > before.records[kind][id].updatedAt).toBe(true);
  });

  it('approves a service item the Prime asked for, and moves its shipment and move on as the TOO would', async () => {
    const { move, shipments, serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested).rows;
    const asked = serviceItems.find((item) => item.status === 'SUBMITTED')!;
    const before = db.snapshot();
    expect(await actAsAnotherUser('serviceItem', asked.id)).toBe(
      `Approved the service item ${asked.reServiceCode} (${asked.reServiceName})`,
    );

    // The SIT end date's save touches every item of the shipment, the approved one included.
    const ofShipment = serviceItems.filter((item) => item.shipmentId === asked.shipmentId);
    expect(restamped(before, db.snapshot()).sort()).toEqual(
      [
        ...ofShipment.map((item) => `serviceItem ${item.id}`),
        `shipment ${asked.shipmentId}`,
        `move ${move.id}`,
      ].sort(),
    );
    expect(db.find('serviceItem', asked.id)).toMatchObject({ status: 'APPROVED' });
    expect(db.find('shipment', asked.shipmentId!)?.status).toBe('APPROVED');
    // The move's other shipment still waits.
    expect(shipments.find((shipment) => shipment.id !== asked.shipmentId)?.status).toBe(
      'SUBMITTED',
    );
    expect(db.find('move', move.id)?.status).toBe('APPROVALS REQUESTED');
  });

  it('makes realistic edits: a remark that differs on every call, dates a week or a day later', async () => {
    const { move, order, shipments } = ready();
    const first = await actAsAnotherUser('move', move.id);
    const second = await actAsAnotherUser('move', move.id);
    expect(second).not.toBe(first);
    expect(`Changed TIO remarks to '${db.find('move', move.id)?.tioRemarks}'`).toBe(second);

    await actAsAnotherUser('order', order.id);
    const weekLater =
      Date.parse(db.find('order', order.id)!.reportByDate) - Date.parse(order.reportByDate);
    expect(weekLater).toBe(7 * 86_400_000);

    await actAsAnotherUser('shipment', shipments[0].id);
    const dayLater =
      Date.parse(db.find('shipment', shipments[0].id)!.requestedPickupDate!) -
      Date.parse(shipments[0].requestedPickupDate!);
    expect(dayLater).toBe(86_400_000);
  });

  it("makes the user's next write with the old eTag a 412 naming the record", async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    await actAsAnotherUser('customer', customer.id!);
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: customer.eTag,
      body: { first_name: 'Jordan', last_name: 'Lee' },
    });
    expect(expectMessage(answer, 412)).toBe(
      `Precondition failed on update to object with ID: '${customer.id}'. The If-Match header value did not match the eTag for this record.`,
    );
  });

  it('leaves a service item that is no longer SUBMITTED as it was', async () => {
    const item = seededMove(SEED_LOCATORS.availableToPrime).rows.serviceItems[0];
    const before = db.snapshot();
    expect(await actAsAnotherUser('serviceItem', item.id)).toBe(
      `Left the service item ${item.reServiceCode} (${item.reServiceName}) as it was: it is APPROVED, not SUBMITTED`,
    );
    expect(db.snapshot()).toEqual(before);
  });

  it('leaves a shipment without a pickup date as it was', async () => {
    const [shipment] = ready().shipments;
    db.save('shipment', shipment.id, { requestedPickupDate: null });
    const before = db.snapshot();
    expect(await actAsAnotherUser('shipment', shipment.id)).toBe(
      'Left the shipment as it was: it has no pickup date',
    );
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
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const sent = await send('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: move.eTag,
      body: { serviceCodeMS: true, serviceCodeCS: false },
    });
    expect(sent.status).toBe(200);
    const [created] = db.serviceItemsOf(move.id!);
    expect(created.reServiceCode).toBe('MS');

    expect(await resetMockData()).toEqual([
      { kind: 'move', id: move.id },
      { kind: 'serviceItem', id: created.id },
    ]);
    expect(db.snapshot().records).toEqual(seeded.records);
    expect(seededMove(SEED_LOCATORS.submitted).move.eTag).toBe(
      eTagOf(seeded.records.move[move.id!].updatedAt),
    );
  });
});
