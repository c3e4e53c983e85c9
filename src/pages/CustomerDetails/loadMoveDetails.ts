import { earlyHandoff } from './earlyHandoff';
import type { AppDispatch } from '../../app/store';
import { getCustomer } from '../../entities/customers/customersSlice';
import { getMove } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
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
 * by its locator, then its shipments, service items, orders
 * and customer, each as a whole record with its eTag. Rejects with an
 * ApiError: the move's if it fails, then the order's, the other records',
 * the customer's.
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
  // Each load is awaited in turn below; one that fails before its turn is
  // not an unhandled rejection meanwhile, and an earlier one's error is told.
  const started = <T>(load: Promise<T>) => {
    load.catch(() => undefined);
    return load;
  };
  const recordsOfMove = (moveTaskOrderID: string) =>
    started(
      Promise.all([
        dispatch(listMTOShipments(moveTaskOrderID)).unwrap(),
        dispatch(listMTOServiceItems(moveTaskOrderID)).unwrap(),
      ]),
    );
  const customerOf = (customerID: string) => started(dispatch(getCustomer(customerID)).unwrap());

  const moveAnswer = dispatch(getMove(locator)).unwrap();
  const early = hints && {
    records: recordsOfMove(hints.moveTaskOrderID),
    customer: customerOf(hints.customerID),
  };
  const move = await moveAnswer;
  // A row that no longer matches the move: its early loads are not used.
  const fromRow = hints && move.id === hints.moveTaskOrderID ? early : undefined;
  const orderAnswer = started(dispatch(getOrder(move.ordersId)).unwrap());
  const records = fromRow?.records ?? recordsOfMove(move.id);
  const order = await orderAnswer;
  await records;
  await (fromRow && order.customerID === hints?.customerID
    ? fromRow.customer
    : customerOf(order.customerID));
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
