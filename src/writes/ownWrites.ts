// The versions this tab's own writes made. A write's answer is a version the
// user made: the server took it on the eTag it was sent with. Some writes
// save other records too (approving a shipment saves its move, saving the
// orders saves the customer); those versions are the user's as well, when the
// next version the app sees of that record differs from the one before only
// in the fields such a write changes. Each is kept as a step from one eTag to
// the next, so that a draft or an action based on an older version can tell
// whether only the user's own writes came after it (and rebase silently) or
// someone else's did (a conflict). A write whose answer was lost made a
// version too: once the latest version shows it done, and differs from the one
// it was sent on only in what that write changes, that version is the user's
// (ownVersionConfirmed), as an answer would have said.
import { createSlice, isFulfilled, type PayloadAction } from '@reduxjs/toolkit';
import type { Versioned } from '../api/models';

type Fields = Record<string, unknown>;

/** A record another write of the user's will have saved on the server. */
export interface ExpectedSave {
  /** The version the app held when the write was answered. */
  before: Versioned & Fields;
  /** The fields that write may change on it. */
  fields: string[];
  /** The write's type prefix: 'shipments/approveShipment'. */
  by: string;
}

/** One version the user's write made of a record: its eTag, and which write. */
interface Step {
  to: string;
  by: string;
}

/** Per record id: the eTag a version was based on -> the version the user's write made of it. */
export type Steps = Record<string, Record<string, Step>>;

export interface OwnWrites {
  steps: Steps;
  /** Per record id: a save of the user's the app has not seen the result of yet. */
  expected: Record<string, ExpectedSave>;
}

/** The part of the store this slice keeps: `state.writes.ownWrites`. */
export interface OwnWritesState {
  writes: { ownWrites: OwnWrites };
}

// Never a version of their own: the lock a read takes moves them.
const UNVERSIONED = new Set(['eTag', 'updatedAt', 'lockedByOfficeUserID', 'lockExpiresAt']);

/** The fields whose values differ between two versions of a record. */
export function changedFields(before: Fields, after: Fields): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !UNVERSIONED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether two versions differ in nothing but `paths` ('phone', or
 * 'backup_contact.name' for a nested field). A nested record (an address, an
 * entitlement) is compared field by field: its own eTag and updatedAt move
 * whenever its parent is saved, and say nothing of who changed what.
 */
export function changedOnlyIn(before: object, after: object, paths: string[]): boolean {
  const [was, is] = [before as Fields, after as Fields];
  return changedFields(was, is).every((key) => {
    if (paths.includes(key)) return true;
    const inside = paths.flatMap((path) =>
      path.startsWith(`${key}.`) ? [path.slice(key.length + 1)] : [],
    );
    return isFields(was[key]) && isFields(is[key]) && changedOnlyIn(was[key], is[key], inside);
  });
}

/**
 * The user's own writes that lead from the version `fromETag` to `toETag`,
 * in order, by type prefix; null when anything else came between them (a
 * colleague, another tab) or they are the same version.
 */
export function ownWritesBetween(
  steps: Steps,
  recordID: string,
  fromETag: string,
  toETag: string,
): string[] | null {
  const ofRecord = steps[recordID] ?? {};
  const writes: string[] = [];
  const seen = new Set<string>();
  let at = fromETag;
  while (at !== toETag) {
    if (seen.has(at) || !Object.hasOwn(ofRecord, at)) return null;
    seen.add(at);
    writes.push(ofRecord[at].by);
    at = ofRecord[at].to;
  }
  return writes.length > 0 ? writes : null;
}

/**
 * The eTag a write was sent on for one of its records: its argument's
 * `ifMatchETag`, or that record's in `ifMatchETags` (a write of several).
 */
function writeBase(arg: unknown, recordID: string): string | undefined {
  const { ifMatchETag, ifMatchETags } = (typeof arg === 'object' && arg !== null ? arg : {}) as {
    ifMatchETag?: unknown;
    ifMatchETags?: Record<string, unknown>;
  };
  if (typeof ifMatchETag === 'string') return ifMatchETag;
  const base = ifMatchETags && Object.hasOwn(ifMatchETags, recordID) && ifMatchETags[recordID];
  return typeof base === 'string' ? base : undefined;
}

