// The mock's rows: what the real server keeps in its database tables, not
// what it answers. mocks/payloads.ts turns them into the API's models the way
// the server's payload functions do. Every timestamp is stored as the
// database holds it (RFC 3339, six fractional digits; see clock.ts). The
// state is plain JSON (the clock is a decimal string), so it can be persisted
// and shared between tabs as it is.
import type { Schemas } from '../src/api/models';

export type { Schemas };

type Stamped = { createdAt: string; updatedAt: string };

export interface AddressRow extends Stamped {
  id: string;
  streetAddress1: string;
  streetAddress2: string | null;
  streetAddress3: string | null;
  city: string;
  state: NonNullable<Schemas['Address']['state']>;
  postalCode: string;
  county: string | null;
}

export interface BackupContactRow extends Stamped {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** A service member (table service_members), with the rows preloaded with it. */
export interface CustomerRow extends Stamped {
  id: string;
  userId: string;
  edipi: string;
  emplid: string | null;
  affiliation: NonNullable<Schemas['Affiliation']>;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  email: string | null;
  phone: string | null;
  secondaryTelephone: string | null;
  phoneIsPreferred: boolean;
  emailIsPreferred: boolean;
  cacValidated: boolean;
  residentialAddress: AddressRow | null;
  backupMailingAddress: AddressRow | null;
  /** The first of the member's backup contacts, the one the API shows. */
  backupContact: BackupContactRow | null;
}

export interface EntitlementRow extends Stamped {
  id: string;
  authorizedWeight: number | null;
  dependentsAuthorized: boolean | null;
}

export interface OrderRow extends Stamped {
  id: string;
  serviceMemberId: string;
  grade: NonNullable<Schemas['OrderPayGrade']>;
  originDutyLocationId: string;
  newDutyLocationId: string;
  /** The GBLOC of the origin, as the orders row stores it. */
  gbloc: Schemas['GBLOC'];
  ordersNumber: string | null;
  ordersType: Schemas['OrdersType'];
  ordersTypeDetail: NonNullable<Schemas['OrdersTypeDetail']> | null;
  issueDate: string;
  reportByDate: string;
  departmentIndicator: NonNullable<Schemas['DeptIndicator']> | null;
  tac: string | null;
  sac: string | null;
  ntsTac: string | null;
  ntsSac: string | null;
  hasDependents: boolean;
  entitlement: EntitlementRow;
}

export interface MoveRow extends Stamped {
  id: string;
  locator: string;
  ordersId: string;
  referenceId: string | null;
  status: Schemas['MoveStatus'];
  /** Hidden moves (test data, duplicates) are invisible to every read. */
  show: boolean;
  submittedAt: string | null;
  serviceCounselingCompletedAt: string | null;
  approvedAt: string | null;
  approvalsRequestedAt: string | null;
  availableToPrimeAt: string | null;
  tioRemarks: string | null;
  financialReviewFlag: boolean;
  financialReviewRemarks: string | null;
  lockedByOfficeUserId: string | null;
  lockExpiresAt: string | null;
  /** The TOO the move's task order is assigned to. */
  tooAssignedId: string | null;
  counselingOfficeId: string | null;
}

export interface ShipmentRow extends Stamped {
  id: string;
  moveId: string;
  shipmentLocator: string;
  shipmentType: Schemas['MTOShipmentType'];
  status: Schemas['MTOShipmentStatus'];
  requestedPickupDate: string | null;
  requestedDeliveryDate: string | null;
  approvedDate: string | null;
  pickupAddress: AddressRow | null;
  destinationAddress: AddressRow | null;
  primeEstimatedWeight: number | null;
  customerRemarks: string | null;
  counselorRemarks: string | null;
  rejectionReason: string | null;
  diversion: boolean;
  usesExternalVendor: boolean;
  deletedAt: string | null;
}

export interface ServiceItemRow extends Stamped {
  id: string;
  moveId: string;
  shipmentId: string | null;
  reServiceId: string;
  reServiceCode: string;
  reServiceName: string;
  status: Schemas['MTOServiceItemStatus'];
  /** Why the Prime asked for the item. */
  reason: string | null;
  rejectionReason: string | null;
  approvedAt: string | null;
  rejectedAt: string | null;
  convertToCustomerExpense: boolean;
}

export interface RecordOf {
  move: MoveRow;
  customer: CustomerRow;
  order: OrderRow;
  shipment: ShipmentRow;
  serviceItem: ServiceItemRow;
}

export type Kind = keyof RecordOf;

/** Fields no change may set directly: the store stamps them. */
export type ServerStamped = 'id' | 'createdAt' | 'updatedAt';

export type Patch<K extends Kind> = Partial<Omit<RecordOf[K], ServerStamped>>;

export interface DbState {
  /** The last microsecond stamp issued, as a decimal string (JSON has no BigInt). */
  clock: string;
  records: { [K in Kind]: Record<string, RecordOf[K]> };
}

/**
 * What differs from the seed: its size, the records written or created since
 * it was built, the ids removed since, and the clock. With the deterministic
 * seed that is enough to rebuild the whole state, and it stays small.
 */
export interface Delta {
  moves: number;
  clock: string;
  written: Record<Kind, Record<string, RecordOf[Kind]>>;
  removed: Record<Kind, string[]>;
}

export const KIND_LABELS: Record<Kind, string> = {
  move: 'move',
  customer: 'customer',
  order: 'orders',
  shipment: 'shipment',
  serviceItem: 'service item',
};

export const KINDS = Object.keys(KIND_LABELS) as Kind[];

/** One value per kind, e.g. an empty table for each. */
export const perKind = <T>(make: () => T) =>
  Object.fromEntries(KINDS.map((kind) => [kind, make()])) as Record<Kind, T>;
