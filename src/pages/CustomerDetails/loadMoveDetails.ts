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

/**
 * Loads everything the customer details page shows into the store: the move
 * by its locator, then its move task order, shipments, service items, order
 * and customer, each as a whole record with its eTag. Rejects with the first
 * ApiError.
 */
export async function loadMoveDetails(
  dispatch: AppDispatch,
  locator: string,
): Promise<MoveDetailsIds> {
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

/**
 * The load of the move whose page is about to open (the app opens on it, or
 * the queue's link to it was clicked), started before the page renders and
 * even before its code has arrived (it is a lazy chunk), for the page's
 * first load to take by its locator.
 */
const early = earlyHandoff<MoveDetailsIds>();

export function loadMoveDetailsEarly(dispatch: AppDispatch, locator: string): void {
  early.start(locator, loadMoveDetails(dispatch, locator));
}

export const takeEarlyLoad = early.take;
