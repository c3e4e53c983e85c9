// How the office app names each value of the API's enums, in one place: the
// queue, the move's page, the edit forms and the change lists all read these.
// Each map is typed against the generated types, both ways: a value the
// document adds or drops fails the typecheck here. The words follow MilMove's
// own office app.
import type {
  Affiliation,
  DeptIndicator,
  MoveStatus,
  OrderPayGrade,
  OrdersType,
  OrdersTypeDetail,
  Schemas,
  ShipmentStatus,
  StateCode,
} from '../api/models';

export const MOVE_STATUS_LABELS: Record<MoveStatus, string> = {
  DRAFT: 'Draft',
  'NEEDS SERVICE COUNSELING': 'Needs service counseling',
  'SERVICE COUNSELING COMPLETED': 'Service counseling completed',
  SUBMITTED: 'New move',
  'APPROVALS REQUESTED': 'Approvals requested',
  APPROVED: 'Move approved',
  CANCELED: 'Canceled',
};

export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  SUBMITTED: 'Requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  APPROVALS_REQUESTED: 'Approvals requested',
  CANCELLATION_REQUESTED: 'Cancellation requested',
  CANCELED: 'Canceled',
  DIVERSION_REQUESTED: 'Diversion requested',
  TERMINATED_FOR_CAUSE: 'Terminated for cause',
};

export const SERVICE_ITEM_STATUS_LABELS: Record<Schemas['MTOServiceItemStatus'], string> = {
  SUBMITTED: 'Requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

export const SHIPMENT_TYPE_LABELS: Record<Schemas['MTOShipmentType'], string> = {
  HHG: 'HHG',
  HHG_INTO_NTS: 'NTS',
  HHG_OUTOF_NTS: 'NTS release',
  PPM: 'PPM',
  BOAT_HAUL_AWAY: 'Boat haul-away',
  BOAT_TOW_AWAY: 'Boat tow-away',
  MOBILE_HOME: 'Mobile home',
  UNACCOMPANIED_BAGGAGE: 'Unaccompanied baggage',
};

export const BRANCH_LABELS: Record<Affiliation, string> = {
  ARMY: 'Army',
  NAVY: 'Navy',
  MARINES: 'Marine Corps',
  AIR_FORCE: 'Air Force',
  COAST_GUARD: 'Coast Guard',
  SPACE_FORCE: 'Space Force',
  OTHER: 'Other',
};

export const ORDERS_TYPE_LABELS: Record<OrdersType, string> = {
  PERMANENT_CHANGE_OF_STATION: 'Permanent change of station (PCS)',
  LOCAL_MOVE: 'Local move',
  RETIREMENT: 'Retirement',
  SEPARATION: 'Separation',
  WOUNDED_WARRIOR: 'Wounded warrior',
  BLUEBARK: 'BLUEBARK',
  SAFETY: 'Safety',
  TEMPORARY_DUTY: 'Temporary duty (TDY)',
  EARLY_RETURN_OF_DEPENDENTS: 'Early return of dependents',
  STUDENT_TRAVEL: 'Student travel',
};

export const ORDERS_TYPE_DETAIL_LABELS: Record<OrdersTypeDetail, string> = {
  HHG_PERMITTED: 'Shipment of HHG permitted',
  PCS_TDY: 'PCS with TDY en route',
  HHG_RESTRICTED_PROHIBITED: 'Shipment of HHG restricted or prohibited',
  HHG_RESTRICTED_AREA: 'HHG restricted area, HHG prohibited',
  INSTRUCTION_20_WEEKS: 'Course of instruction 20 weeks or more',
  HHG_PROHIBITED_20_WEEKS: 'Shipment of HHG prohibited but authorized within 20 weeks',
  DELAYED_APPROVAL: 'Delayed approval 20 weeks or more',
};

export const DEPT_INDICATOR_LABELS: Record<DeptIndicator, string> = {
  NAVY_AND_MARINES: '17 Navy and Marine Corps',
  ARMY: '21 Army',
  ARMY_CORPS_OF_ENGINEERS: '96 Army Corps of Engineers',
  AIR_AND_SPACE_FORCE: '57 Air Force and Space Force',
  COAST_GUARD: '70 Coast Guard',
  OFFICE_OF_SECRETARY_OF_DEFENSE: '97 Office of the Secretary of Defense',
};

export const GRADE_LABELS: Record<OrderPayGrade, string> = {
  'E-1': 'E-1',
  'E-2': 'E-2',
  'E-3': 'E-3',
  'E-4': 'E-4',
  'E-5': 'E-5',
  'E-6': 'E-6',
  'E-7': 'E-7',
  'E-8': 'E-8',
  'E-9': 'E-9',
  'E-9-SPECIAL-SENIOR-ENLISTED': 'E-9 (special senior enlisted)',
  'O-1': 'O-1',
  'O-2': 'O-2',
  'O-3': 'O-3',
  'O-4': 'O-4',
  'O-5': 'O-5',
  'O-6': 'O-6',
  'O-7': 'O-7',
  'O-8': 'O-8',
  'O-9': 'O-9',
  'O-10': 'O-10',
  'W-1': 'W-1',
  'W-2': 'W-2',
  'W-3': 'W-3',
  'W-4': 'W-4',
  'W-5': 'W-5',
  AVIATION_CADET: 'Aviation cadet',
  CIVILIAN_EMPLOYEE: 'Civilian employee',
  ACADEMY_CADET: 'Service academy cadet',
  MIDSHIPMAN: 'Midshipman',
};

const STATE_CODES: Record<StateCode, true> = {
  AL: true,
  AK: true,
  AR: true,
  AZ: true,
  CA: true,
  CO: true,
  CT: true,
  DC: true,
  DE: true,
  FL: true,
  GA: true,
  HI: true,
  IA: true,
  ID: true,
  IL: true,
  IN: true,
  KS: true,
  KY: true,
  LA: true,
  MA: true,
  MD: true,
  ME: true,
  MI: true,
  MN: true,
  MO: true,
  MS: true,
  MT: true,
  NC: true,
  ND: true,
  NE: true,
  NH: true,
  NJ: true,
  NM: true,
  NV: true,
  NY: true,
  OH: true,
  OK: true,
  OR: true,
  PA: true,
  RI: true,
  SC: true,
  SD: true,
  TN: true,
  TX: true,
  UT: true,
  VA: true,
  VT: true,
  WA: true,
  WI: true,
  WV: true,
  WY: true,
};

/** The states an address may name, each labelled by its code. */
export const STATE_LABELS = Object.fromEntries(
  Object.keys(STATE_CODES).map((code) => [code, code]),
) as Record<StateCode, string>;

/** The label of a value, or the value itself if the map lacks it (a newer server). */
export function labelOf<K extends string>(
  labels: Record<K, string>,
  value: K | null | undefined,
): string {
  if (value === null || value === undefined) return '';
  return Object.hasOwn(labels, value) ? labels[value] : value;
}
