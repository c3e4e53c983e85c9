import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Customer, UpdateCustomerPayload } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createRecordSelectors, emptyRecordTable, putRecord } from '../recordTable';

const asCustomer = expectRecord<Customer>('customer', ['id', 'eTag']);

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
  initialState: emptyRecordTable<Customer>(),
  reducers: {},
  extraReducers: (builder) => {
    builder.addMatcher(
      isAnyOf(getCustomer.fulfilled, updateCustomer.fulfilled),
      (state, { payload }) => {
        putRecord(state, payload);
      },
    );
  },
});

export default customersSlice.reducer;

export const { selectById: selectCustomerById } = createRecordSelectors(
  (state: RootState) => state.entities.customers,
);
