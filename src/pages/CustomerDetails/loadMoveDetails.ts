import { earlyHandoff } from '../../app/earlyHandoff';
import type { AppDispatch } from '../../app/store';
import { getCustomer } from '../../entities/customers/customersSlice';
import { getMove, getMoveTaskOrder } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { getOrder } from '../../entities/orders/ordersSlice';
import { listMTOServiceItems } from '../../entities/serviceItems/serviceItemsSlice';
import { listMTOShipments } from '../../entities/shipments/shipmentsSlice';

export interface MoveDetailsIds {
  moveTaskOrderID: string;
  orderID: string;
  customerID: string;
}

/** What a queue row tells of a move already: the ids its records are asked for by. */
export interface MoveHints {
  moveTaskOrderID: string;
  customerID: string;
}

/**
 * Loads everything the customer details page shows into the store: the move
 * by its locator, then its move task order, shipments, service items, order
 * and customer, each as a whole record with its eTag. Rejects with the first
 * ApiError, the move's own first.
 *
 * Without hints that is three round trips in a row (the move names its
 * order, the order its customer). With a queue row's hints, all but the
 * order are asked for with the move, and the order once the move names it:
 * two.
 */
export async function loadMoveDetails(
  dispatch: AppDispatch,
  locator: string,
  hints?: MoveHints,
): Promise<MoveDetailsIds> {
  if (!hints) {
    const move = await dispatch(getMove(locator)).unwrap();
    const [order] = await Promise.all([
      dispatch(getOrder(move.orderID)).unwrap(),
      dispatch(getMoveTaskOrder(move.id)).unwrap(),
      dispatch(listMTOShipments(move.id)).unwrap(),
      dispatch(listMTOServiceItems(move.id)).unwrap(),
    ]);
    await dispatch(getCustomer(order.customerID)).unwrap();
    return { moveTaskOrderID: move.id, orderID: order.id, customerID: order.customerID };
  }
  const moveAnswer = dispatch(getMove(locator)).unwrap();
  const byIds = Promise.all([
    dispatch(getMoveTaskOrder(hints.moveTaskOrderID)).unwrap(),
    dispatch(listMTOShipments(hints.moveTaskOrderID)).unwrap(),
    dispatch(listMTOServiceItems(hints.moveTaskOrderID)).unwrap(),
    dispatch(getCustomer(hints.customerID)).unwrap(),
  ]);
  // If the move fails, its error is the one to tell; these wait for it.
  byIds.catch(() => undefined);
  const move = await moveAnswer;
  // A row that no longer matches the move: load it as if there were no row.
  if (move.id !== hints.moveTaskOrderID) return loadMoveDetails(dispatch, locator);
  const order = await dispatch(getOrder(move.orderID)).unwrap();
  await byIds;
  if (order.customerID !== hints.customerID) {
    await dispatch(getCustomer(order.customerID)).unwrap();
  }
  return { moveTaskOrderID: move.id, orderID: order.id, customerID: order.customerID };
}

/**
 * The load of the move whose page is about to open (the app opens on it, or
 * the queue's link to it was clicked), started before the page renders and
 * even before its code has arrived (it is a lazy chunk), for the page's
 * first load to take by its locator.
 */
const early = earlyHandoff<MoveDetailsIds>();

export function loadMoveDetailsEarly(
  dispatch: AppDispatch,
  locator: string,
  hints?: MoveHints,
): void {
  early.start(locator, loadMoveDetails(dispatch, locator, hints));
}

export const takeEarlyLoad = early.take;
