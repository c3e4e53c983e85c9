// The fields an office user can edit on the details page, with MilMove's
// labels, and the request body each edit sends. The bodies follow what the
// real server does with them (GHC.md): updateCustomer writes the names, the
// preference flags and cac_validated on every call, so they are always sent,
// from the draft or the version it is based on; updateOrder requires the
// dates, the orders type and both duty locations on every call; a nested
// object (an address, the backup contact) is sent whole when any of it changed.
import type { Customer, Order, UpdateCustomerPayload, UpdateOrderPayload } from '../../api/models';
import type { EditField, Values } from '../../writes/formValues';
import { DATE_HINT, isoDateOf } from '../../writes/dates';
import {
  DEPT_INDICATOR_LABELS,
  GRADE_LABELS,
  ORDERS_TYPE_DETAIL_LABELS,
  ORDERS_TYPE_LABELS,
  STATE_LABELS,
} from '../../components/labels';

const PHONE = {
  regex: /^[2-9]\d{2}-\d{3}-\d{4}$/,
  message: 'must be a phone number written as 210-555-0134',
};
const EMAIL = {
  regex: /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/,
  message: 'must be an email address such as name@example.mil',
};
const ZIP = { regex: /^(\d{5}([-]\d{4})?)$/, message: 'must be a ZIP code of 5 or 9 digits' };
const PHONE_HINT = 'For example 210-555-0134';

export const customerEditFields: EditField[] = [
  { name: 'first_name', label: 'First name', required: true },
  { name: 'middle_name', label: 'Middle name', nullable: true },
  { name: 'last_name', label: 'Last name', required: true },
  { name: 'suffix', label: 'Suffix', nullable: true },
  { name: 'phone', label: 'Phone', type: 'tel', required: true, hint: PHONE_HINT, pattern: PHONE },
  {
    name: 'secondaryTelephone',
    label: 'Alt. phone',
    type: 'tel',
    hint: PHONE_HINT,
    pattern: PHONE,
  },
  { name: 'email', label: 'Email', type: 'email', required: true, pattern: EMAIL },
  { name: 'phoneIsPreferred', label: 'Phone is the preferred contact method', type: 'checkbox' },
  { name: 'emailIsPreferred', label: 'Email is the preferred contact method', type: 'checkbox' },
  { name: 'current_address.streetAddress1', label: 'Current address, street', required: true },
  { name: 'current_address.streetAddress2', label: 'Current address, line 2' },
  { name: 'current_address.city', label: 'Current address, city', required: true },
  {
    name: 'current_address.state',
    label: 'Current address, state',
    type: 'select',
    options: STATE_LABELS,
    required: true,
  },
  {
    name: 'current_address.postalCode',
    label: 'Current address, ZIP',
    required: true,
    pattern: ZIP,
  },
  { name: 'backup_contact.name', label: 'Backup contact name', required: true },
  {
    name: 'backup_contact.email',
    label: 'Backup contact email',
    type: 'email',
    required: true,
    pattern: EMAIL,
  },
  {
    name: 'backup_contact.phone',
    label: 'Backup contact phone',
    type: 'tel',
    required: true,
    hint: PHONE_HINT,
    pattern: PHONE,
  },
];

const changedIn = (changed: string[], prefix: string) =>
  changed.some((name) => name.startsWith(`${prefix}.`));

/** The customer's contact info from the draft, as updateCustomer needs it. */
export function customerBody(
  base: Customer,
  draft: Values,
  changed: string[],
): UpdateCustomerPayload {
  const body: UpdateCustomerPayload = {
    first_name: draft.first_name,
    last_name: draft.last_name,
    phoneIsPreferred: draft.phoneIsPreferred === 'true',
    emailIsPreferred: draft.emailIsPreferred === 'true',
    // Written on every call, like the names: sent as the customer has it.
    cac_validated: base.cacValidated ?? false,
  };
  // '' clears a middle name or suffix; an alternate phone may be ''.
  for (const name of ['middle_name', 'suffix', 'phone', 'email', 'secondaryTelephone'] as const) {
    if (changed.includes(name)) body[name] = draft[name];
  }
  if (changedIn(changed, 'current_address')) {
    body.current_address = {
      id: base.current_address?.id,
      streetAddress1: draft['current_address.streetAddress1'],
      streetAddress2: draft['current_address.streetAddress2'],
      city: draft['current_address.city'],
      state: draft['current_address.state'] as NonNullable<Customer['current_address']>['state'],
      postalCode: draft['current_address.postalCode'],
    };
  }
  if (changedIn(changed, 'backup_contact')) {
    body.backup_contact = {
      name: draft['backup_contact.name'],
      email: draft['backup_contact.email'],
      phone: draft['backup_contact.phone'],
    };
  }
  return body;
}

