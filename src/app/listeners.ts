import {
  createListenerMiddleware,
  isAnyOf,
  isFulfilled,
  isRejected,
  isRejectedWithValue,
} from '@reduxjs/toolkit';
import type { ApiError } from '../api/ApiError';
import type { MTOServiceItem, Order } from '../api/models';
import { getCustomer, selectCustomerById } from '../entities/customers/customersSlice';
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
  updateMTOServiceItemStatus,
} from '../entities/serviceItems/serviceItemsSlice';
import {
  approveShipment,
  approveShipments,
  listMTOShipments,
  selectShipmentById,
} from '../entities/shipments/shipmentsSlice';
import { selectWritesInFlight } from '../writes/inFlight';
import { hadNoVerdict } from '../writes/outcome';
import { ownVersionConfirmed, saveExpected } from '../writes/ownWrites';
import { settled, type ApiThunkAction } from '../writes/thunks';
import type { AppDispatch, RootState } from './store';

export const listenerMiddleware = createListenerMiddleware();

const startAppListening = listenerMiddleware.startListening.withTypes<RootState, AppDispatch>();

// A fetch that gets no answer (dropped, 5xx, timed out) is tried again after these waits.
export const REFETCH_RETRY_MS = [1_000, 3_000];

/**
 * Dispatches a fetch, again after a failure without an answer, until it
 * answers or gives up; `sent` is told each try's requestId.
 */
async function refetch(
  dispatch: AppDispatch,
  delay: (ms: number) => Promise<void>,
  action: () => ApiThunkAction,
  sent?: (requestId: string) => void,
): Promise<void> {
  for (const wait of [0, ...REFETCH_RETRY_MS]) {
    if (wait > 0) await delay(wait);
    const dispatched = dispatch(action());
    sent?.(dispatched.requestId);
    const result = settled(await dispatched);
    if (result.status !== 'rejected' || !hadNoVerdict(result.error)) return;
  }
}

// Shipment reads sent beside a read of their move and its service items
// after the user's decision on an item, by requestId (unique in every
// store), with the item's shipment: that shipment seen approved needs no
// fetch of those again; any other does.
const readWithMoveAndItems = new Map<string, string>();

// The real server's writes save more than the record they answer with
// (GHC.md): those records get new eTags the app must hold before its next
// write on them. Each write's other records are fetched right after it, off
// the path of its answer, and noted as the user's own saves (writes/ownWrites):
// a write sent on the version before, while the fetch is on its way, meets a
// 412 that the app then knows is no conflict. A write whose answer was lost,
// once the latest version of its record shows it done, saved them alike (the
// listener on ownVersionConfirmed, below).

/** What a write may change on the move it saves besides its own record. */
const MOVE_FIELDS_SAVED = ['status', 'approvedAt', 'approvalsRequestedAt', 'availableToPrimeAt'];
/** What deciding a service item may change on its shipment. */
const SHIPMENT_FIELDS_SAVED = ['status', 'approvedDate'];

/** Notes that the user's write `by` saved the move too. */
function moveSavedBy(dispatch: AppDispatch, state: RootState, moveID: string, by: string) {
  const before = selectMoveTaskOrderById(state, moveID);
  if (before) dispatch(saveExpected({ before, fields: MOVE_FIELDS_SAVED, by }));
}

/** Notes that the user's decision `by` on a service item saved its move and its shipment too. */
function decisionSavedBy(
  dispatch: AppDispatch,
  state: RootState,
  item: Pick<MTOServiceItem, 'moveTaskOrderID' | 'mtoShipmentID'>,
  by: string,
) {
  moveSavedBy(dispatch, state, item.moveTaskOrderID, by);
  const shipment = item.mtoShipmentID ? selectShipmentById(state, item.mtoShipmentID) : undefined;
  if (shipment) dispatch(saveExpected({ before: shipment, fields: SHIPMENT_FIELDS_SAVED, by }));
}

/** Notes that the user's save `by` of the orders saved the customer too, and a move waiting for approvals. */
function ordersSavedBy(
  dispatch: AppDispatch,
  state: RootState,
  orders: Pick<Order, 'customerID' | 'moveTaskOrderID'>,
  by: string,
) {
  // The customer is saved as it was: a new eTag, nothing else.
  const customer = selectCustomerById(state, orders.customerID);
  if (customer) dispatch(saveExpected({ before: customer, fields: [], by }));
  const move = orders.moveTaskOrderID
    ? selectMoveTaskOrderById(state, orders.moveTaskOrderID)
    : undefined;
  if (move?.status === 'APPROVALS REQUESTED') moveSavedBy(dispatch, state, move.id, by);
}

