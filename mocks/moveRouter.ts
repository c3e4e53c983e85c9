// How the real server moves a move between statuses once something of it is
// decided (pkg/services/move/move_router.go), and makes it available to the
// Prime.
import { db } from './db';
import type { MoveRow } from './records';
import { DESTINATION_CODES } from './reServices';

/**
 * Nothing of the move waits for the TOO: no service item submitted, no
 * shipment submitted or asking for approvals. (The real router also waits
 * for amended orders, excess weight, SIT extensions and address updates,
 * which the mock does not have.) `approving` names shipments the request
 * approves before the router looks: they count as approved.
 */
export function approvable(moveId: string, approving: readonly string[] = []): boolean {
  return (
    !db.serviceItemsOf(moveId).some((item) => item.status === 'SUBMITTED') &&
    !db
      .shipmentsOf(moveId)
      .some(
        (shipment) =>
          !approving.includes(shipment.id) &&
          (shipment.status === 'SUBMITTED' || shipment.status === 'APPROVALS_REQUESTED'),
      )
  );
}

/** Something still waits for the origin TOO (ClearTOOAssignments): the assignment then stays. */
function originPending(moveId: string): boolean {
  return (
    db
      .serviceItemsOf(moveId)
      .some((item) => item.status === 'SUBMITTED' && !DESTINATION_CODES.has(item.reServiceCode)) ||
    db.shipmentsOf(moveId).some((shipment) => shipment.status === 'SUBMITTED')
  );
}

const APPROVES_FROM = new Set<MoveRow['status']>([
  'SUBMITTED',
  'APPROVALS REQUESTED',
  'SERVICE COUNSELING COMPLETED',
]);

/**
 * ApproveOrRequestApproval: looks at the move again and always saves it (a
 * new eTag). Approvable, it becomes APPROVED with a fresh approvedAt (an
 * approved move keeps its approvedAt); otherwise APPROVALS REQUESTED, with
 * approvalsRequestedAt set when it comes into that status. The TOO's
 * assignment is cleared once nothing waits for the origin TOO.
 */
export function approveOrRequestApproval(moveId: string): MoveRow {
  const move = db.find('move', moveId);
  if (!move) throw new Error(`The mock has no move ${moveId}`);
  const patch: Partial<MoveRow> = originPending(moveId) ? {} : { tooAssignedId: null };
  if (approvable(moveId)) {
    if (move.status !== 'APPROVED' && APPROVES_FROM.has(move.status)) {
      Object.assign(patch, { status: 'APPROVED', approvedAt: db.now() });
    }
  } else if (move.status !== 'APPROVALS REQUESTED' && move.status !== 'CANCELED') {
    Object.assign(patch, { status: 'APPROVALS REQUESTED', approvalsRequestedAt: db.now() });
  }
  return db.save('move', moveId, patch);
}

/** MakeAvailableToPrime: once; the move is saved again only the first time. */
export function makeAvailableToPrime(moveId: string): MoveRow {
  const move = db.find('move', moveId);
  if (!move) throw new Error(`The mock has no move ${moveId}`);
  return move.availableToPrimeAt ? move : db.save('move', moveId, { availableToPrimeAt: db.now() });
}
