import { useAppSelector } from '../../app/hooks';
import { Details } from '../../components/Details';
import { formatDate, formatEnum } from '../../components/format';
import { selectOrderById } from '../../entities/orders/ordersSlice';

export function OrdersInfo({ orderID }: { orderID: string }) {
  const order = useAppSelector((state) => selectOrderById(state, orderID));
  if (!order) return null;
  return (
    <section aria-labelledby="orders-heading" className="record-card">
      <h2 id="orders-heading">Orders</h2>
      <Details
        rows={[
          ['Orders number', order.orderNumber],
          ['Orders type', formatEnum(order.orderType)],
          ['Orders type detail', order.orderTypeDetail],
          ['Date issued', formatDate(order.issueDate)],
          ['Report by date', formatDate(order.reportByDate)],
          ['Current duty location', order.originDutyLocation.name],
          ['New duty location', order.destinationDutyLocation.name],
          ['Department indicator', formatEnum(order.departmentIndicator)],
          ['Pay grade', order.grade.replace('_', '-')],
          ['TAC', order.tac],
          ['SAC', order.sac],
        ]}
      />
    </section>
  );
}
