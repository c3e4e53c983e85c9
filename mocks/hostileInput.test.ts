// @vitest-environment node
// Hostile and malformed requests against every write (and the reads' path
// ids): the mock must answer each with a 4xx {title, detail, instance}, never
// a 5xx, and a refused write must change nothing at all. Every write carries
// the session's CSRF token unless its case is about that token, so the
// other cases reach the check they are about instead of stopping at 403.
import { afterAll, describe, expect, it } from 'vitest';
import { mintCsrfToken } from './csrf';
import { db, SEED_LOCATORS } from './db';
import { quoted, seededMove, send, type Answer } from './testApi';

type Method = 'PATCH' | 'POST' | 'GET';

interface Ids {
  move: string;
  customer: string;
  order: string;
  shipment: string;
  serviceItem: string;
}

interface Endpoint {
  name: string;
  method: Method;
  path: (ids: Ids) => string;
  /** The record whose eTag goes in If-Match. */
  eTagOf: (ids: Ids) => string;
  validBody: unknown;
  /** Bodies of the wrong shape or value for this endpoint: each is a 422. */
  invalid: [string, unknown][];
}

function currentIds(): Ids {
  const { move, customer, order, shipments, serviceItems } = seededMove(SEED_LOCATORS.draft);
  const shipment = shipments.find((s) => s.status === 'SUBMITTED');
  const item = serviceItems.find((s) => s.status === 'SUBMITTED') ?? serviceItems[0];
  if (!shipment || !item) throw new Error('The seed changed: no SUBMITTED shipment or no item');
  return {
    move: move.id,
    customer: customer.id,
    order: order.id,
    shipment: shipment.id,
    serviceItem: item.id,
  };
}

const eTag = {
  move: (ids: Ids) => db.find('move', ids.move)!.eTag,
  customer: (ids: Ids) => db.find('customer', ids.customer)!.eTag,
  order: (ids: Ids) => db.find('order', ids.order)!.eTag,
  shipment: (ids: Ids) => db.find('shipment', ids.shipment)!.eTag,
  serviceItem: (ids: Ids) => db.find('serviceItem', ids.serviceItem)!.eTag,
};

const KB100 = 'x'.repeat(100 * 1024);
const MB5 = 'y'.repeat(5 * 1024 * 1024);

