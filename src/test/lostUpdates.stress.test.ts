// Many office users, each with a store of their own, write the same few
// records in a seeded random interleaving through the real thunks, the app's
// swagger client and the MSW mock: the TIO remarks of three moves, the contact
// info of two customers and the orders of those two. Optimistic locking must
// let no update get lost: every accepted write builds on the version just
// before it, and a user refused as stale (412) refetches, sees the server's
// version and redoes the change once.
//
// Two rules of the real server (GHC.md 1.4, updateOrder) shape the
// invariants below:
// - every accepted write stamps a new eTag, even one that changes no field,
//   so each accepted write makes exactly one new version of its record;
// - saving the orders also saves the customer: a new customer eTag with no
//   field changed, made by no customer write. Such a version must change
//   nothing but the eTag (so it overwrites no one's change), and a customer
//   write based on the version before it is refused like any stale one.
// The orders' moves are new moves (SUBMITTED): only a move waiting for
// approvals is saved again by an orders update, so the moves' versions come
// from their remarks writes alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../api/ApiError';
import type { Customer, Move, Order } from '../api/models';
import { setupStore, type AppStore } from '../app/store';
import { valuesOf } from '../writes/formValues';
import {
  getCustomer,
  selectCustomerById,
  updateCustomer,
} from '../entities/customers/customersSlice';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTIORemarks,
} from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { getOrder, selectOrderById, updateOrder } from '../entities/orders/ordersSlice';
import {
  customerBody,
  customerEditFields,
  orderBody,
  orderEditFields,
} from '../pages/CustomerDetails/editFields';
import { untilNoRequests } from './faultSession';
import { db } from '../../mocks/db';
import { server } from '../../mocks/node';
import * as payloads from '../../mocks/payloads';
import type { CustomerRow, MoveRow, OrderRow } from '../../mocks/records';

const SEED = 0x5eed_2026;
const USERS = 24;
const WRITES_PER_USER = 6;

/** mulberry32: a small seeded PRNG, so the interleaving is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)] };
}

type Kind = 'move' | 'customer' | 'order';
interface Target {
  kind: Kind;
  id: string;
  /** A move is read by its locator. */
  locator?: string;
}
const keyOf = (t: { kind: Kind; id: string }) => `${t.kind}:${t.id}`;

/** A record as the API shows it: what the stores hold and the server answers. */
type Version = (Move | Customer | Order) & { eTag: string };

/** The field each kind of write changes, by its name in the record. */
const FIELDS = {
  move: ['tioRemarks'],
  customer: ['phone', 'email'],
  order: ['order_number', 'sac'],
} as const;

// Reading a move locks it for the reader (GHC.md getMove): the lock changes
// without a save, so the version and its eTag stay. It is no field anyone
// writes, and no part of what must not be lost.
function comparable(version: Version | undefined): Record<string, unknown> | undefined {
  if (!version) return undefined;
  const { lockedByOfficeUserID: _by, lockExpiresAt: _until, ...rest } = version as Move;
  return rest;
}

function payloadOf(kind: Kind, id: string): Version {
  switch (kind) {
    case 'move':
      return payloads.move(db.find('move', id) as MoveRow) as Version;
    case 'customer':
      return payloads.customer(db.find('customer', id) as CustomerRow) as Version;
    case 'order':
      return payloads.order(db.find('order', id) as OrderRow) as Version;
  }
}

