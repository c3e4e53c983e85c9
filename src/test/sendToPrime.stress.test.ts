// The lost-update stress test's Send to Prime round: office users, each with
// a store of their own, send moves to the Prime (step 1 on the move's eTag,
// step 2 on each chosen shipment's, both worked out by the app's own plan)
// while colleagues reject and approve those moves' shipments and edit their
// orders, in a seeded interleaving, through the real thunks, the app's
// swagger client and the MSW mock. A write refused as stale refetches and is
// worked out again once, as the page's one-click retry does.
//
// What must hold: every accepted write was sent on the version just before
// the one it made (no update lost, no two accepted writes on one base), no
// user is ever told a move is available to the Prime that the server does
// not hold as available, and every store equals the server at the end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../api/ApiError';
import type { Order } from '../api/models';
import { setupStore, type AppStore } from '../app/store';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
} from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { getOrder, selectOrderById, updateOrder } from '../entities/orders/ordersSlice';
import {
  listMTOServiceItems,
  selectServiceItemById,
  selectServiceItemIdsOfMove,
} from '../entities/serviceItems/serviceItemsSlice';
import {
  approveShipment,
  approveShipments,
  listMTOShipments,
  rejectShipment,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../entities/shipments/shipmentsSlice';
import { orderBody, orderEditFields } from '../pages/CustomerDetails/editFields';
import { planSendToPrime } from '../pages/CustomerDetails/sendToPrimePlan';
import { valuesOf } from '../writes/formValues';
import { settled } from '../writes/thunks';
import { trackRequestsInFlight, untilNoRequests } from './faultSession';
import { db } from '../../mocks/db';
import { eTagOf } from '../../mocks/clock';
import { server } from '../../mocks/node';
import { seededRandom } from '../../mocks/random';

const SEED = 0x5e4d_2f1e;
const USERS = 12;
const OPS_PER_USER = 8;

afterEach(() => {
  vi.restoreAllMocks();
});

type Kind = 'move' | 'shipment' | 'order';

describe('lost-update stress: Send to Prime among colleagues editing the same moves', () => {
  it('loses no update, and tells no one a move is available to the Prime that the server does not hold so', async () => {
    const random = seededRandom(SEED);
    const moves = db
      .all('move')
      .filter(
        (move) =>
          move.status === 'SUBMITTED' &&
          db.find('order', move.ordersId)?.tac &&
          db.shipmentsOf(move.id).filter((s) => s.status === 'SUBMITTED').length >= 2,
      )
      .slice(0, 3);
    expect(moves).toHaveLength(3);

    // Every version of every record the test writes, in the order the mock saved them.
    const history = new Map<string, string[]>();
    const keyOf = (kind: Kind, id: string) => `${kind}:${id}`;
    const track = (kind: Kind, id: string) => {
      const row = db.find(kind, id);
      if (row) history.set(keyOf(kind, id), [eTagOf(row.updatedAt)]);
    };
    for (const move of moves) {
      track('move', move.id);
      track('order', move.ordersId);
      for (const shipment of db.shipmentsOf(move.id)) track('shipment', shipment.id);
    }
    const originalSave = db.save;
    vi.spyOn(db, 'save').mockImplementation(((kind: Kind, id: string, patch?: object) => {
      const row = originalSave(kind, id, patch);
      history.get(keyOf(kind, id))?.push(eTagOf(row.updatedAt));
      return row;
    }) as typeof db.save);

    // Every accepted write as seen on the wire: each record it names, the eTag
    // it was sent on, and the eTag the answer gave it.
    const pending = new Map<string, { kind: Kind; bases: Record<string, string> }>();
    const accepted: Promise<{ key: string; base: string; result: string }[]>[] = [];
    const onStart = ({ request, requestId }: { request: Request; requestId: string }) => {
      const path = new URL(request.url).pathname;
      const ifMatch = request.headers.get('If-Match') ?? '';
      const one = (kind: Kind, id: string) =>
        pending.set(requestId, { kind, bases: { [id]: ifMatch } });
      let match: RegExpExecArray | null;
      if ((match = /\/move-task-orders\/([^/]+)\/status$/.exec(path))) one('move', match[1]);
      else if ((match = /\/shipments\/([^/]+)\/(approve|reject)$/.exec(path)))
        one('shipment', match[1]);
      else if ((match = /\/orders\/([^/]+)$/.exec(path)) && request.method === 'PATCH')
        one('order', match[1]);
      else if (path.endsWith('/shipments/approve')) {
        const entry = { kind: 'shipment' as const, bases: {} as Record<string, string> };
        pending.set(requestId, entry);
        void request
          .clone()
          .json()
          .then((body: { approveShipments: { shipmentID: string; eTag: string }[] }) => {
            for (const item of body.approveShipments) entry.bases[item.shipmentID] = item.eTag;
          });
      }
    };
    const onEnd = ({ response, requestId }: { response: Response; requestId: string }) => {
      const write = pending.get(requestId);
      pending.delete(requestId);
      if (!write || response.status !== 200) return;
      accepted.push(
        response
          .clone()
          .json()
          .then((body: { id: string; eTag: string } | { id: string; eTag: string }[]) =>
            [body].flat().map((record) => ({
              key: keyOf(write.kind, record.id),
              base: write.bases[record.id],
              result: record.eTag,
            })),
          ),
      );
    };
    server.events.on('request:start', onStart);
    server.events.on('response:mocked', onEnd);

    const stores: AppStore[] = Array.from({ length: USERS }, () => setupStore());
    const load = async (store: AppStore, move: (typeof moves)[number]) => {
      await Promise.all([
        store.dispatch(getMove(move.locator)),
        store.dispatch(listMTOShipments(move.id)),
        store.dispatch(listMTOServiceItems(move.id)),
        store.dispatch(getOrder(move.ordersId)),
      ]);
    };
    const shipmentsIn = (store: AppStore, moveID: string) =>
      selectShipmentIdsOfMove(store.getState(), moveID)
        .map((id) => selectShipmentById(store.getState(), id))
        .filter((shipment) => shipment !== undefined);
    const itemsIn = (store: AppStore, moveID: string) =>
      selectServiceItemIdsOfMove(store.getState(), moveID)
        .map((id) => selectServiceItemById(store.getState(), id))
        .filter((item) => item !== undefined);

    const counts = {
      shipmentEdits: 0,
      sends: 0,
      availableClaims: 0,
      falseClaims: 0,
      rejects: 0,
      approvals: 0,
      ordersEdits: 0,
      refused: 0,
      redone: 0,
    };
    const problems: string[] = [];
    /** The user is told the move is available to the Prime: the server must hold it so. */
    const claimAvailable = (moveID: string, user: number) => {
      counts.availableClaims += 1;
      if (!db.find('move', moveID)?.availableToPrimeAt) {
        counts.falseClaims += 1;
        problems.push(`user ${user} was told move ${moveID} is available to the Prime`);
      }
    };
    const refusal = (result: ReturnType<typeof settled>): ApiError | null =>
      result.status === 'rejected' ? result.error : null;

    /** Send to Prime as the page runs it: the plan, step 1, step 2, one retry of each after a refusal. */
    const sendToPrime = async (user: number, move: (typeof moves)[number]) => {
      const store = stores[user];
      const requested = shipmentsIn(store, move.id).filter((s) => s.status === 'SUBMITTED');
      const chosen = requested.filter(() => random.next() < 0.6).map((s) => s.id);
      const planNow = (step1Done: boolean) => {
        const stored = selectMoveTaskOrderById(store.getState(), move.id)!;
        return planSendToPrime({
          move: stored,
          shipments: shipmentsIn(store, move.id),
          serviceItems: itemsIn(store, move.id),
          choice: { shipmentIDs: chosen, counseling: false },
          step1Done,
        });
      };
      let plan = planNow(false);
      if (plan.blocked) return;
      counts.sends += 1;
      let step1Done = false;
      for (let attempt = 0; attempt < 2 && plan.step1; attempt += 1) {
        const stored = selectMoveTaskOrderById(store.getState(), move.id)!;
        const error = refusal(
          settled(
            await store.dispatch(updateMoveTaskOrderStatus(move.id, stored.eTag, plan.step1)),
          ),
        );
        if (!error) {
          step1Done = true;
          break;
        }
        if (error.status !== 412 && error.status !== 409) {
          problems.push(`user ${user}: step 1 answered ${error.status} ${error.detail}`);
          return;
        }
        counts.refused += 1;
        await load(store, move);
        plan = planNow(false);
        if (plan.blocked) return;
        if (attempt === 0) counts.redone += 1;
      }
      if (plan.step1 && !step1Done) return;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const left = planNow(true).step2;
        if (left.length === 0) return;
        const error = refusal(
          settled(
            await store.dispatch(
              approveShipments(
                move.id,
                left.map(({ shipment }) => shipment),
              ),
            ),
          ),
        );
        if (!error) {
          claimAvailable(move.id, user);
          return;
        }
        if (error.status !== 412 && error.status !== 409) {
          problems.push(`user ${user}: step 2 answered ${error.status} ${error.detail}`);
          return;
        }
        counts.refused += 1;
        await load(store, move);
        if (attempt === 0) counts.redone += 1;
      }
    };

    /** One shipment decision, on the stored version; once more on the latest after a 412. */
    const decide = async (user: number, move: (typeof moves)[number]) => {
      const store = stores[user];
      const movesApproved = Boolean(selectMoveTaskOrderById(store.getState(), move.id)?.approvedAt);
      const open = shipmentsIn(store, move.id).filter((s) => s.status === 'SUBMITTED');
      if (open.length === 0) return;
      const target = random.pick(open);
      const approving = movesApproved && random.next() < 0.5;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const stored = selectShipmentById(store.getState(), target.id);
        if (!stored || stored.status !== 'SUBMITTED') return;
        const result = settled(
          await store.dispatch(
            approving
              ? approveShipment(stored.id, stored.eTag)
              : rejectShipment(stored.id, stored.eTag, `Duplicate, user ${user}`),
          ),
        );
        const error = refusal(result);
        if (!error) {
          if (approving) {
            counts.approvals += 1;
            claimAvailable(move.id, user);
          } else counts.rejects += 1;
          return;
        }
        if (error.status !== 412 && error.status !== 409) {
          problems.push(`user ${user}: shipment decision answered ${error.status} ${error.detail}`);
          return;
        }
        counts.refused += 1;
        await load(store, move);
        if (attempt === 0) counts.redone += 1;
      }
    };

    /**
     * A colleague changes a requested shipment's counselor remarks elsewhere
     * (the shipment form this app does not have): a new version on the
     * server, which any approval sent on the one before must not overwrite.
     */
    const editShipment = (move: (typeof moves)[number]) => {
      const open = db.shipmentsOf(move.id).filter((s) => s.status === 'SUBMITTED');
      if (open.length === 0) return;
      counts.shipmentEdits += 1;
      db.save('shipment', random.pick(open).id, {
        counselorRemarks: `Remark ${counts.shipmentEdits}`,
      });
    };

    /** A new orders number, on the stored orders; once more on the latest after a 412. */
    const editOrders = async (user: number, move: (typeof moves)[number]) => {
      const store = stores[user];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const base = selectOrderById(store.getState(), move.ordersId) as Order;
        const value = `ORD-${user}-${counts.ordersEdits}-${attempt}`;
        const draft = { ...valuesOf(base, orderEditFields), order_number: value };
        const error = refusal(
          settled(
            await store.dispatch(
              updateOrder(base.id, base.eTag, orderBody(base, draft, ['order_number'])),
            ),
          ),
        );
        if (!error) {
          counts.ordersEdits += 1;
          return;
        }
        if (error.status !== 412) {
          problems.push(`user ${user}: orders answered ${error.status} ${error.detail}`);
          return;
        }
        counts.refused += 1;
        await store.dispatch(getOrder(move.ordersId));
        if (attempt === 0) counts.redone += 1;
      }
    };

    const inFlight = trackRequestsInFlight();
    const quiet = () => untilNoRequests(inFlight);

    try {
      await Promise.all(stores.flatMap((store) => moves.map((move) => load(store, move))));
      await quiet();

      const remaining = new Array<number>(USERS).fill(OPS_PER_USER);
      while (remaining.some((left) => left > 0)) {
        const users = remaining.flatMap((left, user) => (left > 0 ? [user] : []));
        const group = users.filter(() => random.next() < 0.5).slice(0, 5);
        if (group.length === 0) group.push(users[0]);
        await Promise.all(
          group.map(async (user) => {
            remaining[user] -= 1;
            const move = random.pick(moves);
            for (let i = random.int(0, 3); i > 0; i--) await Promise.resolve();
            const roll = random.next();
            if (roll < 0.35) await sendToPrime(user, move);
            else if (roll < 0.55) await decide(user, move);
            else if (roll < 0.75) editShipment(move);
            else await editOrders(user, move);
          }),
        );
      }
      await quiet();
      await Promise.all(stores.flatMap((store) => moves.map((move) => load(store, move))));
      await quiet();
    } finally {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onEnd);
    }

    expect(problems).toEqual([]);
    // The chain: every accepted write's base is the version just before the
    // one it made, and no two accepted writes share a base.
    const writes = (await Promise.all(accepted)).flat();
    let lost = 0;
    const bases = new Set<string>();
    for (const write of writes) {
      const versions = history.get(write.key) ?? [];
      const at = versions.indexOf(write.base);
      const made = versions.indexOf(write.result);
      if (at < 0 || made !== at + 1 || bases.has(`${write.key}@${write.base}`)) lost += 1;
      bases.add(`${write.key}@${write.base}`);
    }
    // Every store holds what the server holds, and nothing it says is available is not.
    for (const store of stores) {
      for (const move of moves) {
        const stored = selectMoveTaskOrderById(store.getState(), move.id);
        const row = db.find('move', move.id)!;
        expect(stored?.eTag).toBe(eTagOf(row.updatedAt));
        expect(Boolean(stored?.availableToPrimeAt)).toBe(Boolean(row.availableToPrimeAt));
        for (const shipment of db.shipmentsOf(move.id)) {
          expect(selectShipmentById(store.getState(), shipment.id)).toMatchObject({
            eTag: eTagOf(shipment.updatedAt),
            status: shipment.status,
          });
        }
        expect(selectOrderById(store.getState(), move.ordersId)?.eTag).toBe(
          eTagOf(db.find('order', move.ordersId)!.updatedAt),
        );
      }
    }

    console.log(
      `Send to Prime stress: ${USERS} users, ${moves.length} moves; ${counts.sends} Send to Prime, ` +
        `${counts.approvals} shipment approvals, ${counts.rejects} rejections, ${counts.ordersEdits} orders edits, ` +
        `${counts.shipmentEdits} shipment edits by colleagues elsewhere; ` +
        `${writes.length} records written by accepted writes, ${counts.refused} writes refused (412, 409), ` +
        `${counts.redone} redone; ${lost} lost; ${counts.availableClaims} times told "available to the Prime", ` +
        `${counts.falseClaims} of them not held by the server`,
    );
    expect(lost).toBe(0);
    expect(counts.falseClaims).toBe(0);
    expect(counts.sends).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.availableClaims).toBeGreaterThan(0);
  });
});
