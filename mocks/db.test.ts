// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { eTagOf, isoDate } from './clock';
import { db, DEFAULT_MOVES, SEED_LOCATORS } from './db';
import { SEED_END } from './seed';
import { seededMove } from './testApi';

const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PHONE = /^[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}$/;
const DAY_MS = 86_400_000;

/** Every stamped row in a JSON value: records and the rows kept with them (addresses, contacts). */
function stamped(value: unknown): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null) return [];
  const nested = Object.values(value).flatMap(stamped);
  return 'updatedAt' in value ? [value as Record<string, unknown>, ...nested] : nested;
}

const draftId = () => db.moveByLocator(SEED_LOCATORS.submitted)!.id;

describe('the seed', () => {
  it('is the same on every reset: same ids, values and stamps, so the same eTags', () => {
    const first = db.snapshot().records;
    db.save('move', draftId(), { tioRemarks: 'changed' });
    db.reset();
    expect(db.snapshot().records).toEqual(first);
  });

  it('pins the ready move to the same row on every machine', () => {
    const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
    expect(move).toMatchObject({
      id: '2301cc56-c441-493c-928e-dd471a9e8c51',
      updatedAt: '2026-09-04T16:38:08.578674Z',
    });
    expect(eTagOf(move.updatedAt)).toBe('MjAyNi0wOS0wNFQxNjozODowOC41Nzg2NzRa');
  });

  it('stamps every row as the database would: a v4 id, microseconds, created before updated, before SEED_END', () => {
    const rows = stamped(db.snapshot().records);
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) {
      expect(row.id).toMatch(UUID_V4);
      expect(row.updatedAt).toMatch(STORED);
      expect(row.createdAt).toMatch(STORED);
      expect((row.createdAt as string) <= (row.updatedAt as string)).toBe(true);
      expect((row.updatedAt as string) < '2026-10-31').toBe(true);
    }
    // The next save is stamped later than any seeded row.
    expect(BigInt(db.snapshot().clock)).toBeGreaterThanOrEqual(SEED_END);
  });

  it('has 12 moves by default in the four statuses a TOO meets, with unique 6-character locators', () => {
    const moves = db.all('move');
    expect(moves).toHaveLength(DEFAULT_MOVES);
    expect(new Set(moves.map((move) => move.status))).toEqual(
      new Set(['SUBMITTED', 'SERVICE COUNSELING COMPLETED', 'APPROVALS REQUESTED', 'APPROVED']),
    );
    const locators = moves.map((move) => move.locator);
    expect(new Set(locators).size).toBe(DEFAULT_MOVES);
    locators.forEach((locator) => expect(locator).toMatch(/^[A-Z0-9]{6}$/));
  });

  it('links each move to its orders and customer, with one to three shipments in the future', () => {
    const tomorrow = isoDate(Date.now() + DAY_MS);
    for (const move of db.all('move')) {
      const { order, customer, rows } = seededMove(move.locator);
      expect(order.moveTaskOrderID).toBe(move.id);
      expect(order.moveCode).toBe(move.locator);
      expect(rows.order.serviceMemberId).toBe(rows.customer.id);
      expect(customer.phone).toMatch(PHONE);
      expect(customer.backup_contact?.phone).toMatch(PHONE);
      expect(rows.shipments.length).toBeGreaterThanOrEqual(1);
      expect(rows.shipments.length).toBeLessThanOrEqual(3);
      for (const shipment of rows.shipments) {
        expect(shipment.requestedPickupDate! > tomorrow).toBe(true);
      }
    }
  });

  it('starts RDY4PR submitted and ready: complete orders, 2 HHG and 1 NTS shipment, no service items', () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    expect(move.status).toBe('SUBMITTED');
    expect(rows.move).toMatchObject({ approvedAt: null, availableToPrimeAt: null });
    expect(rows.order.tac).toMatch(/^[A-Z0-9]{4}$/);
    expect(rows.order.departmentIndicator).not.toBeNull();
    expect(rows.order.ordersNumber).not.toBeNull();
    expect(rows.order.ordersTypeDetail).not.toBeNull();
    expect(rows.shipments.map(({ shipmentType, status }) => [shipmentType, status])).toEqual([
      ['HHG', 'SUBMITTED'],
      ['HHG', 'SUBMITTED'],
      ['HHG_INTO_NTS', 'SUBMITTED'],
    ]);
    expect(rows.serviceItems).toEqual([]);
  });

  it('has PRIME1 approved and available to the Prime, with approved shipments and their service items', () => {
    const { rows } = seededMove(SEED_LOCATORS.availableToPrime);
    expect(rows.move.status).toBe('APPROVED');
    expect(rows.move.availableToPrimeAt).toMatch(STORED);
    expect(rows.shipments.every((shipment) => shipment.status === 'APPROVED')).toBe(true);
    for (const shipment of rows.shipments) {
      expect(shipment.approvedDate).toMatch(STORED);
      const codes = rows.serviceItems
        .filter((item) => item.shipmentId === shipment.id)
        .map((item) => item.reServiceCode);
      expect(codes).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DPK', 'DUPK']);
    }
    const moveLevel = rows.serviceItems.filter((item) => item.shipmentId === null);
    expect(moveLevel.map((item) => item.reServiceCode)).toContain('MS');
    expect(rows.serviceItems.every((item) => item.status === 'APPROVED')).toBe(true);
  });

  it('has NOTAC1 submitted with orders that lack a TAC', () => {
    const { rows } = seededMove(SEED_LOCATORS.missingTac);
    expect(rows.move.status).toBe('SUBMITTED');
    expect(rows.order.tac).toBeNull();
  });

  it('has REQST1 waiting for approvals: a service item the Prime asked for, and a new shipment', () => {
    const { rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    expect(rows.move.status).toBe('APPROVALS REQUESTED');
    expect(rows.move.approvedAt).toMatch(STORED);
    expect(rows.move.approvalsRequestedAt).toMatch(STORED);
    const [asked, added] = rows.shipments;
    expect(asked.status).toBe('APPROVALS_REQUESTED');
    expect(added.status).toBe('SUBMITTED');
    const waiting = rows.serviceItems.filter((item) => item.status === 'SUBMITTED');
    expect(waiting).toEqual([
      expect.objectContaining({ shipmentId: asked.id, reason: expect.any(String) }),
    ]);
  });

  // How long it takes is a figure of `npm run bench` (src/test/perf/mock.bench.tsx).
  it('scales to 10,000 moves, the named ones first, each whole and told apart', () => {
    db.reset({ moves: 10_000 });
    const moves = db.all('move');
    expect(moves).toHaveLength(10_000);
    expect(db.seedMoves()).toBe(10_000);
    expect(db.moveByLocator(SEED_LOCATORS.approvalsRequested)?.status).toBe('APPROVALS REQUESTED');
    expect(moves.slice(0, Object.keys(SEED_LOCATORS).length).map((move) => move.locator)).toEqual(
      expect.arrayContaining(Object.values(SEED_LOCATORS)),
    );
    expect(new Set(moves.map((move) => move.locator)).size).toBe(10_000);
    // Every move has its orders, their customer, and a shipment.
    const orders = new Map(db.all('order').map((order) => [order.id, order]));
    const customers = new Set(db.all('customer').map((customer) => customer.id));
    const shipped = new Set(db.all('shipment').map((shipment) => shipment.moveId));
    expect(orders.size).toBe(10_000);
    expect(customers.size).toBe(10_000);
    const incomplete = moves.filter((move) => {
      const order = orders.get(move.ordersId);
      return !order || !customers.has(order.serviceMemberId) || !shipped.has(move.id);
    });
    expect(incomplete.map((move) => move.locator)).toEqual([]);
  });
});

