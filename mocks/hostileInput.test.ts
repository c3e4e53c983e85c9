// @vitest-environment node
// Hostile and malformed requests against every operation the mock plays. Each
// refused one must get the real server's answer for it, in the body shape
// GHC.md gives (F framework, E message, V validation, N no body, T text), and
// leave every record as it was. What the real server accepts (unknown fields,
// `__proto__` keys, zero values of readOnly fields, ids it does not look at)
// must be accepted the same way, with nothing but the write's own change
// stored and nothing polluted. Every write carries the session's CSRF token
// unless its case is about that token, so the other cases reach the check
// they are about instead of stopping at 403.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eTagOf } from './clock';
import { BASE_COOKIE } from './csrf';
import { db, SEED_LOCATORS, type Kind } from './db';
import { setMockProfile, type MockProfile } from './profile';
import {
  client,
  expectFramework,
  expectMessage,
  expectNoBody,
  expectText,
  expectValidation,
  seededMove,
  send,
  type Answer,
} from './testApi';

type Method = 'GET' | 'PATCH' | 'POST';

interface Ids {
  /** RDY4PR: a new move with complete orders, its customer and orders. */
  move: string;
  customer: string;
  order: string;
  /** REQST1 (approvals requested): its new SUBMITTED shipment, the other one, the item waiting. */
  shipment: string;
  otherShipment: string;
  serviceItem: string;
  itemMove: string;
  /** RDY4PR's first shipment: its move is not approved yet. */
  unapprovedShipment: string;
  /** PRIME1's first shipment, approved long ago. */
  approvedShipment: string;
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The seed changed: ${what}`);
  return value;
}

function currentIds(): Ids {
  const submitted = seededMove(SEED_LOCATORS.submitted);
  const requested = seededMove(SEED_LOCATORS.approvalsRequested);
  const prime = seededMove(SEED_LOCATORS.availableToPrime);
  const id = (record: { id?: string } | undefined, what: string) =>
    present(record?.id, `no ${what}`);
  return {
    move: id(submitted.move, 'submitted move'),
    customer: id(submitted.customer, 'customer'),
    order: id(submitted.order, 'orders'),
    shipment: id(
      requested.shipments.find((s) => s.status === 'SUBMITTED'),
      'SUBMITTED shipment of REQST1',
    ),
    otherShipment: id(
      requested.shipments.find((s) => s.status === 'APPROVALS_REQUESTED'),
      'APPROVALS_REQUESTED shipment of REQST1',
    ),
    serviceItem: id(
      requested.serviceItems.find((s) => s.status === 'SUBMITTED'),
      'SUBMITTED service item of REQST1',
    ),
    itemMove: id(requested.move, 'REQST1'),
    unapprovedShipment: id(submitted.shipments[0], 'shipment of RDY4PR'),
    approvedShipment: id(prime.shipments[0], 'shipment of PRIME1'),
  };
}

const eTag = (kind: Kind, id: string) =>
  eTagOf(present(db.find(kind, id), `${kind} ${id}`).updatedAt);

// An eTag no row has: the version of a save in 2020.
const OLD_ETAG = btoa('2020-01-01T00:00:00.123456Z');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const KB100 = 'x'.repeat(100 * 1024);
// Just under the 1 MB the mock takes of a body (limits.ts; the larger ones
// are a 413 before anything reads them, limits.test.ts).
const MB1 = 'y'.repeat(1000 * 1024);

// ---------------------------------------------------------------------------
// The answers, by body shape (GHC.md 1.2).

type Expected =
  | { shape: 'F'; status: number; detail: string | RegExp }
  | { shape: 'E'; status: number; message: string | RegExp }
  | { shape: 'V'; status: number; title: string; detail?: string | RegExp }
  | { shape: 'N'; status: number }
  | { shape: 'T'; status: number; text: string };

const F = (status: number, detail: string | RegExp): Expected => ({ shape: 'F', status, detail });
const E = (status: number, message: string | RegExp): Expected => ({
  shape: 'E',
  status,
  message,
});
const V = (title: string, detail?: string | RegExp): Expected => ({
  shape: 'V',
  status: 422,
  title,
  detail,
});
const N = (status: number): Expected => ({ shape: 'N', status });
const T = (status: number, text: string): Expected => ({ shape: 'T', status, text });

const FRAMEWORK_TITLES: Record<number, string> = {
  400: 'Bad Request',
  415: 'Unsupported Media Type',
  422: 'Validation Error',
  428: 'Precondition Required',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A detail that starts with this text (the rest is the library's wording of the value). */
const startingWith = (text: string) => new RegExp(`^${escape(text)}`);

const preconditionFailed = (id: string) =>
  E(
    412,
    `Precondition failed on update to object with ID: '${id}'. The If-Match header value did not match the eTag for this record.`,
  );
const ifMatchRequired = F(422, 'If-Match in header is required');
const parseFailure = (bodyName: string, because: string | RegExp) =>
  F(
    400,
    typeof because === 'string'
      ? `parsing ${bodyName} body from "" failed, because ${because}`
      : new RegExp(
          `^${escape(`parsing ${bodyName} body from "" failed, because `)}${because.source}`,
        ),
  );
const unmarshal = (bodyName: string, json: string, where: string, goType: string) =>
  parseFailure(bodyName, `json: cannot unmarshal ${json} into ${where} of type ${goType}`);
const timeFailure = (bodyName: string, value: string) =>
  parseFailure(bodyName, new RegExp(escape(`parsing time "${value}"`)));
const notUuidInPath = (name: string) => (raw: string) =>
  F(422, `${name} in path must be of type strfmt.UUID: "${decodeURIComponent(raw)}"`);

function expectAnswer(answer: Answer<unknown>, expected: Expected): void {
  switch (expected.shape) {
    case 'F': {
      const detail = expectFramework(answer, expected.status);
      expect((answer.body as { title: string }).title).toBe(FRAMEWORK_TITLES[expected.status]);
      if (typeof expected.detail === 'string') expect(detail).toBe(expected.detail);
      else expect(detail).toMatch(expected.detail);
      return;
    }
    case 'E': {
      const message = expectMessage(answer, expected.status);
      if (typeof expected.message === 'string') expect(message).toBe(expected.message);
      else expect(message).toMatch(expected.message);
      return;
    }
    case 'V': {
      const body = expectValidation(answer, expected.status);
      expect(body.title).toBe(expected.title);
      if (expected.detail !== undefined) expect(body.detail).toMatch(expected.detail);
      return;
    }
    case 'N':
      expectNoBody(answer, expected.status);
      return;
    case 'T':
      expectText(answer, expected.status, expected.text);
  }
}

// ---------------------------------------------------------------------------
// The requests.

interface Sent {
  method: Method;
  path: string;
  ifMatch?: string;
  /** JSON-encoded unless it is a string, which goes as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Instead of the session's token; null sends none. */
  csrfToken?: string | null;
}

/** The session's masked token, and one that another browser's session was handed. */
interface Tokens {
  session: string;
  other: string;
}

interface Refusal {
  label: string;
  profile: MockProfile;
  request: (ids: Ids, tokens: Tokens) => Sent;
  expected: (ids: Ids) => Expected;
  aboutCsrf?: boolean;
}

interface Acceptance {
  label: string;
  request: (ids: Ids, tokens: Tokens) => Sent;
  /** What the accepted request changed, and what it did not. */
  verify: (ids: Ids, answer: Answer<Record<string, unknown>>) => void;
}

/** A body's JSON text with raw members first: in a literal, `__proto__:` sets the prototype. */
function withRaw(raw: string, fields: object): string {
  const rest = JSON.stringify(fields).slice(1, -1);
  return `{${raw}${rest ? `, ${rest}` : ''}}`;
}
const POLLUTING =
  '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}';

function expectNothingPolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
}

/** The stored row has no key the body smuggled in, and a plain prototype. */
function expectPlainRow(kind: Kind, id: string, ...keys: string[]): void {
  const row = present(db.find(kind, id), `${kind} ${id}`);
  expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  for (const key of ['__proto__', 'constructor', 'polluted', ...keys]) {
    expect(Object.hasOwn(row, key)).toBe(false);
  }
}

// ---------------------------------------------------------------------------
// The writes that take If-Match, and what each refuses.

interface Write {
  name: string;
  method: 'PATCH' | 'POST';
  /** The path, with `id` (when given) in place of the record's id. */
  path: (ids: Ids, id?: string) => string;
  /** The record If-Match is about, which a 412 names. */
  record: (ids: Ids) => { kind: Kind; id: string };
  /** The body param's name and model, as the decoder's messages name them; none for no body. */
  body?: { name: string; model: string; valid: (ids: Ids) => Record<string, unknown> };
  /** The answer to a path id that is no UUID: each operation's own (GHC.md). */
  badId: (raw: string) => Expected;
  /** Bodies this operation refuses, with a current If-Match. */
  invalid: [string, unknown, (ids: Ids) => Expected][];
  /** The same request saves the record again after the version it answers (mymove ghcapi/mto_service_items.go). */
  savedAgain?: true;
}

const customerBase = (ids: Ids) => {
  const { customer } = seededMove(SEED_LOCATORS.submitted);
  if (customer.id !== ids.customer)
    throw new Error('The seed changed: RDY4PR has another customer');
  // What updateCustomer always writes, as the customer has it.
  return {
    first_name: customer.first_name,
    last_name: customer.last_name,
    phoneIsPreferred: customer.phoneIsPreferred ?? false,
    emailIsPreferred: customer.emailIsPreferred ?? false,
    cac_validated: customer.cacValidated ?? false,
  };
};

const orderBase = (ids: Ids) => {
  const orders = present(db.find('order', ids.order), 'orders of RDY4PR');
  // The five fields updateOrder requires.
  return {
    issueDate: orders.issueDate,
    reportByDate: orders.reportByDate,
    ordersType: orders.ordersType,
    originDutyLocationId: orders.originDutyLocationId,
    newDutyLocationId: orders.newDutyLocationId,
  };
};

const taskOrderId = () => N(500);

const WRITES: Write[] = [
  {
    name: 'updateMoveTIORemarks',
    method: 'PATCH',
    path: (ids, id = ids.move) => `/move-task-orders/${id}/tio-remarks`,
    record: (ids) => ({ kind: 'move', id: ids.move }),
    body: { name: 'body', model: 'Move', valid: () => ({ tioRemarks: 'Weighed twice' }) },
    badId: taskOrderId,
    invalid: [
      [
        'remarks as a number',
        { tioRemarks: 42 },
        () => unmarshal('body', 'number', 'Go struct field Move.tioRemarks', 'string'),
      ],
      [
        'remarks as an array',
        { tioRemarks: ['a'] },
        () => unmarshal('body', 'array', 'Go struct field Move.tioRemarks', 'string'),
      ],
      [
        'remarks as an object',
        { tioRemarks: { text: 'a' } },
        () => unmarshal('body', 'object', 'Go struct field Move.tioRemarks', 'string'),
      ],
      [
        'remarks as a boolean',
        { tioRemarks: true },
        () => unmarshal('body', 'bool', 'Go struct field Move.tioRemarks', 'string'),
      ],
      [
        'the readOnly financialReviewFlag set',
        { tioRemarks: 'x', financialReviewFlag: true },
        () => F(422, 'financialReviewFlag in body is readOnly'),
      ],
      [
        'the readOnly financialReviewRemarks set',
        { tioRemarks: 'x', financialReviewRemarks: 'Too far' },
        () => F(422, 'financialReviewRemarks in body is readOnly'),
      ],
      [
        'financialReviewFlag as a string (decoded before any check)',
        { financialReviewFlag: 'yes' },
        () => unmarshal('body', 'string', 'Go struct field Move.financialReviewFlag', 'bool'),
      ],
      [
        'an unknown move status',
        { tioRemarks: 'x', status: 'ON_HOLD' },
        () => F(422, startingWith('status in body should be one of [')),
      ],
      [
        'an id that is no UUID',
        { tioRemarks: 'x', id: 'not-a-uuid' },
        () => F(422, 'id in body must be of type uuid: "not-a-uuid"'),
      ],
      [
        'a date-time that is no date',
        { tioRemarks: 'x', approvedAt: 'yesterday' },
        () => timeFailure('body', 'yesterday'),
      ],
    ],
  },
  {
    name: 'updateMoveTaskOrderStatus',
    method: 'PATCH',
    path: (ids, id = ids.move) => `/move-task-orders/${id}/status`,
    record: (ids) => ({ kind: 'move', id: ids.move }),
    body: {
      name: 'serviceItemCodes',
      model: 'MTOApprovalServiceItemCodes',
      valid: () => ({ serviceCodeMS: true, serviceCodeCS: false }),
    },
    badId: taskOrderId,
    invalid: [
      [
        'a code as a string',
        { serviceCodeMS: 'true' },
        () =>
          unmarshal(
            'serviceItemCodes',
            'string',
            'Go struct field MTOApprovalServiceItemCodes.serviceCodeMS',
            'bool',
          ),
      ],
      [
        'a code as a number',
        { serviceCodeMS: 1 },
        () =>
          unmarshal(
            'serviceItemCodes',
            'number',
            'Go struct field MTOApprovalServiceItemCodes.serviceCodeMS',
            'bool',
          ),
      ],
      [
        'a code as an array',
        { serviceCodeCS: [true] },
        () =>
          unmarshal(
            'serviceItemCodes',
            'array',
            'Go struct field MTOApprovalServiceItemCodes.serviceCodeCS',
            'bool',
          ),
      ],
      [
        'a code as an object',
        { serviceCodeCS: {} },
        () =>
          unmarshal(
            'serviceItemCodes',
            'object',
            'Go struct field MTOApprovalServiceItemCodes.serviceCodeCS',
            'bool',
          ),
      ],
    ],
  },
  {
    name: 'updateCustomer',
    method: 'PATCH',
    path: (ids, id = ids.customer) => `/customer/${id}`,
    record: (ids) => ({ kind: 'customer', id: ids.customer }),
    body: {
      name: 'body',
      model: 'UpdateCustomerPayload',
      valid: (ids) => ({ ...customerBase(ids), phone: '555-123-4567' }),
    },
    badId: notUuidInPath('customerID'),
    invalid: [
      [
        'phone as a number',
        { phone: 5551234567 },
        () => unmarshal('body', 'number', 'Go struct field UpdateCustomerPayload.phone', 'string'),
      ],
      [
        'first_name as an object',
        { first_name: { first: 'A' } },
        () =>
          unmarshal('body', 'object', 'Go struct field UpdateCustomerPayload.first_name', 'string'),
      ],
      [
        'email as an array',
        { email: ['a@b.mil'] },
        () => unmarshal('body', 'array', 'Go struct field UpdateCustomerPayload.email', 'string'),
      ],
      [
        'cac_validated as a string',
        { cac_validated: 'true' },
        () =>
          unmarshal(
            'body',
            'string',
            'Go struct field UpdateCustomerPayload.cac_validated',
            'bool',
          ),
      ],
      [
        'backup_contact as a string',
        { backup_contact: 'mom' },
        () =>
          unmarshal(
            'body',
            'string',
            'Go struct field UpdateCustomerPayload.backup_contact',
            'ghcmessages.BackupContact',
          ),
      ],
      [
        'backup_contact as an array',
        { backup_contact: [] },
        () =>
          unmarshal(
            'body',
            'array',
            'Go struct field UpdateCustomerPayload.backup_contact',
            'ghcmessages.BackupContact',
          ),
      ],
      [
        'phone malformed',
        { phone: '123' },
        () => F(422, String.raw`phone in body should match '^[2-9]\d{2}-\d{3}-\d{4}$'`),
      ],
      [
        'phone of 100 KB',
        { phone: KB100 },
        () => F(422, String.raw`phone in body should match '^[2-9]\d{2}-\d{3}-\d{4}$'`),
      ],
      [
        'email malformed',
        { email: 'not-an-email' },
        () => F(422, startingWith('email in body should match ')),
      ],
      ['email empty', { email: '' }, () => F(422, startingWith('email in body should match '))],
      [
        'email of almost 1 MB',
        { email: MB1 },
        () => F(422, startingWith('email in body should match ')),
      ],
      [
        'secondaryTelephone malformed',
        { secondaryTelephone: '12' },
        () => F(422, startingWith('secondaryTelephone in body should match ')),
      ],
      [
        'backup_contact without email and phone',
        { backup_contact: { name: 'Mom' } },
        () => F(422, 'backup_contact.email in body is required'),
      ],
      [
        'backup_contact with a null name',
        { backup_contact: { name: null, email: 'm@x.mil', phone: '555-123-4567' } },
        () => F(422, 'backup_contact.name in body is required'),
      ],
      [
        'backup_contact with a malformed phone',
        { backup_contact: { name: 'M', email: 'm@x.mil', phone: '123' } },
        () => F(422, startingWith('backup_contact.phone in body should match ')),
      ],
    ],
  },
  {
    name: 'updateOrder',
    method: 'PATCH',
    path: (ids, id = ids.order) => `/orders/${id}`,
    record: (ids) => ({ kind: 'order', id: ids.order }),
    body: { name: 'body', model: 'UpdateOrderPayload', valid: orderBase },
    badId: notUuidInPath('orderID'),
    invalid: [
      [
        'an unknown ordersType',
        { ordersType: 'VACATION' },
        () =>
          F(422, startingWith('ordersType in body should be one of [PERMANENT_CHANGE_OF_STATION ')),
      ],
      [
        'ordersType in lower case',
        { ordersType: 'local_move' },
        () => F(422, startingWith('ordersType in body should be one of [')),
      ],
      [
        'an unknown grade',
        { grade: 'E_10' },
        () => F(422, startingWith('grade in body should be one of [E-1 ')),
      ],
      [
        'grade as a number',
        { grade: 5 },
        () =>
          parseFailure(
            'body',
            new RegExp(
              escape(
                'json: cannot unmarshal number into Go struct field UpdateOrderPayload.grade of type ',
              ),
            ),
          ),
      ],
      [
        'an unknown departmentIndicator',
        { departmentIndicator: 'SPACE_FORCE_ONLY' },
        () => F(422, startingWith('departmentIndicator in body should be one of [')),
      ],
      [
        'departmentIndicator empty (a set pointer is checked)',
        { departmentIndicator: '' },
        () => F(422, startingWith('departmentIndicator in body should be one of [')),
      ],
      [
        'an unknown ordersTypeDetail',
        { ordersTypeDetail: 'NOPE' },
        () => F(422, startingWith('ordersTypeDetail in body should be one of [')),
      ],
      ['issueDate null', { issueDate: null }, () => F(422, 'issueDate in body is required')],
      [
        'issueDate not a day of the calendar',
        { issueDate: '2026-02-30' },
        () => timeFailure('body', '2026-02-30'),
      ],
      ['issueDate not a date', { issueDate: 'soon' }, () => timeFailure('body', 'soon')],
      [
        'issueDate as a number',
        { issueDate: 20260101 },
        () => unmarshal('body', 'number', 'Go struct field UpdateOrderPayload.issueDate', 'string'),
      ],
      [
        'ordersNumber as a number',
        { ordersNumber: 42 },
        () =>
          unmarshal('body', 'number', 'Go struct field UpdateOrderPayload.ordersNumber', 'string'),
      ],
      [
        'dependentsAuthorized as a string',
        { dependentsAuthorized: 'yes' },
        () =>
          unmarshal(
            'body',
            'string',
            'Go struct field UpdateOrderPayload.dependentsAuthorized',
            'bool',
          ),
      ],
      [
        'tac too short',
        { tac: 'ab!' },
        () => F(422, 'tac in body should be at least 4 chars long'),
      ],
      ['tac empty', { tac: '' }, () => F(422, 'tac in body should be at least 4 chars long')],
      ['tac of 100 KB', { tac: KB100 }, () => F(422, 'tac in body should be at most 4 chars long')],
      [
        'a duty location id that is no UUID',
        { originDutyLocationId: 'abc' },
        () => F(422, 'originDutyLocationId in body must be of type uuid: "abc"'),
      ],
      [
        'a SAC longer than 80',
        { sac: 'S'.repeat(81) },
        () => V('Unable to complete request', 'SAC cannot be more than 80 characters'),
      ],
      ['an unknown duty location', { newDutyLocationId: UNKNOWN_ID }, () => N(404)],
    ],
  },
  {
    name: 'approveShipment',
    method: 'POST',
    path: (ids, id = ids.shipment) => `/shipments/${id}/approve`,
    record: (ids) => ({ kind: 'shipment', id: ids.shipment }),
    badId: notUuidInPath('shipmentID'),
    invalid: [],
  },
  {
    name: 'rejectShipment',
    method: 'POST',
    path: (ids, id = ids.shipment) => `/shipments/${id}/reject`,
    record: (ids) => ({ kind: 'shipment', id: ids.shipment }),
    body: {
      name: 'body',
      model: 'RejectShipment',
      valid: () => ({ rejectionReason: 'Duplicate of the first shipment' }),
    },
    badId: notUuidInPath('shipmentID'),
    invalid: [
      // undefined drops the key from the JSON.
      [
        'no reason',
        { rejectionReason: undefined },
        () => F(422, 'rejectionReason in body is required'),
      ],
      [
        'a null reason',
        { rejectionReason: null },
        () => F(422, 'rejectionReason in body is required'),
      ],
      [
        'the reason as a number',
        { rejectionReason: 7 },
        () =>
          unmarshal('body', 'number', 'Go struct field RejectShipment.rejectionReason', 'string'),
      ],
      [
        'the reason as an array',
        { rejectionReason: ['x'] },
        () =>
          unmarshal('body', 'array', 'Go struct field RejectShipment.rejectionReason', 'string'),
      ],
      // The schema takes it; the save refuses a reason blank once trimmed.
      ['an empty reason', { rejectionReason: '' }, () => V('Validation errors', 'RejectShipment')],
      [
        'a blank reason',
        { rejectionReason: '   ' },
        () => V('Validation errors', 'RejectShipment'),
      ],
    ],
  },
  {
    name: 'updateMTOServiceItemStatus',
    method: 'PATCH',
    path: (ids, id = ids.serviceItem) =>
      `/move-task-orders/${ids.itemMove}/service-items/${id}/status`,
    record: (ids) => ({ kind: 'serviceItem', id: ids.serviceItem }),
    // The SIT end date's save of its shipment saves every item of it again.
    savedAgain: true,
    body: {
      name: 'body',
      model: 'PatchMTOServiceItemStatusPayload',
      valid: () => ({ status: 'APPROVED' }),
    },
    badId: () => V('UUID(s) parsing error'),
    invalid: [
      [
        'an unknown status',
        { status: 'MAYBE' },
        () => F(422, 'status in body should be one of [SUBMITTED APPROVED REJECTED]'),
      ],
      [
        'the status in lower case',
        { status: 'approved' },
        () => F(422, 'status in body should be one of [SUBMITTED APPROVED REJECTED]'),
      ],
      [
        'the status as a number',
        { status: 1 },
        () =>
          unmarshal(
            'body',
            'number',
            'Go struct field PatchMTOServiceItemStatusPayload.status',
            'string',
          ),
      ],
      [
        'the reason as a number',
        { status: 'REJECTED', rejectionReason: 5 },
        () =>
          unmarshal(
            'body',
            'number',
            'Go struct field PatchMTOServiceItemStatusPayload.rejectionReason',
            'string',
          ),
      ],
      [
        'REJECTED without a reason',
        { status: 'REJECTED' },
        () => V('Unable to complete request', 'Invalid input found in the request.'),
      ],
      [
        'REJECTED with a null reason',
        { status: 'REJECTED', rejectionReason: null },
        () => V('Unable to complete request', 'Invalid input found in the request.'),
      ],
      ['no status at all', { status: undefined }, () => V('Unable to complete request')],
    ],
  },
];

// If-Match values that are not exactly the record's eTag: in the ghc profile
// each is a 412, since the real server compares the raw header as a string.
// (Leading and trailing spaces and tabs are not among them: HTTP drops them.)
const IF_MATCH_NOT_THE_ETAG: [string, (tag: string) => string][] = [
  ['the eTag quoted, as RFC 9110 writes it', (t) => `"${t}"`],
  ['a weak tag', (t) => `W/"${t}"`],
  ['a lower-case weak prefix', (t) => `w/"${t}"`],
  ['a bare weak tag', (t) => `W/${t}`],
  ['*', () => '*'],
  ['"*" quoted', () => '"*"'],
  ['a list holding the eTag', (t) => `${t}, ${t}`],
  ['a quoted list holding the eTag', (t) => `"${OLD_ETAG}", "${t}"`],
  ['two tags without a comma', (t) => `${t} ${t}`],
  ['an unterminated quote', (t) => `"${t}`],
  ['a trailing quote', (t) => `${t}"`],
  ['junk after the tag', (t) => `${t}x`],
  ['single quotes', (t) => `'${t}'`],
  ['the eTag in upper case', (t) => t.toUpperCase()],
  ['the eTag in lower case', (t) => t.toLowerCase()],
  ['the eTag cut short', (t) => t.slice(0, -2)],
  ['the eTag with padding added', (t) => `${t}=`],
  ['the decoded timestamp', (t) => atob(t)],
  ['an older version', () => OLD_ETAG],
  ['a no-break space before the tag', (t) => `\u00a0${t}`],
  ['a vertical tab before the tag', (t) => `\v${t}`],
  ['a form feed after the tag', (t) => `${t}\f`],
  ['a control character inside', (t) => `${t}\x01`],
  [
    'a very long list of wrong tags',
    () => Array.from({ length: 5000 }, (_, i) => `t${i}`).join(', '),
  ],
  ['a 100 KB tag', () => KB100],
];

