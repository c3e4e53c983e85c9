import { gofrsUUID } from '../binding';
import { isoDate } from '../clock';
import { db } from '../db';
import { message, noBody, ok, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { approvable, approveOrRequestApproval, makeAvailableToPrime } from '../moveRouter';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { approvedServiceItem, basicServiceItems } from '../reServices';
import type { MoveRow, Schemas, ShipmentRow } from '../records';
import { approvalGaps } from './moveTaskOrder';

const DAY_MS = 86_400_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

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
 * stale eTag, a missing or past pickup date, a move that is not approved
 * (a PPM may also be approved while the move waits for counseling), a
 * shipment in a status approval does not leave. `detail` names the
 * operation in validation errors; `moveStatus` is the move's as the
 * request's transaction sees it.
 */
function approvalRefusal(
  shipment: ShipmentRow,
  eTag: string | null,
  detail: 'ApproveShipment' | 'ApproveShipments',
  moveStatus: MoveRow['status'] | undefined,
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
  // A PPM may be approved while its move waits for counseling (shipment_router.go:44).
  const ppmInCounseling =
    shipment.shipmentType === 'PPM' && moveStatus === 'NEEDS SERVICE COUNSELING';
  if (moveStatus !== 'APPROVED' && moveStatus !== 'APPROVALS REQUESTED' && !ppmInCounseling) {
    return message(
      409,
      `ID: ${shipment.moveId} is in a conflicting state Cannot approve a shipment if the move status isn't APPROVED or APPROVALS REQUESTED, or if it isn't a PPM shipment with a move status of NEEDS SERVICE COUNSELING. The current status for the move with ID ${shipment.moveId} is ${moveStatus}`,
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
 * The move's status once ApproveOrRequestApproval has looked at it again
 * after `approving` (this request's shipments so far) were approved, or
 * null where it fails. Only a move waiting for counseling changes what the
 * next shipment's checks see: with nothing left waiting, Approve takes no
 * move from NEEDS SERVICE COUNSELING and fails with a plain error
 * (move_router.go:351-372), a 500 that rolls the request back; otherwise
 * SendToOfficeUser asks for approvals (move_router.go:480-494). APPROVED
 * and APPROVALS REQUESTED moves stay in one of those two.
 */
function routedStatus(
  moveId: string,
  status: MoveRow['status'] | undefined,
  approving: readonly string[],
): MoveRow['status'] | undefined | null {
  if (status !== 'NEEDS SERVICE COUNSELING') return status;
  return approvable(moveId, approving) ? null : 'APPROVALS REQUESTED';
}

/**
 * What MakeAvailableToPrime refuses after the approvals: a move not yet
 * available to the Prime is saved with the orders' required fields checked
 * (move_task_order_updater.go:323-330, 342-345). A move waiting for
 * counseling may not have them. The handler returns that error, so the
 * whole request is rolled back (handlers/config.go:142-160): a 422 naming
 * the operation, each gap under its field's key (Go's JSON sorts them).
 */
function primeRefusal(
  moveId: string,
  detail: 'ApproveShipment' | 'ApproveShipments',
): Response | undefined {
  const move = db.find('move', moveId);
  const orders = move && db.find('order', move.ordersId);
  if (!move || !orders || move.availableToPrimeAt) return undefined;
  const gaps = approvalGaps(orders).sort(([a], [b]) => (a < b ? -1 : 1));
  return gaps.length > 0
    ? validation('Validation errors', detail, Object.fromEntries(gaps))
    : undefined;
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

/**
 * A shipment not deleted: the approver and the rejecter look up no other.
 * The id is read with gofrs' FromStringOrNil (mto_shipment.go:591, 780).
 */
const findShipment = (id: string) => {
  const shipment = db.find('shipment', gofrsUUID(id) ?? NIL_UUID);
  return shipment?.deletedAt === null ? shipment : undefined;
};

/** FindShipment's NotFoundError (mto_shipment_fetcher.go:190; apperror/errors.go:61-66). */
function shipmentNotFound(id: string): string {
  const parsed = gofrsUUID(id) ?? NIL_UUID;
  return parsed === NIL_UUID
    ? 'Not found while looking for shipment'
    : `ID: ${parsed} not found while looking for shipment`;
}

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
      // Each move's status as the transaction sees it, once this batch's
      // shipments so far are approved.
      const statuses = new Map<string, MoveRow['status'] | undefined>();
      for (const item of items) {
        const shipment = findShipment(item.shipmentID);
        if (!shipment) return message(404, shipmentNotFound(item.shipmentID));
        // One already approved in this batch was saved by then, as the
        // transaction sees it: its eTag is no longer the one sent.
        if (shipments.some((earlier) => earlier.id === shipment.id)) {
          return preconditionFailed(shipment.id);
        }
        const { moveId } = shipment;
        const status = statuses.has(moveId)
          ? statuses.get(moveId)
          : db.find('move', moveId)?.status;
        const refusal = approvalRefusal(shipment, item.eTag, 'ApproveShipments', status);
        if (refusal) return refusal;
        shipments.push(shipment);
        const routed = routedStatus(
          moveId,
          status,
          shipments.map((s) => s.id),
        );
        if (routed === null) return message(500, 'Internal server errors');
        statuses.set(moveId, routed);
      }
      const refusal = primeRefusal(shipments[0].moveId, 'ApproveShipments');
      if (refusal) return refusal;
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
      const status = db.find('move', shipment.moveId)?.status;
      const refusal =
        approvalRefusal(shipment, ifMatch, 'ApproveShipment', status) ??
        (routedStatus(shipment.moveId, status, [shipment.id]) === null
          ? noBody(500)
          : primeRefusal(shipment.moveId, 'ApproveShipment'));
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