/** The records an answer carries: one, or a list of them. */
function recordsIn(payload: unknown): (Versioned & Fields)[] {
  const list = Array.isArray(payload) ? payload : [payload];
  return list.filter(
    (item): item is Versioned & Fields =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Fields).id === 'string' &&
      typeof (item as Fields).eTag === 'string',
  );
}

function addStep(state: OwnWrites, recordID: string, from: string, step: Step) {
  if (from === step.to) return;
  (state.steps[recordID] ??= {})[from] = step;
}

/** 'shipments/approveShipment/fulfilled' (or '/rejected') -> 'shipments/approveShipment' */
export const typePrefixOf = (type: string) => type.replace(/\/(fulfilled|rejected)$/, '');

/** A version the user's write made, though its answer was lost: a step from one eTag to the next. */
export interface ConfirmedVersion {
  recordID: string;
  /** The eTag the write was sent on. */
  from: string;
  /** The latest version's, which shows the write done. */
  to: string;
  /** The write's type prefix: 'shipments/approveShipment'. */
  by: string;
}

const ownWritesSlice = createSlice({
  name: 'writes/ownWrites',
  initialState: { steps: {}, expected: {} } as OwnWrites,
  reducers: {
    /** The user's write was answered: it will have saved this record too. */
    saveExpected(state, { payload }: PayloadAction<ExpectedSave>) {
      state.expected[payload.before.id] = payload;
    },
    /**
     * A write of the user's got no answer, and the latest version showed it
     * done with nothing else changed: that version is theirs (see
     * confirmedOwnVersion, which alone decides when it is said).
     */
    ownVersionConfirmed(state, { payload }: PayloadAction<ConfirmedVersion>) {
      addStep(state, payload.recordID, payload.from, { to: payload.to, by: payload.by });
    },
  },
  extraReducers: (builder) => {
    builder.addMatcher(isFulfilled, (state, { payload, meta, type }) => {
      for (const record of recordsIn(payload)) {
        const base = writeBase(meta.arg, record.id);
        // A write's own record: the server took it on the eTag it was sent with.
        if (base !== undefined) {
          addStep(state, record.id, base, { to: record.eTag, by: typePrefixOf(type) });
        }
        const expected = state.expected[record.id];
        if (!expected || expected.before.eTag === record.eTag) continue;
        // The first new version seen after the user's write: theirs if it
        // changed only what that write changes, someone else's too if not.
        const changed = changedFields(expected.before, record);
        if (changed.every((field) => expected.fields.includes(field))) {
          addStep(state, record.id, expected.before.eTag, { to: record.eTag, by: expected.by });
        }
        delete state.expected[record.id];
      }
    });
  },
});

export const { saveExpected, ownVersionConfirmed } = ownWritesSlice.actions;
export default ownWritesSlice.reducer;

/**
 * What to store of a write `by` whose answer was lost, once the latest
 * version shows it done (outcome.ts 'saved'): the version is the user's own
 * when it differs from `base`, the one the write was sent on, only in
 * `fields`, what that write changes. If anything else changed, someone
 * else's write came between too, and the step is not the user's alone: null,
 * as for the same version (nothing was saved, or the write keeps it).
 */
export function confirmedOwnVersion(
  base: Versioned,
  latest: Versioned,
  fields: string[],
  by: string,
) {
  if (base.id !== latest.id || base.eTag === latest.eTag) return null;
  if (!changedOnlyIn(base, latest, fields)) return null;
  return ownVersionConfirmed({ recordID: latest.id, from: base.eTag, to: latest.eTag, by });
}

/** The user's own writes from `base` to `latest` (see ownWritesBetween). */
export const selectOwnWritesBetween = (state: OwnWritesState, base: Versioned, latest: Versioned) =>
  ownWritesBetween(state.writes.ownWrites.steps, base.id, base.eTag, latest.eTag);
