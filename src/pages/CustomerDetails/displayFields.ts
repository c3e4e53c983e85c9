// What the details page shows of each record type. The same lists render the
// record and describe, field by field, what a colleague changed in it.
import type { Customer, MTOServiceItem, MTOShipment, Order } from '../../api/models';
import type { DisplayField } from '../../components/changes';
import { formatAddress, formatDate, formatDateTime, formatEnum } from '../../components/format';
import type { StoredMoveTaskOrder } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { branches, departments, orderTypes } from './editFields';

const text = (value: string | null | undefined) => value ?? '';

export const moveTaskOrderFields: DisplayField<StoredMoveTaskOrder>[] = [
  {
    label: 'Status',
    show: (mto) =>
      mto.availableToPrimeAt
        ? `Available to Prime since ${formatDate(mto.availableToPrimeAt)}`
        : 'Draft',
  },
  { label: 'Reference ID', show: (mto) => text(mto.referenceId) },
  { label: 'TIO remarks', show: (mto) => text(mto.tioRemarks) },
];

export const customerFields: DisplayField<Customer>[] = [
  {
    label: 'Name',
    show: (c) => [c.firstName, c.middleName, c.lastName, c.suffix].filter(Boolean).join(' '),
  },
  { label: 'DoD ID', show: (c) => c.edipi },
  { label: 'Branch', show: (c) => branches[c.agency] },
  { label: 'Phone', show: (c) => c.phone },
  { label: 'Email', show: (c) => c.email },
  { label: 'Current address', show: (c) => formatAddress(c.currentAddress) },
  { label: 'Backup contact name', show: (c) => c.backupContact.name },
  { label: 'Backup contact phone', show: (c) => c.backupContact.phone },
  { label: 'Backup contact email', show: (c) => c.backupContact.email },
];

export const orderFields: DisplayField<Order>[] = [
  { label: 'Orders number', show: (o) => o.orderNumber },
  { label: 'Orders type', show: (o) => orderTypes[o.orderType] },
  { label: 'Orders type detail', show: (o) => text(o.orderTypeDetail) },
  { label: 'Date issued', show: (o) => formatDate(o.issueDate) },
  { label: 'Report by date', show: (o) => formatDate(o.reportByDate) },
  { label: 'Current duty location', show: (o) => o.originDutyLocation.name },
  { label: 'New duty location', show: (o) => o.destinationDutyLocation.name },
  { label: 'Department indicator', show: (o) => departments[o.departmentIndicator] },
  { label: 'Pay grade', show: (o) => o.grade.replace('_', '-') },
  { label: 'TAC', show: (o) => text(o.tac) },
  { label: 'SAC', show: (o) => text(o.sac) },
];

export const shipmentFields: DisplayField<MTOShipment>[] = [
  { label: 'Status', show: (s) => formatEnum(s.status) },
  { label: 'Requested pickup date', show: (s) => formatDate(s.requestedPickupDate) },
  { label: 'Pickup address', show: (s) => formatAddress(s.pickupAddress) },
  { label: 'Destination address', show: (s) => formatAddress(s.destinationAddress) },
  { label: 'Customer remarks', show: (s) => text(s.customerRemarks) },
  { label: 'Approved on', show: (s) => (s.approvedDate ? formatDate(s.approvedDate) : '') },
  { label: 'Rejection reason', show: (s) => text(s.rejectionReason) },
];

export const serviceItemFields: DisplayField<MTOServiceItem>[] = [
  { label: 'Status', show: (item) => formatEnum(item.status) },
  {
    label: 'Decided on',
    show: (item) => {
      const when = item.approvedAt ?? item.rejectedAt;
      return when ? formatDateTime(when) : '';
    },
  },
  { label: 'Rejection reason', show: (item) => text(item.rejectionReason) },
];
