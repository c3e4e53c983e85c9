import { createSlice } from '@reduxjs/toolkit';
import type { MTOServiceItem, ServiceItemStatusPayload } from '../../api/models';
import { expectRecord, expectRecords } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { emptyChildTable, idsOfMove, putChild, replaceChildrenOfMove } from '../childrenOfMove';
import { createRecordSelectors } from '../recordTable';

// Each service item is written with its own eTag, never the move's (decision 0049).
const KEYS = ['id', 'moveTaskOrderID', 'reServiceCode', 'reServiceName', 'status', 'eTag'] as const;
const asServiceItem = expectRecord<MTOServiceItem>('service item', KEYS);
const asServiceItems = expectRecords<MTOServiceItem>('service item', KEYS);

export const listMTOServiceItems = createApiThunk(
  'serviceItems/listMTOServiceItems',
  (moveTaskOrderID: string) =>
    request('mtoServiceItem.listMTOServiceItems', { moveTaskOrderID }).then(asServiceItems),
);

/** Deciding an item saves its shipment and move too: a listener fetches both. */
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
    ).then(asServiceItem),
  { recordOf: (serviceItem) => serviceItem.id },
);

const serviceItemsSlice = createSlice({
  name: 'serviceItems',
  initialState: emptyChildTable<MTOServiceItem>(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOServiceItems.fulfilled, (state, { payload, meta }) => {
        replaceChildrenOfMove(state, meta.arg[0], payload);
      })
      .addCase(updateMTOServiceItemStatus.fulfilled, (state, { payload }) => {
        putChild(state, payload);
      });
  },
});

export default serviceItemsSlice.reducer;

const selectTable = (state: RootState) => state.entities.serviceItems;

export const { selectById: selectServiceItemById } = createRecordSelectors(selectTable);

export const selectServiceItemIdsOfMove = (state: RootState, moveTaskOrderID: string) =>
  idsOfMove(selectTable(state), moveTaskOrderID);
