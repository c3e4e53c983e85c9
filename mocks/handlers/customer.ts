import { db } from '../db';
import { noBody, preconditionFailed, validation } from '../http';
import { namesVersion } from '../ifMatch';
import { operation, record } from '../operation';
import * as payloads from '../payloads';
import type { AddressRow, CustomerRow, Schemas } from '../records';

type AddressPayload = Schemas['Address'];

/**
 * An address of the body onto the stored one (or a new one): ignored when
 * it has neither an id nor a first street line; otherwise the street lines,
 * city, state and ZIP are written. A save with a required line missing is
 * refused: the answer is then what the address's validation says of each.
 */
function mergeAddress(
  sent: AddressPayload | undefined,
  stored: AddressRow | null,
  now: string,
): AddressRow | null | string[] {
  if (!sent || (!sent.id && !sent.streetAddress1)) return stored;
  const next: AddressRow = {
    id: stored?.id ?? crypto.randomUUID(),
    streetAddress1: sent.streetAddress1 ?? '',
    streetAddress2: sent.streetAddress2 ?? stored?.streetAddress2 ?? null,
    streetAddress3: sent.streetAddress3 ?? stored?.streetAddress3 ?? null,
    city: sent.city ?? '',
    state: sent.state ?? ('' as AddressRow['state']),
    postalCode: sent.postalCode ?? '',
    county: stored?.county ?? null,
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
  };
  const blank = blankOf(next, ['streetAddress1', 'city', 'state', 'postalCode']);
  return blank.length > 0 ? blank : next;
}

/** The validators' StringIsPresent: empty or only white space is blank. */
function blankOf<T extends object>(row: T, fields: readonly (keyof T & string)[]): string[] {
  return fields
    .filter((field) => String(row[field] ?? '').trim() === '')
    .map((field) => `${field[0].toUpperCase()}${field.slice(1)} can not be blank.`);
}

/** `""` clears a name part, another value sets it, none leaves it. */
const namePart = (sent: string | null | undefined, stored: string | null) =>
  sent === undefined || sent === null ? stored : sent === '' ? null : sent;

/**
 * The customer updater (payloads.CustomerToServiceMember and the service):
 * the names and the preference flags are always written, an omitted one as
 * empty or false; contact fields only when sent.
 */
function updatedCustomer(
  customer: CustomerRow,
  body: Schemas['UpdateCustomerPayload'],
  now: string,
): Partial<CustomerRow> | string[] {
  const residentialAddress = mergeAddress(body.current_address, customer.residentialAddress, now);
  const backupMailingAddress = mergeAddress(body.backupAddress, customer.backupMailingAddress, now);
  if (Array.isArray(residentialAddress)) return residentialAddress;
  if (Array.isArray(backupMailingAddress)) return backupMailingAddress;
  const contact = body.backup_contact;
  // The contact is saved with its own validation: a name and an email.
  const contactBlank = contact ? blankOf(contact, ['name', 'email']) : [];
  if (contactBlank.length > 0) return contactBlank;
  return {
    firstName: body.first_name ?? '',
    lastName: body.last_name ?? '',
    phoneIsPreferred: body.phoneIsPreferred ?? false,
    emailIsPreferred: body.emailIsPreferred ?? false,
    cacValidated: body.cac_validated ?? false,
    middleName: namePart(body.middle_name, customer.middleName),
    suffix: namePart(body.suffix, customer.suffix),
    email: body.email ?? customer.email,
    phone: body.phone ?? customer.phone,
    secondaryTelephone: body.secondaryTelephone ?? customer.secondaryTelephone,
    residentialAddress,
    backupMailingAddress,
    backupContact: contact
      ? {
          id: customer.backupContact?.id ?? crypto.randomUUID(),
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          createdAt: customer.backupContact?.createdAt ?? now,
          updatedAt: now,
        }
      : customer.backupContact,
  };
}

export const customerHandlers = [
  // An unknown customer is a 404, as the document says; MilMove's server
  // answers 500 without a body (see the README's deviations).
  operation({
    method: 'get',
    path: '/customer/:customerID',
    operationId: 'getCustomer',
    handle({ path }) {
      const customer = db.find('customer', path.customerID.toLowerCase());
      return customer ? record(payloads.customer(customer)) : noBody(404);
    },
  }),

  operation({
    method: 'patch',
    path: '/customer/:customerID',
    operationId: 'updateCustomer',
    bindOrder: ['If-Match', 'body', 'customerID'],
    // The binder does not look inside these allOf wrappers.
    unvalidated: ['current_address', 'backupAddress'],
    handle({ path, ifMatch, body }) {
      const customer = db.find('customer', path.customerID.toLowerCase());
      if (!customer) return noBody(404);
      if (!namesVersion(ifMatch, customer)) return preconditionFailed(customer.id);
      const now = db.now();
      const patch = updatedCustomer(customer, body as Schemas['UpdateCustomerPayload'], now);
      if (Array.isArray(patch)) {
        return validation(
          'Unable to complete request',
          `Invalid input for ID: ${customer.id}. ${patch.join('\n')}`,
        );
      }
      return record(payloads.customer(db.save('customer', customer.id, patch)));
    },
  }),
];
