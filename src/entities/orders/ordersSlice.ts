import { createEntityAdapter, createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Order, UpdateOrderPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { moveOpened } from '../recentMoves';

const asOrder = expectRecord<Order>('orders', ['id', 'customerID', 'eTag']);

const ordersAdapter = createEntityAdapter<Order>();

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
  initialState: ordersAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(moveOpened, (state, { payload }) => {
        ordersAdapter.removeMany(state, payload.dropped.orders);
      })
      .addMatcher(isAnyOf(getOrder.fulfilled, updateOrder.fulfilled), (state, { payload }) => {
        ordersAdapter.setOne(state, payload);
      });
  },
});

export default ordersSlice.reducer;

const selectors = ordersAdapter.getSelectors((state: RootState) => state.entities.orders);

export const selectOrderById: (state: RootState, id: string) => Order | undefined =
  selectors.selectById;
export const selectAllOrders = selectors.selectAll;
