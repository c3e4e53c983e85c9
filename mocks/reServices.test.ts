// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { basicServiceItems, RE_SERVICES } from './reServices';
import type { ShipmentRow } from './records';

const at = (postalCode: string) => ({ postalCode }) as ShipmentRow['pickupAddress'];
const shipment = (shipmentType: ShipmentRow['shipmentType'], from = '80913', to = '28310') => ({
  shipmentType,
  pickupAddress: at(from),
  destinationAddress: at(to),
});

describe("a domestic shipment's basic service items (reServiceCodesForShipment)", () => {
  it('gives household goods linehaul, or shorthaul within one ZIP3, with packing and unpacking', () => {
    expect(basicServiceItems(shipment('HHG'))).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DPK', 'DUPK']);
    expect(basicServiceItems(shipment('HHG', '80913', '80914'))).toEqual([
      'DSH',
      'FSC',
      'DOP',
      'DDP',
      'DPK',
      'DUPK',
    ]);
  });

  it('gives every other type linehaul whatever the ZIP3, with its own item', () => {
    const sameZip3 = (type: ShipmentRow['shipmentType']) =>
      basicServiceItems(shipment(type, '80913', '80914'));
    expect(sameZip3('HHG_INTO_NTS')).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DNPK']);
    expect(sameZip3('HHG_OUTOF_NTS')).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DUPK']);
    expect(sameZip3('MOBILE_HOME')).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DMHF']);
    expect(sameZip3('BOAT_HAUL_AWAY')).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DBHF']);
    expect(sameZip3('BOAT_TOW_AWAY')).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DBTF']);
  });

  it('gives a PPM and unaccompanied baggage none', () => {
    expect(basicServiceItems(shipment('PPM'))).toEqual([]);
    expect(basicServiceItems(shipment('UNACCOMPANIED_BAGGAGE'))).toEqual([]);
  });

  it("names each service by MilMove's own re_services id", () => {
    expect(RE_SERVICES.DLH).toEqual({
      id: '8d600f25-1def-422d-b159-617c7d59156e',
      name: 'Domestic linehaul',
    });
    expect(new Set(Object.values(RE_SERVICES).map(({ id }) => id)).size).toBe(
      Object.keys(RE_SERVICES).length,
    );
  });
});
