// Deterministic, realistic seed data, built in one linear pass so that
// 10,000 moves take well under a second.
import { eTagOf, nanosecondsOf, timestampOf } from './clock';
import { seededRandom } from './random';
import type {
  CustomerRecord,
  DbState,
  MoveRecord,
  OrderRecord,
  Schemas,
  ServiceItemRecord,
  ShipmentRecord,
} from './records';
import {
  AGENCIES,
  FIRST_NAMES,
  GRADES,
  LAST_NAMES,
  LOCATOR_CHARS,
  MIDDLE_NAMES,
  ORDER_TYPES,
  PLACES,
  REMARKS,
  SHIPMENT_TYPES,
  STREETS,
  SUFFIXES,
  type Place,
} from './seedData';

export const SEED_LOCATORS = { draft: 'RDY4PR', availableToPrime: 'PRIME1' } as const;

/** Every seed stamp lies before this instant (2026-10-31), so any later write is newer. */
export const SEED_END = nanosecondsOf(Date.UTC(2026, 9, 31));

const SEED = 20260105;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MOVES_FROM = Date.UTC(2026, 1, 1);
const MOVES_UNTIL = Date.UTC(2026, 8, 15);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const version = (updatedAt: string) => ({ updatedAt, eTag: eTagOf(updatedAt) });

