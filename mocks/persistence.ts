// One mock server for every tab of the origin, surviving reloads. Each tab
// keeps its own in-memory db; what they share is the db's `Delta` (what
// differs from the deterministic seed) in localStorage. localStorage rather
// than IndexedDB because it is synchronous: catching up, judging the write and
// persisting it run in one synchronous step with no await in between, exactly
// like the in-process pipeline, and its `storage` event hands every other tab
// the old and new value to derive change notices from. The delta is a few KB
// even with 10,000 seeded moves, far below its quota.
import { http } from 'msw';
import { formatStamp } from './clock';
import { db, type Delta, type Kind } from './db';
import { API } from './http';
import { KINDS, perKind } from './records';
import { SEED_END } from './seed';

export const STORAGE_KEY = 'ghc-mock-db/v1';
const LOCK = 'ghc-mock-db';

export interface MockChange {
  kind: Kind;
  id: string;
}

interface Shared {
  storage: Storage;
  /** The stored value this tab's db matches; undefined before the first look. */
  seen: string | null | undefined;
}

let shared: Shared | undefined;

function parse(raw: string | null): Delta | undefined {
  try {
    return raw === null ? undefined : (JSON.parse(raw) as Delta);
  } catch {
    return undefined;
  }
}

/** Nothing stored (a first start, or cleared by hand) means the plain seed. */
function catchUp(target: Shared): void {
  const raw = target.storage.getItem(STORAGE_KEY);
  if (raw === target.seen) return;
  db.catchUp(
    parse(raw) ?? {
      moves: db.seedMoves(),
      clock: '0',
      written: perKind(() => ({})),
      removed: perKind(() => []),
    },
  );
  target.seen = raw;
}

function persist(target: Shared): void {
  const raw = JSON.stringify(db.delta());
  if (raw === target.seen) return;
  target.storage.setItem(STORAGE_KEY, raw);
  target.seen = raw;
}

/**
 * Runs a change of the data as one step. In-process that is just a call.
 * With persistence on it catches up with the other tabs, runs, and persists,
 * under a Web Lock so that no other tab's step runs in between.
 */
export function exclusive<T>(work: () => T): T | Promise<T> {
  const target = shared;
  if (!target) return work();
  const step = () => {
    catchUp(target);
    try {
      return work();
    } finally {
      persist(target);
    }
  };
  // jsdom and Node have no Web Locks; there nothing can run between the synchronous step's parts.
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request(LOCK, step)
    : step();
}

/**
 * Put first among the handlers: every request, reads too, sees what other
 * tabs wrote. It answers nothing itself, so MSW goes on to the real handler.
 */
export const catchUpWithOtherTabs = http.all(`${API}/*`, () => {
  if (shared) catchUp(shared);
});

/**
 * Switches persistence on; only the browser entry does (tests and Node keep
 * the db in memory). `moves` other than the stored seed size starts over
 * from a new seed of that size. Returns how to switch it off again.
 */
export function enablePersistence(options: { moves?: number; storage?: Storage } = {}): () => void {
  const target: Shared = { storage: options.storage ?? localStorage, seen: undefined };
  shared = target;
  catchUp(target);
  const { moves } = options;
  if (moves !== undefined && moves !== db.seedMoves()) {
    void exclusive(() => db.reset({ moves }));
  }
  return () => {
    if (shared === target) shared = undefined;
  };
}

// Every save is stamped after the seed's last instant, so a stored row stamped
// before it still has its seeded version (a locked move).
const SEEDED_BEFORE = formatStamp(SEED_END);

// A row's version is its updated_at: a move's lock, which keeps it, is no change to tell.
function versionIn(delta: Delta | undefined, kind: Kind, id: string): string {
  if (delta && Object.hasOwn(delta.written[kind], id)) {
    const { updatedAt } = delta.written[kind][id];
    return updatedAt < SEEDED_BEFORE ? 'seeded' : updatedAt;
  }
  return delta?.removed[kind].includes(id) ? 'removed' : 'seeded';
}

/** The records whose version differs between two stored states. */
export function changesBetween(before?: Delta, after?: Delta): MockChange[] {
  return KINDS.flatMap((kind) => {
    const ids = new Set(
      [before, after].flatMap((delta) =>
        delta ? [...Object.keys(delta.written[kind]), ...delta.removed[kind]] : [],
      ),
    );
    return [...ids]
      .filter((id) => versionIn(before, kind, id) !== versionIn(after, kind, id))
      .map((id) => ({ kind, id }));
  });
}

/**
 * Calls `listener` for every record another tab changed (a write, a
 * colleague's edit, a reset), so the app can refetch it. The storage event
 * fires only in the other tabs, never in the one that wrote.
 */
export function subscribeToMockChanges(listener: (change: MockChange) => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    changesBetween(parse(event.oldValue), parse(event.newValue)).forEach(listener);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
