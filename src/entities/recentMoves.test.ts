import { screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '../../mocks/db';
import type { Customer, MTOServiceItem, MTOShipment, Move, Order } from '../api/models';
import { setupStore, type AppStore, type RootState } from '../app/store';
import { renderRoute } from '../test/renderWithProviders';
import { getCustomer } from './customers/customersSlice';
import { getMove } from './moveTaskOrders/moveTaskOrdersSlice';
import { getOrder } from './orders/ordersSlice';
import { openMove, RECENT_MOVES_KEPT, selectRecentMoves } from './recentMoves';
import { listMTOServiceItems } from './serviceItems/serviceItemsSlice';
import { listMTOShipments } from './shipments/shipmentsSlice';
import { moveHeading } from '../test/submittedMove';

const SEED = 20261127;

/** The ids of one move's records, by entity type. */
interface RecordsOfMove {
  moveTaskOrders: string[];
  orders: string[];
  customers: string[];
  shipments: string[];
  serviceItems: string[];
}

const TYPES = ['moveTaskOrders', 'orders', 'customers', 'shipments', 'serviceItems'] as const;

/** Loads a move's records as its page does (real thunks, the mock underneath), then opens it. */
async function loadAndOpen(store: AppStore, locator: string): Promise<RecordsOfMove> {
  const move = await store.dispatch(getMove(locator)).unwrap();
  const order = await store.dispatch(getOrder(move.ordersId)).unwrap();
  const [customer, shipments, serviceItems] = await Promise.all([
    store.dispatch(getCustomer(order.customerID)).unwrap(),
    store.dispatch(listMTOShipments(move.id)).unwrap(),
    store.dispatch(listMTOServiceItems(move.id)).unwrap(),
  ]);
  store.dispatch(openMove(move.id));
  return {
    moveTaskOrders: [move.id],
    orders: [order.id],
    customers: [customer.id],
    shipments: shipments.map((s) => s.id),
    serviceItems: serviceItems.map((i) => i.id),
  };
}

/** Whether the store holds each of these records, as Redux DevTools shows them. */
function held(state: RootState, records: RecordsOfMove) {
  return TYPES.flatMap((type) =>
    records[type].map((id) => ({
      type,
      id,
      held: id in state.entities[type].entities && state.entities[type].ids.includes(id),
    })),
  );
}

describe('recent moves', () => {
  it(`keeps the records of the last ${RECENT_MOVES_KEPT} moves opened and lets go of older ones`, async () => {
    db.reset({ moves: RECENT_MOVES_KEPT + 1 });
    const [first, ...others] = db.all('move').map((move) => move.locator);
    const store = setupStore();

    const firstRecords = await loadAndOpen(store, first);
    const otherRecords: RecordsOfMove[] = [];
    for (const locator of others) otherRecords.push(await loadAndOpen(store, locator));
    const state = store.getState();

    expect(others).toHaveLength(RECENT_MOVES_KEPT);
    expect(held(state, firstRecords).filter((record) => record.held)).toEqual([]);
    expect(state.entities.shipments.idsOfMove[firstRecords.moveTaskOrders[0]]).toBeUndefined();
    expect(state.entities.serviceItems.idsOfMove[firstRecords.moveTaskOrders[0]]).toBeUndefined();
    for (const records of otherRecords) {
      expect(held(state, records).filter((record) => !record.held)).toEqual([]);
    }
    // Nothing else is held: the store's size is that of the moves kept.
    for (const type of TYPES) {
      expect(new Set(state.entities[type].ids)).toEqual(
        new Set(otherRecords.flatMap((records) => records[type])),
      );
    }
    // The move on screen, opened last, in the shape Redux DevTools shows.
    const onScreen = db.moveByLocator(others.at(-1)!)!;
    expect(selectRecentMoves(state)[0]).toBe(onScreen.id);
    expect(state.entities.moveTaskOrders.entities[onScreen.id].eTag).toEqual(expect.any(String));
  });

  it('never lets go of a record of the move on screen, and keeps what a kept move shares', () => {
    // Mock payloads: moves that share customers (one customer to every
    // third move), opened in any order, again and again.
    const MOVES = 30;
    const customerOf = (n: number) => `customer-${n % Math.ceil(MOVES / 3)}`;
    const recordsOf = (n: number) => {
      const id = `move-${n}`;
      const move = {
        id,
        locator: `LOC${n}`,
        ordersId: `order-${n}`,
        status: 'SUBMITTED',
        eTag: 'm',
      };
      const order = { id: move.ordersId, customerID: customerOf(n), eTag: 'o' };
      const customer = { id: order.customerID, eTag: 'c' };
      const child = { moveTaskOrderID: id, status: 'SUBMITTED', eTag: 's' };
      const shipments = [1, 2, 3].map((k) => ({
        ...child,
        id: `${id}/shipment-${k}`,
        shipmentType: 'HHG',
      }));
      const serviceItems = [1, 2].map((k) => ({
        ...child,
        id: `${id}/item-${k}`,
        reServiceCode: 'MS',
        reServiceName: 'Move management',
      }));
      return {
        move: move as Move,
        order: order as Order,
        customer: customer as Customer,
        shipments: shipments as MTOShipment[],
        serviceItems: serviceItems as MTOServiceItem[],
      };
    };
    const open = (store: AppStore, n: number) => {
      const { move, order, customer, shipments, serviceItems } = recordsOf(n);
      store.dispatch(getMove.fulfilled(move, 'load', move.locator));
      store.dispatch(getOrder.fulfilled(order, 'load', order.id));
      store.dispatch(getCustomer.fulfilled(customer, 'load', customer.id));
      store.dispatch(listMTOShipments.fulfilled(shipments, 'load', move.id));
      store.dispatch(listMTOServiceItems.fulfilled(serviceItems, 'load', move.id));
      store.dispatch(openMove(move.id));
    };

    fc.assert(
      fc.property(
        fc.array(fc.nat(MOVES - 1), { minLength: RECENT_MOVES_KEPT + 1, maxLength: 60 }),
        (opened) => {
          const store = setupStore();
          // The model: the last RECENT_MOVES_KEPT distinct moves opened, the latest first.
          let recent: number[] = [];
          for (const n of opened) {
            open(store, n);
            recent = [n, ...recent.filter((m) => m !== n)].slice(0, RECENT_MOVES_KEPT);
            const state = store.getState();
            const { move, order, customer, shipments, serviceItems } = recordsOf(n);
            for (const [type, id] of [
              ['moveTaskOrders', move.id],
              ['orders', order.id],
              ['customers', customer.id],
              ...shipments.map((s) => ['shipments', s.id] as const),
              ...serviceItems.map((i) => ['serviceItems', i.id] as const),
            ] as const) {
              expect(state.entities[type].entities[id], `${type} ${id}`).toBeDefined();
            }
          }
          const state = store.getState();
          expect(selectRecentMoves(state)).toEqual(recent.map((n) => `move-${n}`));
          const kept = recent.map(recordsOf);
          expect(new Set(state.entities.moveTaskOrders.ids)).toEqual(
            new Set(kept.map((r) => r.move.id)),
          );
          expect(new Set(state.entities.orders.ids)).toEqual(new Set(kept.map((r) => r.order.id)));
          expect(new Set(state.entities.customers.ids)).toEqual(
            new Set(kept.map((r) => r.customer.id)),
          );
          expect(new Set(state.entities.serviceItems.ids)).toEqual(
            new Set(kept.flatMap((r) => r.serviceItems.map((i) => i.id))),
          );
        },
      ),
      { numRuns: 25, seed: SEED },
    );
  });

  it('notes the move a page opens as the one on screen', async () => {
    const [first, second] = db.all('move');
    const openPage = async (locator: string, store?: AppStore) => {
      const view = renderRoute(`/moves/${locator}/details`, { store });
      await screen.findByRole('heading', { level: 1, name: moveHeading(locator) });
      return view;
    };
    const { store, unmount } = await openPage(first.locator);
    unmount();
    await openPage(second.locator, store);

    expect(selectRecentMoves(store.getState())).toEqual([second.id, first.id]);
  });
});
