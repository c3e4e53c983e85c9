// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from './db';
import { seededMove } from './testApi';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PHONE = /^[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}$/;

/** Every object in a JSON value that carries an eTag: records and their nested addresses. */
function versioned(value: unknown): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null) return [];
  const nested = Object.values(value).flatMap(versioned);
  return 'eTag' in value ? [value as Record<string, unknown>, ...nested] : nested;
}

describe('the seed', () => {
  it('is the same on every reset: same ids, values, timestamps and eTags', () => {
    const first = db.snapshot().records;
    db.colleagueUpdate('move', Object.keys(first.move)[0], { tioRemarks: 'changed' });
    db.reset();
    expect(db.snapshot().records).toEqual(first);
  });

  it('gives every record and nested object an id, an updatedAt with nanoseconds and eTag = base64(updatedAt)', () => {
    const all = versioned(db.snapshot().records);
    expect(all.length).toBeGreaterThan(100);
    for (const record of all) {
      expect(record.id).toMatch(UUID_V4);
      expect(record.updatedAt).toMatch(TIMESTAMP);
      expect(atob(record.eTag as string)).toBe(record.updatedAt);
      expect(String(record.updatedAt) < '2026-11-01').toBe(true);
      if ('createdAt' in record)
        expect((record.createdAt as string) <= (record.updatedAt as string)).toBe(true);
    }
  });

  it('has 12 moves by default, most of them drafts, with unique 6-character locators', () => {
    const moves = Object.values(db.snapshot().records.move);
    expect(moves).toHaveLength(12);
    const drafts = moves.filter((move) => move.availableToPrimeAt === null);
    expect(drafts.length).toBeGreaterThan(moves.length / 2);
    expect(drafts.every((move) => move.status === 'SUBMITTED')).toBe(true);
    const locators = moves.map((move) => move.locator);
    expect(new Set(locators).size).toBe(12);
    locators.forEach((locator) => expect(locator).toMatch(/^[A-Z0-9]{6}$/));
  });

  it('links each move to its order and customer, with one to three shipments', () => {
    for (const move of Object.values(db.snapshot().records.move)) {
      const { order, customer, shipments } = seededMove(move.locator);
      expect(order.moveTaskOrderID).toBe(move.id);
      expect(customer.phone).toMatch(PHONE);
      expect(customer.backupContact.phone).toMatch(PHONE);
      expect(shipments.length).toBeGreaterThanOrEqual(1);
      expect(shipments.length).toBeLessThanOrEqual(3);
    }
  });

  it('starts with the RDY4PR draft: submitted shipments and service items, no MS or CS', () => {
    const { move, shipments, serviceItems } = seededMove(SEED_LOCATORS.draft);
    expect(move).toMatchObject({ status: 'SUBMITTED', availableToPrimeAt: null });
    expect(shipments.length).toBeGreaterThanOrEqual(2);
    expect(shipments.some((shipment) => shipment.status === 'SUBMITTED')).toBe(true);
    expect(serviceItems.some((item) => item.status === 'SUBMITTED')).toBe(true);
    expect(serviceItems.map((item) => item.reServiceCode)).not.toContain('MS');
    const linehaul = serviceItems.find((item) => item.reServiceCode === 'DLH');
    expect(shipments.map((shipment) => shipment.id)).toContain(linehaul?.mtoShipmentID);
  });

  it('has PRIME1 already available to the Prime, with approved MS and CS items', () => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    expect(move.status).toBe('APPROVED');
    expect(move.availableToPrimeAt).toMatch(TIMESTAMP);
    for (const code of ['MS', 'CS']) {
      expect(serviceItems.find((item) => item.reServiceCode === code)).toMatchObject({
        status: 'APPROVED',
        mtoShipmentID: null,
        approvedAt: move.availableToPrimeAt,
      });
    }
  });

  it('scales to 10,000 moves', () => {
    const started = performance.now();
    db.reset({ moves: 10_000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(db.queueMoves()).toHaveLength(10_000);
    expect(db.moveByLocator(SEED_LOCATORS.draft)).toBeDefined();
  });
});

describe('the store', () => {
  const draftId = () => seededMove(SEED_LOCATORS.draft).move.id;

  it('hands out deep copies that cannot change the data', () => {
    const { customer } = seededMove(SEED_LOCATORS.draft);
    const copy = db.find('customer', customer.id)!;
    copy.firstName = 'Mallory';
    copy.currentAddress.city = 'Nowhere';
    expect(db.find('customer', customer.id)).toEqual(customer);
  });

  it('applies a colleague update like an accepted write: new updatedAt and eTag', () => {
    const before = db.find('move', draftId())!;
    const after = db.colleagueUpdate('move', before.id, { tioRemarks: 'Checked by a colleague' });
    expect(after.tioRemarks).toBe('Checked by a colleague');
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.eTag).toBe(btoa(after.updatedAt));
    expect(db.find('move', before.id)).toEqual(after);
  });

  it('keeps the eTag when an update changes nothing', () => {
    const before = db.find('move', draftId())!;
    expect(db.colleagueUpdate('move', before.id, { tioRemarks: before.tioRemarks })).toEqual(
      before,
    );
  });

  it('gives two writes in the same millisecond distinct, increasing eTags', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 26, 9, 0, 0, 0));
    const id = draftId();
    const first = db.colleagueUpdate('move', id, { tioRemarks: 'one' });
    const second = db.colleagueUpdate('move', id, { tioRemarks: 'two' });
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.updatedAt > first.updatedAt).toBe(true);
  });

  it('never reissues a timestamp after a reset', () => {
    const id = draftId();
    const before = db.colleagueUpdate('move', id, { tioRemarks: 'before' });
    db.reset();
    const after = db.colleagueUpdate('move', id, { tioRemarks: 'after' });
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('forgets a record a colleague removed', () => {
    const { move, shipments } = seededMove(SEED_LOCATORS.draft);
    expect(db.remove('shipment', shipments[0].id)).toBe(true);
    expect(db.find('shipment', shipments[0].id)).toBeUndefined();
    expect(db.shipmentsOf(move.id)).toHaveLength(shipments.length - 1);
    expect(db.remove('shipment', shipments[0].id)).toBe(false);
  });

  it('round-trips its state through JSON, for persistence', () => {
    const json = JSON.stringify(db.snapshot());
    db.colleagueUpdate('move', draftId(), { tioRemarks: 'lost' });
    db.restore(JSON.parse(json));
    expect(JSON.stringify(db.snapshot())).toBe(json);
  });

  it('never treats inherited names as record ids', () => {
    expect(db.find('move', 'constructor')).toBeUndefined();
    expect(db.find('move', '__proto__')).toBeUndefined();
  });
});
