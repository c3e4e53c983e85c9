import { createEntityAdapter, createSlice } from '@reduxjs/toolkit';
import type { MTOServiceItem, ServiceItemStatusPayload } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createSelectIdsOfMove, replaceChildrenOfMove } from '../childrenOfMove';

// Each service item is written with its own eTag, never the move's (decision 0049).
const serviceItemsAdapter = createEntityAdapter<MTOServiceItem>();

export const listMTOServiceItems = createApiThunk(
  'serviceItems/listMTOServiceItems',
  (moveTaskOrderID: string) => request('mtoServiceItem.listMTOServiceItems', { moveTaskOrderID }),
);

export const updateMTOServiceItemStatus = createApiThunk(
  'serviceItems/updateMTOServiceItemStatus',
  (
    serviceItem: Pick<MTOServiceItem, 'id' | 'moveTaskOrderID'>,
    ifMatchETag: string,
    change: ServiceItemStatusPayload,
  ) =>
    request(
      'mtoServiceItem.updateMTOServiceItemStatus',
      {
        moveTaskOrderID: serviceItem.moveTaskOrderID,
        mtoServiceItemID: serviceItem.id,
        'If-Match': ifMatchETag,
      },
      change,
    ),
  { recordOf: (serviceItem) => serviceItem.id },
);

const serviceItemsSlice = createSlice({
  name: 'serviceItems',
  initialState: serviceItemsAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOServiceItems.fulfilled, (state, { payload, meta }) => {
        replaceChildrenOfMove(serviceItemsAdapter, state, meta.arg[0], payload);
      })
      .addCase(updateMTOServiceItemStatus.fulfilled, (state, { payload }) => {
        serviceItemsAdapter.setOne(state, payload);
      });
  },
});

export default serviceItemsSlice.reducer;

export const { selectById: selectServiceItemById, selectAll: selectAllServiceItems } =
  serviceItemsAdapter.getSelectors((state: RootState) => state.entities.serviceItems);

export const selectServiceItemIdsOfMove = createSelectIdsOfMove(selectAllServiceItems);
