// Rows to the API's models, as the real server's payload functions build
// them and its generated models print them (GHC.md, "JSON serialisation
// quirks"): a field the model marks omitempty is left out when it is a nil
// pointer (a null here) or, for a plain value, its zero value (false, 0, "");
// date-times print with milliseconds; a non-nullable date that is not set
// prints as the zero date.
import { eTagOf, jsonDateTime } from './clock';
import { db } from './db';
import {
  counselingOfficeById,
  dutyLocationById,
  gblocOfPostalCode,
  officeUserById,
  SIGNED_IN_USER,
  type DutyLocationRow,
} from './referenceData';
import type {
  AddressRow,
  CustomerRow,
  MoveRow,
  OrderRow,
  Schemas,
  ServiceItemRow,
  ShipmentRow,
} from './records';

const ZERO_TIME = '0001-01-01T00:00:00.000Z';

/** A nullable (pointer) field: left out when null. */
const ptr = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
/** A plain field with omitempty: left out at its zero value. */
const val = <T extends string | number | boolean>(value: T): T | undefined =>
  value === '' || value === 0 || value === false ? undefined : value;
/** A nullable date-time. */
const time = (stored: string | null) => (stored === null ? undefined : jsonDateTime(stored));

export function address(row: AddressRow | null): Schemas['Address'] | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    streetAddress1: row.streetAddress1,
    streetAddress2: ptr(row.streetAddress2),
    streetAddress3: ptr(row.streetAddress3),
    city: row.city,
    state: row.state,
    postalCode: row.postalCode,
    county: ptr(row.county),
    eTag: eTagOf(row.updatedAt),
  };
}

export function dutyLocation(
  row: DutyLocationRow | undefined,
): Schemas['DutyLocation'] | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    address_id: row.address.id,
    address: address(row.address),
    eTag: eTagOf(row.updatedAt),
  };
}

export function move(row: MoveRow): Schemas['Move'] {
  return {
    id: row.id,
    locator: row.locator,
    ordersId: row.ordersId,
    referenceId: ptr(row.referenceId),
    status: row.status,
    submittedAt: time(row.submittedAt),
    serviceCounselingCompletedAt: time(row.serviceCounselingCompletedAt),
    approvedAt: time(row.approvedAt),
    approvalsRequestedAt: time(row.approvalsRequestedAt),
    availableToPrimeAt: time(row.availableToPrimeAt),
    tioRemarks: ptr(row.tioRemarks),
    financialReviewFlag: val(row.financialReviewFlag),
    financialReviewRemarks: ptr(row.financialReviewRemarks),
    lockedByOfficeUserID: ptr(row.lockedByOfficeUserId),
    lockExpiresAt: time(row.lockExpiresAt),
    createdAt: jsonDateTime(row.createdAt),
    updatedAt: jsonDateTime(row.updatedAt),
    eTag: eTagOf(row.updatedAt),
  };
}

export function moveTaskOrder(row: MoveRow): Schemas['MoveTaskOrder'] {
  return {
    id: row.id,
    orderID: row.ordersId,
    locator: row.locator,
    referenceId: row.referenceId ?? undefined,
    approvedAt: time(row.approvedAt),
    availableToPrimeAt: time(row.availableToPrimeAt),
    // Never filled by the server: a zero date.
    requestedPickupDate: '0001-01-01',
    createdAt: jsonDateTime(row.createdAt),
    updatedAt: jsonDateTime(row.updatedAt),
    eTag: eTagOf(row.updatedAt),
  };
}

export function customer(row: CustomerRow): Schemas['Customer'] {
  const contact = row.backupContact;
  return {
    id: row.id,
    userID: row.userId,
    edipi: val(row.edipi),
    emplid: ptr(row.emplid),
    agency: val(row.affiliation),
    first_name: val(row.firstName),
    middle_name: ptr(row.middleName),
    last_name: val(row.lastName),
    suffix: ptr(row.suffix),
    email: ptr(row.email),
    phone: ptr(row.phone),
    secondaryTelephone: ptr(row.secondaryTelephone),
    phoneIsPreferred: val(row.phoneIsPreferred),
    emailIsPreferred: val(row.emailIsPreferred),
    current_address: address(row.residentialAddress),
    backup_contact: contact
      ? { name: contact.name, email: contact.email, phone: contact.phone }
      : undefined,
    cacValidated: row.cacValidated,
    eTag: eTagOf(row.updatedAt),
  };
}

