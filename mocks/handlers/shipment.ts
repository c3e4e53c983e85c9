import { http } from 'msw';
import { db } from '../db';
import { API } from '../http';
import type { Schemas, ShipmentRecord } from '../records';
import type { BodySchema } from '../validation';
import { write } from '../write';

export const rejectShipment: BodySchema<Schemas['RejectShipment']> = {
  fields: { rejectionReason: { type: 'string', minLength: 1, maxLength: 2000 } },
  required: ['rejectionReason'],
};

// Only a SUBMITTED shipment awaits the TOO's decision.
function notSubmitted(shipment: ShipmentRecord): string | undefined {
  return shipment.status === 'SUBMITTED'
    ? undefined
    : `The shipment is ${shipment.status}; only a SUBMITTED shipment can be approved or rejected.`;
}

// A shipment is its own record (decision record 0049): approving it leaves the move as it is.
export const shipmentHandlers = [
  http.post(
    `${API}/shipments/:shipmentID/approve`,
    write({
      kind: 'shipment',
      idParam: 'shipmentID',
      body: { fields: {} },
      bodyOptional: true,
      conflict: notSubmitted,
      apply: (shipment) =>
        db.update('shipment', shipment.id, { status: 'APPROVED', approvedDate: db.now() }),
    }),
  ),
  http.post(
    `${API}/shipments/:shipmentID/reject`,
    write({
      kind: 'shipment',
      idParam: 'shipmentID',
      body: rejectShipment,
      refine: (body) =>
        body.rejectionReason.trim() === '' ? { rejectionReason: 'must not be blank' } : undefined,
      conflict: notSubmitted,
      apply: (shipment, body) =>
        db.update('shipment', shipment.id, {
          status: 'REJECTED',
          rejectionReason: body.rejectionReason,
        }),
    }),
  ),
];
