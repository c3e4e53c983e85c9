import { createEntityAdapter, createSlice, isAnyOf, type EntityState } from '@reduxjs/toolkit';
import type { Order, UpdateOrderPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import { createApiThunk, createWriteThunk, withPositionalArgs } from '../../writes/thunks';
import { moveOpened } from '../recentMoves';

const asOrder = expectRecord<Order>('orders', ['id', 'customerID', 'eTag']);

const ordersAdapter = createEntityAdapter<Order>();

/** The part of the store this slice keeps. */
interface OrdersState {
  entities: { orders: EntityState<Order, string> };
}

export const getOrder = createApiThunk('orders/getOrder', (orderID: string) =>
  request('order.getOrder', { orderID }).then(asOrder),
);

/**
 * The body carries the five fields the server requires on every update, and
 * what changed. Saving the orders saves the customer too: a listener
 * (app/listeners.ts) fetches its new version.
 */
export const updateOrder = withPositionalArgs(
  createWriteThunk(
    'orders/updateOrder',
    (arg: { orderID: string; ifMatchETag: string; body: UpdateOrderPayload }) =>
      request(
        'order.updateOrder',
        { orderID: arg.orderID, 'If-Match': arg.ifMatchETag },
        arg.body,
      ).then(asOrder),
    (arg) => arg.orderID,
  ),
  (orderID: string, ifMatchETag: string, body: UpdateOrderPayload) => ({
    orderID,
    ifMatchETag,
    body,
  }),
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

const selectors = ordersAdapter.getSelectors((state: OrdersState) => state.entities.orders);

export const selectOrderById: (state: OrdersState, id: string) => Order | undefined =
  selectors.selectById;
export const selectAllOrders = selectors.selectAll;
