// The word lists and reference data the seed draws from: duty locations (with
// their addresses and GBLOCs), the office and its users, names, streets and
// remarks.
import type { Schemas } from './records';

type State = NonNullable<Schemas['Address']['state']>;

export interface Place {
  dutyLocation: string;
  street: string;
  city: string;
  state: State;
  postalCode: string;
  county: string;
  gbloc: Schemas['GBLOC'];
  areaCode: string;
}

/**
 * Where moves start: duty locations in the area of the office the mock's TOO
 * works for (GBLOC KKFA), so the TOO's queue lists them, as the real queue
 * lists only the moves of its office's GBLOC.
 */
export const ORIGINS: readonly Place[] = [
  {
    dutyLocation: 'Fort Carson, CO 80913',
    street: '6351 Wetzel Ave',
    city: 'Fort Carson',
    state: 'CO',
    postalCode: '80913',
    county: 'El Paso',
    gbloc: 'KKFA',
    areaCode: '719',
  },
  {
    dutyLocation: 'Peterson SFB, CO 80914',
    street: '135 Dover St',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80914',
    county: 'El Paso',
    gbloc: 'KKFA',
    areaCode: '719',
  },
  {
    dutyLocation: 'Buckley SFB, CO 80011',
    street: '18500 E 6th Ave',
    city: 'Aurora',
    state: 'CO',
    postalCode: '80011',
    county: 'Arapahoe',
    gbloc: 'KKFA',
    areaCode: '720',
  },
  {
    dutyLocation: 'Fort Riley, KS 66442',
    street: '500 Huebner Rd',
    city: 'Fort Riley',
    state: 'KS',
    postalCode: '66442',
    county: 'Geary',
    gbloc: 'KKFA',
    areaCode: '785',
  },
  {
    dutyLocation: 'McConnell AFB, KS 67221',
    street: '53476 Wichita St',
    city: 'Wichita',
    state: 'KS',
    postalCode: '67221',
    county: 'Sedgwick',
    gbloc: 'KKFA',
    areaCode: '316',
  },
  {
    dutyLocation: 'Offutt AFB, NE 68113',
    street: '106 Peacekeeper Dr',
    city: 'Offutt AFB',
    state: 'NE',
    postalCode: '68113',
    county: 'Sarpy',
    gbloc: 'KKFA',
    areaCode: '402',
  },
  {
    dutyLocation: 'Whiteman AFB, MO 65305',
    street: '509 Spirit Blvd',
    city: 'Whiteman AFB',
    state: 'MO',
    postalCode: '65305',
    county: 'Johnson',
    gbloc: 'KKFA',
    areaCode: '660',
  },
  {
    dutyLocation: 'Fort Leonard Wood, MO 65473',
    street: '140 Replacement Ave',
    city: 'Fort Leonard Wood',
    state: 'MO',
    postalCode: '65473',
    county: 'Pulaski',
    gbloc: 'KKFA',
    areaCode: '573',
  },
];

/** Where moves go: anywhere. */
export const DESTINATIONS: readonly Place[] = [
  {
    dutyLocation: 'Fort Bragg, NC 28310',
    street: '2175 Reilly Rd',
    city: 'Fort Bragg',
    state: 'NC',
    postalCode: '28310',
    county: 'Cumberland',
    gbloc: 'BGAC',
    areaCode: '910',
  },
  {
    dutyLocation: 'JB Lewis-McChord, WA 98433',
    street: '2140 Liggett Ave',
    city: 'Joint Base Lewis-McChord',
    state: 'WA',
    postalCode: '98433',
    county: 'Pierce',
    gbloc: 'JEAT',
    areaCode: '253',
  },
  {
    dutyLocation: 'Fort Hood, TX 76544',
    street: '18010 T J Mills Blvd',
    city: 'Fort Hood',
    state: 'TX',
    postalCode: '76544',
    county: 'Bell',
    gbloc: 'HBAT',
    areaCode: '254',
  },
  {
    dutyLocation: 'NS Norfolk, VA 23511',
    street: '1530 Gilbert St',
    city: 'Norfolk',
    state: 'VA',
    postalCode: '23511',
    county: 'Norfolk City',
    gbloc: 'BGNC',
    areaCode: '757',
  },
  {
    dutyLocation: 'Camp Lejeune, NC 28547',
    street: '1401 West Rd',
    city: 'Camp Lejeune',
    state: 'NC',
    postalCode: '28547',
    county: 'Onslow',
    gbloc: 'BGAC',
    areaCode: '910',
  },
  {
    dutyLocation: 'JB San Antonio, TX 78234',
    street: '2450 Stanley Rd',
    city: 'San Antonio',
    state: 'TX',
    postalCode: '78234',
    county: 'Bexar',
    gbloc: 'HAFC',
    areaCode: '210',
  },
  {
    dutyLocation: 'NB San Diego, CA 92136',
    street: '3455 Senn Rd',
    city: 'San Diego',
    state: 'CA',
    postalCode: '92136',
    county: 'San Diego',
    gbloc: 'LKNQ',
    areaCode: '619',
  },
  {
    dutyLocation: 'Fort Bliss, TX 79916',
    street: '1733 Pleasonton Rd',
    city: 'Fort Bliss',
    state: 'TX',
    postalCode: '79916',
    county: 'El Paso',
    gbloc: 'HBAT',
    areaCode: '915',
  },
  {
    dutyLocation: 'Fort Campbell, KY 42223',
    street: '2702 Michigan Ave',
    city: 'Fort Campbell',
    state: 'KY',
    postalCode: '42223',
    county: 'Christian',
    gbloc: 'CNNQ',
    areaCode: '270',
  },
  {
    dutyLocation: 'Fort Drum, NY 13602',
    street: '10720 Mount Belvedere Blvd',
    city: 'Fort Drum',
    state: 'NY',
    postalCode: '13602',
    county: 'Jefferson',
    gbloc: 'BGNC',
    areaCode: '315',
  },
];

