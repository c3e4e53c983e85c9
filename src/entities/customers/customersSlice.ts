import { createEntityAdapter, createSlice, isAnyOf, type EntityState } from '@reduxjs/toolkit';
import type { Customer, UpdateCustomerPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import { createApiThunk, createWriteThunk, withPositionalArgs } from '../../writes/thunks';
import { moveOpened } from '../recentMoves';

const asCustomer = expectRecord<Customer>('customer', ['id', 'eTag']);

const customersAdapter = createEntityAdapter<Customer>();

/** The part of the store this slice keeps. */
interface CustomersState {
  entities: { customers: EntityState<Customer, string> };
}

export const getCustomer = createApiThunk('customers/getCustomer', (customerID: string) =>
  request('customer.getCustomer', { customerID }).then(asCustomer),
);

/**
 * The body must carry every field the server always writes (the names, the
 * preference flags, cac_validated): see pages/CustomerDetails/editFields.ts.
 */
export const updateCustomer = withPositionalArgs(
  createWriteThunk(
    'customers/updateCustomer',
    (arg: { customerID: string; ifMatchETag: string; body: UpdateCustomerPayload }) =>
      request(
        'customer.updateCustomer',
        { customerID: arg.customerID, 'If-Match': arg.ifMatchETag },
        arg.body,
      ).then(asCustomer),
    (arg) => arg.customerID,
  ),
  (customerID: string, ifMatchETag: string, body: UpdateCustomerPayload) => ({
    customerID,
    ifMatchETag,
    body,
  }),
);

const customersSlice = createSlice({
  name: 'customers',
  initialState: customersAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(moveOpened, (state, { payload }) => {
        customersAdapter.removeMany(state, payload.dropped.customers);
      })
      .addMatcher(
        isAnyOf(getCustomer.fulfilled, updateCustomer.fulfilled),
        (state, { payload }) => {
          customersAdapter.setOne(state, payload);
        },
      );
  },
});

export default customersSlice.reducer;

const selectors = customersAdapter.getSelectors(
  (state: CustomersState) => state.entities.customers,
);

export const selectCustomerById: (state: CustomersState, id: string) => Customer | undefined =
  selectors.selectById;
export const selectAllCustomers = selectors.selectAll;