export const orderEditFields: EditField[] = [
  {
    name: 'order_type',
    bodyName: 'ordersType',
    label: 'Orders type',
    type: 'select',
    options: ORDERS_TYPE_LABELS,
    required: true,
  },
  {
    name: 'order_type_detail',
    bodyName: 'ordersTypeDetail',
    label: 'Orders type detail',
    type: 'select',
    options: ORDERS_TYPE_DETAIL_LABELS,
    required: true,
  },
  {
    name: 'date_issued',
    bodyName: 'issueDate',
    label: 'Date issued',
    type: 'date',
    required: true,
    hint: DATE_HINT,
  },
  {
    name: 'report_by_date',
    bodyName: 'reportByDate',
    label: 'Report by date',
    type: 'date',
    required: true,
    hint: DATE_HINT,
  },
  { name: 'grade', label: 'Pay grade', type: 'select', options: GRADE_LABELS, required: true },
  {
    name: 'department_indicator',
    bodyName: 'departmentIndicator',
    label: 'Department indicator',
    type: 'select',
    options: DEPT_INDICATOR_LABELS,
    required: true,
  },
  { name: 'order_number', bodyName: 'ordersNumber', label: 'Orders number', required: true },
  {
    name: 'tac',
    label: 'HHG TAC',
    required: true,
    maxLength: 4,
    hint: 'Four letters or digits',
    pattern: { regex: /^.{4}$/u, message: 'must be 4 characters' },
  },
  { name: 'sac', label: 'HHG SAC', maxLength: 80 },
  {
    name: 'ntsTac',
    label: 'NTS TAC',
    maxLength: 4,
    hint: 'Four letters or digits',
    pattern: { regex: /^.{4}$/u, message: 'must be 4 characters' },
  },
  { name: 'ntsSac', label: 'NTS SAC', maxLength: 80 },
];

const ORDER_BODY_NAMES = {
  order_type_detail: 'ordersTypeDetail',
  department_indicator: 'departmentIndicator',
  grade: 'grade',
  order_number: 'ordersNumber',
  tac: 'tac',
  sac: 'sac',
  ntsTac: 'ntsTac',
  ntsSac: 'ntsSac',
} as const;

/**
 * The orders from the draft, as updateOrder needs them: the five required
 * fields on every call (the duty locations, which this form does not edit,
 * from the version the draft is based on) and the fields that changed. An
 * accounting code left empty is sent as null, which clears it: the document
 * takes no '' for an NTS TAC (four characters or null).
 */
export function orderBody(base: Order, draft: Values, changed: string[]): UpdateOrderPayload {
  const body: UpdateOrderPayload = {
    issueDate: isoDateOf(draft.date_issued),
    reportByDate: isoDateOf(draft.report_by_date),
    ordersType: draft.order_type as UpdateOrderPayload['ordersType'],
    originDutyLocationId: base.originDutyLocation?.id ?? '',
    newDutyLocationId: base.destinationDutyLocation?.id ?? '',
  };
  for (const [name, bodyName] of Object.entries(ORDER_BODY_NAMES)) {
    // Only the optional codes can be left empty: the form requires the others.
    if (changed.includes(name)) {
      (body as Record<string, unknown>)[bodyName] = draft[name] === '' ? null : draft[name];
    }
  }
  return body;
}

export const tioRemarksEditFields: EditField[] = [
  { name: 'tioRemarks', label: 'TIO remarks', type: 'textarea', nullable: true },
];
