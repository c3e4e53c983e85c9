import { gofrsUUID } from '../binding';
import { db } from '../db';
import { message, noBody, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { approvedServiceItem } from '../reServices';
import type { MoveRow, OrderRow, Schemas } from '../records';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The move a task-order path names. Its id is a plain string there, read
 * with gofrs' FromStringOrNil (move_task_order.go:69), braces, "urn:uuid:"
 * and 32 bare digits included. One that is no UUID becomes the nil UUID,
 * and the nil UUID itself stays one: the fetcher, given neither an id nor
 * a locator, fails (move_task_order_fetcher.go:184-190), a 500. An unknown
 * or hidden move is a 404. Both without a body.
 */
export function moveTaskOrderOf(id: string): { move: MoveRow } | { response: Response } {
  const moveId = gofrsUUID(id);
  if (moveId === null || moveId === NIL_UUID) return { response: noBody(500) };
  const move = db.find('move', moveId);
  return move?.show ? { move } : { response: noBody(404) };
}

const APPROVABLE: readonly MoveRow['status'][] = [
  'SUBMITTED',
  'APPROVALS REQUESTED',
  'SERVICE COUNSELING COMPLETED',
];

/**
 * What approval needs of the orders (order.CheckRequiredFields,
 * pkg/services/order/validation.go:77-88): each gap as [its validation
 * key, the server's words for it].
 */
export function approvalGaps(orders: OrderRow): [string, string][] {
  const gaps: [string, string, unknown][] = [
    ['transportation_accounting_code', 'TransportationAccountingCode cannot be blank.', orders.tac],
    ['department_indicator', 'DepartmentIndicator cannot be blank.', orders.departmentIndicator],
    ['orders_number', 'OrdersNumber cannot be blank.', orders.ordersNumber],
    ['orders_type_detail', 'OrdersTypeDetail cannot be blank.', orders.ordersTypeDetail],
  ];
  return gaps.filter(([, , value]) => !value).map(([key, words]) => [key, words]);
}

/** What approval needs of the orders, as the server words each gap. */
export function missingForApproval(orders: OrderRow): string[] {
  return approvalGaps(orders).map(([, words]) => words);
}

/**
 * IsPPMOnly (pkg/models/move.go:696): the move has shipments and every one
 * is a PPM. It reads the shipments the task-order fetcher kept, which leaves
 * the deleted ones out (move_task_order_fetcher.go:286); canceled, rejected
 * and external-vendor shipments still count.
 */
function isPPMOnly(moveId: string): boolean {
  const shipments = db.shipmentsOf(moveId);
  return shipments.length > 0 && shipments.every((shipment) => shipment.shipmentType === 'PPM');
}

/** The move statuses the service item creator makes items in (mto_service_item_creator.go:365). */
const TAKES_ITEMS: readonly MoveRow['status'][] = ['APPROVED', 'APPROVALS REQUESTED'];

/** The move-level service items (no shipment), created approved. */
function createMoveServiceItem(move: MoveRow, code: 'MS' | 'CS', at: string) {
  db.create('serviceItem', approvedServiceItem(move.id, null, code, at));
}

export const moveTaskOrderHandlers = [
  operation({
    method: 'get',
    path: '/move-task-orders/:moveTaskOrderID',
    operationId: 'getMoveTaskOrder',
    handle({ path }) {
      const found = moveTaskOrderOf(path.moveTaskOrderID);
      return 'response' in found ? found.response : record(payloads.moveTaskOrder(found.move));
    },
  }),

  // Approving the move (ApproveMoveAndCreateServiceItems). It leaves the
  // shipments alone and does not make the move available to the Prime.
  operation({
    method: 'patch',
    path: '/move-task-orders/:moveTaskOrderID/status',
    operationId: 'updateMoveTaskOrderStatus',
    bindOrder: ['If-Match', 'moveTaskOrderID', 'body'],
    bodyName: 'serviceItemCodes',
    handle({ path, ifMatch, body }) {
      const found = moveTaskOrderOf(path.moveTaskOrderID);
      if ('response' in found) return found.response;
      const { move } = found;
      if (!namesVersion(ifMatch, move)) return preconditionFailed(move.id);
      // A move approved before is not approved again: only its fees are made.
      if (move.approvedAt === null) {
        if (!APPROVABLE.includes(move.status)) {
          return message(
            409,
            `ID: ${move.id} is in a conflicting state A move can only be approved if it's in one of these states: ["SUBMITTED" "APPROVALS REQUESTED" "SERVICE COUNSELING COMPLETED"]. However, its current status is: ${move.status}: INVALID_TRANSITION`,
          );
        }
        const orders = db.find('order', move.ordersId);
        const gaps = orders ? missingForApproval(orders) : [];
        if (gaps.length > 0) {
          return validation(
            'Unable to complete request',
            `Invalid input for ID: ${move.ordersId}. ${gaps.join('\n')}`,
          );
        }
      }
      const codes = body as Schemas['MTOApprovalServiceItemCodes'];
      // MS is not even asked of a PPM-only move (move_task_order_updater.go:284).
      const askMS = codes.serviceCodeMS === true && !isPPMOnly(move.id);
      // The creator reads the move again and first wants it APPROVED or
      // APPROVALS REQUESTED. A move approved just now is; one approved before
      // may since be another (CANCELED): a 409, before MS is found to exist.
      const asked = askMS || codes.serviceCodeCS === true;
      if (asked && move.approvedAt !== null && !TAKES_ITEMS.includes(move.status)) {
        return message(
          409,
          `ID: ${move.id} is in a conflicting state Cannot create service items before a move has been approved. The current status for the move with ID ${move.id} is ${move.status}`,
        );
      }
      // A second MS is skipped; CS is created each time it is asked for.
      const makeMS =
        askMS && !db.serviceItemsOf(move.id).some((item) => item.reServiceCode === 'MS');
      // The fees are priced for the year of a requested pickup date or of a
      // PPM's expected departure date, which every PPM has (ppm_shipment.go:289);
      // deleted shipments count (mto_service_item_creator.go:351, 405-422).
      // Without one, no fee can be made.
      const dated = db
        .all('shipment')
        .filter((shipment) => shipment.moveId === move.id)
        .some((shipment) => shipment.requestedPickupDate || shipment.shipmentType === 'PPM');
      if ((makeMS || codes.serviceCodeCS) && !dated) return noBody(404);
      // One instant for the approval and the fees it creates: read once, so
      // they agree even when the clock ticks between the writes.
      const now = db.now();
      const approved =
        move.approvedAt === null
          ? db.save('move', move.id, {
              status: 'APPROVED',
              approvedAt: now,
              tooAssignedId: null,
            })
          : move;
      if (makeMS) createMoveServiceItem(approved, 'MS', now);
      if (codes.serviceCodeCS) createMoveServiceItem(approved, 'CS', now);
      return record(payloads.move(approved));
    },
  }),

  // MilMove's server declares this operation and answers 501; the mock does
  // what its document says: set the remarks and save the move.
  operation({
    method: 'patch',
    path: '/move-task-orders/:moveTaskOrderID/tio-remarks',
    operationId: 'updateMoveTIORemarks',
    bindOrder: ['If-Match', 'body', 'moveTaskOrderID'],
    handle({ path, ifMatch, body }) {
      const found = moveTaskOrderOf(path.moveTaskOrderID);
      if ('response' in found) return found.response;
      const { move } = found;
      if (!namesVersion(ifMatch, move)) return preconditionFailed(move.id);
      const { tioRemarks } = body as Schemas['Move'];
      return record(payloads.move(db.save('move', move.id, { tioRemarks: tioRemarks ?? null })));
    },
  }),
];