export const OFFICE = {
  name: 'JPPSO - North Central (KKFA) - USAF',
  gbloc: 'KKFA' as Schemas['GBLOC'],
};

/** The counseling offices whose counselors send moves to this TOO office. */
export const COUNSELING_OFFICES = [
  'PPPO Fort Carson - USA',
  'PPPO Fort Riley - USA',
  'PPPO Offutt AFB - USAF',
];

/** The office user the mock serves: a TOO of OFFICE. */
export const SIGNED_IN_TOO = { firstName: 'Casey', lastName: 'Morgan' };

/** The other TOOs of the office, whom moves may be assigned to. */
export const OTHER_TOOS = [
  { firstName: 'Jordan', lastName: 'Reyes' },
  { firstName: 'Avery', lastName: 'Chen' },
];

export const FIRST_NAMES = [
  'James',
  'Maria',
  'Robert',
  'Aisha',
  'Michael',
  'Linda',
  'David',
  'Keisha',
  'Carlos',
  'Emily',
  'Daniel',
  'Sofia',
  'Anthony',
  'Grace',
  'Joshua',
  'Hannah',
  'Tyrone',
  'Mei',
  'Kevin',
  'Olivia',
  'Jamal',
  'Rachel',
  'Luis',
  'Brianna',
  'Patrick',
  'Naomi',
];
export const LAST_NAMES = [
  'Johnson',
  'Garcia',
  'Smith',
  'Nguyen',
  'Williams',
  'Martinez',
  'Brown',
  'Patel',
  'Davis',
  'Rodriguez',
  'Miller',
  'Wilson',
  'Anderson',
  'Thomas',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'King',
  'Wright',
  'Lopez',
  'Hill',
];
export const MIDDLE_NAMES = ['Lee', 'Ann', 'Marie', 'Ray', 'James', 'Lynn', 'Alan', 'Grace'];
export const SUFFIXES = ['Jr.', 'Sr.', 'III'];
export const STREETS = [
  'Main St',
  'Oak Ave',
  'Maple Dr',
  'Cedar Ln',
  'Pine St',
  'Elm St',
  'Lakeview Rd',
  'Sunset Blvd',
  'Hillcrest Dr',
  'Washington Ave',
];
export const REMARKS = [
  'Please call before arriving; the gate needs a visitor pass.',
  'Piano in the living room needs special handling.',
  'Pickup must be done by noon, new tenants move in the same day.',
  'Two motorcycles in the garage.',
];

// The branch decides the department indicator, as on real orders. No Marine
// Corps: the real server files every Marine's move under the USMC GBLOC, whose
// queue is not this office's.
export const BRANCHES: readonly [
  NonNullable<Schemas['Affiliation']>,
  NonNullable<Schemas['DeptIndicator']>,
][] = [
  ['ARMY', 'ARMY'],
  ['ARMY', 'ARMY'],
  ['NAVY', 'NAVY_AND_MARINES'],
  ['NAVY', 'NAVY_AND_MARINES'],
  ['AIR_FORCE', 'AIR_AND_SPACE_FORCE'],
  ['AIR_FORCE', 'AIR_AND_SPACE_FORCE'],
  ['SPACE_FORCE', 'AIR_AND_SPACE_FORCE'],
  ['COAST_GUARD', 'COAST_GUARD'],
];

/** Grades with the weight allowance (pounds, with dependents) the entitlement carries. */
export const GRADES: readonly [NonNullable<Schemas['OrderPayGrade']>, number][] = [
  ['E-3', 8000],
  ['E-4', 8000],
  ['E-5', 9000],
  ['E-6', 11000],
  ['E-7', 13000],
  ['W-2', 13500],
  ['O-2', 12500],
  ['O-3', 13000],
  ['O-4', 14000],
  ['O-5', 16000],
];

export const ORDERS_TYPES: readonly Schemas['OrdersType'][] = [
  'PERMANENT_CHANGE_OF_STATION',
  'PERMANENT_CHANGE_OF_STATION',
  'PERMANENT_CHANGE_OF_STATION',
  'PERMANENT_CHANGE_OF_STATION',
  'LOCAL_MOVE',
  'RETIREMENT',
  'SEPARATION',
];

// Random locators avoid I, O, 0 and 1, which read alike.
export const LOCATOR_CHARS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'];
