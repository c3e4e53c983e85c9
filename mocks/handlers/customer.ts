import { http } from 'msw';
import { db } from '../db';
import { API, readOne } from '../http';
import type { Schemas } from '../records';
import { backupContactRule, rules, type BodySchema } from '../validation';
import { write } from '../write';

const name = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const updateCustomer: BodySchema<Schemas['UpdateCustomerPayload']> = {
  fields: {
    firstName: name,
    middleName: { type: 'string', nullable: true, maxLength: 100 },
    lastName: name,
    suffix: { type: 'string', nullable: true, maxLength: 20 },
    phone: rules.phone,
    email: rules.email,
    backupContact: backupContactRule,
  },
};

export const customerHandlers = [
  http.get(`${API}/customer/:customerID`, readOne('customer', 'customerID')),
  http.patch(
    `${API}/customer/:customerID`,
    write({
      kind: 'customer',
      idParam: 'customerID',
      body: updateCustomer,
      apply: (customer, body) => db.update('customer', customer.id, body),
    }),
  ),
];