const ENDPOINTS: Endpoint[] = [
  {
    name: 'updateMoveTIORemarks',
    method: 'PATCH',
    path: (ids) => `/move-task-orders/${ids.move}/tio-remarks`,
    eTagOf: eTag.move,
    validBody: { tioRemarks: 'fine' },
    invalid: [
      ['remarks as a number', { tioRemarks: 42 }],
      ['remarks as an array', { tioRemarks: ['a'] }],
      ['remarks as an object', { tioRemarks: { text: 'a' } }],
      ['remarks as a boolean', { tioRemarks: true }],
      ['100 KB remarks', { tioRemarks: KB100 }],
      ['5 MB remarks', { tioRemarks: MB5 }],
      ['no remarks field', {}],
      ['an unknown field', { remarks: 'x' }],
    ],
  },
  {
    name: 'updateMoveTaskOrderStatus',
    method: 'PATCH',
    path: (ids) => `/move-task-orders/${ids.move}/status`,
    eTagOf: eTag.move,
    validBody: { serviceCodeMS: true, serviceCodeCS: false },
    invalid: [
      ['a code as a string', { serviceCodeMS: 'true' }],
      ['a code as a number', { serviceCodeMS: 1 }],
      ['a code as null', { serviceCodeCS: null }],
      ['a code as an array', { serviceCodeCS: [true] }],
      ['status smuggled in', { serviceCodeMS: true, status: 'APPROVED' }],
      ['an unknown service code', { serviceCodeXX: true }],
    ],
  },
  {
    name: 'updateCustomer',
    method: 'PATCH',
    path: (ids) => `/customer/${ids.customer}`,
    eTagOf: eTag.customer,
    validBody: { phone: '555-123-4567' },
    invalid: [
      ['firstName null (not nullable)', { firstName: null }],
      ['lastName empty', { lastName: '' }],
      ['phone null', { phone: null }],
      ['phone as a number', { phone: 5551234567 }],
      ['phone malformed', { phone: '123' }],
      ['email malformed', { email: 'not-an-email' }],
      ['email as an array', { email: ['a@b.mil'] }],
      ['firstName as an object', { firstName: { first: 'A' } }],
      ['firstName of 5 MB', { firstName: MB5 }],
      ['suffix too long', { suffix: KB100 }],
      ['backupContact as a string', { backupContact: 'mom' }],
      ['backupContact as an array', { backupContact: [] }],
      ['backupContact null', { backupContact: null }],
      ['backupContact incomplete', { backupContact: { name: 'Mom' } }],
      [
        'backupContact with an extra key',
        { backupContact: { name: 'M', email: 'm@x.mil', phone: '555-123-4567', admin: true } },
      ],
      ['edipi (read-only)', { edipi: '1234567890' }],
    ],
  },
  {
    name: 'updateOrder',
    method: 'PATCH',
    path: (ids) => `/orders/${ids.order}`,
    eTagOf: eTag.order,
    validBody: { orderNumber: 'ORD-1' },
    invalid: [
      ['unknown orderType', { orderType: 'VACATION' }],
      ['orderType in lower case', { orderType: 'local_move' }],
      ['unknown grade', { grade: 'E_10' }],
      ['grade as a number', { grade: 5 }],
      ['unknown departmentIndicator', { departmentIndicator: 'SPACE_FORCE_ONLY' }],
      ['orderNumber null', { orderNumber: null }],
      ['orderNumber too long', { orderNumber: KB100 }],
      ['issueDate not a date', { issueDate: '2026-02-30' }],
      ['issueDate as a number', { issueDate: 20260101 }],
      ['tac malformed', { tac: 'ab!' }],
      ['reportByDate before issueDate', { issueDate: '2030-01-02', reportByDate: '2030-01-01' }],
      ['customerID (read-only)', { customerID: '00000000-0000-4000-8000-000000000000' }],
    ],
  },
  {
    name: 'approveShipment',
    method: 'POST',
    path: (ids) => `/shipments/${ids.shipment}/approve`,
    eTagOf: eTag.shipment,
    validBody: {},
    invalid: [
      ['status smuggled in', { status: 'REJECTED' }],
      ['approvedDate smuggled in', { approvedDate: '2020-01-01' }],
    ],
  },
  {
    name: 'rejectShipment',
    method: 'POST',
    path: (ids) => `/shipments/${ids.shipment}/reject`,
    eTagOf: eTag.shipment,
    validBody: { rejectionReason: 'wrong address' },
    invalid: [
      ['no reason', {}],
      ['reason null', { rejectionReason: null }],
      ['reason blank', { rejectionReason: '   ' }],
      ['reason as a number', { rejectionReason: 7 }],
      ['reason of 100 KB', { rejectionReason: KB100 }],
    ],
  },
  {
    name: 'updateMTOServiceItemStatus',
    method: 'PATCH',
    path: (ids) => `/move-task-orders/${ids.move}/service-items/${ids.serviceItem}/status`,
    eTagOf: eTag.serviceItem,
    validBody: { status: 'APPROVED' },
    invalid: [
      ['unknown status', { status: 'MAYBE' }],
      ['status in lower case', { status: 'approved' }],
      ['status as a number', { status: 1 }],
      ['status null', { status: null }],
      ['no status', { rejectionReason: 'x' }],
      ['REJECTED without a reason', { status: 'REJECTED' }],
      ['reason of 100 KB', { status: 'REJECTED', rejectionReason: KB100 }],
    ],
  },
];

// Values of If-Match that do not name the current version: each is a 412.
const MALFORMED_IF_MATCH: [string, (tag: string) => string][] = [
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
  ['a NUL-free control character inside', (t) => `"${t}\x01"`],
  [
    'a very long list of wrong tags',
    () => Array.from({ length: 5000 }, (_, i) => `"t${i}"`).join(', '),
  ],
  ['a 100 KB tag', () => `"${KB100}"`],
];

