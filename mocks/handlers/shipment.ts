import { isoDate } from '../clock';
import { db } from '../db';
import { message, noBody, ok, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { approveOrRequestApproval, makeAvailableToPrime } from '../moveRouter';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { approvedServiceItem, basicServiceItems } from '../reServices';
import type { Schemas, ShipmentRow } from '../records';

const DAY_MS = 86_400_000;

// Shipments that need no requested pickup date to be approved.
const NO_PICKUP_DATE = new Set<ShipmentRow['shipmentType']>([
  'BOAT_HAUL_AWAY',
  'BOAT_TOW_AWAY',
  'MOBILE_HOME',
  'HHG_OUTOF_NTS',
]);

/**
 * Why the shipment approver refuses this shipment, in its order
 * (shipment_approver.go), or undefined: an external vendor's shipment, a
 * stale eTag, a missing or past pickup date, a move that is not approved, a
 * shipment in a status approval does not leave. `detail` names the
 * operation in validation errors.
 */
function approvalRefusal(
  shipment: ShipmentRow,
  eTag: string | null,
  detail: 'ApproveShipment' | 'ApproveShipments',
): Response | undefined {
  if (shipment.usesExternalVendor) {
    return message(
      409,
      `ID: ${shipment.id} is in a conflicting state shipmentApprover: shipment uses external vendor, cannot be approved for GHC Prime`,
    );
  }
  if (!namesVersion(eTag, shipment)) return preconditionFailed(shipment.id);
  // A PPM is not looked at; the other types exempt from a date must still
  // have one in the future when they have one.
  if (shipment.shipmentType !== 'PPM') {
    const date = shipment.requestedPickupDate;
    if (!date && !NO_PICKUP_DATE.has(shipment.shipmentType)) {
      return validation('Validation errors', detail);
    }
    if (date && date < isoDate(Date.now() + DAY_MS)) {
      return validation('Validation errors', detail, {
        'error validating mto shipment':
          "RequestedPickupDate must be greater than or equal to tomorrow's date.",
      });
    }
  }
  const move = db.find('move', shipment.moveId);
  if (move?.status !== 'APPROVED' && move?.status !== 'APPROVALS REQUESTED') {
    return message(
      409,
      `ID: ${shipment.moveId} is in a conflicting state Cannot approve a shipment if the move status isn't APPROVED or APPROVALS REQUESTED, or if it isn't a PPM shipment with a move status of NEEDS SERVICE COUNSELING. The current status for the move with ID ${shipment.moveId} is ${move?.status}`,
    );
  }
  const leaves =
    shipment.status === 'SUBMITTED' ||
    shipment.status === 'APPROVALS_REQUESTED' ||
    (shipment.status === 'DIVERSION_REQUESTED' && shipment.diversion);
  if (!leaves) {
    return message(
      409,
      `Shipment with id '${shipment.id}' can only transition to status 'APPROVED' from ["SUBMITTED" "DIVERSION_REQUESTED" "APPROVALS_REQUESTED"], but its current status is '${shipment.status}'`,
    );
  }
  return undefined;
}

/**
 * Approves the shipment: its basic service items are created (approved),
 * every time, as the real approver does: nothing there checks for the ones
 * an earlier approval made, so approving a shipment again (one whose
 * approvals were requested) makes them again. Then the move is looked at
 * again and saved.
 */
function approve(shipment: ShipmentRow): ShipmentRow {
  const now = db.now();
  for (const code of basicServiceItems(shipment)) {
    db.create('serviceItem', approvedServiceItem(shipment.moveId, shipment.id, code, now));
  }
  const approved = db.save('shipment', shipment.id, { status: 'APPROVED', approvedDate: now });
  approveOrRequestApproval(shipment.moveId);
  return approved;
}

/** A shipment not deleted: the approver and the rejecter look up no other. */
const findShipment = (id: string) => {
  const shipment = db.find('shipment', id.toLowerCase());
  return shipment?.deletedAt === null ? shipment : undefined;
};

export const shipmentHandlers = [
  // All or nothing, in the order sent: the first shipment refused refuses
  // the batch, and nothing is approved.
  operation({
    method: 'post',
    path: '/shipments/approve',
    operationId: 'approveShipments',
    handle({ body }) {
      const { approveShipments: items } = body as Schemas['ApproveShipments'];
      if (items.length === 0) {
        return validation(
          'Empty body error',
          'Data received from requester is bad: BAD_DATA: The MTO Shipment request body cannot be empty.',
        );
      }
      const shipments: ShipmentRow[] = [];
      for (const item of items) {
        const shipment = findShipment(item.shipmentID);
        if (!shipment)
          return message(404, `ID: ${item.shipmentID} not found while looking for shipment`);
        // One already approved in this batch was saved by then, as the
        // transaction sees it: its eTag is no longer the one sent.
        if (shipments.some((earlier) => earlier.id === shipment.id)) {
          return preconditionFailed(shipment.id);
        }
        const refusal = approvalRefusal(shipment, item.eTag, 'ApproveShipments');
        if (refusal) return refusal;
        shipments.push(shipment);
      }
      const approved = shipments.map(approve);
      makeAvailableToPrime(shipments[0].moveId);
      return ok(approved.map(payloads.shipment));
    },
  }),

  operation({
    method: 'post',
    path: '/shipments/:shipmentID/approve',
    operationId: 'approveShipment',
    bindOrder: ['If-Match', 'shipmentID'],
    handle({ path, ifMatch }) {
      const shipment = findShipment(path.shipmentID);
      if (!shipment) return noBody(404);
      const refusal = approvalRefusal(shipment, ifMatch, 'ApproveShipment');
      if (refusal) return refusal;
      const approved = approve(shipment);
      makeAvailableToPrime(shipment.moveId);
      return record(payloads.shipment(approved));
    },
  }),

  // Rejecting a shipment leaves the move as it is.
  operation({
    method: 'post',
    path: '/shipments/:shipmentID/reject',
    operationId: 'rejectShipment',
    bindOrder: ['If-Match', 'body', 'shipmentID'],
    handle({ path, ifMatch, body }) {
      const shipment = findShipment(path.shipmentID);
      if (!shipment) return noBody(404);
      if (!namesVersion(ifMatch, shipment)) return preconditionFailed(shipment.id);
      if (shipment.status !== 'SUBMITTED') {
        return message(
          409,
          `Shipment with id '${shipment.id}' can only transition to status 'REJECTED' from ["SUBMITTED"], but its current status is '${shipment.status}'`,
        );
      }
      const { rejectionReason } = body as Schemas['RejectShipment'];
      // The schema takes a blank reason; the model's StringIsPresent refuses
      // it at the save (mto_shipments.go), so nothing is written.
      if (!rejectionReason.trim()) {
        return validation('Validation errors', 'RejectShipment', {
          rejection_reason: 'RejectionReason can not be blank.',
        });
      }
      return record(
        payloads.shipment(
          db.save('shipment', shipment.id, { status: 'REJECTED', rejectionReason }),
        ),
      );
    },
  }),
];
