import { createSlice } from '@reduxjs/toolkit';
import { request } from '../api/request';
import type { RootState } from '../app/store';
import { createApiThunk } from './createApiThunk';

// Versions of shown records that the server has and the page does not show
// yet. They are only noted (id -> updatedAt); the page offers to reload, so
// nothing changes under the user's eyes while they read or type.
type NewerVersions = Record<string, string>;

interface Versioned {
  id: string;
  updatedAt: string;
}

export interface ShownRecords {
  moveTaskOrderID: string;
  orderID: string;
  customerID: string;
}

/** Fetches the latest versions of what the details page shows, without storing them. */
export const checkForNewerVersions = createApiThunk(
  'newerVersions/check',
  async ({ moveTaskOrderID, orderID, customerID }: ShownRecords): Promise<Versioned[]> => {
    const [moveTaskOrder, order, customer, shipments, serviceItems] = await Promise.all([
      request('moveTaskOrder.getMoveTaskOrder', { moveTaskOrderID }),
      request('order.getOrder', { orderID }),
      request('customer.getCustomer', { customerID }),
      request('mtoShipment.listMTOShipments', { moveTaskOrderID }),
      request('mtoServiceItem.listMTOServiceItems', { moveTaskOrderID }),
    ]);
    return [moveTaskOrder, order, customer, ...shipments, ...serviceItems].map(
      ({ id, updatedAt }) => ({ id, updatedAt }),
    );
  },
);

const newerVersionsSlice = createSlice({
  name: 'newerVersions',
  initialState: {} as NewerVersions,
  reducers: {},
  extraReducers: (builder) => {
    builder.addCase(checkForNewerVersions.fulfilled, (state, { payload }) => {
      for (const { id, updatedAt } of payload) {
        // RFC 3339 times in one format and zone compare as strings.
        if (!state[id] || state[id] < updatedAt) state[id] = updatedAt;
      }
    });
  },
});

export default newerVersionsSlice.reducer;

/** When the server's newer version of a shown record was saved, if it has one. */
export const selectNewerVersionAt = (state: RootState, shown: Versioned): string | null => {
  const latest = state.newerVersions[shown.id];
  return latest && latest > shown.updatedAt ? latest : null;
};
