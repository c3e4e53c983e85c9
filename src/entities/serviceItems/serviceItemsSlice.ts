import { createSlice } from '@reduxjs/toolkit';
import type { MTOServiceItem, ServiceItemStatusPayload } from '../../api/models';
import { expectRecord, expectRecords } from '../../api/records';
import { request } from '../../api/request';
import { createApiThunk, createWriteThunk, withPositionalArgs } from '../../writes/thunks';
import { createChildrenAdapter, type ChildrenState } from '../childrenOfMove';
import { moveOpened } from '../recentMoves';

// Each service item is written with its own eTag, never the move's (decision 0049).
const KEYS = ['id', 'moveTaskOrderID', 'reServiceCode', 'reServiceName', 'status', 'eTag'] as const;
const asServiceItem = expectRecord<MTOServiceItem>('service item', KEYS);
const asServiceItems = expectRecords<MTOServiceItem>('service item', KEYS);

const serviceItemsAdapter = createChildrenAdapter<MTOServiceItem>();

/** The part of the store this slice keeps. */
interface ServiceItemsState {
  entities: { serviceItems: ChildrenState<MTOServiceItem> };
}

export const listMTOServiceItems = createApiThunk(
  'serviceItems/listMTOServiceItems',
  (moveTaskOrderID: string) =>
    request('mtoServiceItem.listMTOServiceItems', { moveTaskOrderID }).then(asServiceItems),
);

/** Deciding an item saves its shipment, the shipment's other items and the move too: a listener fetches them. */
export const updateMTOServiceItemStatus = withPositionalArgs(
  createWriteThunk(
    'serviceItems/updateMTOServiceItemStatus',
    (arg: {
      moveTaskOrderID: string;
      mtoServiceItemID: string;
      ifMatchETag: string;
      change: ServiceItemStatusPayload;
    }) =>
      request(
        'mtoServiceItem.updateMTOServiceItemStatus',
        {
          moveTaskOrderID: arg.moveTaskOrderID,
          mtoServiceItemID: arg.mtoServiceItemID,
          'If-Match': arg.ifMatchETag,
        },
        arg.change,
      ).then(asServiceItem),
    (arg) => arg.mtoServiceItemID,
  ),
  (
    serviceItem: Pick<MTOServiceItem, 'id' | 'moveTaskOrderID'>,
    ifMatchETag: string,
    change: ServiceItemStatusPayload,
  ) => ({
    moveTaskOrderID: serviceItem.moveTaskOrderID,
    mtoServiceItemID: serviceItem.id,
    ifMatchETag,
    change,
  }),
);

const serviceItemsSlice = createSlice({
  name: 'serviceItems',
  initialState: serviceItemsAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOServiceItems.fulfilled, (state, { payload, meta }) => {
        serviceItemsAdapter.replaceChildrenOfMove(state, meta.arg, payload);
      })
      .addCase(updateMTOServiceItemStatus.fulfilled, (state, { payload }) => {
        serviceItemsAdapter.putChild(state, payload);
      })
      .addCase(moveOpened, (state, { payload: { dropped } }) => {
        serviceItemsAdapter.forgetMoves(state, dropped.moveTaskOrders, dropped.serviceItems);
      });
  },
});

export default serviceItemsSlice.reducer;

export const {
  selectById: selectServiceItemById,
  selectAll: selectAllServiceItems,
  selectIdsOfMove: selectServiceItemIdsOfMove,
} = serviceItemsAdapter.getSelectors((state: ServiceItemsState) => state.entities.serviceItems);