/** Builds the seed: move 0 is the 'RDY4PR' draft, move 1 is 'PRIME1', available to the Prime. */
export function buildSeed(moveCount: number): DbState {
  const random = seededRandom(SEED);
  const records: DbState['records'] = {
    move: {},
    customer: {},
    order: {},
    shipment: {},
    serviceItem: {},
  };

  // Milliseconds plus random finer digits, like a real database clock.
  const at = (ms: number) => timestampOf(ms, random.int(0, 999_999));
  const stamped = (createdMs: number, updatedMs = createdMs) => {
    const createdAt = at(createdMs);
    return { createdAt, ...version(updatedMs > createdMs ? at(updatedMs) : createdAt) };
  };

  const dutyLocations = PLACES.map((place) => ({
    id: random.uuid(),
    name: place.dutyLocation,
    ...version(at(Date.UTC(2026, 0, 2) + random.int(0, DAY_MS))),
  }));

  const address = (place: Place, ms: number): Schemas['Address'] => ({
    id: random.uuid(),
    streetAddress1: `${random.int(100, 9899)} ${random.pick(STREETS)}`,
    streetAddress2: random.chance(0.2) ? `Apt ${random.int(1, 40)}` : null,
    city: place.city,
    state: place.state,
    postalCode: place.postalCode,
    ...version(at(ms)),
  });

  const phone = (place: Place) => `${place.areaCode}-555-01${random.digits(2)}`;

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

  for (let index = 0; index < moveCount; index++) {
    const availableToPrime = index % 5 === 1;
    const moveMs = random.int(MOVES_FROM, MOVES_UNTIL);
    const originIndex = random.int(0, PLACES.length - 1);
    const destinationIndex = (originIndex + random.int(1, PLACES.length - 1)) % PLACES.length;
    const origin = PLACES[originIndex];
    const destination = PLACES[destinationIndex];
    const [agency, departmentIndicator] = random.pick(AGENCIES);

    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const customerMs = moveMs - random.int(1, 20) * DAY_MS;
    const customer: CustomerRecord = {
      id: random.uuid(),
      edipi: `${random.int(1, 9)}${random.digits(9)}`,
      agency,
      firstName,
      middleName: random.chance(0.5) ? random.pick(MIDDLE_NAMES) : null,
      lastName,
      suffix: random.chance(0.1) ? random.pick(SUFFIXES) : null,
      phone: phone(origin),
      email: `${firstName}.${lastName}${index}@example.mil`.toLowerCase(),
      currentAddress: address(origin, customerMs),
      backupContact: {
        name: `${random.pick(FIRST_NAMES)} ${lastName}`,
        email: `${lastName.toLowerCase()}.family${index}@example.com`,
        phone: phone(origin),
      },
      ...stamped(customerMs, customerMs + random.int(0, 3) * DAY_MS),
    };

    const moveId = random.uuid();
    const orderMs = moveMs - random.int(1, 12) * HOUR_MS;
    const issueMs = orderMs - random.int(3, 30) * DAY_MS;
    const order: OrderRecord = {
      id: random.uuid(),
      customerID: customer.id,
      moveTaskOrderID: moveId,
      orderNumber: `ORD${random.digits(7)}`,
      orderType: random.pick(ORDER_TYPES),
      orderTypeDetail: random.chance(0.3) ? 'Shipment of HHG permitted' : null,
      issueDate: isoDate(issueMs),
      reportByDate: isoDate(issueMs + random.int(30, 120) * DAY_MS),
      departmentIndicator,
      grade: random.pick(GRADES),
      tac: `${random.pick(LOCATOR_CHARS)}${random.digits(3)}`,
      sac: random.chance(0.6) ? `SAC-${random.digits(6)}` : null,
      originDutyLocation: dutyLocations[originIndex],
      destinationDutyLocation: dutyLocations[destinationIndex],
      ...stamped(orderMs, orderMs + random.int(0, 5) * HOUR_MS),
    };

    const primeMs = moveMs + random.int(2, 12) * DAY_MS;
    const availableToPrimeAt = availableToPrime ? at(primeMs) : null;
    const moveStamps = stamped(moveMs, moveMs + random.int(0, 2) * DAY_MS);
    const move: MoveRecord = {
      id: moveId,
      locator:
        index === 0
          ? SEED_LOCATORS.draft
          : index === 1
            ? SEED_LOCATORS.availableToPrime
            : randomLocator(),
      referenceId: `${random.digits(4)}-${random.digits(4)}`,
      orderID: order.id,
      status: availableToPrime ? 'APPROVED' : 'SUBMITTED',
      availableToPrimeAt,
      tioRemarks: null,
      ...moveStamps,
      ...(availableToPrimeAt ? version(availableToPrimeAt) : {}),
    };

    records.customer[customer.id] = customer;
    records.order[order.id] = order;
    records.move[move.id] = move;

    const addServiceItem = (
      fields: Pick<
        ServiceItemRecord,
        'mtoShipmentID' | 'reServiceCode' | 'reServiceName' | 'status' | 'approvedAt'
      >,
      createdMs: number,
    ) => {
      const item: ServiceItemRecord = {
        id: random.uuid(),
        moveTaskOrderID: move.id,
        ...fields,
        rejectionReason: null,
        rejectedAt: null,
        ...stamped(createdMs),
        ...(fields.approvedAt ? version(fields.approvedAt) : {}),
      };
      records.serviceItem[item.id] = item;
    };

    // The draft test move has two SUBMITTED shipments and one APPROVED one.
    const shipmentStatuses: Schemas['MTOShipmentStatus'][] =
      index === 0
        ? ['SUBMITTED', 'SUBMITTED', 'APPROVED']
        : Array.from({ length: random.int(1, 3) }, () =>
            availableToPrime || random.chance(0.35) ? 'APPROVED' : 'SUBMITTED',
          );

    shipmentStatuses.forEach((status, position) => {
      const createdMs = moveMs + (position + 1) * 60_000;
      const approvedDate = status === 'APPROVED' ? at(createdMs + DAY_MS) : null;
      const shipment: ShipmentRecord = {
        id: random.uuid(),
        moveTaskOrderID: move.id,
        shipmentType: index === 0 ? 'HHG' : random.pick(SHIPMENT_TYPES),
        status,
        requestedPickupDate: isoDate(moveMs + random.int(14, 75) * DAY_MS),
        pickupAddress: address(origin, createdMs),
        destinationAddress: address(destination, createdMs),
        customerRemarks: random.chance(0.3) ? random.pick(REMARKS) : null,
        rejectionReason: null,
        approvedDate,
        ...stamped(createdMs),
        ...(approvedDate ? version(approvedDate) : {}),
      };
      records.shipment[shipment.id] = shipment;
      if (shipment.shipmentType === 'PPM') return;

      // The items of an approved shipment may still wait for the TOO's review.
      const approvedAt =
        approvedDate && (availableToPrime || random.chance(0.6)) ? approvedDate : null;
      const itemStatus = approvedAt ? 'APPROVED' : 'SUBMITTED';
      for (const [reServiceCode, reServiceName] of [
        ['DLH', 'Domestic linehaul'],
        ['FSC', 'Fuel surcharge'],
      ]) {
        addServiceItem(
          {
            mtoShipmentID: shipment.id,
            reServiceCode,
            reServiceName,
            status: itemStatus,
            approvedAt,
          },
          createdMs + 120_000,
        );
      }
    });

    if (availableToPrimeAt) {
      for (const [reServiceCode, reServiceName] of [
        ['MS', 'Move management'],
        ['CS', 'Counseling'],
      ]) {
        addServiceItem(
          {
            mtoShipmentID: null,
            reServiceCode,
            reServiceName,
            status: 'APPROVED',
            approvedAt: availableToPrimeAt,
          },
          primeMs - 1,
        );
      }
    }
  }
  return { clock: SEED_END.toString(), records };
}