export function order(row: OrderRow): Schemas['Order'] {
  const member = db.find('customer', row.serviceMemberId);
  const moveRow = db.all('move').find((candidate) => candidate.ordersId === row.id);
  return {
    id: row.id,
    customerID: row.serviceMemberId,
    moveCode: moveRow?.locator,
    moveTaskOrderID: moveRow?.id,
    first_name: member ? val(member.firstName) : undefined,
    last_name: member ? val(member.lastName) : undefined,
    // Pointer fields the server prints even when empty.
    grade: row.grade,
    agency: member?.affiliation,
    originDutyLocation: dutyLocation(dutyLocationById(row.originDutyLocationId)),
    originDutyLocationGBLOC: row.gbloc,
    destinationDutyLocation: dutyLocation(dutyLocationById(row.newDutyLocationId)),
    order_number: ptr(row.ordersNumber),
    order_type: row.ordersType,
    order_type_detail: row.ordersTypeDetail,
    date_issued: row.issueDate,
    report_by_date: row.reportByDate,
    department_indicator: row.departmentIndicator,
    tac: ptr(row.tac),
    sac: ptr(row.sac),
    ntsTac: ptr(row.ntsTac),
    ntsSac: ptr(row.ntsSac),
    has_dependents: val(row.hasDependents),
    eTag: eTagOf(row.updatedAt),
  };
}

export function shipment(row: ShipmentRow): Schemas['MTOShipment'] {
  return {
    id: row.id,
    moveTaskOrderID: row.moveId,
    shipmentLocator: ptr(row.shipmentLocator),
    shipmentType: row.shipmentType,
    status: row.status,
    requestedPickupDate: ptr(row.requestedPickupDate),
    requestedDeliveryDate: ptr(row.requestedDeliveryDate),
    approvedDate: time(row.approvedDate),
    pickupAddress: address(row.pickupAddress),
    destinationAddress: address(row.destinationAddress),
    // No omitempty on these: always printed, null while unknown.
    hasSecondaryPickupAddress: null,
    hasSecondaryDeliveryAddress: null,
    hasTertiaryPickupAddress: null,
    hasTertiaryDeliveryAddress: null,
    actualProGearWeight: null,
    actualSpouseProGearWeight: null,
    primeEstimatedWeight: ptr(row.primeEstimatedWeight),
    customerRemarks: ptr(row.customerRemarks),
    counselorRemarks: ptr(row.counselorRemarks),
    rejectionReason: ptr(row.rejectionReason),
    diversion: val(row.diversion),
    usesExternalVendor: val(row.usesExternalVendor),
    createdAt: jsonDateTime(row.createdAt),
    updatedAt: jsonDateTime(row.updatedAt),
    eTag: eTagOf(row.updatedAt),
  };
}

export function serviceItem(row: ServiceItemRow): Schemas['MTOServiceItem'] {
  return {
    id: row.id,
    moveTaskOrderID: row.moveId,
    mtoShipmentID: ptr(row.shipmentId),
    reServiceID: row.reServiceId,
    reServiceCode: row.reServiceCode,
    reServiceName: row.reServiceName,
    status: row.status,
    reason: ptr(row.reason),
    rejectionReason: ptr(row.rejectionReason),
    // No omitempty: always printed.
    convertToCustomerExpense: row.convertToCustomerExpense,
    approvedAt: time(row.approvedAt),
    rejectedAt: time(row.rejectedAt),
    createdAt: jsonDateTime(row.createdAt),
    // The payload function never fills it: the zero time, always. Only the
    // eTag tells one version from another.
    updatedAt: ZERO_TIME,
    eTag: eTagOf(row.updatedAt),
  };
}

/** The zero values the queue's customer carries beside its few real fields. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const ZERO_TIME_ETAG = btoa('0001-01-01T00:00:00Z');

/**
 * A duty location as the queue's SQL returns it (its id, its name, the
 * address's lines) and the payload function prints it: the ids and times it
 * was not given are the nil UUID and the zero time.
 */
function queueDutyLocation(
  location: DutyLocationRow | undefined,
): Schemas['DutyLocation'] | undefined {
  if (!location) return undefined;
  const { streetAddress1, streetAddress2, city, state, postalCode } = location.address;
  return {
    id: location.id,
    name: location.name,
    address_id: NIL_UUID,
    address: {
      id: NIL_UUID,
      streetAddress1,
      streetAddress2: ptr(streetAddress2),
      city,
      state,
      postalCode,
      eTag: ZERO_TIME_ETAG,
    },
    eTag: ZERO_TIME_ETAG,
  };
}

export interface QueueParts {
  move: MoveRow;
  order: OrderRow;
  customer: CustomerRow;
  shipments: ShipmentRow[];
  serviceItems: ServiceItemRow[];
}

