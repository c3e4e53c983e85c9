// The mock's data. All state is one plain JSON value (`DbState`) behind this
// small interface. It also tracks which records differ from the deterministic
// seed, so that mocks/persistence.ts can store and share just that `Delta`.
import { eTagOf, formatTimestamp, nextStamp } from './clock';
import {
  KINDS,
  perKind,
  type DbState,
  type Delta,
  type Kind,
  type Patch,
  type RecordOf,
  type Schemas,
  type ServerStamped,
  type ServiceItemRecord,
  type ShipmentRecord,
} from './records';
import { buildSeed, SEED_END } from './seed';

export { SEED_LOCATORS } from './seed';
export type { Delta, Kind, RecordOf } from './records';

export const DEFAULT_MOVES = 12;

let state: DbState = buildSeed(DEFAULT_MOVES);
let seedMoves = DEFAULT_MOVES;

/** Per kind, the ids written, created or removed since the seed was built. */
type Touched = Record<Kind, Set<string>>;
const untouched = (): Touched => perKind(() => new Set<string>());
let touched = untouched();

/**
 * Goes up with every change to the records, so what is derived from them
 * (the queue's rows, their sort orders) is computed once per change, as a
 * real server's indexes would spare it.
 */
let revision = 0;

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
  touched[kind].add(id);
  revision += 1;
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
  touched[kind].add(record.id);
  revision += 1;
  return structuredClone(record);
}

function childrenOf<K extends 'shipment' | 'serviceItem'>(kind: K, moveId: string): RecordOf[K][] {
  return Object.values(table(kind))
    .filter((record) => record.moveTaskOrderID === moveId)
    .map((record) => structuredClone(record));
}

let queueRows: { revision: number; rows: readonly Schemas['QueueMove'][] } | undefined;

/**
 * The queue's summary rows (not records: no eTag), one per move, in storage
 * order: built once per revision, and shared, so never to be changed.
 */
function queueMoves(): readonly Schemas['QueueMove'][] {
  if (queueRows?.revision !== revision) queueRows = { revision, rows: buildQueueMoves() };
  return queueRows.rows;
}

function buildQueueMoves(): Schemas['QueueMove'][] {
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

const later = (a: string, b: string) => (BigInt(a) > BigInt(b) ? a : b);

function reset(options: { moves?: number } = {}): void {
  // The clock never runs backwards, so a version written before a reset is never reissued.
  const clock = later(state.clock, SEED_END.toString());
  seedMoves = options.moves ?? DEFAULT_MOVES;
  state = buildSeed(seedMoves);
  state.clock = clock;
  touched = untouched();
  revision += 1;
}

function delta(): Delta {
  const written: Delta['written'] = perKind(() => ({}));
  const removed = perKind((): string[] => []);
  for (const kind of KINDS) {
    for (const id of touched[kind]) {
      const record = live(kind, id);
      if (record) written[kind][id] = structuredClone(record);
      else removed[kind].push(id);
    }
  }
  return { moves: seedMoves, clock: state.clock, written, removed };
}

/**
 * Brings the state to `seed + next`. It patches in place when every record
 * this state changed is also in `next` (the usual case: another tab wrote on
 * top of what this one has); otherwise, after a reset elsewhere, it rebuilds
 * the seed first.
 */
function catchUp(next: Delta): void {
  const clock = later(state.clock, next.clock);
  const covered = KINDS.every((kind) =>
    [...touched[kind]].every(
      (id) => Object.hasOwn(next.written[kind], id) || next.removed[kind].includes(id),
    ),
  );
  if (next.moves !== seedMoves || !covered) reset({ moves: next.moves });
  for (const kind of KINDS) {
    for (const [id, record] of Object.entries(next.written[kind])) {
      table(kind)[id] = structuredClone(record);
      touched[kind].add(id);
    }
    for (const id of next.removed[kind]) {
      delete table(kind)[id];
      touched[kind].add(id);
    }
  }
  state.clock = clock;
  revision += 1;
}

export const db = {
  /** Rebuilds the deterministic seed (12 moves unless told): same ids, values and eTags every time. */
  reset,

  /** How many moves the seed was built with. */
  seedMoves: () => seedMoves,

  /** What differs from the seed, plain JSON: all that needs storing. */
  delta,
  catchUp,

  /** A deep copy of the whole state, plain JSON. */
  snapshot(): DbState {
    return structuredClone(state);
  },

  /** For tests only: the state it installs is not tracked as a delta, so never persist after it. */
  restore(snapshot: DbState): void {
    state = structuredClone(snapshot);
    revision += 1;
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
  /** Goes up with every change to the records. */
  revision: () => revision,
  now,
  update,
  create,

  /** A colleague's change, applied exactly like an accepted write (new updatedAt and eTag). */
  colleagueUpdate: update,

  /** A colleague deleted the record. Answers whether it existed. */
  remove(kind: Kind, id: string): boolean {
    if (!live(kind, id)) return false;
    delete table(kind)[id];
    touched[kind].add(id);
    revision += 1;
    return true;
  },
};
