// The services a service item can be for (MilMove's re_services reference
// table, with its real ids): each item names its service by id, code and name.
import type { ServiceItemRow, ShipmentRow } from './records';

export const RE_SERVICES = {
  MS: { id: '1130e612-94eb-49a7-973d-72f33685e551', name: 'Move management' },
  CS: { id: '9dc919da-9b66-407b-9f17-05c0f03fcb50', name: 'Counseling' },
  DLH: { id: '8d600f25-1def-422d-b159-617c7d59156e', name: 'Domestic linehaul' },
  DSH: { id: '4b85962e-25d3-4485-b43c-2497c4365598', name: 'Domestic shorthaul' },
  FSC: { id: '4780b30c-e846-437a-b39a-c499a6b09872', name: 'Fuel surcharge' },
  DOP: { id: '2bc3e5cb-adef-46b1-bde9-55570bfdd43e', name: 'Domestic origin price' },
  DDP: { id: '50f1179a-3b72-4fa1-a951-fe5bcc70bd14', name: 'Domestic destination price' },
  DPK: { id: 'bdea5a8d-f15f-47d2-85c9-bba5694802ce', name: 'Domestic packing' },
  DNPK: { id: '3cc83af7-ecb9-4b33-bbc6-ff1459f001e2', name: 'Domestic NTS packing' },
  DUPK: { id: '15f01bc1-0754-4341-8e0f-25c8f04d5a77', name: 'Domestic unpacking' },
  DMHF: { id: 'dbd3a39a-6bb9-42da-b81a-9229df7019cf', name: 'Domestic mobile home factor' },
  DBHF: { id: '2471cc2d-6ed5-4ecc-9d43-db9711c8645b', name: 'Domestic haul away boat factor' },
  DBTF: { id: '0e45b6f5-f2f5-4235-94e4-7b4cb899eb5d', name: 'Domestic tow away boat factor' },
  DOFSIT: { id: '998beda7-e390-4a83-b15e-578a24326937', name: 'Domestic origin 1st day SIT' },
  DCRT: { id: '68417bd7-4a9d-4472-941e-2ba6aeaf15f4', name: 'Domestic crating' },
  DOSHUT: { id: 'd979e8af-501a-44bb-8532-2799753a5810', name: 'Domestic origin shuttle service' },
} as const;

export type ReServiceCode = keyof typeof RE_SERVICES;

const zip3 = (postalCode: string | undefined) => postalCode?.slice(0, 3);

/**
 * The service items approving a domestic shipment creates
 * (reServiceCodesForShipment): linehaul (for household goods, shorthaul within
 * one ZIP3), fuel surcharge, origin and destination price, and the
 * shipment type's own: packing and unpacking, NTS packing into storage,
 * unpacking out of it, a factor for a mobile home or a boat. A PPM or
 * unaccompanied baggage gets none.
 */
export function basicServiceItems(
  shipment: Pick<ShipmentRow, 'shipmentType' | 'pickupAddress' | 'destinationAddress'>,
): ReServiceCode[] {
  const base = ['FSC', 'DOP', 'DDP'] as const;
  switch (shipment.shipmentType) {
    case 'HHG': {
      const sameZip3 =
        zip3(shipment.pickupAddress?.postalCode) === zip3(shipment.destinationAddress?.postalCode);
      return [sameZip3 ? 'DSH' : 'DLH', ...base, 'DPK', 'DUPK'];
    }
    case 'HHG_INTO_NTS':
      return ['DLH', ...base, 'DNPK'];
    case 'HHG_OUTOF_NTS':
      return ['DLH', ...base, 'DUPK'];
    case 'MOBILE_HOME':
      return ['DLH', ...base, 'DMHF'];
    case 'BOAT_HAUL_AWAY':
      return ['DLH', ...base, 'DBHF'];
    case 'BOAT_TOW_AWAY':
      return ['DLH', ...base, 'DBTF'];
    case 'PPM':
    case 'UNACCOMPANIED_BAGGAGE':
      return [];
  }
}

/** Service items the destination queue's TOO decides, not the origin one's. */
export const DESTINATION_CODES: ReadonlySet<string> = new Set([
  'DDFSIT',
  'DDASIT',
  'DDDSIT',
  'DDSHUT',
  'DDSFSC',
  'IDFSIT',
  'IDASIT',
  'IDDSIT',
  'IDSHUT',
  'IDSFSC',
]);

/** A service item the server creates approved: for a shipment, or (null) for the move. */
export function approvedServiceItem(
  moveId: string,
  shipmentId: string | null,
  code: ReServiceCode,
  at: string,
): Omit<ServiceItemRow, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    moveId,
    shipmentId,
    reServiceId: RE_SERVICES[code].id,
    reServiceCode: code,
    reServiceName: RE_SERVICES[code].name,
    status: 'APPROVED',
    reason: null,
    rejectionReason: null,
    approvedAt: at,
    rejectedAt: null,
    convertToCustomerExpense: false,
  };
}
