import { createListenerMiddleware, isAnyOf, isRejectedWithValue } from '@reduxjs/toolkit';
import type { ApiError } from '../api/ApiError';
import {
  getMoveTaskOrder,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
} from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { listMTOServiceItems } from '../entities/serviceItems/serviceItemsSlice';
import type { AppDispatch, RootState } from './store';
import { hadNoVerdict } from './writeOutcome';

export const listenerMiddleware = createListenerMiddleware();

const startAppListening = listenerMiddleware.startListening.withTypes<RootState, AppDispatch>();

const storesMoveTaskOrder = isAnyOf(
  updateMoveTaskOrderStatus.fulfilled,
  getMoveTaskOrder.fulfilled,
);
type StoredMoveTaskOrderAction = ReturnType<
  typeof updateMoveTaskOrderStatus.fulfilled | typeof getMoveTaskOrder.fulfilled
>;

// Send to Prime answers the move task order only; the MS and CS service items
// it created are fetched once the store holds the move as sent, so they never
// delay the "Available to Prime" the user is waiting for. That is after Send
// to Prime answered, or after a refetch showed the move sent: by a colleague,
// or by this user's own request whose answer was lost. A fetch that gets no
// answer (dropped, 5xx, timed out) is tried again after these waits.
export const SERVICE_ITEMS_RETRY_MS = [1_000, 3_000];

startAppListening({
  predicate: (action, current, original): action is StoredMoveTaskOrderAction => {
    if (!storesMoveTaskOrder(action)) return false;
    const before = selectMoveTaskOrderById(original, action.payload.id);
    const after = selectMoveTaskOrderById(current, action.payload.id);
    return Boolean(!before?.availableToPrimeAt && after?.availableToPrimeAt);
  },
  effect: async (action, { dispatch, delay }) => {
    for (const wait of [0, ...SERVICE_ITEMS_RETRY_MS]) {
      if (wait > 0) await delay(wait);
      const result = await dispatch(listMTOServiceItems(action.payload.id));
      if (!listMTOServiceItems.rejected.match(result)) return;
      if (!result.payload || !hadNoVerdict(result.payload)) return;
    }
  },
});

// A 428 means this app sent a write without If-Match: a bug of ours, never
// something to retry. Say so loudly where developers look.
startAppListening({
  predicate: (action) =>
    isRejectedWithValue(action) && (action.payload as ApiError).kind === 'preconditionRequired',
  effect: (action) => {
    console.error(`[TOO office] ${action.type}: a write was sent without If-Match (428).`, action);
  },
});
