import { db } from '../db';
import { message, noBody, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { approvedServiceItem } from '../reServices';
import type { MoveRow, OrderRow, Schemas } from '../records';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The move a task-order path names. Its id is a plain string there: one that
 * is no UUID becomes the nil UUID, which the fetcher fails on (a 500); an
 * unknown or hidden move is a 404. Both without a body.
 */
export function moveTaskOrderOf(id: string): { move: MoveRow } | { response: Response } {
  if (!UUID.test(id)) return { response: noBody(500) };
  const move = db.find('move', id.toLowerCase());
  return move?.show ? { move } : { response: noBody(404) };
}

const APPROVABLE: readonly MoveRow['status'][] = [
  'SUBMITTED',
  'APPROVALS REQUESTED',
  'SERVICE COUNSELING COMPLETED',
];

/** What approval needs of the orders (order.CheckRequiredFields), as the server words each gap. */
export function missingForApproval(orders: OrderRow): string[] {
  return [
    !orders.tac && 'TransportationAccountingCode cannot be blank.',
    !orders.departmentIndicator && 'DepartmentIndicator cannot be blank.',
    !orders.ordersNumber && 'OrdersNumber cannot be blank.',
    !orders.ordersTypeDetail && 'OrdersTypeDetail cannot be blank.',
  ].filter((gap): gap is string => typeof gap === 'string');
}

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
      // A second MS is skipped; CS is created each time it is asked for.
      const makeMS =
        codes.serviceCodeMS === true &&
        !db.serviceItemsOf(move.id).some((item) => item.reServiceCode === 'MS');
      // The fees are priced for the year of a pickup (deleted shipments count):
      // without one, no fee can be made.
      const pickups = db.all('shipment').filter((shipment) => shipment.moveId === move.id);
      if ((makeMS || codes.serviceCodeCS) && !pickups.some((s) => s.requestedPickupDate)) {
        return noBody(404);
      }
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