// The old RFC 9110 cases, for the rfc9110 profile: none names the version.
const IF_MATCH_RFC_MALFORMED: [string, (tag: string) => string][] = [
  ['a weak tag', (t) => `W/"${t}"`],
  ['a lower-case weak prefix', (t) => `w/"${t}"`],
  ['a bare weak tag', (t) => `W/${t}`],
  ['an unterminated quote', (t) => `"${t}`],
  ['a trailing quote only', (t) => `${t}"`],
  ['junk after the tag', (t) => `"${t}"x`],
  ['two tags without a comma', (t) => `"old" "${t}"`],
  ['single quotes', (t) => `'${t}'`],
  ['* inside a list', (t) => `"${t}", *`],
  ['a bare list', (t) => `${t}, ${t}`],
  ['the tag with a space inside its quotes', (t) => `"${t} "`],
  ['the tag in upper case', (t) => `"${t.toUpperCase()}"`],
  ['the tag cut short', (t) => `"${t.slice(0, -2)}"`],
  ['the decoded timestamp', (t) => `"${atob(t)}"`],
  ['the tag quoted twice', (t) => `""${t}""`],
  ['an empty quoted tag', () => '""'],
  ['"*" quoted', () => '"*"'],
  ['only commas', () => ', ,'],
  ['a vertical tab before the tag', (t) => `\v"${t}"`],
  ['a no-break space before the tag', (t) => `\u00a0"${t}"`],
  ['a form feed after the bare tag', (t) => `${t}\f`],
  ['a control character inside', (t) => `"${t}\x01"`],
  [
    'a very long list of wrong tags',
    () => Array.from({ length: 5000 }, (_, i) => `"t${i}"`).join(', '),
  ],
  ['a 100 KB tag', () => `"${KB100}"`],
];

