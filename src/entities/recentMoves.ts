import {
  createSlice,
  type EntityState,
  type PayloadAction,
  type ThunkAction,
  type UnknownAction,
} from '@reduxjs/toolkit';
import type { Move, Order } from '../api/models';

// The store keeps the records of the moves the user opened last, and lets go
// of the rest: a long session holds a few hundred records, not every one it
// ever read. The move on screen is the one opened last, and every record a
// page shows or a draft is based on is one of its own, so none of those is
// ever let go of.

/** How many moves the store keeps the records of (the move, its orders, customer, shipments and service items). */
export const RECENT_MOVES_KEPT = 20;

/** Ids of the records a move's opening lets go of, by entity type. */
export interface DroppedRecords {
  moveTaskOrders: string[];
  orders: string[];
  customers: string[];
  shipments: string[];
  serviceItems: string[];
}

/** Ids of moves, the one opened last first. */
type RecentMoves = string[];

/** What of the store this slice reads: its own list, and which records belong to which move. */
interface RecentMovesState {
  recentMoves: RecentMoves;
  entities: {
    moveTaskOrders: EntityState<Move, string>;
    orders: EntityState<Order, string>;
    shipments: { idsOfMove: Record<string, string[]> };
    serviceItems: { idsOfMove: Record<string, string[]> };
  };
}

/** The moves kept after opening one, and the ones that fall off the end. */
function afterOpening(recent: readonly string[], moveTaskOrderID: string) {
  const next = [moveTaskOrderID, ...recent.filter((id) => id !== moveTaskOrderID)];
  return { kept: next.slice(0, RECENT_MOVES_KEPT), left: next.slice(RECENT_MOVES_KEPT) };
}

/** The ids of the records the store holds of these moves, by entity type. */
function recordsOf(state: RecentMovesState, moveTaskOrderIDs: readonly string[]) {
  const { moveTaskOrders, orders, shipments, serviceItems } = state.entities;
  const records = {
    moveTaskOrders: new Set<string>(),
    orders: new Set<string>(),
    customers: new Set<string>(),
    shipments: new Set<string>(),
    serviceItems: new Set<string>(),
  };
  for (const id of moveTaskOrderIDs) {
    records.moveTaskOrders.add(id);
    const orderID = moveTaskOrders.entities[id]?.ordersId;
    if (orderID) records.orders.add(orderID);
    const customerID = orderID && orders.entities[orderID]?.customerID;
    if (customerID) records.customers.add(customerID);
    for (const child of shipments.idsOfMove[id] ?? []) records.shipments.add(child);
    for (const child of serviceItems.idsOfMove[id] ?? []) records.serviceItems.add(child);
  }
  return records;
}

const recentMovesSlice = createSlice({
  name: 'recentMoves',
  initialState: [] as RecentMoves,
  reducers: {
    /** Handled by each entity slice too: it removes the dropped records of its type. */
    moveOpened: (
      state,
      { payload }: PayloadAction<{ moveTaskOrderID: string; dropped: DroppedRecords }>,
    ) => {
      if (state[0] === payload.moveTaskOrderID) return;
      return afterOpening(state, payload.moveTaskOrderID).kept;
    },
  },
});

export const { moveOpened } = recentMovesSlice.actions;

export default recentMovesSlice.reducer;

/**
 * Notes that the user opened a move's page, and lets go of the records of
 * the move that falls off the end of the last RECENT_MOVES_KEPT, but for
 * those a kept move shares (two moves of one customer).
 */
export function openMove(
  moveTaskOrderID: string,
): ThunkAction<void, RecentMovesState, unknown, UnknownAction> {
  return (dispatch, getState) => {
    const state = getState();
    const { kept, left } = afterOpening(state.recentMoves, moveTaskOrderID);
    const keep = recordsOf(state, kept);
    const leaving = recordsOf(state, left);
    const notKept = (type: keyof DroppedRecords) =>
      [...leaving[type]].filter((id) => !keep[type].has(id));
    const dropped: DroppedRecords = {
      moveTaskOrders: notKept('moveTaskOrders'),
      orders: notKept('orders'),
      customers: notKept('customers'),
      shipments: notKept('shipments'),
      serviceItems: notKept('serviceItems'),
    };
    dispatch(moveOpened({ moveTaskOrderID, dropped }));
  };
}

export const selectRecentMoves = (state: RecentMovesState) => state.recentMoves;
