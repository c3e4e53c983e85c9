import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/ApiError';
import { useAppDispatch } from '../../app/hooks';
import { getCustomer } from '../../entities/customers/customersSlice';
import { getMove, getMoveTaskOrder } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { getOrder } from '../../entities/orders/ordersSlice';
import { listMTOServiceItems } from '../../entities/serviceItems/serviceItemsSlice';
import { listMTOShipments } from '../../entities/shipments/shipmentsSlice';

export type MoveDetailsLoad =
  | { state: 'loading' }
  | { state: 'loaded'; moveTaskOrderID: string; orderID: string; customerID: string }
  | { state: 'failed'; error: ApiError };

/**
 * Loads everything the customer details page shows into the store: the move
 * by its locator, then its move task order, shipments, service items, order
 * and customer, each as a whole record with its eTag.
 */
export function useMoveDetails(locator: string): MoveDetailsLoad {
  const dispatch = useAppDispatch();
  // The load of which locator is shown; a new locator is loading until its
  // own answer arrives.
  const [answer, setAnswer] = useState<{ locator: string; load: MoveDetailsLoad } | null>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const move = await dispatch(getMove(locator)).unwrap();
      const [order] = await Promise.all([
        dispatch(getOrder(move.orderID)).unwrap(),
        dispatch(getMoveTaskOrder(move.id)).unwrap(),
        dispatch(listMTOShipments(move.id)).unwrap(),
        dispatch(listMTOServiceItems(move.id)).unwrap(),
      ]);
      await dispatch(getCustomer(order.customerID)).unwrap();
      return { moveTaskOrderID: move.id, orderID: order.id, customerID: order.customerID };
    })().then(
      (ids) => current && setAnswer({ locator, load: { state: 'loaded', ...ids } }),
      (error: ApiError) => current && setAnswer({ locator, load: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [dispatch, locator]);

  return answer?.locator === locator ? answer.load : { state: 'loading' };
}