/** What a target's path under /ghc/v1 names, for the writes seen on the wire. */
function targetOfPath(path: string, targets: Target[]): Target | undefined {
  const match =
    /\/move-task-orders\/([^/]+)\/tio-remarks$/.exec(path) ??
    /\/customer\/([^/]+)$/.exec(path) ??
    /\/orders\/([^/]+)$/.exec(path);
  return match ? targets.find((t) => t.id === match[1]) : undefined;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lost-update stress: many office users, one server', () => {
  it('loses no update: accepted writes form one chain per record, stale writers catch up', async () => {
    const random = prng(SEED);
    const moves = db
      .all('move')
      .filter((move) => move.status === 'SUBMITTED' && db.find('order', move.ordersId)?.tac)
      .slice(0, 3);
    const orders = moves.slice(0, 2).map((move) => db.find('order', move.ordersId) as OrderRow);
    const targets: Target[] = [
      ...moves.map((move) => ({ kind: 'move' as const, id: move.id, locator: move.locator })),
      ...orders.map((order) => ({ kind: 'customer' as const, id: order.serviceMemberId })),
      ...orders.map((order) => ({ kind: 'order' as const, id: order.id })),
    ];
    expect(targets).toHaveLength(7);
    expect(new Set(targets.map(keyOf)).size).toBe(7);
    const customerOfOrder = new Map(orders.map((order) => [order.id, order.serviceMemberId]));

    // The server's version history of every target, in the order the mock saved them.
    const history = new Map<string, Version[]>(
      targets.map((t) => [keyOf(t), [payloadOf(t.kind, t.id)]]),
    );
    const originalSave = db.save;
    vi.spyOn(db, 'save').mockImplementation(((kind: Kind, id: string, patch?: object) => {
      const row = originalSave(kind, id, patch);
      history.get(keyOf({ kind, id }))?.push(payloadOf(kind, id));
      return row;
    }) as typeof db.save);
    const serverNow = (t: Target) => payloadOf(t.kind, t.id);
    const indexIn = (key: string, eTag: string) =>
      (history.get(key) ?? []).findIndex((version) => version.eTag === eTag);

    // What every write carried and what the mock answered, as seen on the wire.
    const sent = new Map<string, { key: string; ifMatch: string | null }>();
    const accepted: { key: string; base: string | null; result: Promise<string> }[] = [];
    const inFlight = new Set<string>();
    const onStart = ({ request, requestId }: { request: Request; requestId: string }) => {
      inFlight.add(requestId);
      const target = targetOfPath(new URL(request.url).pathname, targets);
      if (request.method === 'PATCH' && target) {
        sent.set(requestId, { key: keyOf(target), ifMatch: request.headers.get('If-Match') });
      }
    };
    const onEnd = ({ response, requestId }: { response: Response; requestId: string }) => {
      inFlight.delete(requestId);
      const write = sent.get(requestId);
      if (!write || response.status !== 200) return;
      accepted.push({
        key: write.key,
        base: write.ifMatch,
        result: response
          .clone()
          .json()
          .then((body: { eTag: string }) => body.eTag),
      });
    };
    server.events.on('request:start', onStart);
    server.events.on('response:mocked', onEnd);

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    const stores: AppStore[] = Array.from({ length: USERS }, () => setupStore());
    const fetchOne = (store: AppStore, t: Target) => {
      switch (t.kind) {
        case 'move':
          return store.dispatch(getMove(t.locator ?? ''));
        case 'customer':
          return store.dispatch(getCustomer(t.id));
        case 'order':
          return store.dispatch(getOrder(t.id));
      }
    };
    const stored = (store: AppStore, t: Target): Version | undefined => {
      const state = store.getState();
      switch (t.kind) {
        case 'move':
          return selectMoveTaskOrderById(state, t.id);
        case 'customer':
          return selectCustomerById(state, t.id);
        case 'order':
          return selectOrderById(state, t.id);
      }
    };
    /** Every request answered, the listeners' refetches included, and none started since. */
    const settled = () => untilNoRequests(() => inFlight.size);
    const expectStoresEqualServer = () => {
      for (const store of stores) {
        for (const t of targets)
          expect(comparable(stored(store, t))).toEqual(comparable(serverNow(t)));
      }
    };

    let tried = 0;
    let acceptedByThunk = 0;
    let stale = 0;
    let redone = 0;
    let refusedTwice = 0;
    let counter = 0;
    const problems: string[] = [];
    // Per accepted write: the field it changed and the value it wrote, by the eTag it produced.
    const changes = new Map<string, { field: string; value: string }>();
    // The version each write refused as stale was based on.
    const refusedBases: { key: string; eTag: string }[] = [];

    try {
      await Promise.all(stores.flatMap((store) => targets.map((t) => fetchOne(store, t))));
      await settled();
      expectStoresEqualServer();

      /**
       * One write with the version the user's store holds, its body built by
       * the app's own edit code; the value is unique, so it changes the record.
       */
      const writeOnce = async (user: number, t: Target, field: string) => {
        const store = stores[user];
        const base = stored(store, t);
        if (!base) throw new Error(`user ${user} holds no ${keyOf(t)}`);
        counter++;
        const n = counter;
        tried++;
        let value: string;
        let action;
        switch (t.kind) {
          case 'move':
            value = `User ${user} remark #${n}`;
            action = await store.dispatch(updateMoveTIORemarks(t.id, base.eTag, value));
            break;
          case 'customer': {
            value =
              field === 'phone'
                ? `555-${String(Math.floor(n / 10000)).padStart(3, '0')}-${String(n % 10000).padStart(4, '0')}`
                : `user${user}.write${n}@example.mil`;
            const draft = { ...valuesOf(base, customerEditFields), [field]: value };
            const body = customerBody(base as Customer, draft, [field]);
            action = await store.dispatch(updateCustomer(t.id, base.eTag, body));
            break;
          }
          case 'order': {
            value = field === 'sac' ? `SAC${n}` : `ORD-${n}`;
            const draft = { ...valuesOf(base, orderEditFields), [field]: value };
            const body = orderBody(base as Order, draft, [field]);
            action = await store.dispatch(updateOrder(t.id, base.eTag, body));
            break;
          }
        }
        if (action.meta.requestStatus === 'fulfilled') {
          acceptedByThunk++;
          changes.set((action.payload as Version).eTag, { field, value });
          return 'accepted' as const;
        }
        const error = action.payload as ApiError | undefined;
        if ((action.meta as { condition?: boolean }).condition || !error) {
          problems.push(`user ${user}: write to ${keyOf(t)} was not sent`);
          return 'failed' as const;
        }
        if (error.status !== 412) {
          problems.push(`user ${user}: ${keyOf(t)} answered ${error.status} ${error.detail}`);
          return 'failed' as const;
        }
        refusedBases.push({ key: keyOf(t), eTag: base.eTag });
        return 'stale' as const;
      };

      const runOp = async (user: number) => {
        const t = random.pick(targets);
        const field = random.pick(FIELDS[t.kind]);
        // A few microtask turns of seeded length, so requests interleave differently.
        for (let i = random.int(4); i > 0; i--) await Promise.resolve();
        const before = structuredClone(stored(stores[user], t));
        const outcome = await writeOnce(user, t, field);
        if (outcome !== 'stale') return;
        stale++;
        // The refused write changed nothing in the user's store...
        expect(stored(stores[user], t)).toEqual(before);
        // ...nor on the server (checked by the chain below). Refetch, then check consistency.
        const serverAt412 = indexIn(keyOf(t), serverNow(t).eTag);
        await fetchOne(stores[user], t);
        const mine = stored(stores[user], t);
        const at = mine ? indexIn(keyOf(t), mine.eTag) : -1;
        if (at < serverAt412) {
          problems.push(`user ${user}: refetched ${keyOf(t)} is older than the server's`);
        } else {
          expect(comparable(mine)).toEqual(comparable(history.get(keyOf(t))?.[at]));
        }
        redone++;
        const again = await writeOnce(user, t, field);
        if (again === 'stale') {
          // Told twice; a real user would be shown the newer version and decide.
          refusedTwice++;
          stale++;
          await fetchOne(stores[user], t);
        }
      };

      // Seeded interleaving: rounds of random groups of distinct users writing at once.
      const remaining = new Array<number>(USERS).fill(WRITES_PER_USER);
      while (remaining.some((left) => left > 0)) {
        const users = remaining.flatMap((left, user) => (left > 0 ? [user] : []));
        for (let i = users.length - 1; i > 0; i--) {
          const j = random.int(i + 1);
          [users[i], users[j]] = [users[j], users[i]];
        }
        while (users.length > 0) {
          const group = users.splice(0, 1 + random.int(6));
          for (const user of group) remaining[user]--;
          await Promise.all(group.map((user) => runOp(user)));
        }
      }

      // A final refresh, once the listeners' refetches (the customer after an
      // orders update) have landed: every user's store equals the server.
      await settled();
      await Promise.all(stores.flatMap((store) => targets.map((t) => fetchOne(store, t))));
      await settled();
      expectStoresEqualServer();
    } finally {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onEnd);
      process.off('unhandledRejection', onUnhandled);
    }

    expect(problems).toEqual([]);
    expect(unhandled).toEqual([]);

    // The chain: per record, every accepted write's If-Match is the eTag of the
    // version just before the one it produced, no two accepted writes share a
    // base, and the version it produced is the one before with its change
    // alone: nothing anyone wrote earlier was undone.
    const writes = await Promise.all(
      accepted.map(async (write) => ({ ...write, result: await write.result })),
    );
    let lost = 0;
    let customerSavesByOrders = 0;
    let refusedForThem = 0;
    for (const t of targets) {
      const key = keyOf(t);
      const versions = history.get(key) ?? [];
      const own = writes.filter((write) => write.key === key);
      lost += own.length - new Set(own.map((write) => write.base)).size;
      const madeByWrites = new Set<number>();
      for (const write of own) {
        const base = write.base === null ? -1 : indexIn(key, write.base);
        const result = indexIn(key, write.result);
        const change = changes.get(write.result);
        if (base < 0 || result !== base + 1 || !change) {
          lost++;
          continue;
        }
        madeByWrites.add(result);
        const [before, after] = [versions[base], versions[result]];
        expect(comparable(after)).toEqual(
          comparable({
            ...before,
            [change.field]: change.value,
            eTag: after.eTag,
            ...('updatedAt' in after ? { updatedAt: after.updatedAt } : {}),
          } as Version),
        );
      }
      // Every other version is an orders update saving its customer: one per
      // accepted write on those orders, each the version before with a new eTag.
      const byOrders =
        t.kind === 'customer'
          ? writes.filter(
              (write) =>
                write.key.startsWith('order:') &&
                customerOfOrder.get(write.key.slice('order:'.length)) === t.id,
            ).length
          : 0;
      expect(versions.length - 1).toBe(own.length + byOrders);
      for (let index = 1; index < versions.length; index++) {
        if (madeByWrites.has(index)) continue;
        customerSavesByOrders++;
        expect({ ...versions[index], eTag: undefined }).toEqual({
          ...versions[index - 1],
          eTag: undefined,
        });
      }
      refusedForThem += refusedBases.filter((refused) => {
        const next = indexIn(key, refused.eTag) + 1;
        return refused.key === key && next > 0 && next < versions.length && !madeByWrites.has(next);
      }).length;
      expect(comparable(versions[versions.length - 1])).toEqual(comparable(serverNow(t)));
    }

    console.log(
      `Lost-update stress: ${USERS} users, ${targets.length} records, ${tried} writes tried, ` +
        `${acceptedByThunk} accepted, ${stale} refused as stale, ${redone} redone, ${lost} lost` +
        ` (${refusedTwice} refused again after the redo); ${customerSavesByOrders} customer versions ` +
        `made by orders updates, ${refusedForThem} customer writes refused because of one`,
    );
    expect(lost).toBe(0);
    expect(writes.length).toBe(acceptedByThunk);
    expect(stale).toBeGreaterThan(0);
    expect(tried).toBe(acceptedByThunk + stale);
    // Orders updates did save customers, and customer writes were refused for it.
    expect(customerSavesByOrders).toBeGreaterThan(0);
    expect(refusedForThem).toBeGreaterThan(0);
  });
});