// If-Match values the framework counts as missing ('' once HTTP trims the blanks).
const NO_IF_MATCH: [string, string | undefined][] = [
  ['no If-Match', undefined],
  ['an empty If-Match', ''],
  ['a blank If-Match', ' \t '],
];

/** Bodies that are not the model's JSON object, with the decoder's answer. */
function notAnObject(bodyName: string, model: string): [string, string, Expected][] {
  const into = (json: string) => unmarshal(bodyName, json, 'Go value', `ghcmessages.${model}`);
  return [
    ['an array', '[]', into('array')],
    ['an array holding an object', '[{"tioRemarks":"x"}]', into('array')],
    ['a number', '42', into('number')],
    ['a string', '"tioRemarks"', into('string')],
    ['true', 'true', into('bool')],
    ['truncated JSON', '{"tioRemarks": "x"', parseFailure(bodyName, 'unexpected EOF')],
    ['form-encoded text sent as JSON', 'tioRemarks=x', parseFailure(bodyName, /./)],
    ['a deeply nested array', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, into('array')],
    ['an almost 1 MB string', JSON.stringify(MB1), into('string')],
    ['an empty body', '', F(422, `${bodyName} in body is required`)],
  ];
}

// X-CSRF-Token values (and cookies) that are not the session's, on an
// otherwise valid write: each is a 403 text answer.
const NOT_FOUND = 'Forbidden - CSRF token not found in request';
const INVALID = 'Forbidden - CSRF token invalid';
const BAD_CSRF: [string, (tokens: Tokens) => Pick<Sent, 'csrfToken' | 'headers'>, string][] = [
  ['no X-CSRF-Token', () => ({ csrfToken: null }), NOT_FOUND],
  ['an empty X-CSRF-Token', () => ({ csrfToken: '' }), NOT_FOUND],
  ['a made-up X-CSRF-Token', () => ({ csrfToken: 'forged' }), INVALID],
  [
    'the token with one character changed',
    ({ session }) => ({
      csrfToken: `${session.slice(0, 10)}${session[10] === 'A' ? 'B' : 'A'}${session.slice(11)}`,
    }),
    INVALID,
  ],
  ['the token cut short', ({ session }) => ({ csrfToken: session.slice(0, 44) }), INVALID],
  ['the token twice', ({ session }) => ({ csrfToken: `${session}, ${session}` }), INVALID],
  [
    'the cookie pair instead of its value',
    ({ session }) => ({ csrfToken: `masked_gorilla_csrf=${session}` }),
    INVALID,
  ],
  ["another session's token", ({ other }) => ({ csrfToken: other }), INVALID],
  ['a 100 KB token', () => ({ csrfToken: KB100 }), INVALID],
  [
    'a forged base cookie',
    ({ session }) => ({
      csrfToken: session,
      headers: { Cookie: `${BASE_COOKIE}=forged; masked_gorilla_csrf=${session}` },
    }),
    INVALID,
  ],
  // msw/node keeps one cookie jar for the whole process and adds its cookies
  // to any request that lacks them, so a request without a base cookie cannot
  // be sent from here; an empty one takes the same path (no valid base cookie).
  [
    'an empty base cookie',
    ({ session }) => ({
      csrfToken: session,
      headers: { Cookie: `${BASE_COOKIE}=; masked_gorilla_csrf=${session}` },
    }),
    INVALID,
  ],
];

