import { createSlice, isFulfilled } from '@reduxjs/toolkit';
import type { Versioned } from '../api/models';
import { request } from '../api/request';
import { selectOwnWritesBetween, type OwnWritesState } from './ownWrites';
import { createApiThunk } from './thunks';

// Versions of shown records that the server has and the page does not show
// yet, noted by id as the server's eTag (only an eTag names a version: the
// customer and the orders carry no updatedAt, and a service item's is always
// the zero time). The page offers to reload, so nothing changes under the
// user's eyes while they read or type.
interface Noted {
  eTag: string;
  /** When it was saved, if the record says (moves and shipments do). */
  updatedAt: string | null;
}

type NewerVersions = Record<string, Noted>;

/** The part of the store this slice keeps: `state.writes.newerVersions`. */
export interface NewerVersionsState {
  writes: { newerVersions: NewerVersions };
}

export interface ShownRecords {
  moveTaskOrderID: string;
  orderID: string;
  customerID: string;
}

interface Latest {
  id?: string;
  eTag?: string;
  updatedAt?: string;
}

/** Fetches the latest versions of what the details page shows, without storing them. */
export const checkForNewerVersions = createApiThunk(
  'newerVersions/check',
  async ({ moveTaskOrderID, orderID, customerID }: ShownRecords): Promise<Latest[]> => {
    // The task order view of the move: the same eTag as the move, and reading it takes no lock.
    const [moveTaskOrder, order, customer, shipments, serviceItems] = await Promise.all([
      request('moveTaskOrder.getMoveTaskOrder', { moveTaskOrderID }),
      request('order.getOrder', { orderID }),
      request('customer.getCustomer', { customerID }),
      request('mtoShipment.listMTOShipments', { moveTaskOrderID }),
      request('mtoServiceItem.listMTOServiceItems', { moveTaskOrderID }),
    ]);
    return [moveTaskOrder, order, customer, ...(shipments ?? []), ...(serviceItems ?? [])];
  },
);

const ZERO_TIME = /^0001-01-01/;

/** The records a fulfilled action stored, when it stored any: one, or a list of them. */
function storedBy(payload: unknown): Latest[] {
  const list = Array.isArray(payload) ? payload : [payload];
  return list.filter(
    (item): item is Latest => typeof item === 'object' && item !== null && 'eTag' in item,
  );
}

const newerVersionsSlice = createSlice({
  name: 'writes/newerVersions',
  initialState: {} as NewerVersions,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(checkForNewerVersions.fulfilled, (state, { payload }) => {
        for (const { id, eTag, updatedAt } of payload) {
          if (!id || !eTag) continue;
          state[id] = {
            eTag,
            updatedAt: updatedAt && !ZERO_TIME.test(updatedAt) ? updatedAt : null,
          };
        }
      })
      // A version the app stores is the page's now: the notice about it goes.
      .addMatcher(isFulfilled, (state, { payload, type }) => {
        if (type === checkForNewerVersions.fulfilled.type) return;
        for (const { id } of storedBy(payload)) if (id && state[id]) delete state[id];
      });
  },
});

export default newerVersionsSlice.reducer;

/**
 * The server's newer version of a shown record, if it has one that someone
 * else made: one made by the user's own writes in this tab is no news to
 * them (the write's listener loads it).
 */
export const selectNewerVersion = (
  state: NewerVersionsState & OwnWritesState,
  shown: Versioned,
): Noted | null => {
  const latest = state.writes.newerVersions[shown.id];
  if (!latest || latest.eTag === shown.eTag) return null;
  return selectOwnWritesBetween(state, shown, { id: shown.id, eTag: latest.eTag }) ? null : latest;
};
