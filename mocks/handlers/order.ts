import { http } from 'msw';
import { db } from '../db';
import { API, readOne } from '../http';
import type { Schemas } from '../records';
import { enumRule, rules, type BodySchema } from '../validation';
import { write } from '../write';

export const updateOrder: BodySchema<Schemas['UpdateOrderPayload']> = {
  fields: {
    orderNumber: { type: 'string', minLength: 1, maxLength: 30 },
    orderType: enumRule<Schemas['OrdersType']>({
      PERMANENT_CHANGE_OF_STATION: true,
      LOCAL_MOVE: true,
      RETIREMENT: true,
      SEPARATION: true,
    }),
    orderTypeDetail: { type: 'string', nullable: true, maxLength: 100 },
    issueDate: rules.date,
    reportByDate: rules.date,
    departmentIndicator: enumRule<Schemas['DeptIndicator']>({
      ARMY: true,
      ARMY_CORPS_OF_ENGINEERS: true,
      NAVY_AND_MARINES: true,
      AIR_AND_SPACE_FORCE: true,
      COAST_GUARD: true,
    }),
    grade: enumRule<Schemas['Grade']>({
      E_1: true,
      E_2: true,
      E_3: true,
      E_4: true,
      E_5: true,
      E_6: true,
      E_7: true,
      E_8: true,
      E_9: true,
      W_1: true,
      W_2: true,
      W_3: true,
      W_4: true,
      W_5: true,
      O_1: true,
      O_2: true,
      O_3: true,
      O_4: true,
      O_5: true,
      O_6: true,
      O_7: true,
      O_8: true,
      O_9: true,
      O_10: true,
    }),
    tac: { type: 'string', nullable: true, pattern: /^[A-Z0-9]{4}$/ },
    sac: { type: 'string', nullable: true, maxLength: 80 },
  },
};

export const orderHandlers = [
  http.get(`${API}/orders/:orderID`, readOne('order', 'orderID')),
  http.patch(
    `${API}/orders/:orderID`,
    write({
      kind: 'order',
      idParam: 'orderID',
      body: updateOrder,
      // Judged on the merged values: changing one date may break the pair.
      refine(body, order) {
        const issueDate = body.issueDate ?? order.issueDate;
        const reportByDate = body.reportByDate ?? order.reportByDate;
        if (reportByDate >= issueDate) return undefined;
        const field = body.reportByDate !== undefined ? 'reportByDate' : 'issueDate';
        return {
          [field]: `reportByDate (${reportByDate}) must not be before issueDate (${issueDate})`,
        };
      },
      apply: (order, body) => db.update('order', order.id, body),
    }),
  ),
];
