// The word lists the seed draws from.
import type { Schemas } from './records';

export interface Place {
  dutyLocation: string;
  city: string;
  state: string;
  postalCode: string;
  areaCode: string;
}

export const PLACES: readonly Place[] = [
  {
    dutyLocation: 'Fort Liberty, NC',
    city: 'Fayetteville',
    state: 'NC',
    postalCode: '28310',
    areaCode: '910',
  },
  {
    dutyLocation: 'Joint Base Lewis-McChord, WA',
    city: 'Tacoma',
    state: 'WA',
    postalCode: '98433',
    areaCode: '253',
  },
  {
    dutyLocation: 'Fort Cavazos, TX',
    city: 'Killeen',
    state: 'TX',
    postalCode: '76544',
    areaCode: '254',
  },
  {
    dutyLocation: 'Naval Station Norfolk, VA',
    city: 'Norfolk',
    state: 'VA',
    postalCode: '23511',
    areaCode: '757',
  },
  {
    dutyLocation: 'Camp Lejeune, NC',
    city: 'Jacksonville',
    state: 'NC',
    postalCode: '28547',
    areaCode: '910',
  },
  {
    dutyLocation: 'Fort Carson, CO',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80913',
    areaCode: '719',
  },
  {
    dutyLocation: 'Joint Base San Antonio, TX',
    city: 'San Antonio',
    state: 'TX',
    postalCode: '78234',
    areaCode: '210',
  },
  {
    dutyLocation: 'Naval Base San Diego, CA',
    city: 'San Diego',
    state: 'CA',
    postalCode: '92136',
    areaCode: '619',
  },
  {
    dutyLocation: 'Fort Bliss, TX',
    city: 'El Paso',
    state: 'TX',
    postalCode: '79916',
    areaCode: '915',
  },
  {
    dutyLocation: 'Peterson Space Force Base, CO',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80914',
    areaCode: '719',
  },
  {
    dutyLocation: 'Fort Moore, GA',
    city: 'Columbus',
    state: 'GA',
    postalCode: '31905',
    areaCode: '706',
  },
  {
    dutyLocation: 'Fort Campbell, KY',
    city: 'Clarksville',
    state: 'TN',
    postalCode: '37042',
    areaCode: '931',
  },
  {
    dutyLocation: 'Scott Air Force Base, IL',
    city: 'OFallon',
    state: 'IL',
    postalCode: '62269',
    areaCode: '618',
  },
  {
    dutyLocation: 'Coast Guard Island, CA',
    city: 'Alameda',
    state: 'CA',
    postalCode: '94501',
    areaCode: '510',
  },
  {
    dutyLocation: 'Fort Drum, NY',
    city: 'Watertown',
    state: 'NY',
    postalCode: '13602',
    areaCode: '315',
  },
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

// The agency decides the department indicator, as on real orders.
export const AGENCIES: readonly [Schemas['Affiliation'], Schemas['DeptIndicator']][] = [
  ['ARMY', 'ARMY'],
  ['ARMY', 'ARMY'],
  ['NAVY', 'NAVY_AND_MARINES'],
  ['MARINES', 'NAVY_AND_MARINES'],
  ['AIR_FORCE', 'AIR_AND_SPACE_FORCE'],
  ['SPACE_FORCE', 'AIR_AND_SPACE_FORCE'],
  ['COAST_GUARD', 'COAST_GUARD'],
];
export const GRADES: readonly Schemas['Grade'][] = [
  'E_3',
  'E_4',
  'E_5',
  'E_6',
  'E_7',
  'W_2',
  'O_2',
  'O_3',
  'O_4',
  'O_5',
];
export const ORDER_TYPES: readonly Schemas['OrdersType'][] = [
  'PERMANENT_CHANGE_OF_STATION',
  'PERMANENT_CHANGE_OF_STATION',
  'PERMANENT_CHANGE_OF_STATION',
  'LOCAL_MOVE',
  'RETIREMENT',
  'SEPARATION',
];
export const SHIPMENT_TYPES: readonly Schemas['MTOShipmentType'][] = [
  'HHG',
  'HHG',
  'HHG',
  'HHG_INTO_NTS_DOMESTIC',
  'HHG_OUTOF_NTS_DOMESTIC',
  'PPM',
];
// Random locators avoid I, O, 0 and 1, which read alike.
export const LOCATOR_CHARS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'];
