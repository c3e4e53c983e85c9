// @vitest-environment node
// mtoShipment.listMTOShipments: a move's shipments, each with its own eTag.
import { describe, expect, it } from 'vitest';
import { misfits } from '../answerSchema';
import { eTagOf, jsonDateTime } from '../clock';
import { db, SEED_LOCATORS } from '../db';
import type { AddressRow, Schemas, ShipmentRow } from '../records';
import { expectFramework, expectMessage, seededMove, send } from '../testApi';

type Shipment = Schemas['MTOShipment'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const list = (moveId: string) =>
  send<Shipment[]>('GET', `/move_task_orders/${moveId}/mto_shipments`);

const address = (row: AddressRow) => ({
  id: row.id,
  streetAddress1: row.streetAddress1,
  ...(row.streetAddress2 === null ? {} : { streetAddress2: row.streetAddress2 }),
  city: row.city,
  state: row.state,
  postalCode: row.postalCode,
  county: row.county,
  eTag: eTagOf(row.updatedAt),
});

describe("listing a move's shipments (listMTOShipments)", () => {
  it('answers each shipment as the document has it, in the order the server keeps them', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    const answer = await list(move.id!);
    expect(answer.status).toBe(200);
    expect(answer.body.map((shipment) => shipment.shipmentLocator)).toEqual([
      'RDY4PR-01',
      'RDY4PR-02',
      'RDY4PR-03',
    ]);
    expect(answer.body).toEqual(
      rows.shipments.map((row: ShipmentRow) => ({
        id: row.id,
        moveTaskOrderID: move.id,
        shipmentLocator: row.shipmentLocator,
        shipmentType: row.shipmentType,
        status: 'SUBMITTED',
        requestedPickupDate: row.requestedPickupDate,
        requestedDeliveryDate: row.requestedDeliveryDate,
        pickupAddress: address(row.pickupAddress!),
        destinationAddress: address(row.destinationAddress!),
        // Printed even when unknown: these fields have no omitempty.
        hasSecondaryPickupAddress: null,
        hasSecondaryDeliveryAddress: null,
        hasTertiaryPickupAddress: null,
        hasTertiaryDeliveryAddress: null,
        actualProGearWeight: null,
        actualSpouseProGearWeight: null,
        ...(row.customerRemarks === null ? {} : { customerRemarks: row.customerRemarks }),
        createdAt: jsonDateTime(row.createdAt),
        updatedAt: jsonDateTime(row.updatedAt),
        eTag: eTagOf(row.updatedAt),
      })),
    );
    expect(answer.body.map((shipment) => shipment.shipmentType)).toEqual([
      'HHG',
      'HHG',
      'HHG_INTO_NTS',
    ]);
    expect(misfits('listMTOShipments', answer.body)).toEqual([]);
  });

  it('shows an approved shipment with its approval date and estimated weight', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.availableToPrime);
    const [first] = (await list(move.id!)).body;
    expect(first).toMatchObject({
      status: 'APPROVED',
      approvedDate: jsonDateTime(rows.shipments[0].approvedDate!),
      primeEstimatedWeight: rows.shipments[0].primeEstimatedWeight,
    });
    expect(first).not.toHaveProperty('diversion');
    expect(first).not.toHaveProperty('usesExternalVendor');
  });

  it("puts an external vendor's shipments last and leaves deleted ones out", async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    const [first, second, third] = rows.shipments;
    db.save('shipment', first.id, { usesExternalVendor: true });
    db.save('shipment', second.id, { deletedAt: '2026-11-01T00:00:00.000000Z' });
    const { body } = await list(move.id!);
    expect(body.map((shipment) => shipment.id)).toEqual([third.id, first.id]);
    expect(body[1].usesExternalVendor).toBe(true);
    expect(misfits('listMTOShipments', body)).toEqual([]);
  });

  it('answers [] for a move without shipments, and lists a hidden move’s too', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    db.touch('move', move.id!, { show: false });
    expect((await list(move.id!)).body).toHaveLength(3);
    rows.shipments.forEach((shipment) => db.remove('shipment', shipment.id));
    const empty = await list(move.id!);
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('[]');
  });

  it('answers 404 with a message for an unknown move, and 422 for an id that is no UUID', async () => {
    expect(expectMessage(await list(UNKNOWN_ID), 404)).toBe(
      `ID: ${UNKNOWN_ID} not found move not found`,
    );
    expect(expectFramework(await list('RDY4PR'), 422)).toBe(
      'moveTaskOrderID in path must be of type strfmt.UUID: "RDY4PR"',
    );
  });
});
