// The records the mock stores, typed from the OpenAPI document's generated
// types. The state is plain JSON (the clock is a decimal string) so that it
// can later be persisted or shared between tabs as it is.
import type { components } from '../src/api/ghc';

export type Schemas = components['schemas'];

// The document marks fields readOnly for clients; the server owns and writes them.
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** One record serves both shapes: a MoveTaskOrder is the Move plus referenceId. */
export type MoveRecord = Writable<Schemas['MoveTaskOrder']>;
export type CustomerRecord = Writable<Schemas['Customer']>;
export type OrderRecord = Writable<Schemas['Order']>;
export type ShipmentRecord = Writable<Schemas['MTOShipment']>;
export type ServiceItemRecord = Writable<Schemas['MTOServiceItem']>;

export interface RecordOf {
  move: MoveRecord;
  customer: CustomerRecord;
  order: OrderRecord;
  shipment: ShipmentRecord;
  serviceItem: ServiceItemRecord;
}

export type Kind = keyof RecordOf;

/** Fields no write may set directly: the store stamps them. */
export type ServerStamped = 'id' | 'createdAt' | 'updatedAt' | 'eTag';

export type Patch<K extends Kind> = Partial<Omit<RecordOf[K], ServerStamped>>;

export interface DbState {
  /** The last nanosecond stamp issued, as a decimal string (JSON has no BigInt). */
  clock: string;
  records: { [K in Kind]: Record<string, RecordOf[K]> };
}

/**
 * What differs from the seed: its size, the records written or created since
 * it was built, the ids removed since, and the clock. With the deterministic
 * seed that is enough to rebuild the whole state, and it stays small.
 */
export interface Delta {
  moves: number;
  clock: string;
  written: Record<Kind, Record<string, RecordOf[Kind]>>;
  removed: Record<Kind, string[]>;
}

export const KIND_LABELS: Record<Kind, string> = {
  move: 'move task order',
  customer: 'customer',
  order: 'order',
  shipment: 'shipment',
  serviceItem: 'service item',
};

export const KINDS = Object.keys(KIND_LABELS) as Kind[];

/** One value per kind, e.g. an empty table for each. */
export const perKind = <T>(make: () => T) =>
  Object.fromEntries(KINDS.map((kind) => [kind, make()])) as Record<Kind, T>;
