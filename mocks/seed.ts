// Deterministic, realistic seed data in the real server's shapes, built in
// one linear pass so that 10,000 moves take well under a second. Every id,
// value and timestamp (so every eTag) is the same on every build, except the
// shipments' requested dates: those count from the day the seed is built, so
// that they stay in the future and the shipments can be approved.
import { isoDate, microsecondsOf, timestampOf } from './clock';
import { seededRandom, type Random } from './random';
import {
  COUNSELING_OFFICE_ROWS,
  DESTINATION_LOCATIONS,
  OFFICE_USERS,
  ORIGIN_LOCATIONS,
  type DutyLocationRow,
} from './referenceData';
import { basicServiceItems, RE_SERVICES, type ReServiceCode } from './reServices';
import type {
  AddressRow,
  CustomerRow,
  DbState,
  MoveRow,
  OrderRow,
  Schemas,
  ServiceItemRow,
  ShipmentRow,
} from './records';
import {
  BRANCHES,
  FIRST_NAMES,
  GRADES,
  LAST_NAMES,
  LOCATOR_CHARS,
  MIDDLE_NAMES,
  ORDERS_TYPES,
  REMARKS,
  STREETS,
  SUFFIXES,
} from './seedData';

/**
 * Moves the tests and the README name: a submitted move ready for approval,
 * one approved and available to the Prime, a submitted one whose orders lack
 * a TAC (approving it is refused), and one waiting for approvals.
 */
export const SEED_LOCATORS = {
  submitted: 'RDY4PR',
  availableToPrime: 'PRIME1',
  missingTac: 'NOTAC1',
  approvalsRequested: 'REQST1',
} as const;

/** Every seed stamp lies before this instant (2026-10-31), so any later write is newer. */
export const SEED_END = microsecondsOf(Date.UTC(2026, 9, 31));

const SEED = 20260105;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MOVES_FROM = Date.UTC(2026, 7, 1);
const MOVES_UNTIL = Date.UTC(2026, 9, 10);

type Stage = 'submitted' | 'counseled' | 'approvalsRequested' | 'approved';

/** A requested service item the TOO has to decide, with the Prime's reason. */
const REQUESTED_ITEMS: readonly [ReServiceCode, string][] = [
  ['DOFSIT', "The customer's new home is not ready before the report-by date."],
  ['DCRT', 'A grandfather clock needs a crate.'],
  ['DOSHUT', 'The street at the pickup address is too narrow for the truck.'],
];

const PRIME_REMARKS = ['Hold until orders are amended', 'Weight allowance verified against orders'];

function stageOf(index: number, random: Random): Stage {
  if (index === 0 || index === 2) return 'submitted';
  if (index === 1) return 'approved';
  if (index === 3) return 'approvalsRequested';
  const roll = random.next();
  return roll < 0.45
    ? 'submitted'
    : roll < 0.6
      ? 'counseled'
      : roll < 0.85
        ? 'approvalsRequested'
        : 'approved';
}

const STATUS_OF: Record<Stage, Schemas['MoveStatus']> = {
  submitted: 'SUBMITTED',
  counseled: 'SERVICE COUNSELING COMPLETED',
  approvalsRequested: 'APPROVALS REQUESTED',
  approved: 'APPROVED',
};

