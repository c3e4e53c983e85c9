import { createListenerMiddleware, isRejectedWithValue } from '@reduxjs/toolkit';
import type { ApiError } from '../api/ApiError';
import { updateMoveTaskOrderStatus } from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { listMTOServiceItems } from '../entities/serviceItems/serviceItemsSlice';
import type { AppDispatch, RootState } from './store';

export const listenerMiddleware = createListenerMiddleware();

const startAppListening = listenerMiddleware.startListening.withTypes<RootState, AppDispatch>();

// Send to Prime answers the move task order only; the MS and CS service items
// it created are fetched once it has answered, so they never delay the
// "Available to Prime" the user is waiting for.
startAppListening({
  actionCreator: updateMoveTaskOrderStatus.fulfilled,
  effect: async (action, { dispatch }) => {
    await dispatch(listMTOServiceItems(action.payload.id));
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
