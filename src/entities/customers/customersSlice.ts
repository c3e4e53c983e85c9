import { createEntityAdapter, createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Customer, UpdateCustomerPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { moveOpened } from '../recentMoves';

const asCustomer = expectRecord<Customer>('customer', ['id', 'eTag']);

const customersAdapter = createEntityAdapter<Customer>();

export const getCustomer = createApiThunk('customers/getCustomer', (customerID: string) =>
  request('customer.getCustomer', { customerID }).then(asCustomer),
);

/**
 * The body must carry every field the server always writes (the names, the
 * preference flags, cac_validated): see pages/CustomerDetails/editFields.ts.
 */
export const updateCustomer = createApiThunk(
  'customers/updateCustomer',
  (customerID: string, ifMatchETag: string, body: UpdateCustomerPayload) =>
    request('customer.updateCustomer', { customerID, 'If-Match': ifMatchETag }, body).then(
      asCustomer,
    ),
  { recordOf: (customerID) => customerID },
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

const selectors = customersAdapter.getSelectors((state: RootState) => state.entities.customers);

export const selectCustomerById: (state: RootState, id: string) => Customer | undefined =
  selectors.selectById;
export const selectAllCustomers = selectors.selectAll;
