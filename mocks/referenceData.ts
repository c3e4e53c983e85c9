// Rows the office app reads but never writes: duty locations with their
// addresses, the TOO office, its users and the counseling offices. Built once
// from a fixed seed of their own, so their ids stay the same whatever the
// number of seeded moves.
import { timestampOf } from './clock';
import { seededRandom } from './random';
import type { AddressRow } from './records';
import {
  COUNSELING_OFFICES,
  DESTINATIONS,
  OFFICE,
  ORIGINS,
  OTHER_TOOS,
  SIGNED_IN_TOO,
  type Place,
} from './seedData';

export interface DutyLocationRow {
  id: string;
  name: string;
  address: AddressRow;
  gbloc: Place['gbloc'];
  /** The area code of its phone numbers, for realistic seed data. */
  areaCode: string;
  updatedAt: string;
}

export interface OfficeUserRow {
  id: string;
  firstName: string;
  lastName: string;
  transportationOfficeId: string;
}

const random = seededRandom(20250627);
const stamp = () =>
  timestampOf(Date.UTC(2025, 0, 6) + random.int(0, 86_400_000), random.int(0, 999));

function dutyLocation(place: Place): DutyLocationRow {
  const updatedAt = stamp();
  return {
    id: random.uuid(),
    name: place.dutyLocation,
    gbloc: place.gbloc,
    areaCode: place.areaCode,
    address: {
      id: random.uuid(),
      streetAddress1: place.street,
      streetAddress2: null,
      streetAddress3: null,
      city: place.city,
      state: place.state,
      postalCode: place.postalCode,
      county: place.county,
      createdAt: updatedAt,
      updatedAt,
    },
    updatedAt,
  };
}

export const ORIGIN_LOCATIONS: readonly DutyLocationRow[] = ORIGINS.map(dutyLocation);
export const DESTINATION_LOCATIONS: readonly DutyLocationRow[] = DESTINATIONS.map(dutyLocation);

const dutyLocations = new Map(
  [...ORIGIN_LOCATIONS, ...DESTINATION_LOCATIONS].map((location) => [location.id, location]),
);

/** A duty location by id; undefined for an id the server does not know. */
export const dutyLocationById = (id: string) => dutyLocations.get(id);

// The GBLOC of a postal code, as the server's postal-code table gives it:
// here, the codes of the duty locations' areas.
const gblocsByPostalCode = new Map(
  [...dutyLocations.values()].map((location) => [location.address.postalCode, location.gbloc]),
);

export const gblocOfPostalCode = (postalCode: string) =>
  gblocsByPostalCode.get(postalCode.slice(0, 5));

export const TOO_OFFICE = { id: random.uuid(), ...OFFICE };

export const COUNSELING_OFFICE_ROWS = COUNSELING_OFFICES.map((name) => ({
  id: random.uuid(),
  name,
}));

export const counselingOfficeById = (id: string | null) =>
  COUNSELING_OFFICE_ROWS.find((office) => office.id === id);

const officeUser = (name: { firstName: string; lastName: string }): OfficeUserRow => ({
  id: random.uuid(),
  ...name,
  transportationOfficeId: TOO_OFFICE.id,
});

/** The TOO the mock serves every request as: it has no sign-in of its own. */
export const SIGNED_IN_USER = officeUser(SIGNED_IN_TOO);

export const OFFICE_USERS: readonly OfficeUserRow[] = [
  SIGNED_IN_USER,
  ...OTHER_TOOS.map(officeUser),
];

export const officeUserById = (id: string | null) => OFFICE_USERS.find((user) => user.id === id);
