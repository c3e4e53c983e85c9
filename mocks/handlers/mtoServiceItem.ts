import { http } from 'msw';
import { db } from '../db';
import { API, listOfMove } from '../http';
import type { Patch, Schemas } from '../records';
import { enumRule, type BodySchema, type InvalidFields } from '../validation';
import { write } from '../write';

type StatusPayload = Schemas['PatchMTOServiceItemStatusPayload'];

export const updateStatus: BodySchema<StatusPayload> = {
  fields: {
    status: enumRule<Schemas['MTOServiceItemStatus']>({
      SUBMITTED: true,
      APPROVED: true,
      REJECTED: true,
    }),
    rejectionReason: { type: 'string', nullable: true, maxLength: 2000 },
  },
  required: ['status'],
};

function refine({ status, rejectionReason }: StatusPayload): InvalidFields | undefined {
  const hasReason = (rejectionReason ?? '').trim() !== '';
  if (status === 'SUBMITTED') return { status: 'must be APPROVED or REJECTED' };
  if (status === 'REJECTED' && !hasReason) {
    return { rejectionReason: 'is required when status is REJECTED' };
  }
  if (status === 'APPROVED' && hasReason) {
    return { rejectionReason: 'is only allowed when status is REJECTED' };
  }
  return undefined;
}

/** What approving an item changes; the dev controls' "another user" approves the same way. */
export const approval = (): Patch<'serviceItem'> => ({
  status: 'APPROVED',
  rejectionReason: null,
  approvedAt: db.now(),
  rejectedAt: null,
});

export const mtoServiceItemHandlers = [
  http.get(
    `${API}/move_task_orders/:moveTaskOrderID/mto_service_items`,
    listOfMove((moveId) => db.serviceItemsOf(moveId)),
  ),
  http.patch(
    `${API}/move-task-orders/:moveTaskOrderID/service-items/:mtoServiceItemID/status`,
    write({
      kind: 'serviceItem',
      idParam: 'mtoServiceItemID',
      owner: { param: 'moveTaskOrderID', kind: 'move', idOf: (item) => item.moveTaskOrderID },
      body: updateStatus,
      refine,
      // Repeating the current decision changes nothing (a rejection may still reword its reason).
      apply(item, { status, rejectionReason }) {
        if (status === 'REJECTED') {
          return db.update(
            'serviceItem',
            item.id,
            item.status === 'REJECTED'
              ? { rejectionReason }
              : { status, rejectionReason, rejectedAt: db.now(), approvedAt: null },
          );
        }
        return db.update('serviceItem', item.id, item.status === 'APPROVED' ? {} : approval());
      },
    }),
  ),
];
