// The mock's data. All state is one plain JSON value (`DbState`) behind this
// small interface, so a later change can persist it or share it between tabs
// by swapping `snapshot`/`restore` around each write.
import { eTagOf, formatTimestamp, nextStamp } from './clock';
import type {
  DbState,
  Kind,
  Patch,
  RecordOf,
  Schemas,
  ServerStamped,
  ServiceItemRecord,
  ShipmentRecord,
} from './records';
import { buildSeed, SEED_END } from './seed';

export { SEED_LOCATORS } from './seed';
export type { Kind, RecordOf } from './records';

const DEFAULT_MOVES = 12;

let state: DbState = buildSeed(DEFAULT_MOVES);

function table<K extends Kind>(kind: K): Record<string, RecordOf[K]> {
  return state.records[kind];
}

// Own properties only: an id such as 'constructor' must never reach Object.prototype.
function live<K extends Kind>(kind: K, id: string): RecordOf[K] | undefined {
  const records = table(kind);
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        isEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Issues a timestamp strictly later than any issued before. */
function now(): string {
  const stamp = nextStamp(BigInt(state.clock));
  state.clock = stamp.toString();
  return formatTimestamp(stamp);
}

/**
 * Applies a change the way an accepted write does: a record whose fields
 * change gets a new updatedAt and eTag; a patch that changes nothing leaves
 * the record (and its eTag) as it was.
 */
function update<K extends Kind>(kind: K, id: string, patch: Patch<K>): RecordOf[K] {
  const record = live(kind, id);
  if (!record) throw new Error(`The mock has no ${kind} ${id}`);
  const current = record as Record<string, unknown>;
  const changes = Object.entries(patch).filter(
    ([key, value]) => value !== undefined && !isEqual(current[key], value),
  );
  if (changes.length === 0) return structuredClone(record);
  const updatedAt = now();
  // Spread, never Object.assign: a '__proto__' key must stay plain data.
  const next = { ...record, ...Object.fromEntries(changes), updatedAt, eTag: eTagOf(updatedAt) };
  table(kind)[id] = next;
  return structuredClone(next);
}

function create<K extends Kind>(kind: K, fields: Omit<RecordOf[K], ServerStamped>): RecordOf[K] {
  const createdAt = now();
  // The spread loses the link between K and the fields; the stamped fields complete the record.
  const record = {
    id: crypto.randomUUID(),
    ...fields,
    createdAt,
    updatedAt: createdAt,
    eTag: eTagOf(createdAt),
  } as RecordOf[K];
  table(kind)[record.id] = record;
  return structuredClone(record);
}

function childrenOf<K extends 'shipment' | 'serviceItem'>(kind: K, moveId: string): RecordOf[K][] {
  return Object.values(table(kind))
    .filter((record) => record.moveTaskOrderID === moveId)
    .map((record) => structuredClone(record));
}

/** The queue's summary rows (not records: no eTag), one per move, in storage order. */
function queueMoves(): Schemas['QueueMove'][] {
  const shipments = new Map<string, ShipmentRecord[]>();
  for (const shipment of Object.values(state.records.shipment)) {
    const list = shipments.get(shipment.moveTaskOrderID);
    if (list) list.push(shipment);
    else shipments.set(shipment.moveTaskOrderID, [shipment]);
  }
  return Object.values(state.records.move).flatMap((move) => {
    const order = live('order', move.orderID);
    const customer = order && live('customer', order.customerID);
    if (!order || !customer) return [];
    const ofMove = shipments.get(move.id) ?? [];
    const pickupDates = ofMove.map((shipment) => shipment.requestedPickupDate).sort();
    return [
      {
        id: move.id,
        locator: move.locator,
        customer: {
          id: customer.id,
          firstName: customer.firstName,
          lastName: customer.lastName,
          edipi: customer.edipi,
        },
        status: move.status,
        availableToPrimeAt: move.availableToPrimeAt,
        originDutyLocation: order.originDutyLocation.name,
        requestedMoveDate: pickupDates[0] ?? null,
        shipmentsCount: ofMove.length,
      },
    ];
  });
}

export const db = {
  /** Rebuilds the deterministic seed: same ids, values and eTags every time. */
  reset(options: { moves?: number } = {}): void {
    // The clock never runs backwards, so a version written before a reset is never reissued.
    const clock = [BigInt(state.clock), SEED_END].reduce((a, b) => (a > b ? a : b));
    state = buildSeed(options.moves ?? DEFAULT_MOVES);
    state.clock = clock.toString();
  },

  /** A deep copy of the whole state, plain JSON. */
  snapshot(): DbState {
    return structuredClone(state);
  },

  restore(snapshot: DbState): void {
    state = structuredClone(snapshot);
  },

  /** A deep copy of one record, or undefined. */
  find<K extends Kind>(kind: K, id: string): RecordOf[K] | undefined {
    const record = live(kind, id);
    return record && structuredClone(record);
  },

  moveByLocator(locator: string): RecordOf['move'] | undefined {
    const wanted = locator.toUpperCase();
    const move = Object.values(state.records.move).find((record) => record.locator === wanted);
    return move && structuredClone(move);
  },

  shipmentsOf(moveId: string): ShipmentRecord[] {
    return childrenOf('shipment', moveId);
  },

  serviceItemsOf(moveId: string): ServiceItemRecord[] {
    return childrenOf('serviceItem', moveId);
  },

  queueMoves,
  now,
  update,
  create,

  /** A colleague's change, applied exactly like an accepted write (new updatedAt and eTag). */
  colleagueUpdate: update,

  /** A colleague deleted the record. Answers whether it existed. */
  remove(kind: Kind, id: string): boolean {
    if (!live(kind, id)) return false;
    delete table(kind)[id];
    return true;
  },
};
