import { parseGofrsUUID } from '../binding';
import { db } from '../db';
import { message, noBody, ok, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { approveOrRequestApproval } from '../moveRouter';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { SERVICE_ITEM_STATUSES } from '../../src/api/models';
import type { Patch, Schemas, ServiceItemRow, ShipmentRow } from '../records';

type StatusPayload = Schemas['PatchMTOServiceItemStatusPayload'];

/**
 * What deciding an item sets (mto_service_item_updater.go): approving sets
 * approvedAt and clears the rejection; rejecting sets rejectedAt and the
 * reason and clears approvedAt; back to SUBMITTED changes the status alone.
 */
export function decision(
  status: NonNullable<StatusPayload['status']>,
  rejectionReason: string | null,
  now: string,
): Patch<'serviceItem'> {
  switch (status) {
    case 'APPROVED':
      return { status, approvedAt: now, rejectedAt: null, rejectionReason: null };
    case 'REJECTED':
      return { status, rejectedAt: now, approvedAt: null, rejectionReason };
    case 'SUBMITTED':
      return { status };
  }
}

/** The statuses the shipment orchestrator refuses to update (mto_shipment/rules.go). */
const NOT_UPDATABLE = new Set<ShipmentRow['status']>([
  'CANCELED',
  'TERMINATED_FOR_CAUSE',
  'REJECTED',
]);

/**
 * The item's shipment and move once the item is decided: a shipment none of
 * whose items waits any more is approved again (a new approvedDate, saved);
 * the move is looked at again and saved. Then the handler recomputes the
 * shipment's SIT authorized end date and saves the shipment through the
 * shipment orchestrator, whatever it decided: the shipment is saved again,
 * and so is every item of it, the decided one included, so the eTag the
 * decision answers with is already stale. A deleted shipment, or one the
 * orchestrator refuses to update, is left as it is (the failure only logged).
 */
export function afterDecision(item: ServiceItemRow): void {
  const { shipmentId } = item;
  if (!shipmentId) {
    approveOrRequestApproval(item.moveId);
    return;
  }
  const itemsOf = () =>
    db.serviceItemsOf(item.moveId).filter((other) => other.shipmentId === shipmentId);
  if (!itemsOf().some((other) => other.status === 'SUBMITTED'))
    db.save('shipment', shipmentId, { status: 'APPROVED', approvedDate: db.now() });
  approveOrRequestApproval(item.moveId);
  const shipment = db.find('shipment', shipmentId);
  if (!shipment || shipment.deletedAt !== null || NOT_UPDATABLE.has(shipment.status)) return;
  db.save('shipment', shipment.id);
  for (const other of itemsOf()) db.save('serviceItem', other.id);
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export const mtoServiceItemHandlers = [
  operation({
    method: 'get',
    path: '/move_task_orders/:moveTaskOrderID/mto_service_items',
    operationId: 'listMTOServiceItems',
    handle({ path }) {
      const id = path.moveTaskOrderID.toLowerCase();
      if (!db.find('move', id)) return noBody(404);
      return ok(db.serviceItemsOf(id).map(payloads.serviceItem));
    },
  }),

  // The move's id in the path is not looked at: the item alone is.
  operation({
    method: 'patch',
    path: '/move-task-orders/:moveTaskOrderID/service-items/:mtoServiceItemID/status',
    operationId: 'updateMTOServiceItemStatus',
    bindOrder: ['If-Match', 'body', 'moveTaskOrderID', 'mtoServiceItemID'],
    handle({ path, ifMatch, body }) {
      // A plain string in the document: the handler reads it with gofrs'
      // FromString, which takes its braced, urn and 32-digit forms too.
      const parsed = parseGofrsUUID(path.mtoServiceItemID);
      if (parsed.error !== undefined) {
        return validation(
          'UUID(s) parsing error',
          `UUID parsing failed for mtoServiceItem: ${parsed.error}`,
        );
      }
      const item = db.find('serviceItem', parsed.id);
      if (!item) return noBody(404);
      const move = db.find('move', item.moveId);
      const moveDecidable = move?.status === 'APPROVED' || move?.status === 'APPROVALS REQUESTED';
      // The updater's checks run together; a stale eTag is the one reported.
      if (!namesVersion(ifMatch, item)) return preconditionFailed(item.id);
      if (!moveDecidable) {
        return validation(
          'Unable to complete request',
          `Invalid input for ID: ${item.id}. Cannot approve or reject a service item if the move's status is neither Approved nor Approvals Requested. The current status for the move with ID ${item.moveId} is ${move?.status}`,
        );
      }
      const { status, rejectionReason } = body as StatusPayload;
      if (status === 'REJECTED' && (rejectionReason === undefined || rejectionReason === null)) {
        return validation('Unable to complete request', 'Invalid input found in the request.');
      }
      if (!status || !SERVICE_ITEM_STATUSES.includes(status)) {
        return validation(
          'Unable to complete request',
          `Invalid input for ID: ${item.id}. Status is not in the list [SUBMITTED, APPROVED, REJECTED].`,
        );
      }
      // A move-level item (MS, CS) has no shipment to look up: the whole change is undone.
      if (item.shipmentId === null) {
        return message(404, `ID: ${NIL_UUID} not found looking for MTOShipment`);
      }
      const saved = db.save(
        'serviceItem',
        item.id,
        decision(status, rejectionReason ?? null, db.now()),
      );
      afterDecision(saved);
      return record(payloads.serviceItem(saved));
    },
  }),
];
