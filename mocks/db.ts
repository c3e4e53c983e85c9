// The mock's data. All state is one plain JSON value (`DbState`) behind this
// small interface. It also tracks which rows differ from the deterministic
// seed, so that mocks/persistence.ts can store and share just that `Delta`.
//
// Saving follows the real server's ORM: every save stamps `updated_at`, even
// one that changes no field, so every accepted write gives its row a new
// eTag. Locking a move is the one change that keeps the old stamp.
import { formatStamp, nextStamp } from './clock';
import {
  KINDS,
  perKind,
  type DbState,
  type Delta,
  type Kind,
  type Patch,
  type RecordOf,
  type ServerStamped,
  type ServiceItemRow,
  type ShipmentRow,
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
 * Goes up with every change to the rows, so what is derived from them (the
 * queue's rows, their sort orders) is computed once per change, as a real
 * server's indexes would spare it.
 */
let revision = 0;

function table<K extends Kind>(kind: K): Record<string, RecordOf[K]> {
  return state.records[kind];
}

// Own properties only: an id such as 'constructor' must never reach Object.prototype.
function live<K extends Kind>(kind: K, id: string): RecordOf[K] | undefined {
  const rows = table(kind);
  return Object.hasOwn(rows, id) ? rows[id] : undefined;
}

/** Issues an instant strictly later than any issued before, in its stored form. */
function now(): string {
  const stamp = nextStamp(BigInt(state.clock));
  state.clock = stamp.toString();
  return formatStamp(stamp);
}

function put<K extends Kind>(kind: K, row: RecordOf[K]): RecordOf[K] {
  table(kind)[row.id] = row;
  touched[kind].add(row.id);
  revision += 1;
  return structuredClone(row);
}

function existing<K extends Kind>(kind: K, id: string): RecordOf[K] {
  const row = live(kind, id);
  if (!row) throw new Error(`The mock has no ${kind} ${id}`);
  return row;
}

/** Saves a row as the server's ORM does: the patch applied, updated_at stamped. */
function save<K extends Kind>(kind: K, id: string, patch: Patch<K> = {}): RecordOf[K] {
  // Spread, never Object.assign: a '__proto__' key must stay plain data.
  return put(kind, { ...existing(kind, id), ...patch, updatedAt: now() });
}

/** Changes a row without stamping it (a move's lock): its eTag stays. */
function touch<K extends Kind>(kind: K, id: string, patch: Patch<K>): RecordOf[K] {
  return put(kind, { ...existing(kind, id), ...patch });
}

function create<K extends Kind>(
  kind: K,
  fields: Omit<RecordOf[K], ServerStamped> & { id?: string },
): RecordOf[K] {
  const createdAt = now();
  // The spread loses the link between K and the fields; the stamped fields complete the row.
  const row = {
    id: crypto.randomUUID(),
    ...fields,
    createdAt,
    updatedAt: createdAt,
  } as RecordOf[K];
  return put(kind, row);
}

/** A move's shipments that are not deleted, in the server's order. */
function shipmentsOf(moveId: string): ShipmentRow[] {
  return Object.values(table('shipment'))
    .filter((row) => row.moveId === moveId && row.deletedAt === null)
    .sort(
      (a, b) =>
        Number(a.usesExternalVendor) - Number(b.usesExternalVendor) ||
        (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
    )
    .map((row) => structuredClone(row));
}

function serviceItemsOf(moveId: string): ServiceItemRow[] {
  return Object.values(table('serviceItem'))
    .filter((row) => row.moveId === moveId)
    .map((row) => structuredClone(row));
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
      const row = live(kind, id);
      if (row) written[kind][id] = structuredClone(row);
      else removed[kind].push(id);
    }
  }
  return { moves: seedMoves, clock: state.clock, written, removed };
}

/**
 * Brings the state to `seed + next`. It patches in place when every row this
 * state changed is also in `next` (the usual case: another tab wrote on top
 * of what this one has); otherwise, after a reset elsewhere, it rebuilds the
 * seed first.
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
    for (const [id, row] of Object.entries(next.written[kind])) {
      table(kind)[id] = structuredClone(row);
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

  /** A deep copy of one row, or undefined. */
  find<K extends Kind>(kind: K, id: string): RecordOf[K] | undefined {
    const row = live(kind, id);
    return row && structuredClone(row);
  },

  /** Every row of a kind, shared with the store: never to be changed. */
  all<K extends Kind>(kind: K): readonly RecordOf[K][] {
    return Object.values(table(kind));
  },

  /** The move with exactly this locator, as the server's lookup matches it. */
  moveByLocator(locator: string): RecordOf['move'] | undefined {
    const move = Object.values(table('move')).find((row) => row.locator === locator);
    return move && structuredClone(move);
  },

  shipmentsOf,
  serviceItemsOf,

  /** Goes up with every change to the rows. */
  revision: () => revision,
  now,
  save,
  touch,
  create,

  /** A colleague deleted the row. Answers whether it existed. */
  remove(kind: Kind, id: string): boolean {
    if (!live(kind, id)) return false;
    delete table(kind)[id];
    touched[kind].add(id);
    revision += 1;
    return true;
  },
};