describe('the store', () => {
  it('hands out deep copies that cannot change the data', () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const copy = db.find('customer', rows.customer.id)!;
    copy.firstName = 'Mallory';
    copy.residentialAddress!.city = 'Nowhere';
    expect(db.find('customer', rows.customer.id)).toEqual(rows.customer);
  });

  it('finds a move by its exact locator only, as the lookup `locator = $1` does', () => {
    expect(db.moveByLocator('RDY4PR')?.id).toBe(draftId());
    expect(db.moveByLocator('rdy4pr')).toBeUndefined();
    expect(db.moveByLocator('RDY4P')).toBeUndefined();
    expect(db.moveByLocator(' RDY4PR')).toBeUndefined();
  });

  it('saves like the ORM: the patch applied and updated_at stamped, so a new eTag', () => {
    const before = db.find('move', draftId())!;
    const after = db.save('move', before.id, { tioRemarks: 'Checked by a colleague' });
    expect(after.tioRemarks).toBe('Checked by a colleague');
    expect(after.updatedAt).toMatch(STORED);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.createdAt).toBe(before.createdAt);
    expect(db.find('move', before.id)).toEqual(after);
  });

  it('stamps a save that changes no field too, as every Pop save does', () => {
    const before = db.find('move', draftId())!;
    const after = db.save('move', before.id);
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    expect(eTagOf(after.updatedAt)).not.toBe(eTagOf(before.updatedAt));
  });

  it('keeps the stamp on a touch, as locking a move writes the old updated_at back', () => {
    const before = db.find('move', draftId())!;
    const locked = db.touch('move', before.id, { lockExpiresAt: '2026-12-01T12:00:00.000000Z' });
    expect(locked.lockExpiresAt).toBe('2026-12-01T12:00:00.000000Z');
    expect(locked.updatedAt).toBe(before.updatedAt);
  });

  it('gives two saves in the same millisecond distinct, increasing stamps and eTags', () => {
    // Later than any stamp issued so far in this file: the clock never runs backwards.
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2029, 10, 26, 9, 0, 0, 0));
    const first = db.save('move', draftId(), { tioRemarks: 'one' });
    const second = db.save('move', draftId(), { tioRemarks: 'two' });
    expect(first.updatedAt).toBe('2029-11-26T09:00:00.000000Z');
    expect(second.updatedAt).toBe('2029-11-26T09:00:00.000001Z');
    expect(eTagOf(second.updatedAt)).not.toBe(eTagOf(first.updatedAt));
  });

  it('never reissues a stamp after a reset, even one from a clock that ran ahead', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
    const ahead = db.save('move', draftId(), { tioRemarks: 'before' });
    vi.mocked(Date.now).mockRestore();
    db.reset();
    const after = db.save('move', draftId(), { tioRemarks: 'after' });
    expect(after.updatedAt > ahead.updatedAt).toBe(true);
  });

  it('creates a row with a new id, stamped once for both createdAt and updatedAt', () => {
    const move = db.find('move', draftId())!;
    const item = db.create('serviceItem', {
      moveId: move.id,
      shipmentId: null,
      reServiceId: '1130e612-94eb-49a7-973d-72f33685e551',
      reServiceCode: 'MS',
      reServiceName: 'Move management',
      status: 'APPROVED',
      reason: null,
      rejectionReason: null,
      approvedAt: null,
      rejectedAt: null,
      convertToCustomerExpense: false,
    });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(item.createdAt).toBe(item.updatedAt);
    expect(db.serviceItemsOf(move.id)).toEqual([item]);
  });

  it("lists a move's shipments as the server orders them, without deleted ones", () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const [first, second, third] = rows.shipments;
    db.save('shipment', first.id, { usesExternalVendor: true });
    db.save('shipment', second.id, { deletedAt: '2026-11-01T00:00:00.000000Z' });
    expect(db.shipmentsOf(rows.move.id).map((shipment) => shipment.id)).toEqual([
      third.id,
      first.id,
    ]);
  });

  it('forgets a row a colleague removed, and says whether there was one', () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const [shipment] = rows.shipments;
    expect(db.remove('shipment', shipment.id)).toBe(true);
    expect(db.find('shipment', shipment.id)).toBeUndefined();
    expect(db.shipmentsOf(rows.move.id)).toHaveLength(rows.shipments.length - 1);
    expect(db.remove('shipment', shipment.id)).toBe(false);
  });

  it('counts every change in its revision, a touch and a reset too', () => {
    const start = db.revision();
    db.touch('move', draftId(), { lockedByOfficeUserId: null });
    db.save('move', draftId());
    db.reset();
    expect(db.revision()).toBe(start + 3);
  });

  it('round-trips its state through JSON, for persistence', () => {
    const json = JSON.stringify(db.snapshot());
    db.save('move', draftId(), { tioRemarks: 'lost' });
    db.restore(JSON.parse(json));
    expect(JSON.stringify(db.snapshot())).toBe(json);
  });

  it('never treats inherited names as row ids', () => {
    expect(db.find('move', 'constructor')).toBeUndefined();
    expect(db.find('move', '__proto__')).toBeUndefined();
    expect(db.remove('move', 'hasOwnProperty')).toBe(false);
  });
});

describe('what differs from the seed', () => {
  it('is only the rows written, created or removed, with the clock', () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    expect(db.delta()).toMatchObject({ moves: DEFAULT_MOVES, removed: { shipment: [] } });
    const saved = db.save('customer', rows.customer.id, { phone: '719-555-0199' });
    db.remove('shipment', rows.shipments[0].id);
    const delta = db.delta();
    expect(delta.written.customer).toEqual({ [saved.id]: saved });
    expect(delta.written.move).toEqual({});
    expect(delta.removed.shipment).toEqual([rows.shipments[0].id]);
    expect(BigInt(delta.clock)).toBeGreaterThan(SEED_END);
  });

  it('brings another copy of the db to the same state, and rebuilds the seed after a reset elsewhere', () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    db.save('move', rows.move.id, { tioRemarks: 'From the other tab' });
    const elsewhere = db.delta();
    const target = db.snapshot();
    db.reset();
    db.save('customer', rows.customer.id, { phone: '719-555-0100' });

    // This copy wrote a row the other one never did: only a rebuild gets rid of it.
    db.catchUp(elsewhere);
    expect(db.snapshot().records).toEqual(target.records);
    expect(db.find('move', rows.move.id)?.tioRemarks).toBe('From the other tab');
  });
});