/** Builds the seed; `today` (ms, any time that day) is what requested dates count from. */
export function buildSeed(moveCount: number, today = Date.now()): DbState {
  const random = seededRandom(SEED);
  const firstPickup = Math.floor(today / DAY_MS) * DAY_MS + 10 * DAY_MS;
  const records: DbState['records'] = {
    move: {},
    customer: {},
    order: {},
    shipment: {},
    serviceItem: {},
  };

  // Milliseconds plus random finer digits, like a real database clock.
  const at = (ms: number) => timestampOf(ms, random.int(0, 999));
  const stamped = (createdMs: number, updatedMs = createdMs) => {
    const createdAt = at(createdMs);
    return { createdAt, updatedAt: updatedMs > createdMs ? at(updatedMs) : createdAt };
  };

  const address = (location: DutyLocationRow, ms: number): AddressRow => ({
    id: random.uuid(),
    streetAddress1: `${random.int(100, 9899)} ${random.pick(STREETS)}`,
    streetAddress2: random.chance(0.2) ? `Apt ${random.int(1, 40)}` : null,
    streetAddress3: null,
    city: location.address.city,
    state: location.address.state,
    postalCode: location.address.postalCode,
    county: location.address.county,
    ...stamped(ms),
  });

  const phone = (location: DutyLocationRow) => `${location.areaCode}-555-01${random.digits(2)}`;

  const locators = new Set<string>(Object.values(SEED_LOCATORS));
  const randomLocator = () => {
    let locator: string;
    do {
      locator = '';
      for (let char = 0; char < 6; char++) locator += random.pick(LOCATOR_CHARS);
    } while (locators.has(locator));
    locators.add(locator);
    return locator;
  };
  const namedLocators = Object.values(SEED_LOCATORS);

  for (let index = 0; index < moveCount; index++) {
    const stage = stageOf(index, random);
    const submittedMs = random.int(MOVES_FROM, MOVES_UNTIL);
    const origin = random.pick(ORIGIN_LOCATIONS);
    const destination = random.pick(DESTINATION_LOCATIONS);
    const [affiliation, departmentIndicator] = random.pick(BRANCHES);
    const [grade, weight] = random.pick(GRADES);
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const customerMs = submittedMs - random.int(5, 20) * DAY_MS;

    const customer: CustomerRow = {
      id: random.uuid(),
      userId: random.uuid(),
      edipi: `${random.int(1, 9)}${random.digits(9)}`,
      emplid: affiliation === 'COAST_GUARD' ? random.digits(7) : null,
      affiliation,
      firstName,
      middleName: random.chance(0.5) ? random.pick(MIDDLE_NAMES) : null,
      lastName,
      suffix: random.chance(0.1) ? random.pick(SUFFIXES) : null,
      email: `${firstName}.${lastName}${index}@example.mil`.toLowerCase(),
      phone: phone(origin),
      secondaryTelephone: random.chance(0.3) ? phone(origin) : null,
      phoneIsPreferred: random.chance(0.6),
      emailIsPreferred: random.chance(0.5),
      cacValidated: true,
      residentialAddress: address(origin, customerMs),
      backupMailingAddress: null,
      backupContact: {
        id: random.uuid(),
        name: `${random.pick(FIRST_NAMES)} ${lastName}`,
        email: `${lastName.toLowerCase()}.family${index}@example.com`,
        phone: phone(origin),
        ...stamped(customerMs),
      },
      ...stamped(customerMs, customerMs + random.int(0, 3) * DAY_MS),
    };

    const ordersMs = submittedMs - random.int(1, 12) * HOUR_MS;
    const issueMs = ordersMs - random.int(3, 30) * DAY_MS;
    const withNts = index === 0 || random.chance(0.2);
    const order: OrderRow = {
      id: random.uuid(),
      serviceMemberId: customer.id,
      grade,
      originDutyLocationId: origin.id,
      newDutyLocationId: destination.id,
      gbloc: origin.gbloc,
      ordersNumber: `ORD${random.digits(7)}`,
      ordersType: random.pick(ORDERS_TYPES),
      ordersTypeDetail: random.chance(0.8) ? 'HHG_PERMITTED' : 'PCS_TDY',
      issueDate: isoDate(issueMs),
      reportByDate: isoDate(firstPickup + random.int(60, 150) * DAY_MS),
      departmentIndicator,
      tac: index === 2 ? null : `${random.pick(LOCATOR_CHARS)}${random.digits(3)}`,
      sac: random.chance(0.6) ? `SAC${random.digits(6)}` : null,
      ntsTac: withNts ? `${random.pick(LOCATOR_CHARS)}${random.digits(3)}` : null,
      ntsSac: null,
      hasDependents: random.chance(0.6),
      entitlement: {
        id: random.uuid(),
        authorizedWeight: weight,
        dependentsAuthorized: true,
        ...stamped(ordersMs),
      },
      ...stamped(ordersMs, ordersMs + random.int(0, 5) * HOUR_MS),
    };

    const approvedMs = submittedMs + random.int(1, 6) * DAY_MS;
    const approved = stage === 'approved' || stage === 'approvalsRequested';
    const approvedAt = approved ? at(approvedMs) : null;
    const requestedMs = approvedMs + random.int(2, 9) * DAY_MS;
    const assigned = random.chance(0.3) ? random.pick(OFFICE_USERS).id : null;
    const move: MoveRow = {
      id: random.uuid(),
      locator: index < namedLocators.length ? namedLocators[index] : randomLocator(),
      ordersId: order.id,
      referenceId: `${random.digits(4)}-${random.digits(4)}`,
      status: STATUS_OF[stage],
      show: true,
      submittedAt: at(submittedMs),
      serviceCounselingCompletedAt:
        stage === 'counseled' ? at(submittedMs + random.int(1, 3) * DAY_MS) : null,
      approvedAt,
      approvalsRequestedAt: stage === 'approvalsRequested' ? at(requestedMs) : null,
      availableToPrimeAt: approvedAt && at(approvedMs + MINUTE_MS),
      tioRemarks: stage === 'approved' && random.chance(0.3) ? random.pick(PRIME_REMARKS) : null,
      financialReviewFlag: false,
      financialReviewRemarks: null,
      lockedByOfficeUserId: null,
      lockExpiresAt: null,
      // The real server drops the TOO's assignment once it approves the move.
      tooAssignedId: approved ? null : assigned,
      counselingOfficeId: random.pick(COUNSELING_OFFICE_ROWS).id,
      ...stamped(
        submittedMs - DAY_MS,
        stage === 'approvalsRequested'
          ? requestedMs
          : approved
            ? approvedMs + MINUTE_MS
            : submittedMs,
      ),
    };

    records.customer[customer.id] = customer;
    records.order[order.id] = order;
    records.move[move.id] = move;

    const addServiceItem = (
      code: ReServiceCode,
      fields: Pick<ServiceItemRow, 'shipmentId' | 'status' | 'approvedAt' | 'reason'>,
      createdMs: number,
    ) => {
      const item: ServiceItemRow = {
        id: random.uuid(),
        moveId: move.id,
        reServiceId: RE_SERVICES[code].id,
        reServiceCode: code,
        reServiceName: RE_SERVICES[code].name,
        rejectionReason: null,
        rejectedAt: null,
        convertToCustomerExpense: false,
        ...fields,
        ...stamped(createdMs),
      };
      records.serviceItem[item.id] = item;
    };

    // Submitted and counseled moves wait with every shipment submitted; an
    // approved move's shipments are approved with their basic service items;
    // a move waiting for approvals has one approved shipment and something
    // new: a shipment added since, or a service item the Prime asks for.
    const shipmentCount = index === 0 ? 3 : index === 3 ? 2 : random.int(1, 3);
    const newShipment =
      stage === 'approvalsRequested' && shipmentCount > 1 && (index === 3 || random.chance(0.5));
    for (let position = 0; position < shipmentCount; position++) {
      const isNew = newShipment && position === shipmentCount - 1;
      const shipmentApproved = approved && !isNew;
      const createdMs = (isNew ? requestedMs : submittedMs) - HOUR_MS + position * MINUTE_MS;
      // An item the Prime asks for puts its shipment back in front of the TOO.
      const withRequest =
        shipmentApproved &&
        stage === 'approvalsRequested' &&
        position === 0 &&
        (!newShipment || index === 3);
      const shipmentType: ShipmentRow['shipmentType'] =
        withNts && position === shipmentCount - 1 ? 'HHG_INTO_NTS' : 'HHG';
      const pickup = firstPickup + random.int(0, 100) * DAY_MS;
      const approvedDate = shipmentApproved ? at(approvedMs + 30_000 + position) : null;
      const shipment: ShipmentRow = {
        id: random.uuid(),
        moveId: move.id,
        shipmentLocator: `${move.locator}-0${position + 1}`,
        shipmentType,
        status: withRequest ? 'APPROVALS_REQUESTED' : shipmentApproved ? 'APPROVED' : 'SUBMITTED',
        requestedPickupDate: isoDate(pickup),
        requestedDeliveryDate: isoDate(pickup + random.int(7, 21) * DAY_MS),
        approvedDate,
        pickupAddress: address(origin, createdMs),
        destinationAddress: address(destination, createdMs),
        primeEstimatedWeight: shipmentApproved ? random.int(20, 90) * 100 : null,
        customerRemarks: random.chance(0.3) ? random.pick(REMARKS) : null,
        counselorRemarks: null,
        rejectionReason: null,
        diversion: false,
        usesExternalVendor: false,
        deletedAt: null,
        ...stamped(createdMs, shipmentApproved ? approvedMs + 30_000 : createdMs),
      };
      records.shipment[shipment.id] = shipment;
      if (!shipmentApproved) continue;
      for (const code of basicServiceItems(shipment)) {
        addServiceItem(
          code,
          { shipmentId: shipment.id, status: 'APPROVED', approvedAt: approvedDate, reason: null },
          approvedMs + 30_000,
        );
      }
      if (withRequest) {
        const [code, reason] = random.pick(REQUESTED_ITEMS);
        addServiceItem(
          code,
          { shipmentId: shipment.id, status: 'SUBMITTED', approvedAt: null, reason },
          requestedMs,
        );
      }
    }

    if (approvedAt) {
      const codes: ReServiceCode[] = random.chance(0.5) ? ['MS', 'CS'] : ['MS'];
      for (const code of codes) {
        addServiceItem(
          code,
          { shipmentId: null, status: 'APPROVED', approvedAt, reason: null },
          approvedMs,
        );
      }
    }
  }
  return { clock: SEED_END.toString(), records };
}
