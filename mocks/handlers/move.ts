import { timestampOf } from '../clock';
import { db } from '../db';
import { message, noBody } from '../http';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { SIGNED_IN_USER } from '../referenceData';
import type { MoveRow } from '../records';

const LOCK_MS = 30 * 60_000;

/** Whether the signed-in user may take the move's lock: free, expired, or theirs. */
function lockable(move: MoveRow): boolean {
  return (
    move.lockedByOfficeUserId === null ||
    move.lockedByOfficeUserId === SIGNED_IN_USER.id ||
    (move.lockExpiresAt !== null && move.lockExpiresAt < timestampOf(Date.now()))
  );
}

export const moveHandlers = [
  // Reading a move locks it for the reader for 30 minutes; the lock is no
  // save, so the move's eTag stays.
  operation({
    method: 'get',
    path: '/move/:locator',
    operationId: 'getMove',
    handle({ path }) {
      const found = db.moveByLocator(path.locator);
      if (!found?.show) return noBody(404);
      const orders = db.find('order', found.ordersId);
      // The mock's TOO has no safety privilege.
      if (orders?.ordersType === 'SAFETY') return message(404, 'Page is inaccessible');
      const move = lockable(found)
        ? db.touch('move', found.id, {
            lockedByOfficeUserId: SIGNED_IN_USER.id,
            lockExpiresAt: timestampOf(Date.now() + LOCK_MS),
          })
        : found;
      return record(payloads.move(move));
    },
  }),
];