// Bodies that are not a JSON object: each is a 400.
const NOT_AN_OBJECT: [string, string][] = [
  ['an array', '[]'],
  ['an array of the valid body', '[{"tioRemarks":"x"}]'],
  ['a number', '42'],
  ['a string', '"tioRemarks"'],
  ['null', 'null'],
  ['true', 'true'],
  ['truncated JSON', '{"tioRemarks": "x"'],
  ['not JSON at all', 'tioRemarks=x'],
  ['a deeply nested array', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['a 5 MB string', JSON.stringify(MB5)],
];

// Keys a careless merge would turn into prototype pollution or a server-owned change.
const DANGEROUS_KEYS: [string, (valid: unknown) => string][] = [
  ['id', (v) => JSON.stringify({ ...(v as object), id: '00000000-0000-4000-8000-000000000001' })],
  ['eTag', (v) => JSON.stringify({ ...(v as object), eTag: 'Zm9yZ2Vk' })],
  ['updatedAt', (v) => JSON.stringify({ ...(v as object), updatedAt: '2099-01-01T00:00:00Z' })],
  ['createdAt', (v) => JSON.stringify({ ...(v as object), createdAt: '2000-01-01T00:00:00Z' })],
  [
    'availableToPrimeAt',
    (v) => JSON.stringify({ ...(v as object), availableToPrimeAt: '2020-01-01T00:00:00Z' }),
  ],
  ['__proto__ holding the valid body', (v) => `{"__proto__": ${JSON.stringify(v)}}`],
  ['__proto__ with a flag', () => '{"__proto__": {"polluted": true}}'],
  ['__proto__ as null', () => '{"__proto__": null}'],
  ['constructor.prototype', () => '{"constructor": {"prototype": {"polluted": true}}}'],
  ['constructor as a string', () => '{"constructor": "x"}'],
  ['prototype', () => '{"prototype": {"polluted": true}}'],
  ['hasOwnProperty', () => '{"hasOwnProperty": 1}'],
  ['toString', () => '{"toString": "x"}'],
  ['valueOf', () => '{"valueOf": 1}'],
  [
    '__proto__ next to a valid field',
    (v) =>
      `{${JSON.stringify(v).slice(1, -1)}${JSON.stringify(v) === '{}' ? '' : ','}"__proto__": {"polluted": true}}`,
  ],
];

// X-CSRF-Token values that are not the session's token, on an otherwise
// valid write: each is a 403 (null sends no header at all).
const BAD_CSRF_TOKENS: [string, (session: string) => string | null][] = [
  ['no X-CSRF-Token', () => null],
  ['an empty X-CSRF-Token', () => ''],
  ['a made-up X-CSRF-Token', () => 'forged'],
  ['the token with a wrong checksum', (t) => t.slice(0, -1) + (t.endsWith('0') ? '1' : '0')],
  ['the token without its checksum', (t) => t.split('.')[0]],
  ['the token in upper case', (t) => t.toUpperCase()],
  ['the token twice', (t) => `${t}, ${t}`],
  ['the cookie pair instead of its value', (t) => `masked_gorilla_csrf=${t}`],
  ['a valid token other than the cookie', () => mintCsrfToken()],
  ['a 100 KB token', () => KB100],
];

const BAD_IDS = [
  'not-a-uuid',
  '123',
  'constructor',
  '__proto__',
  'toString',
  'null',
  'undefined',
  '00000000-0000-4000-8000-00000000000g',
  '00000000000040008000000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000-0000-4000-8000-0000000000001',
  "' OR 1=1 --",
  '%00',
  '%20',
  '..%2F..%2Fetc',
  'x'.repeat(10_000),
];

interface Case {
  label: string;
  method: Method;
  path: (ids: Ids) => string;
  ifMatch?: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** Instead of the session's token. */
  csrfToken?: (session: string) => string | null;
  /** An exact status, or any 4xx. */
  status: number | '4xx';
}

const cases: Case[] = [];
for (const endpoint of ENDPOINTS) {
  const { name, method, path, eTagOf, validBody } = endpoint;
  const current = (ids: Ids) => quoted(eTagOf(ids));
  const valid = () => validBody;
  for (const [label, make] of MALFORMED_IF_MATCH) {
    cases.push({
      label: `${name}: If-Match ${label}`,
      method,
      path,
      ifMatch: (ids) => make(eTagOf(ids)),
      body: valid,
      status: 412,
    });
  }
  cases.push(
    { label: `${name}: no If-Match`, method, path, body: valid, status: 428 },
    { label: `${name}: empty If-Match`, method, path, ifMatch: () => '', body: valid, status: 428 },
    {
      label: `${name}: blank If-Match`,
      method,
      path,
      ifMatch: () => ' \t ',
      body: valid,
      status: 428,
    },
    {
      label: `${name}: stale If-Match with a hostile body`,
      method,
      path,
      ifMatch: () => '"c3RhbGU="',
      body: () => '{"__proto__": {"polluted": true}}',
      status: 412,
    },
  );
  for (const [label, csrfToken] of BAD_CSRF_TOKENS) {
    cases.push({
      label: `${name}: ${label}`,
      method,
      path,
      ifMatch: current,
      body: valid,
      csrfToken,
      status: 403,
    });
  }
  for (const [label, text] of NOT_AN_OBJECT) {
    cases.push({
      label: `${name}: body ${label}`,
      method,
      path,
      ifMatch: current,
      body: () => text,
      status: 400,
    });
  }
  if (name !== 'approveShipment') {
    cases.push({
      label: `${name}: empty body`,
      method,
      path,
      ifMatch: current,
      body: () => '',
      status: 400,
    });
  }
  for (const [label, body] of endpoint.invalid) {
    cases.push({
      label: `${name}: ${label}`,
      method,
      path,
      ifMatch: current,
      body: () => body,
      status: 422,
    });
  }
  for (const [label, make] of DANGEROUS_KEYS) {
    cases.push({
      label: `${name}: body sets ${label}`,
      method,
      path,
      ifMatch: current,
      body: () => make(validBody),
      status: 422,
    });
  }
  for (const bad of BAD_IDS) {
    const swap = (ids: Ids) => {
      const real = path(ids);
      // Replace the id the If-Match is about (the last uuid in the path).
      const all = real.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)!;
      const last = all[all.length - 1];
      const at = real.lastIndexOf(last);
      return real.slice(0, at) + bad + real.slice(at + last.length);
    };
    cases.push({
      label: `${name}: path id ${bad.slice(0, 40)}`,
      method,
      path: swap,
      ifMatch: current,
      body: valid,
      status: '4xx',
    });
  }
  cases.push({
    label: `${name}: unknown uuid`,
    method,
    path: (ids) =>
      path(ids).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?!.*[0-9a-f]{8}-)/,
        '00000000-0000-4000-8000-000000000000',
      ),
    ifMatch: current,
    body: valid,
    status: 404,
  });
}
const READS: [string, (id: string) => string][] = [
  ['getMoveTaskOrder', (id) => `/move-task-orders/${id}`],
  ['getCustomer', (id) => `/customer/${id}`],
  ['getOrder', (id) => `/orders/${id}`],
  ['listMTOShipments', (id) => `/move_task_orders/${id}/mto_shipments`],
  ['listMTOServiceItems', (id) => `/move_task_orders/${id}/mto_service_items`],
];
for (const [name, path] of READS) {
  for (const bad of BAD_IDS) {
    cases.push({
      label: `${name}: path id ${bad.slice(0, 40)}`,
      method: 'GET',
      path: () => path(bad),
      status: '4xx',
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let requests = 0;
let csrfRequests = 0;

function expectClientError(answer: Answer<unknown>, status: number | '4xx') {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  if (status !== '4xx') expect(answer.status).toBe(status);
  expect(answer.body).toEqual(
    expect.objectContaining({
      title: expect.any(String),
      detail: expect.any(String),
      instance: expect.stringMatching(UUID),
    }),
  );
}

describe('hostile input: always a 4xx problem, never a 5xx, never a change', () => {
  afterAll(() => {
    console.log(
      `Hostile input: ${requests} requests (${csrfRequests} about the CSRF token), all 4xx, no record changed`,
    );
  });

  it('has many cases', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_, c) => {
    const ids = currentIds();
    const before = db.snapshot();
    const session = await send.csrfToken();
    const answer = await send(c.method, c.path(ids), {
      ifMatch: c.ifMatch?.(ids),
      body: c.body?.(ids),
      csrfToken: c.csrfToken?.(session),
    });
    requests++;
    if (c.csrfToken) csrfRequests++;
    expectClientError(answer, c.status);
    // Only the CSRF cases may stop at the CSRF check.
    if (!c.csrfToken) expect(answer.status).not.toBe(403);
    expect(db.snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