// Approving the move creates its MS and CS service items. They are fetched
// whenever the store learns the move was approved, however it learns it: the
// user's own approval, a colleague's seen on a refetch, or the user's own
// approval whose answer was lost.
startAppListening({
  predicate: (action, current, original) => {
    if (!isAnyOf(updateMoveTaskOrderStatus.fulfilled, getMove.fulfilled)(action)) return false;
    const before = selectMoveTaskOrderById(original, action.payload.id);
    const after = selectMoveTaskOrderById(current, action.payload.id);
    return (
      updateMoveTaskOrderStatus.fulfilled.match(action) ||
      Boolean(before && !before.approvedAt && after?.approvedAt)
    );
  },
  effect: async (action, { dispatch, delay, getState, take }) => {
    const moveID = (action.payload as { id: string }).id;
    // The page shows the answer, and a write that follows (Send to Prime's
    // step 2) is sent, before this fetch is built.
    await delay(0);
    const following = selectWritesInFlight(getState(), moveID);
    if (following.length > 0) {
      // That write saves the move again; approving shipments fetches the
      // move's service items itself once it succeeds. Its answer is known by
      // its requestId: only its pending action names the records it saves.
      const next = await take(
        (later) =>
          isAnyOf(isFulfilled, isRejected)(later) && following.includes(later.meta.requestId),
        30_000,
      );
      if (next && approveShipments.fulfilled.match(next[0])) return;
    }
    await refetch(dispatch, delay, () => listMTOServiceItems(moveID));
  },
});

/** The locator of a stored move, which getMove reads it by. */
const locatorOf = (state: RootState, moveID: string) =>
  selectMoveTaskOrderById(state, moveID)?.locator;

// Approving a shipment saves its move (now available to the Prime) and
// creates its service items. Both are fetched whenever the store learns a
// shipment was approved: the user's own approval, or a refetch that shows it
// (a colleague's, or the user's own whose answer was lost).
startAppListening({
  predicate: (action, current, original) => {
    if (isAnyOf(approveShipment.fulfilled, approveShipments.fulfilled)(action)) return true;
    if (!listMTOShipments.fulfilled.match(action)) return false;
    const decided = readWithMoveAndItems.get(action.meta.requestId);
    return action.payload.some(({ id }) => {
      const before = selectShipmentById(original, id);
      return (
        id !== decided &&
        before !== undefined &&
        before.status !== 'APPROVED' &&
        selectShipmentById(current, id)?.status === 'APPROVED'
      );
    });
  },
  effect: async (action, { dispatch, delay, getState }) => {
    const own = approveShipment.fulfilled.match(action)
      ? { moveID: action.payload.moveTaskOrderID, by: approveShipment.typePrefix }
      : approveShipments.fulfilled.match(action)
        ? { moveID: action.meta.arg.moveTaskOrderID, by: approveShipments.typePrefix }
        : undefined;
    const moveID = own ? own.moveID : listMTOShipments.fulfilled.match(action) && action.meta.arg;
    if (!moveID) return;
    if (own) moveSavedBy(dispatch, getState(), moveID, own.by);
    // The page shows the answer before these fetches are built.
    await delay(0);
    const locator = locatorOf(getState(), moveID);
    await Promise.all([
      locator ? refetch(dispatch, delay, () => getMove(locator)) : undefined,
      refetch(dispatch, delay, () => listMTOServiceItems(moveID)),
    ]);
  },
});

