import { useCallback } from 'react';
import type { UpdateOrderPayload } from '../../api/models';
import type { RootState } from '../../app/store';
import { getOrder, selectOrderById, updateOrder } from '../../entities/orders/ordersSlice';
import { orderFields } from './displayFields';
import { orderBody, orderEditFields } from './editFields';
import { RecordSection } from './RecordSection';

export function OrdersInfo({ orderID }: { orderID: string }) {
  const select = useCallback((state: RootState) => selectOrderById(state, orderID), [orderID]);
  return (
    <RecordSection
      title="Orders"
      record="orders"
      recordID={orderID}
      select={select}
      refetch={() => getOrder(orderID)}
      displayFields={orderFields}
      edit={{
        label: 'Edit orders',
        fields: orderEditFields,
        body: orderBody,
        save: (eTag, body) => updateOrder(orderID, eTag, body as UpdateOrderPayload),
      }}
    />
  );
}