/** The statuses whose shipments count in a queue row and give it its requested dates. */
const ACTIVE_SHIPMENT = new Set<ShipmentRow['status']>([
  'SUBMITTED',
  'APPROVED',
  'APPROVALS_REQUESTED',
  'DIVERSION_REQUESTED',
  'CANCELLATION_REQUESTED',
  'TERMINATED_FOR_CAUSE',
]);

const monthDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The GBLOC of the move's first shipment's pickup postal code, as the view move_to_gbloc finds it. */
export function shipmentGbloc(shipments: ShipmentRow[]): string | undefined {
  const first = [...shipments]
    .filter((shipment) => shipment.deletedAt === null && shipment.pickupAddress)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];
  return first?.pickupAddress ? gblocOfPostalCode(first.pickupAddress.postalCode) : undefined;
}

/** A shipment's earliest requested date: its pickup or its delivery. */
const earliestRequested = (shipment: ShipmentRow) =>
  [shipment.requestedPickupDate, shipment.requestedDeliveryDate]
    .filter((date): date is string => date !== null)
    .sort()[0];

/**
 * What waits for the TOO: the codes of submitted shipment service items,
 * then NEW_SHIPMENT for each submitted shipment; null, not an empty list,
 * when nothing does (the real server prints it so).
 */
function approvalRequestTypes(parts: QueueParts): string[] | null {
  const types = [
    ...parts.serviceItems
      .filter((item) => item.shipmentId !== null && item.status === 'SUBMITTED')
      .map((item) => item.reServiceCode),
    ...parts.shipments
      .filter((shipment) => shipment.status === 'SUBMITTED')
      .map((shipment) => (shipment.diversion ? 'DIVERSION' : 'NEW_SHIPMENT')),
  ];
  return types.length > 0 ? types : null;
}

export function queueMove(parts: QueueParts): Schemas['QueueMove'] {
  const { move: row, order: orders, customer: member, shipments } = parts;
  const active = shipments.filter((candidate) => ACTIVE_SHIPMENT.has(candidate.status));
  const dates = active
    .map(earliestRequested)
    .filter((date): date is string => date !== undefined)
    .sort();
  const assigned = officeUserById(row.tooAssignedId);
  const lockedBySomeoneElse =
    row.lockedByOfficeUserId !== null && row.lockedByOfficeUserId !== SIGNED_IN_USER.id;
  return {
    id: row.id,
    customer: {
      id: member.id,
      first_name: val(member.firstName),
      last_name: val(member.lastName),
      edipi: val(member.edipi),
      emplid: ptr(member.emplid),
      agency: val(member.affiliation),
      userID: NIL_UUID,
      eTag: ZERO_TIME_ETAG,
      cacValidated: false,
    },
    status: row.status,
    locator: row.locator,
    submittedAt: time(row.submittedAt),
    // The queue's query does not return the later timestamps: this is submittedAt.
    appearedInTooAt: time(row.submittedAt),
    requestedMoveDate: dates[0],
    requestedMoveDates: dates.length
      ? dates
          .map((date) => monthDay.format(new Date(`${date}T00:00:00Z`)).replace(',', ''))
          .join(', ')
      : undefined,
    departmentIndicator: orders.departmentIndicator,
    shipmentsCount: val(active.length),
    originDutyLocation: queueDutyLocation(dutyLocationById(orders.originDutyLocationId)),
    // The shipments' GBLOC, but the orders' for a move still in counseling.
    originGBLOC:
      row.status === 'NEEDS SERVICE COUNSELING'
        ? orders.gbloc
        : ((shipmentGbloc(shipments) as Schemas['GBLOC'] | undefined) ?? orders.gbloc),
    orderType: orders.ordersType,
    lockedByOfficeUserID: lockedBySomeoneElse ? ptr(row.lockedByOfficeUserId) : undefined,
    lockExpiresAt: lockedBySomeoneElse ? time(row.lockExpiresAt) : undefined,
    counselingOffice: counselingOfficeById(row.counselingOfficeId)?.name ?? '',
    counselingOfficeID: NIL_UUID,
    assignedTo: assigned && {
      officeUserId: assigned.id,
      firstName: assigned.firstName,
      lastName: assigned.lastName,
    },
    // Any unassigned move may be assigned by a TOO; only a supervisor may reassign one.
    assignable: assigned ? undefined : true,
    // The document says an array; the server prints null when the list is empty.
    approvalRequestTypes: approvalRequestTypes(parts) as string[],
    closeoutLocation: '',
  };
}
