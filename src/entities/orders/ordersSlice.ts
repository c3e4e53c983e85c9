import { createEntityAdapter, createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Order, UpdateOrderPayload } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';

const ordersAdapter = createEntityAdapter<Order>();

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
  initialState: ordersAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder.addMatcher(isAnyOf(getOrder.fulfilled, updateOrder.fulfilled), (state, { payload }) => {
      ordersAdapter.setOne(state, payload);
    });
  },
});

export default ordersSlice.reducer;

export const { selectById: selectOrderById } = ordersAdapter.getSelectors(
  (state: RootState) => state.entities.orders,
);
