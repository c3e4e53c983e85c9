import { db } from '../db';
import { noBody, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { approveOrRequestApproval } from '../moveRouter';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import { dutyLocationById } from '../referenceData';
import type { OrderRow, Schemas } from '../records';
import { GRADES } from '../seedData';
import { missingForApproval } from './moveTaskOrder';

type Body = Schemas['UpdateOrderPayload'];

/** `""` clears an accounting code, another value sets it, none leaves it. */
const code = (sent: string | null | undefined, stored: string | null, upper = false) =>
  sent === undefined
    ? stored
    : sent === null || sent === ''
      ? null
      : upper
        ? sent.toUpperCase()
        : sent;

/**
 * The fields of the body the updater writes (orderFromTOOPayload): each only
 * when sent. A JSON null leaves a Go pointer nil, which counts as not sent;
 * only the nullable.String codes (sac, ntsTac, ntsSac) take null as "clear".
 */
function updatedOrders(orders: OrderRow, body: Body): OrderRow {
  const origin = dutyLocationById(body.originDutyLocationId);
  const grade = body.grade ?? orders.grade;
  const allowance = GRADES.find(([candidate]) => candidate === grade)?.[1];
  return {
    ...orders,
    originDutyLocationId: body.originDutyLocationId,
    newDutyLocationId: body.newDutyLocationId,
    gbloc: origin?.gbloc ?? orders.gbloc,
    issueDate: body.issueDate,
    reportByDate: body.reportByDate,
    ordersType: body.ordersType,
    ordersTypeDetail: body.ordersTypeDetail ?? orders.ordersTypeDetail,
    ordersNumber: body.ordersNumber ?? orders.ordersNumber,
    departmentIndicator: body.departmentIndicator ?? orders.departmentIndicator,
    tac: body.tac?.toUpperCase() ?? orders.tac,
    sac: code(body.sac, orders.sac),
    ntsTac: code(body.ntsTac, orders.ntsTac, true),
    ntsSac: code(body.ntsSac, orders.ntsSac),
    grade,
    entitlement: {
      ...orders.entitlement,
      dependentsAuthorized: body.dependentsAuthorized ?? orders.entitlement.dependentsAuthorized,
      authorizedWeight: allowance ?? orders.entitlement.authorizedWeight,
    },
  };
}

export const orderHandlers = [
  // An unknown order is a 404, as the document says; MilMove's server
  // answers 500 without a body (see the README's deviations).
  operation({
    method: 'get',
    path: '/orders/:orderID',
    operationId: 'getOrder',
    handle({ path }) {
      const orders = db.find('order', path.orderID.toLowerCase());
      return orders ? record(payloads.order(orders)) : noBody(404);
    },
  }),

  // Saving the orders saves the customer as well (the origin duty location is
  // always sent), and a move waiting for approvals is looked at again.
  operation({
    method: 'patch',
    path: '/orders/:orderID',
    operationId: 'updateOrder',
    bindOrder: ['If-Match', 'body', 'orderID'],
    handle({ path, ifMatch, body }) {
      const orders = db.find('order', path.orderID.toLowerCase());
      if (!orders) return noBody(404);
      if (!namesVersion(ifMatch, orders)) return preconditionFailed(orders.id);
      const sent = body as Body;
      // The limit counts bytes, as Go's len does.
      if (typeof sent.sac === 'string' && new TextEncoder().encode(sent.sac).length > 80) {
        return validation('Unable to complete request', 'SAC cannot be more than 80 characters');
      }
      const next = updatedOrders(orders, sent);
      const gaps = missingForApproval(next);
      if (gaps.length > 0) {
        return validation(
          'Unable to complete request',
          `Invalid input for ID: ${orders.id}. ${gaps.join('\n')}`,
        );
      }
      if (
        !dutyLocationById(next.originDutyLocationId) ||
        !dutyLocationById(next.newDutyLocationId)
      ) {
        return noBody(404);
      }
      const now = db.now();
      const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = next;
      const saved = db.save('order', orders.id, {
        ...fields,
        entitlement: { ...next.entitlement, updatedAt: now },
      });
      db.save('customer', orders.serviceMemberId);
      const move = db.all('move').find((candidate) => candidate.ordersId === orders.id);
      if (move?.status === 'APPROVALS REQUESTED') approveOrRequestApproval(move.id);
      return record(payloads.order(saved));
    },
  }),
];
