// What the details page shows of each record type, with MilMove's labels. The
// same lists render the record and describe, field by field, what a colleague
// changed in it.
import type { Customer, Move, MTOServiceItem, MTOShipment, Order } from '../../api/models';
import type { DisplayField } from '../../writes/changes';
import { formatAddress, formatDate, formatDateTime } from '../../components/format';
import {
  BRANCH_LABELS,
  DEPT_INDICATOR_LABELS,
  GRADE_LABELS,
  labelOf,
  MOVE_STATUS_LABELS,
  ORDERS_TYPE_DETAIL_LABELS,
  ORDERS_TYPE_LABELS,
  SERVICE_ITEM_STATUS_LABELS,
  SHIPMENT_STATUS_LABELS,
} from '../../components/labels';

const text = (value: string | null | undefined) => value ?? '';

export const moveFields: DisplayField<Move>[] = [
  { label: 'Status', show: (move) => labelOf(MOVE_STATUS_LABELS, move.status) },
  {
    label: 'Approved',
    show: (move) => (move.approvedAt ? formatDate(move.approvedAt) : 'Not yet'),
  },
  {
    label: 'Available to the Prime',
    show: (move) =>
      move.availableToPrimeAt ? `Since ${formatDate(move.availableToPrimeAt)}` : 'Not yet',
  },
  { label: 'Reference ID', show: (move) => text(move.referenceId) },
  { label: 'TIO remarks', show: (move) => text(move.tioRemarks) },
];

const preferred = (customer: Customer) =>
  [customer.phoneIsPreferred && 'Phone', customer.emailIsPreferred && 'Email']
    .filter(Boolean)
    .join(', ');

export const customerFields: DisplayField<Customer>[] = [
  {
    label: 'Name',
    show: (c) => [c.first_name, c.middle_name, c.last_name, c.suffix].filter(Boolean).join(' '),
  },
  { label: 'DoD ID', show: (c) => text(c.edipi) },
  { label: 'EMPLID', show: (c) => text(c.emplid) },
  { label: 'Branch', show: (c) => labelOf(BRANCH_LABELS, c.agency as keyof typeof BRANCH_LABELS) },
  { label: 'Phone', show: (c) => text(c.phone) },
  { label: 'Alt. phone', show: (c) => text(c.secondaryTelephone) },
  { label: 'Email', show: (c) => text(c.email) },
  { label: 'Preferred contact', show: preferred },
  { label: 'Current address', show: (c) => formatAddress(c.current_address) },
  { label: 'Backup contact name', show: (c) => text(c.backup_contact?.name) },
  { label: 'Backup contact email', show: (c) => text(c.backup_contact?.email) },
  { label: 'Backup contact phone', show: (c) => text(c.backup_contact?.phone) },
];

export const orderFields: DisplayField<Order>[] = [
  { label: 'Orders type', show: (o) => labelOf(ORDERS_TYPE_LABELS, o.order_type) },
  {
    label: 'Orders type detail',
    show: (o) => labelOf(ORDERS_TYPE_DETAIL_LABELS, o.order_type_detail),
  },
  { label: 'Date issued', show: (o) => formatDate(o.date_issued) },
  { label: 'Report by date', show: (o) => formatDate(o.report_by_date) },
  { label: 'Pay grade', show: (o) => labelOf(GRADE_LABELS, o.grade) },
  { label: 'Current duty location', show: (o) => text(o.originDutyLocation?.name) },
  { label: 'New duty location', show: (o) => text(o.destinationDutyLocation?.name) },
  { label: 'Origin GBLOC', show: (o) => text(o.originDutyLocationGBLOC) },
  {
    label: 'Department indicator',
    show: (o) => labelOf(DEPT_INDICATOR_LABELS, o.department_indicator),
  },
  { label: 'Orders number', show: (o) => text(o.order_number) },
  { label: 'HHG TAC', show: (o) => text(o.tac) },
  { label: 'HHG SAC', show: (o) => text(o.sac) },
  { label: 'NTS TAC', show: (o) => text(o.ntsTac) },
  { label: 'NTS SAC', show: (o) => text(o.ntsSac) },
];

export const shipmentFields: DisplayField<MTOShipment>[] = [
  { label: 'Status', show: (s) => labelOf(SHIPMENT_STATUS_LABELS, s.status) },
  { label: 'Shipment ID', show: (s) => text(s.shipmentLocator) },
  { label: 'Requested pickup date', show: (s) => formatDate(s.requestedPickupDate) },
  { label: 'Requested delivery date', show: (s) => formatDate(s.requestedDeliveryDate) },
  { label: 'Pickup address', show: (s) => formatAddress(s.pickupAddress) },
  { label: 'Destination address', show: (s) => formatAddress(s.destinationAddress) },
  { label: 'Customer remarks', show: (s) => text(s.customerRemarks) },
  { label: 'Counselor remarks', show: (s) => text(s.counselorRemarks) },
  { label: 'Approved on', show: (s) => (s.approvedDate ? formatDate(s.approvedDate) : '') },
  { label: 'Rejection reason', show: (s) => text(s.rejectionReason) },
];

export const serviceItemFields: DisplayField<MTOServiceItem>[] = [
  { label: 'Status', show: (item) => labelOf(SERVICE_ITEM_STATUS_LABELS, item.status) },
  { label: 'Reason requested', show: (item) => text(item.reason) },
  {
    label: 'Decided on',
    show: (item) => {
      const when = item.approvedAt ?? item.rejectedAt;
      return when ? formatDateTime(when) : '';
    },
  },
  { label: 'Rejection reason', show: (item) => text(item.rejectionReason) },
];