// Deciding a service item saves its shipment and its move: fetched whenever
// the store learns an item was decided, however it learns it. The user's own
// decision saves the shipment's service items too, the decided one after its
// answer was built (the server recomputes the shipment's SIT end date and
// saves the shipment with all its items): the answer's eTag is already
// stale, and they are fetched as well.
startAppListening({
  predicate: (action, current, original) => {
    if (updateMTOServiceItemStatus.fulfilled.match(action)) return true;
    if (!listMTOServiceItems.fulfilled.match(action)) return false;
    return action.payload.some(({ id }) => {
      const before = selectServiceItemById(original, id);
      return (
        before?.status === 'SUBMITTED' && selectServiceItemById(current, id)?.status !== 'SUBMITTED'
      );
    });
  },
  effect: async (action, { dispatch, delay, getState }) => {
    const own = updateMTOServiceItemStatus.fulfilled.match(action);
    const moveID = own
      ? action.payload.moveTaskOrderID
      : listMTOServiceItems.fulfilled.match(action) && action.meta.arg;
    if (!moveID) return;
    if (own) {
      const by = updateMTOServiceItemStatus.typePrefix;
      decisionSavedBy(dispatch, getState(), action.payload, by);
      const shipmentID = action.payload.mtoShipmentID;
      // Saved again with nothing changed: each new version is the user's own.
      for (const id of selectServiceItemIdsOfMove(getState(), moveID)) {
        const item = selectServiceItemById(getState(), id);
        if (shipmentID && item?.mtoShipmentID === shipmentID) {
          dispatch(saveExpected({ before: item, fields: [], by }));
        }
      }
    }
    const locator = locatorOf(getState(), moveID);
    // After the user's own decision, the move and the items are read beside
    // the shipments: a shipment the decision approved needs no more.
    const beside: string[] = [];
    const decidedShipment = own ? action.payload.mtoShipmentID : null;
    const besideMoveAndItems =
      decidedShipment && locator
        ? (id: string) => {
            beside.push(id);
            readWithMoveAndItems.set(id, decidedShipment);
          }
        : undefined;
    await Promise.all([
      locator ? refetch(dispatch, delay, () => getMove(locator)) : undefined,
      refetch(dispatch, delay, () => listMTOShipments(moveID), besideMoveAndItems),
      own ? refetch(dispatch, delay, () => listMTOServiceItems(moveID)) : undefined,
    ]).finally(() => {
      for (const id of beside) readWithMoveAndItems.delete(id);
    });
  },
});

// Saving the orders saves the customer, and looks at a move waiting for
// approvals again: fetched whenever the store learns of a new version of the
// orders, the user's own save or one a refetch shows (its answer lost).
startAppListening({
  predicate: (action, current, original) => {
    if (updateOrder.fulfilled.match(action)) return true;
    if (!getOrder.fulfilled.match(action)) return false;
    const before = selectOrderById(original, action.payload.id);
    return (
      before !== undefined && before.eTag !== selectOrderById(current, action.payload.id)?.eTag
    );
  },
  effect: async (action, { dispatch, delay, getState }) => {
    if (!isAnyOf(updateOrder.fulfilled, getOrder.fulfilled)(action)) return;
    const { payload } = action;
    const move = payload.moveTaskOrderID
      ? selectMoveTaskOrderById(getState(), payload.moveTaskOrderID)
      : undefined;
    if (updateOrder.fulfilled.match(action)) {
      ordersSavedBy(dispatch, getState(), payload, updateOrder.typePrefix);
    }
    await Promise.all([
      refetch(dispatch, delay, () => getCustomer(payload.customerID)),
      move?.status === 'APPROVALS REQUESTED'
        ? refetch(dispatch, delay, () => getMove(move.locator))
        : undefined,
    ]);
  },
});

// A write of the user's whose answer was lost, confirmed by the latest
// version of its record (writes/ownWrites ownVersionConfirmed: done, and
// nothing else changed), saved the same records besides its own as one
// answered: they are noted as the user's saves alike. The read that
// confirmed it set off the fetches of those records (the listeners above: a
// shipment seen approved, an item seen decided, a new version of the orders);
// their answers come in a later task than this, so the versions the app holds
// now are still the ones from before the write, as when an answer comes. The
// service items a decision saves again were read by that very fetch: there is
// no version of theirs still to come. Send to Prime's approveShipments is not
// here: its check after a lost answer reads the move too, at once, so the move
// held by then may be the write's own version; it notes that version itself.
startAppListening({
  actionCreator: ownVersionConfirmed,
  effect: ({ payload: { recordID, by } }, { dispatch, getState }) => {
    const state = getState();
    if (by === approveShipment.typePrefix) {
      const shipment = selectShipmentById(state, recordID);
      if (shipment) moveSavedBy(dispatch, state, shipment.moveTaskOrderID, by);
    } else if (by === updateMTOServiceItemStatus.typePrefix) {
      const item = selectServiceItemById(state, recordID);
      if (item) decisionSavedBy(dispatch, state, item, by);
    } else if (by === updateOrder.typePrefix) {
      const orders = selectOrderById(state, recordID);
      if (orders) ordersSavedBy(dispatch, state, orders, by);
    }
  },
});

// A write sent without If-Match is a bug of ours (the real server's 422,
// RFC 9110's 428), never something to retry. Say so loudly where developers
// look.
startAppListening({
  predicate: (action) =>
    isRejectedWithValue(action) && (action.payload as ApiError).kind === 'preconditionRequired',
  effect: (action) => {
    console.error(`[TOO office] ${action.type}: a write was sent without If-Match.`, action);
  },
});
