import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Order, UpdateOrderPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createRecordSelectors, emptyRecordTable, putRecord } from '../recordTable';

const asOrder = expectRecord<Order>('orders', ['id', 'customerID', 'eTag']);

export const getOrder = createApiThunk('orders/getOrder', (orderID: string) =>
  request('order.getOrder', { orderID }).then(asOrder),
);

/**
 * The body carries the five fields the server requires on every update, and
 * what changed. Saving the orders saves the customer too: a listener
 * (app/listeners.ts) fetches its new version.
 */
export const updateOrder = createApiThunk(
  'orders/updateOrder',
  (orderID: string, ifMatchETag: string, body: UpdateOrderPayload) =>
    request('order.updateOrder', { orderID, 'If-Match': ifMatchETag }, body).then(asOrder),
  { recordOf: (orderID) => orderID },
);

const ordersSlice = createSlice({
  name: 'orders',
  initialState: emptyRecordTable<Order>(),
  reducers: {},
  extraReducers: (builder) => {
    builder.addMatcher(isAnyOf(getOrder.fulfilled, updateOrder.fulfilled), (state, { payload }) => {
      putRecord(state, payload);
    });
  },
});

export default ordersSlice.reducer;

export const { selectById: selectOrderById } = createRecordSelectors(
  (state: RootState) => state.entities.orders,
);
