import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Order, UpdateOrderPayload } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createRecordSelectors, emptyRecordTable, putRecord } from '../recordTable';

export const getOrder = createApiThunk('orders/getOrder', (orderID: string) =>
  request('order.getOrder', { orderID }),
);

export const updateOrder = createApiThunk(
  'orders/updateOrder',
  (orderID: string, ifMatchETag: string, changes: UpdateOrderPayload) =>
    request('order.updateOrder', { orderID, 'If-Match': ifMatchETag }, changes),
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
