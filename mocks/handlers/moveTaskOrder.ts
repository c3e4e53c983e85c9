import { http } from 'msw';
import { db } from '../db';
import { API, readOne } from '../http';
import type { Schemas } from '../records';
import type { BodySchema } from '../validation';
import { write } from '../write';

export const serviceItemCodes: BodySchema<Schemas['MTOApprovalServiceItemCodes']> = {
  fields: { serviceCodeMS: { type: 'boolean' }, serviceCodeCS: { type: 'boolean' } },
};

const SERVICE_ITEMS = [
  { flag: 'serviceCodeMS', reServiceCode: 'MS', reServiceName: 'Move management' },
  { flag: 'serviceCodeCS', reServiceCode: 'CS', reServiceName: 'Counseling' },
] as const;

export const tioRemarks: BodySchema<Schemas['UpdateTIORemarksPayload']> = {
  fields: { tioRemarks: { type: 'string', nullable: true, maxLength: 2000 } },
  required: ['tioRemarks'],
};

export const moveTaskOrderHandlers = [
  http.get(`${API}/move-task-orders/:moveTaskOrderID`, readOne('move', 'moveTaskOrderID')),

  // Send to Prime. Creating the service items bumps neither the shipments nor anything else.
  http.patch(
    `${API}/move-task-orders/:moveTaskOrderID/status`,
    write({
      kind: 'move',
      idParam: 'moveTaskOrderID',
      body: serviceItemCodes,
      conflict: (move) =>
        move.availableToPrimeAt
          ? `The move task order ${move.locator} is already available to the Prime (since ${move.availableToPrimeAt}).`
          : undefined,
      apply(move, codes) {
        const at = db.now();
        for (const { flag, reServiceCode, reServiceName } of SERVICE_ITEMS) {
          if (!codes[flag]) continue;
          db.create('serviceItem', {
            moveTaskOrderID: move.id,
            mtoShipmentID: null,
            reServiceCode,
            reServiceName,
            status: 'APPROVED',
            rejectionReason: null,
            approvedAt: at,
            rejectedAt: null,
          });
        }
        return db.update('move', move.id, { status: 'APPROVED', availableToPrimeAt: at });
      },
    }),
  ),

  http.patch(
    `${API}/move-task-orders/:moveTaskOrderID/tio-remarks`,
    write({
      kind: 'move',
      idParam: 'moveTaskOrderID',
      body: tioRemarks,
      apply: (move, body) => db.update('move', move.id, { tioRemarks: body.tioRemarks }),
    }),
  ),
];