// Path ids that are no UUID. (32 hex digits without dashes and the braced
// form are left out: UUID parsers disagree on them.) The mock takes
// '..%2F..%2Fetc' as one id; a Go router might clean the path first.
const BAD_IDS = [
  'not-a-uuid',
  '123',
  'constructor',
  '__proto__',
  'toString',
  'null',
  'undefined',
  '00000000-0000-4000-8000-00000000000g',
  '00000000-0000-4000-8000-0000000000001',
  "' OR 1=1 --",
  '%00',
  '%20',
  '..%2F..%2Fetc',
  'x'.repeat(10_000),
];

const refusals: Refusal[] = [];

for (const write of WRITES) {
  const { name, method, path, record, body } = write;
  const current = (ids: Ids) => eTag(record(ids).kind, record(ids).id);
  const validBody = (ids: Ids) => body?.valid(ids);
  const stale = (ids: Ids) => preconditionFailed(record(ids).id);
  const add = (label: string, request: Refusal['request'], expected: Refusal['expected']) =>
    refusals.push({ label: `${name}: ${label}`, profile: 'ghc', request, expected });

  for (const [label, make] of IF_MATCH_NOT_THE_ETAG) {
    add(
      `If-Match ${label}`,
      (ids) => ({ method, path: path(ids), ifMatch: make(current(ids)), body: validBody(ids) }),
      stale,
    );
  }
  for (const [label, ifMatch] of NO_IF_MATCH) {
    add(
      label,
      (ids) => ({ method, path: path(ids), ifMatch, body: validBody(ids) }),
      () => ifMatchRequired,
    );
  }
  // If-Match is bound first, before the body is read.
  add(
    'no If-Match and a malformed body',
    (ids) => ({ method, path: path(ids), body: '{not json' }),
    () => ifMatchRequired,
  );
  add(
    'a stale If-Match with __proto__ and constructor keys in the body',
    (ids) => ({
      method,
      path: path(ids),
      ifMatch: OLD_ETAG,
      body: withRaw(POLLUTING, validBody(ids) ?? {}),
    }),
    stale,
  );
  // The record is looked up before its eTag is compared.
  add(
    'an unknown id with a stale If-Match',
    (ids) => ({ method, path: path(ids, UNKNOWN_ID), ifMatch: OLD_ETAG, body: validBody(ids) }),
    () => N(404),
  );
  for (const bad of BAD_IDS) {
    add(
      `path id ${bad.slice(0, 40)}`,
      (ids) => ({ method, path: path(ids, bad), ifMatch: current(ids), body: validBody(ids) }),
      () => write.badId(bad),
    );
  }
  // The content type is looked at before any parameter, If-Match included.
  add(
    'a text/plain body without If-Match',
    (ids) => ({
      method,
      path: path(ids),
      body: JSON.stringify(validBody(ids) ?? {}),
      headers: { 'Content-Type': 'text/plain' },
    }),
    () => F(415, 'unsupported media type "text/plain", only [application/json] are allowed'),
  );
  add(
    'a form-encoded body',
    (ids) => ({
      method,
      path: path(ids),
      ifMatch: current(ids),
      body: 'tioRemarks=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    () =>
      F(
        415,
        'unsupported media type "application/x-www-form-urlencoded", only [application/json] are allowed',
      ),
  );
  if (body) {
    for (const [label, text, expected] of notAnObject(body.name, body.model)) {
      add(
        `body ${label}`,
        (ids) => ({ method, path: path(ids), ifMatch: current(ids), body: text }),
        () => expected,
      );
    }
  }
  for (const [label, sent, expected] of write.invalid) {
    add(
      label,
      (ids) => ({
        method,
        path: path(ids),
        ifMatch: current(ids),
        body: { ...validBody(ids), ...(sent as object) },
      }),
      expected,
    );
  }
  for (const [label, csrf, text] of BAD_CSRF) {
    refusals.push({
      label: `${name}: ${label}`,
      profile: 'ghc',
      aboutCsrf: true,
      request: (ids, tokens) => ({
        method,
        path: path(ids),
        ifMatch: current(ids),
        body: validBody(ids),
        ...csrf(tokens),
      }),
      expected: () => T(403, text),
    });
  }
  // RFC 9110's reading of the same writes: the old malformed cases, and 428 for none.
  for (const [label, make] of IF_MATCH_RFC_MALFORMED) {
    refusals.push({
      label: `rfc9110 ${name}: If-Match ${label}`,
      profile: 'rfc9110',
      request: (ids) => ({
        method,
        path: path(ids),
        ifMatch: make(current(ids)),
        body: validBody(ids),
      }),
      expected: stale,
    });
  }
  for (const [label, ifMatch] of NO_IF_MATCH) {
    refusals.push({
      label: `rfc9110 ${name}: ${label}`,
      profile: 'rfc9110',
      request: (ids) => ({ method, path: path(ids), ifMatch, body: validBody(ids) }),
      expected: () => F(428, 'If-Match in header is required'),
    });
  }
}

// approveShipments: no If-Match; each item's eTag is compared with its shipment, in order.
{
  const path = '/shipments/approve';
  const batch = (...items: unknown[]) => ({ approveShipments: items });
  const item = (ids: Ids, tag = eTag('shipment', ids.shipment)) => ({
    shipmentID: ids.shipment,
    eTag: tag,
  });
  const add = (label: string, body: (ids: Ids) => unknown, expected: Refusal['expected']) =>
    refusals.push({
      label: `approveShipments: ${label}`,
      profile: 'ghc',
      request: (ids) => ({ method: 'POST', path, body: body(ids) }),
      expected,
    });
  const stale = (ids: Ids) => preconditionFailed(ids.shipment);

  for (const [label, make] of IF_MATCH_NOT_THE_ETAG) {
    add(
      `an item's eTag ${label}`,
      (ids) => batch(item(ids, make(eTag('shipment', ids.shipment)))),
      stale,
    );
  }
  add('an empty eTag (the schema lets it through)', (ids) => batch(item(ids, '')), stale);
  add(
    'the second item stale: the first is not approved either',
    (ids) => batch(item(ids), { shipmentID: ids.otherShipment, eTag: OLD_ETAG }),
    (ids) => preconditionFailed(ids.otherShipment),
  );
  // The first approval saved the shipment: the second sees a new eTag.
  add('the same shipment twice', (ids) => batch(item(ids), item(ids)), stale);
  add(
    'an item without eTag',
    (ids) => batch({ shipmentID: ids.shipment }),
    () => F(422, 'approveShipments.0.eTag in body is required'),
  );
  add(
    'an item with a null eTag',
    (ids) => batch({ shipmentID: ids.shipment, eTag: null }),
    () => F(422, 'approveShipments.0.eTag in body is required'),
  );
  add(
    'an item without shipmentID',
    (ids) => batch({ eTag: eTag('shipment', ids.shipment) }),
    () => F(422, 'approveShipments.0.shipmentID in body is required'),
  );
  for (const bad of BAD_IDS) {
    add(
      `shipmentID ${bad.slice(0, 40)}`,
      (ids) => batch({ shipmentID: bad, eTag: eTag('shipment', ids.shipment) }),
      () => F(422, `approveShipments.0.shipmentID in body must be of type uuid: "${bad}"`),
    );
  }
  add(
    'an unknown shipment',
    () => batch({ shipmentID: UNKNOWN_ID, eTag: OLD_ETAG }),
    () => E(404, `ID: ${UNKNOWN_ID} not found while looking for shipment`),
  );
  add(
    'a shipment whose move is not approved',
    (ids) =>
      batch({ shipmentID: ids.unapprovedShipment, eTag: eTag('shipment', ids.unapprovedShipment) }),
    (ids) =>
      E(
        409,
        startingWith(
          `ID: ${ids.move} is in a conflicting state Cannot approve a shipment if the move status isn't APPROVED or APPROVALS REQUESTED`,
        ),
      ),
  );
  add(
    'a shipment approved long ago',
    (ids) =>
      batch({ shipmentID: ids.approvedShipment, eTag: eTag('shipment', ids.approvedShipment) }),
    (ids) =>
      E(
        409,
        `Shipment with id '${ids.approvedShipment}' can only transition to status 'APPROVED' from ["SUBMITTED" "DIVERSION_REQUESTED" "APPROVALS_REQUESTED"], but its current status is 'APPROVED'`,
      ),
  );
  add(
    'an eTag as a number',
    (ids) => batch({ shipmentID: ids.shipment, eTag: 42 }),
    () =>
      parseFailure(
        'body',
        /json: cannot unmarshal number into Go struct field ApproveShipments\.approveShipments/,
      ),
  );
  add(
    'the list as an object',
    (ids) => ({ approveShipments: item(ids) }),
    () =>
      parseFailure(
        'body',
        /json: cannot unmarshal object into Go struct field ApproveShipments\.approveShipments of type /,
      ),
  );
  add(
    'no list',
    () => ({}),
    () => F(422, 'approveShipments in body is required'),
  );
  add(
    'a null list',
    () => ({ approveShipments: null }),
    () => F(422, 'approveShipments in body is required'),
  );
  add(
    'an empty list',
    () => batch(),
    () =>
      V(
        'Empty body error',
        'Data received from requester is bad: BAD_DATA: The MTO Shipment request body cannot be empty.',
      ),
  );
  for (const [label, text, expected] of notAnObject('body', 'ApproveShipments')) {
    add(
      `body ${label}`,
      () => text,
      () => expected,
    );
  }
  for (const [label, csrf, text] of BAD_CSRF) {
    refusals.push({
      label: `approveShipments: ${label}`,
      profile: 'ghc',
      aboutCsrf: true,
      request: (ids, tokens) => ({ method: 'POST', path, body: batch(item(ids)), ...csrf(tokens) }),
      expected: () => T(403, text),
    });
  }
}

// The reads, with path ids each operation refuses its own way.
const READS: [string, (id: string) => string, (raw: string) => Expected][] = [
  ['getMove', (id) => `/move/${id}`, () => N(404)],
  ['getMoveTaskOrder', (id) => `/move-task-orders/${id}`, taskOrderId],
  ['getCustomer', (id) => `/customer/${id}`, notUuidInPath('customerID')],
  ['getOrder', (id) => `/orders/${id}`, notUuidInPath('orderID')],
  [
    'listMTOShipments',
    (id) => `/move_task_orders/${id}/mto_shipments`,
    notUuidInPath('moveTaskOrderID'),
  ],
  [
    'listMTOServiceItems',
    (id) => `/move_task_orders/${id}/mto_service_items`,
    notUuidInPath('moveTaskOrderID'),
  ],
];
for (const [name, path, answer] of READS) {
  for (const bad of BAD_IDS) {
    refusals.push({
      label: `${name}: path id ${bad.slice(0, 40)}`,
      profile: 'ghc',
      request: () => ({ method: 'GET', path: path(bad) }),
      expected: () => answer(bad),
    });
  }
}
const UNKNOWN_READS: [string, string, Expected][] = [
  ['getMove: an unknown locator', '/move/NOSUCH', N(404)],
  // The lookup is `locator = $1`: exact.
  ['getMove: the locator in lower case', `/move/${SEED_LOCATORS.submitted.toLowerCase()}`, N(404)],
  ['getMoveTaskOrder: an unknown id', `/move-task-orders/${UNKNOWN_ID}`, N(404)],
  ['getCustomer: an unknown id', `/customer/${UNKNOWN_ID}`, N(404)],
  ['getOrder: an unknown id', `/orders/${UNKNOWN_ID}`, N(404)],
  [
    'listMTOShipments: an unknown move',
    `/move_task_orders/${UNKNOWN_ID}/mto_shipments`,
    E(404, `ID: ${UNKNOWN_ID} not found move not found`),
  ],
  [
    'listMTOServiceItems: an unknown move',
    `/move_task_orders/${UNKNOWN_ID}/mto_service_items`,
    N(404),
  ],
];
const QUEUE_STATUSES = '[SUBMITTED SERVICE COUNSELING COMPLETED APPROVALS REQUESTED]';
const BAD_QUEUE_QUERIES: [string, string, Expected][] = [
  ['a page that is no integer', 'page=x', F(422, 'page in query must be of type int64: "x"')],
  ['a fractional perPage', 'perPage=1.5', F(422, 'perPage in query must be of type int64: "1.5"')],
  [
    'an unknown sort key',
    'sort=bogus',
    F(422, startingWith('sort in query should be one of [customerName ')),
  ],
  // The office UI's lock column is sortable, but no sort key of the server's.
  [
    'the lock column as sort key',
    'sort=lock',
    F(422, startingWith('sort in query should be one of [')),
  ],
  ['an unknown order', 'order=sideways', F(422, 'order in query should be one of [asc desc]')],
  [
    'an unknown status',
    'status=BOGUS',
    F(422, `status.0 in query should be one of ${QUEUE_STATUSES}`),
  ],
  [
    'a status outside the queue',
    `status=${encodeURIComponent('SUBMITTED,DRAFT')}`,
    F(422, `status.1 in query should be one of ${QUEUE_STATUSES}`),
  ],
  [
    'a status twice',
    `status=${encodeURIComponent('SUBMITTED,SUBMITTED')}`,
    F(422, "status in query shouldn't contain duplicates"),
  ],
  [
    'a date-time that is no date',
    'appearedInTooAt=yesterday',
    F(422, 'appearedInTooAt in query must be of type strfmt.DateTime: "yesterday"'),
  ],
];
for (const [label, path, expected] of UNKNOWN_READS) {
  refusals.push({
    label,
    profile: 'ghc',
    request: () => ({ method: 'GET', path }),
    expected: () => expected,
  });
}
for (const [label, query, expected] of BAD_QUEUE_QUERIES) {
  refusals.push({
    label: `getMovesQueue: ${label}`,
    profile: 'ghc',
    request: () => ({ method: 'GET', path: `/queues/moves?${query}` }),
    expected: () => expected,
  });
}

// ---------------------------------------------------------------------------
// What the real server accepts, and how.

const moveRow = (ids: Ids) => present(db.find('move', ids.move), 'RDY4PR');

const acceptances: Acceptance[] = [];
for (const write of WRITES) {
  const { name, method, path, record, body, savedAgain } = write;
  const current = (ids: Ids) => eTag(record(ids).kind, record(ids).id);
  acceptances.push({
    label: `${name}: the valid request the refusals vary`,
    request: (ids) => ({ method, path: path(ids), ifMatch: current(ids), body: body?.valid(ids) }),
    verify: (ids, answer) =>
      savedAgain
        ? expect(answer.body.eTag).not.toBe(current(ids))
        : expect(answer.body.eTag).toBe(current(ids)),
  });
  acceptances.push({
    label: `${name}: __proto__ and constructor keys are ignored`,
    request: (ids) => ({
      method,
      path: path(ids),
      ifMatch: current(ids),
      body: withRaw(POLLUTING, body?.valid(ids) ?? {}),
    }),
    verify: (ids, answer) => {
      expect(Object.hasOwn(answer.body, 'polluted')).toBe(false);
      expectPlainRow(record(ids).kind, record(ids).id);
    },
  });
}
acceptances.push(
  {
    label: 'updateMoveTIORemarks: an unknown field is ignored, not stored',
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/tio-remarks`,
      ifMatch: eTag('move', ids.move),
      body: { tioRemarks: 'Weighed twice', remarks: 'Not a field' },
    }),
    verify: (ids, answer) => {
      expect(moveRow(ids).tioRemarks).toBe('Weighed twice');
      expect(answer.body).not.toHaveProperty('remarks');
      expectPlainRow('move', ids.move, 'remarks');
    },
  },
  {
    label: "updateMoveTIORemarks: the Move model's server-owned fields are not applied",
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/tio-remarks`,
      ifMatch: eTag('move', ids.move),
      body: {
        tioRemarks: 'Weighed twice',
        id: UNKNOWN_ID,
        locator: 'HACKED',
        status: 'APPROVED',
        availableToPrimeAt: '2020-01-01T00:00:00.000Z',
        eTag: OLD_ETAG,
        // A readOnly field at its zero value passes the check.
        financialReviewFlag: false,
      },
    }),
    verify: (ids, answer) => {
      expect(answer.body).toMatchObject({
        id: ids.move,
        locator: SEED_LOCATORS.submitted,
        status: 'SUBMITTED',
        tioRemarks: 'Weighed twice',
        eTag: eTag('move', ids.move),
      });
      expect(answer.body).not.toHaveProperty('availableToPrimeAt');
      expect(moveRow(ids).availableToPrimeAt).toBeNull();
    },
  },
  ...[
    ['100 KB', KB100],
    ['almost 1 MB', MB1],
  ].map(([size, text]): Acceptance => ({
    // The document sets no limit on the remarks.
    label: `updateMoveTIORemarks: ${size} of remarks are stored as sent`,
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/tio-remarks`,
      ifMatch: eTag('move', ids.move),
      body: { tioRemarks: text },
    }),
    verify: (ids) => expect(moveRow(ids).tioRemarks).toBe(text),
  })),
  {
    label: 'updateMoveTIORemarks: null remarks clear them (the field is nullable)',
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/tio-remarks`,
      ifMatch: eTag('move', ids.move),
      body: { tioRemarks: null },
    }),
    verify: (ids, answer) => {
      expect(answer.body).not.toHaveProperty('tioRemarks');
      expect(moveRow(ids).tioRemarks).toBeNull();
    },
  },
  {
    label: 'updateMoveTaskOrderStatus: a status in the body is not looked at',
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/status`,
      ifMatch: eTag('move', ids.move),
      body: { serviceCodeMS: true, status: 'CANCELED', availableToPrimeAt: '2020-01-01T00:00:00Z' },
    }),
    verify: (ids, answer) => {
      expect(answer.body.status).toBe('APPROVED');
      expect(moveRow(ids).availableToPrimeAt).toBeNull();
    },
  },
  {
    label: 'updateMoveTaskOrderStatus: a null code means false',
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.move}/status`,
      ifMatch: eTag('move', ids.move),
      body: { serviceCodeMS: true, serviceCodeCS: null },
    }),
    verify: (ids) => {
      const codes = db.serviceItemsOf(ids.move).map((item) => item.reServiceCode);
      expect(codes).toEqual(['MS']);
    },
  },
  {
    label: 'updateCustomer: fields it does not take (edipi, userID, admin) are ignored',
    request: (ids) => ({
      method: 'PATCH',
      path: `/customer/${ids.customer}`,
      ifMatch: eTag('customer', ids.customer),
      body: { ...customerBase(ids), edipi: '1234567890', userID: UNKNOWN_ID, admin: true },
    }),
    verify: (ids, answer) => {
      const before = seededMove(SEED_LOCATORS.submitted).rows.customer;
      expect(answer.body.edipi).toBe(before.edipi);
      expect(answer.body.userID).toBe(before.userId);
      expectPlainRow('customer', ids.customer, 'admin', 'userID');
    },
  },
  {
    label: 'updateCustomer: a null phone is not written',
    request: (ids) => ({
      method: 'PATCH',
      path: `/customer/${ids.customer}`,
      ifMatch: eTag('customer', ids.customer),
      body: { ...customerBase(ids), phone: null, backup_contact: null },
    }),
    verify: (ids, answer) => {
      const stored = present(db.find('customer', ids.customer), 'customer');
      expect(stored.phone).not.toBeNull();
      expect(answer.body.phone).toBe(stored.phone);
      expect(stored.backupContact).not.toBeNull();
    },
  },
  {
    label: 'updateOrder: what the Orders page sends beside the model (proGearWeight...) is ignored',
    request: (ids) => ({
      method: 'PATCH',
      path: `/orders/${ids.order}`,
      ifMatch: eTag('order', ids.order),
      body: {
        ...orderBase(ids),
        proGearWeight: 2000,
        agency: 'NAVY',
        payGrade: 'E_5',
        customerID: UNKNOWN_ID,
        moveCode: 'HACKED',
      },
    }),
    verify: (ids, answer) => {
      expect(answer.body).toMatchObject({
        customerID: ids.customer,
        moveCode: SEED_LOCATORS.submitted,
      });
      expect(answer.body).not.toHaveProperty('proGearWeight');
      expectPlainRow('order', ids.order, 'proGearWeight', 'payGrade', 'agency', 'moveCode');
    },
  },
  {
    label: 'updateOrder: null TAC and orders number are not written',
    request: (ids) => ({
      method: 'PATCH',
      path: `/orders/${ids.order}`,
      ifMatch: eTag('order', ids.order),
      body: { ...orderBase(ids), tac: null, ordersNumber: null, departmentIndicator: null },
    }),
    verify: (ids) => {
      const before = seededMove(SEED_LOCATORS.submitted).rows.order;
      const stored = present(db.find('order', ids.order), 'orders');
      expect(stored.tac).toBe(before.tac);
      expect(stored.ordersNumber).not.toBeNull();
      expect(stored.departmentIndicator).not.toBeNull();
    },
  },
  {
    label: 'rejectShipment: a status in the body is ignored',
    request: (ids) => ({
      method: 'POST',
      path: `/shipments/${ids.shipment}/reject`,
      ifMatch: eTag('shipment', ids.shipment),
      body: { rejectionReason: 'Duplicate', status: 'APPROVED' },
    }),
    verify: (ids) => {
      expect(db.find('shipment', ids.shipment)).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Duplicate',
      });
    },
  },
  {
    label: 'rejectShipment: a 100 KB reason is stored as sent',
    request: (ids) => ({
      method: 'POST',
      path: `/shipments/${ids.shipment}/reject`,
      ifMatch: eTag('shipment', ids.shipment),
      body: { rejectionReason: KB100 },
    }),
    verify: (ids) => expect(db.find('shipment', ids.shipment)?.rejectionReason).toBe(KB100),
  },
  ...['not-a-uuid', UNKNOWN_ID].map((moveTaskOrderID): Acceptance => ({
    label: `updateMTOServiceItemStatus: the path's move id (${moveTaskOrderID}) is not looked at`,
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${moveTaskOrderID}/service-items/${ids.serviceItem}/status`,
      ifMatch: eTag('serviceItem', ids.serviceItem),
      body: { status: 'APPROVED' },
    }),
    verify: (ids) => expect(db.find('serviceItem', ids.serviceItem)?.status).toBe('APPROVED'),
  })),
  {
    label: 'updateMTOServiceItemStatus: fields it does not take are ignored',
    request: (ids) => ({
      method: 'PATCH',
      path: `/move-task-orders/${ids.itemMove}/service-items/${ids.serviceItem}/status`,
      ifMatch: eTag('serviceItem', ids.serviceItem),
      body: { status: 'APPROVED', reServiceCode: 'XX', mtoShipmentID: UNKNOWN_ID },
    }),
    verify: (ids) => {
      const before = seededMove(SEED_LOCATORS.approvalsRequested).rows.serviceItems.find(
        (item) => item.id === ids.serviceItem,
      );
      expect(db.find('serviceItem', ids.serviceItem)).toMatchObject({
        status: 'APPROVED',
        reServiceCode: before?.reServiceCode,
        shipmentId: before?.shipmentId,
      });
    },
  },
  ...['{not json', withRaw(POLLUTING, { status: 'REJECTED' })].map((text): Acceptance => ({
    // The operation has no body parameter: a body is never read.
    label: `approveShipment: a body it does not take is not read (${text.slice(0, 12)}...)`,
    request: (ids) => ({
      method: 'POST',
      path: `/shipments/${ids.shipment}/approve`,
      ifMatch: eTag('shipment', ids.shipment),
      body: text,
    }),
    verify: (ids) => expect(db.find('shipment', ids.shipment)?.status).toBe('APPROVED'),
  })),
  {
    label: 'approveShipments: the valid batch, with fields it does not take',
    request: (ids) => ({
      method: 'POST',
      path: '/shipments/approve',
      body: withRaw(POLLUTING, {
        approveShipments: [
          { shipmentID: ids.shipment, eTag: eTag('shipment', ids.shipment), status: 'REJECTED' },
        ],
        force: true,
      }),
    }),
    verify: (ids, answer) => {
      expect(answer.body).toEqual([
        expect.objectContaining({ id: ids.shipment, status: 'APPROVED' }),
      ]);
      expectPlainRow('shipment', ids.shipment, 'force');
    },
  },
);

// A read is not checked for CSRF (GET is a safe method): whatever token it
// carries, it is answered, and hands out a fresh masked cookie.
const READ_PATHS: [string, (ids: Ids) => string][] = [
  ['getMovesQueue', () => '/queues/moves?sort=status&order=desc'],
  ['getMove', () => `/move/${SEED_LOCATORS.submitted}`],
  ['getMoveTaskOrder', (ids) => `/move-task-orders/${ids.move}`],
  ['getCustomer', (ids) => `/customer/${ids.customer}`],
  ['getOrder', (ids) => `/orders/${ids.order}`],
  ['listMTOShipments', (ids) => `/move_task_orders/${ids.move}/mto_shipments`],
  ['listMTOServiceItems', (ids) => `/move_task_orders/${ids.move}/mto_service_items`],
];
for (const [name, path] of READ_PATHS) {
  for (const [label, csrf] of BAD_CSRF) {
    acceptances.push({
      label: `${name}: ${label} (a read is not checked)`,
      request: (ids, tokens) => ({ method: 'GET', path: path(ids), ...csrf(tokens) }),
      verify: (_, answer) => {
        expect(
          answer.headers.getSetCookie().some((c) => c.startsWith('masked_gorilla_csrf=')),
        ).toBe(true);
      },
    });
  }
}

// ---------------------------------------------------------------------------

const tally = {
  requests: 0,
  refusedByStatus: new Map<number, number>(),
  csrfRefusals: 0,
  accepted: 0,
};
const expectedByStatus = new Map<number, number>();
for (const refusal of refusals) {
  // The expected status does not depend on the ids: any seed's will do for counting.
  const { status } = refusal.expected(placeholderIds());
  expectedByStatus.set(status, (expectedByStatus.get(status) ?? 0) + 1);
}

function placeholderIds(): Ids {
  return {
    move: UNKNOWN_ID,
    customer: UNKNOWN_ID,
    order: UNKNOWN_ID,
    shipment: UNKNOWN_ID,
    otherShipment: UNKNOWN_ID,
    serviceItem: UNKNOWN_ID,
    itemMove: UNKNOWN_ID,
    unapprovedShipment: UNKNOWN_ID,
    approvedShipment: UNKNOWN_ID,
  };
}

async function sendCase(sent: Sent): Promise<Answer<Record<string, unknown>>> {
  tally.requests += 1;
  return send(sent.method, sent.path, {
    ifMatch: sent.ifMatch,
    body: sent.body,
    headers: sent.headers,
    csrfToken: sent.csrfToken,
  });
}

/** A fresh session: a base cookie the server mints for it, whatever msw/node's shared jar holds. */
async function freshSession(of: ReturnType<typeof client>): Promise<string> {
  await of('GET', '/queues/moves?perPage=1', { headers: { Cookie: `${BASE_COOKIE}=none` } });
  if (!of.cookie(BASE_COOKIE)) throw new Error('The mock minted no base cookie');
  return of.csrfToken();
}

async function tokens(): Promise<Tokens> {
  const session = await freshSession(send);
  // Another browser: its own base cookie, so its masked token unmasks to another token.
  const other = await freshSession(client());
  return { session, other };
}

const counts = (byStatus: Map<number, number>) =>
  [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');

describe('hostile input: the real server answer, never a change it would not make', () => {
  afterEach(() => {
    setMockProfile('ghc');
  });

  afterAll(() => {
    console.log(
      `Hostile input: ${tally.requests} requests; ${refusals.length} refused (${counts(tally.refusedByStatus)}), ` +
        `no record changed by any of them, nothing polluted; only the ${tally.csrfRefusals} about the CSRF ` +
        `token got 403; ${tally.accepted} accepted as the real server accepts them (ignored fields not stored)`,
    );
    // Every case was answered as expected: the tallies match what the cases call for.
    expect(tally.refusedByStatus).toEqual(expectedByStatus);
    expect(tally.accepted).toBe(acceptances.length);
  });

  it('has many cases, of every kind', () => {
    expect(refusals.length).toBeGreaterThan(700);
    expect(acceptances.length).toBeGreaterThan(80);
    expect([...expectedByStatus.keys()].sort()).toEqual([
      400, 403, 404, 409, 412, 415, 422, 428, 500,
    ]);
  });

  it.each(refusals.map((refusal) => [refusal.label, refusal] as const))(
    'refuses %s',
    async (_, refusal) => {
      setMockProfile(refusal.profile);
      const ids = currentIds();
      const sent = refusal.request(ids, await tokens());
      const before = db.snapshot();
      const answer = await sendCase(sent);
      expectAnswer(answer, refusal.expected(ids));
      // Only the cases about the token may stop at the CSRF check.
      if (!refusal.aboutCsrf) expect(answer.status).not.toBe(403);
      expect(db.snapshot()).toEqual(before);
      expectNothingPolluted();
      tally.refusedByStatus.set(answer.status, (tally.refusedByStatus.get(answer.status) ?? 0) + 1);
      if (refusal.aboutCsrf) tally.csrfRefusals += 1;
    },
  );

  it.each(acceptances.map((acceptance) => [acceptance.label, acceptance] as const))(
    'accepts %s',
    async (_, acceptance) => {
      const ids = currentIds();
      const answer = await sendCase(acceptance.request(ids, await tokens()));
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      acceptance.verify(ids, answer);
      expectNothingPolluted();
      tally.accepted += 1;
    },
  );
});
