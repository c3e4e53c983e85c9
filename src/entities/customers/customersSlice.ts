import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { Customer, UpdateCustomerPayload } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createRecordSelectors, emptyRecordTable, putRecord } from '../recordTable';

export const getCustomer = createApiThunk('customers/getCustomer', (customerID: string) =>
  request('customer.getCustomer', { customerID }),
);

export const updateCustomer = createApiThunk(
  'customers/updateCustomer',
  (customerID: string, ifMatchETag: string, changes: UpdateCustomerPayload) =>
    request('customer.updateCustomer', { customerID, 'If-Match': ifMatchETag }, changes),
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
