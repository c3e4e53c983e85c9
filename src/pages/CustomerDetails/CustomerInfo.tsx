import { useCallback } from 'react';
import type { UpdateCustomerPayload } from '../../api/models';
import type { RootState } from '../../app/store';
import {
  getCustomer,
  selectCustomerById,
  updateCustomer,
} from '../../entities/customers/customersSlice';
import { customerFields } from './displayFields';
import { customerBody, customerEditFields } from './editFields';
import { RecordSection } from './RecordSection';

export function CustomerInfo({ customerID }: { customerID: string }) {
  const select = useCallback(
    (state: RootState) => selectCustomerById(state, customerID),
    [customerID],
  );
  return (
    <RecordSection
      title="Customer info"
      record="customer"
      recordID={customerID}
      select={select}
      refetch={() => getCustomer(customerID)}
      displayFields={customerFields}
      edit={{
        label: 'Edit customer info',
        fields: customerEditFields,
        body: customerBody,
        save: (eTag, body) => updateCustomer(customerID, eTag, body as UpdateCustomerPayload),
      }}
    />
  );
}
