// @vitest-environment node
// The mock as MilMove's own office front end meets it: swagger-client built
// from the REFERENCE document (../shared/milmove-ghc/ghc.yaml, Swagger 2), its
// operations called by `tag.operationId` with the parameters and bodies the
// real pages send (GHC.md's "Frontend" rows and section 4), the CSRF token
// copied from the masked cookie into X-CSRF-Token by a request interceptor
// (GHC.md 1.7). Every answer's body is checked with Ajv against the schema the
// reference gives for its status, so a shape only our own document accepts
// cannot hide here. Both profiles run the same rounds.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import SwaggerClient from 'swagger-client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/api/csrf';
import { db, SEED_LOCATORS } from './db';
import { TRACE_HEADER } from './http';
import { server } from './node';
import { setMockProfile, type MockProfile } from './profile';
import type { Schemas } from './records';
import { seededMove } from './testApi';

const REFERENCE = fileURLToPath(new URL('../../shared/milmove-ghc/ghc.yaml', import.meta.url));
const HAVE_REFERENCE = existsSync(REFERENCE);
if (!HAVE_REFERENCE) {
  console.warn(
    `mocks/realClient.test.ts skipped: the reference document ${REFERENCE} is not there ` +
      '(CI has it).',
  );
}

type Json = Record<string, unknown>;

// swagger-client's declarations (src/api/swagger-client.d.ts) cover what the
// app uses; these cover the client MilMove builds.
interface SwaggerRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}
interface SwaggerResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
}
interface SwaggerError extends Error {
  status: number;
  response?: SwaggerResponse;
}
type Operation = (parameters: Json) => Promise<SwaggerResponse>;
interface SwaggerClientInstance {
  apis: Record<string, Record<string, Operation | undefined> | undefined>;
}
const buildClient = SwaggerClient as unknown as (options: {
  spec: Json;
  requestInterceptor: (request: SwaggerRequest) => SwaggerRequest;
  userFetch: (url: string, init: RequestInit) => Promise<Response>;
}) => Promise<SwaggerClientInstance>;

// ---------------------------------------------------------------------------
// The reference's schemas as Ajv reads them.

const SCHEMA_ID = 'ghc.yaml';

/**
 * A Swagger 2 schema as JSON Schema: `x-nullable: true` allows null (also
 * beside a $ref, which Swagger 2 lets override its target), refs point into
 * the reference's definitions, and annotations Ajv does not know (`example`,
 * `x-*`, Swagger's string `discriminator`) are dropped.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Json;
  const schema: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-') || key === 'example' || key === 'discriminator') continue;
    if (key === '$ref') schema.$ref = `${SCHEMA_ID}${value as string}`;
    else if (key === 'properties' || key === 'definitions') {
      schema[key] = Object.fromEntries(
        Object.entries(value as Json).map(([name, field]) => [name, toJsonSchema(field)]),
      );
    } else if (key === 'enum' || key === 'required') schema[key] = value;
    else schema[key] = toJsonSchema(value);
  }
  return source['x-nullable'] === true ? { anyOf: [schema, { type: 'null' }] } : schema;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Formats checked as strfmt prints them; every other format the reference names is ignored. */
function formatsOf(reference: Json): Record<string, RegExp | ((value: string) => boolean) | true> {
  const names = new Set<string>();
  JSON.stringify(reference, (key, value: unknown) => {
    if (key === 'format' && typeof value === 'string') names.add(value);
    return value;
  });
  return {
    ...Object.fromEntries([...names].map((name) => [name, true] as const)),
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    date: isDate,
    // strfmt's layout, 2006-01-02T15:04:05.000Z07:00; the zero time prints as 0001-01-01T00:00:00.000Z.
    'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  };
}

interface Reference {
  /** A copy of the document to build a client from (swagger-client resolves it in place). */
  spec: () => Json;
  /** The schema the reference gives an operation's answer of this status. */
  validator: (operationId: string, status: number) => ValidateFunction;
}

function loadReference(): Reference {
  const document = parse(readFileSync(REFERENCE, 'utf8')) as Json;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, formats: formatsOf(document) });
  ajv.addSchema({ $id: SCHEMA_ID, definitions: toJsonSchema(document.definitions) as Json });
  const responses = document.responses as Record<string, { schema?: Json }>;
  const operations = new Map<string, Json>();
  for (const item of Object.values(document.paths as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      if (typeof operation.operationId === 'string')
        operations.set(operation.operationId, operation);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  return {
    // Requests go to msw/node's http://localhost/ghc/v1, as the document's basePath says.
    spec: () => ({
      ...structuredClone(document),
      host: 'localhost',
      schemes: ['http'],
      basePath: '/ghc/v1',
    }),
    validator(operationId, status) {
      const key = `${operationId} ${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        const operation = operations.get(operationId);
        const answer = (operation?.responses as Record<string, Json> | undefined)?.[status];
        if (!answer) throw new Error(`The reference declares no ${status} for ${operationId}`);
        const named = answer.$ref as string | undefined;
        const schema = named ? responses[named.split('/').pop() ?? ''].schema : answer.schema;
        if (!schema) throw new Error(`The reference gives ${key} no schema`);
        validate = ajv.compile(toJsonSchema(schema) as Json);
        compiled.set(key, validate);
      }
      return validate;
    },
  };
}

// ---------------------------------------------------------------------------
// The office front end's client.

interface Received {
  method: string;
  url: URL;
  headers: Headers;
  body: Promise<string>;
}

/**
 * A client as MilMove's office app builds it (src/services/swaggerRequest.js):
 * from the document, with an interceptor that sends the masked CSRF cookie as
 * X-CSRF-Token on every request. Node keeps no cookies, so `userFetch` plays
 * the browser: it stores what the server sets and sends it back.
 */
async function officeClient(reference: Reference) {
  const jar = new Map<string, string>();
  /** Per request: the token it carried, and the masked cookie its answer set. */
  const tokens: { sent: string | null; set: string | undefined }[] = [];
  const swagger = await buildClient({
    spec: reference.spec(),
    requestInterceptor: (request) => {
      const token = jar.get(CSRF_COOKIE);
      if (token) request.headers[CSRF_HEADER] = token;
      return request;
    },
    userFetch: async (url, init) => {
      const headers = new Headers(init.headers);
      if (jar.size > 0) {
        headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      const response = await fetch(url, { ...init, headers });
      const sent = headers.get(CSRF_HEADER);
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
      tokens.push({ sent, set: jar.get(CSRF_COOKIE) });
      return response;
    },
  });

  const operation = (name: string): Operation => {
    const [tag, operationId] = name.split('.');
    const found = swagger.apis[tag]?.[operationId];
    if (!found) throw new Error(`The reference has no operation ${name}`);
    return found;
  };

  /** A call that must succeed: its body matches the reference's 200 schema. */
  async function ok<T>(name: string, parameters: Json): Promise<T> {
    const response = await operation(name)(parameters);
    expect(response.status).toBe(200);
    expectConforms(reference, name, response);
    return response.body as T;
  }

  /**
   * A call that must be refused: swagger-client rejects, the answer it
   * carries is returned, and no record changed.
   */
  async function refused(name: string, parameters: Json): Promise<SwaggerResponse> {
    const before = db.snapshot();
    try {
      await operation(name)(parameters);
    } catch (error) {
      const { response } = error as SwaggerError;
      if (!response) throw error;
      expect(db.snapshot()).toEqual(before);
      return response;
    }
    throw new Error(`${name} succeeded`);
  }

  return { ok, refused, single: operation, tokens };
}

function expectConforms(reference: Reference, name: string, response: SwaggerResponse): void {
  const validate = reference.validator(name.split('.')[1], response.status);
  validate(response.body);
  expect(
    validate.errors ?? [],
    `${name} ${response.status}: ${JSON.stringify(response.body)}`,
  ).toEqual([]);
}

/** What the server received: every request through msw, as sent (before msw adds its cookies). */
function recordRequests(): { received: Received[]; stop: () => void } {
  const received: Received[] = [];
  const onStart = ({ request }: { request: Request }) => {
    const copy = request.clone();
    received.push({
      method: copy.method,
      url: new URL(copy.url),
      headers: copy.headers,
      body: copy.text(),
    });
  };
  server.events.on('request:start', onStart);
  return { received, stop: () => server.events.removeListener('request:start', onStart) };
}

// ---------------------------------------------------------------------------

type Move = Schemas['Move'];
type Order = Schemas['Order'];
type Customer = Schemas['Customer'];
type Shipment = Schemas['MTOShipment'];
type ServiceItem = Schemas['MTOServiceItem'];

function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Missing ${what}`);
  return value;
}

const QUEUE_FILTER = 'SUBMITTED,APPROVALS REQUESTED';

describe.skipIf(!HAVE_REFERENCE)(
  'the office front end, through swagger-client and the reference',
  () => {
    let reference: Reference;
    let recording: ReturnType<typeof recordRequests>;

    beforeAll(() => {
      reference = loadReference();
    });

    beforeEach(() => {
      recording = recordRequests();
    });

    afterEach(() => {
      recording.stop();
      setMockProfile('ghc');
    });

    it("checks answers with the reference's own rules: what they do not allow fails", () => {
      const { move, customer, shipments } = seededMove(SEED_LOCATORS.submitted);
      const conforms = (operationId: string, status: number, body: unknown) =>
        reference.validator(operationId, status)(body);
      expect(conforms('getMove', 200, move)).toBe(true);
      expect(conforms('getMove', 200, { ...move, status: 'ON_HOLD' })).toBe(false);
      expect(conforms('getMove', 200, { ...move, submittedAt: 'yesterday' })).toBe(false);
      // x-nullable: true allows null; a field without it does not.
      expect(conforms('getMove', 200, { ...move, approvedAt: null })).toBe(true);
      expect(conforms('getMove', 200, { ...move, eTag: null })).toBe(false);
      expect(conforms('getCustomer', 200, customer)).toBe(true);
      expect(conforms('getCustomer', 200, { ...customer, cacValidated: 'yes' })).toBe(false);
      expect(conforms('getCustomer', 200, { ...customer, id: 'not-a-uuid' })).toBe(false);
      expect(conforms('listMTOShipments', 200, shipments)).toBe(true);
      expect(
        conforms('listMTOShipments', 200, [{ ...shipments[0], hasSecondaryPickupAddress: 'no' }]),
      ).toBe(false);
      expect(
        conforms('getMoveTaskOrder', 200, { id: move.id, requestedPickupDate: '2026-02-30' }),
      ).toBe(false);
      expect(conforms('updateCustomer', 412, {})).toBe(false);
      expect(
        conforms('updateMoveTaskOrderStatus', 422, { title: 't', detail: 'd', instance: move.id }),
      ).toBe(false);
      expect(conforms('getMovesQueue', 200, { totalCount: '3' })).toBe(false);
    });

    describe.each(['ghc', 'rfc9110'] satisfies MockProfile[])('in the %s profile', (profile) => {
      beforeEach(() => {
        setMockProfile(profile);
      });

      /** The ETag header of a one-record answer: only the rfc9110 profile sends one, quoted. */
      const expectEtagHeader = (response: SwaggerResponse, eTag: string | undefined) =>
        expect(response.headers.etag).toBe(profile === 'rfc9110' ? `"${eTag}"` : undefined);

      it('reads the queue, then a move and its records, as the move details page does', async () => {
        const office = await officeClient(reference);
        // MoveQueue's first load: status descending, the status filter one comma-joined value.
        const queue = await office.ok<Schemas['QueueMovesResult']>('queues.getMovesQueue', {
          sort: 'status',
          order: 'desc',
          page: 1,
          perPage: 20,
          status: QUEUE_FILTER,
        });
        const sent = present(recording.received[0], 'the queue request').url.searchParams;
        expect(sent.get('sort')).toBe('status');
        expect(sent.get('order')).toBe('desc');
        expect(sent.getAll('status')).toEqual([QUEUE_FILTER]);
        const rows = present(queue.queueMoves, 'queue rows');
        expect(queue).toMatchObject({ page: 1, perPage: 20, totalCount: rows.length });
        // status desc lists APPROVALS REQUESTED before SUBMITTED (GHC.md 3).
        const statuses = rows.map((row) => row.status);
        expect(statuses.indexOf('SUBMITTED')).toBeGreaterThan(
          statuses.lastIndexOf('APPROVALS REQUESTED'),
        );
        expect(new Set(statuses)).toEqual(new Set(['SUBMITTED', 'APPROVALS REQUESTED']));
        expect(rows.map((row) => row.locator)).toContain(SEED_LOCATORS.submitted);

        // useMoveDetailsQueries: the move by locator, then what it names.
        const move = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.submitted });
        expect(move.lockedByOfficeUserID).toEqual(expect.any(String));
        const order = await office.ok<Order>('order.getOrder', { orderID: move.ordersId });
        const customer = await office.ok<Customer>('customer.getCustomer', {
          customerID: order.customerID,
        });
        const shipments = await office.ok<Shipment[]>('mtoShipment.listMTOShipments', {
          moveTaskOrderID: move.id,
        });
        const items = await office.ok<ServiceItem[]>('mtoServiceItem.listMTOServiceItems', {
          moveTaskOrderID: move.id,
        });
        const taskOrder = await office.ok<Schemas['MoveTaskOrder']>(
          'moveTaskOrder.getMoveTaskOrder',
          {
            moveTaskOrderID: move.id,
          },
        );
        expect(order).toMatchObject({ id: move.ordersId, moveCode: SEED_LOCATORS.submitted });
        expect(customer.id).toBe(order.customerID);
        expect(shipments.map((s) => s.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
        expect(items).toEqual([]);
        // One record, one version: the task order is the move.
        expect(taskOrder).toMatchObject({
          id: move.id,
          eTag: move.eTag,
          requestedPickupDate: '0001-01-01',
        });

        const single = await office.single('customer.getCustomer')({ customerID: customer.id });
        expectConforms(reference, 'customer.getCustomer', single);
        expectEtagHeader(single, customer.eTag);
        // Every answer set a new masked cookie, and every request after the
        // first carried the one the answer before it set.
        const sets = office.tokens.map((token) => token.set);
        expect(new Set(sets).size).toBe(sets.length);
        expect(office.tokens.map((token) => token.sent)).toEqual([null, ...sets.slice(0, -1)]);
      });

      it("approves a move and its shipments as the TOO's approve flow does", async () => {
        const office = await officeClient(reference);
        const move = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.submitted });
        const shipments = await office.ok<Shipment[]>('mtoShipment.listMTOShipments', {
          moveTaskOrderID: move.id,
        });

        // Step 1, approveMTO: the move fee unless the move is already available to the Prime.
        const approved = await office.ok<Move>('moveTaskOrder.updateMoveTaskOrderStatus', {
          moveTaskOrderID: move.id,
          'If-Match': move.eTag,
          serviceItemCodes: { serviceCodeMS: !move.availableToPrimeAt, serviceCodeCS: false },
        });
        expect(approved).toMatchObject({ status: 'APPROVED', approvedAt: expect.any(String) });
        expect(approved).not.toHaveProperty('availableToPrimeAt');
        expect(approved.eTag).not.toBe(move.eTag);

        // Step 2a: one approveShipments with the selected shipments' cached eTags,
        // still valid (approving the move left the shipments alone). No If-Match.
        const [first, second, nts] = shipments;
        const batch = await office.ok<Shipment[]>('shipment.approveShipments', {
          body: {
            approveShipments: [first, second].map((s) => ({ shipmentID: s.id, eTag: s.eTag })),
          },
        });
        expect(batch.map((s) => [s.id, s.status])).toEqual([
          [first.id, 'APPROVED'],
          [second.id, 'APPROVED'],
        ]);
        const batchRequest = recording.received.find((r) =>
          r.url.pathname.endsWith('/shipments/approve'),
        );
        expect(batchRequest?.headers.get('If-Match')).toBeNull();
        // The unselected shipment keeps the move waiting; the move is now the Prime's.
        const afterBatch = await office.ok<Move>('move.getMove', {
          locator: SEED_LOCATORS.submitted,
        });
        expect(afterBatch).toMatchObject({
          status: 'APPROVALS REQUESTED',
          approvalsRequestedAt: expect.any(String),
          availableToPrimeAt: expect.any(String),
        });
        const items = await office.ok<ServiceItem[]>('mtoServiceItem.listMTOServiceItems', {
          moveTaskOrderID: move.id,
        });
        expect(
          items.filter((item) => !item.mtoShipmentID).map((item) => item.reServiceCode),
        ).toEqual(['MS']);
        expect(new Set(items.map((item) => item.mtoShipmentID).filter(Boolean))).toEqual(
          new Set([first.id, second.id]),
        );

        // Rejecting the third leaves the move as it is.
        const rejected = await office.ok<Shipment>('shipment.rejectShipment', {
          shipmentID: nts.id,
          'If-Match': nts.eTag,
          body: { rejectionReason: 'Not needed' },
        });
        expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Not needed' });
        const afterReject = await office.ok<Move>('move.getMove', {
          locator: SEED_LOCATORS.submitted,
        });
        expect(afterReject.eTag).toBe(afterBatch.eTag);

        // A move asking for approvals: its new shipment, then the item the Prime asked for.
        const requested = await office.ok<Move>('move.getMove', {
          locator: SEED_LOCATORS.approvalsRequested,
        });
        const its = await office.ok<Shipment[]>('mtoShipment.listMTOShipments', {
          moveTaskOrderID: requested.id,
        });
        const newShipment = present(
          its.find((s) => s.status === 'SUBMITTED'),
          'the new shipment',
        );
        const single = await office.single('shipment.approveShipment')({
          shipmentID: newShipment.id,
          'If-Match': newShipment.eTag,
        });
        expectConforms(reference, 'shipment.approveShipment', single);
        expect(single.body).toMatchObject({ id: newShipment.id, status: 'APPROVED' });
        expectEtagHeader(single, (single.body as Shipment).eTag);

        const waiting = present(
          (
            await office.ok<ServiceItem[]>('mtoServiceItem.listMTOServiceItems', {
              moveTaskOrderID: requested.id,
            })
          ).find((item) => item.status === 'SUBMITTED'),
          'the item waiting',
        );
        // MoveTaskOrder.jsx's patchMTOServiceItemStatus: {status, rejectionReason} in the body.
        const decided = await office.ok<ServiceItem>('mtoServiceItem.updateMTOServiceItemStatus', {
          moveTaskOrderID: requested.id,
          mtoServiceItemID: waiting.id,
          'If-Match': waiting.eTag,
          body: { status: 'APPROVED', rejectionReason: undefined },
        });
        expect(decided).toMatchObject({
          id: waiting.id,
          status: 'APPROVED',
          approvedAt: expect.any(String),
        });
        const settled = await office.ok<Move>('move.getMove', {
          locator: SEED_LOCATORS.approvalsRequested,
        });
        expect(settled.status).toBe('APPROVED');
        // Every write carried the masked cookie's value, as the front end's interceptor sends it.
        const writes = recording.received.filter((request) => request.method !== 'GET');
        expect(writes).toHaveLength(5);
        for (const write of writes)
          expect(write.headers.get(CSRF_HEADER)).toMatch(/^[A-Za-z0-9+/]{86}==$/);
      });

      it("edits the customer and the orders with the bodies MilMove's pages send", async () => {
        const office = await officeClient(reference);
        const move = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.submitted });
        const order = await office.ok<Order>('order.getOrder', { orderID: move.ordersId });
        const customer = await office.ok<Customer>('customer.getCustomer', {
          customerID: order.customerID,
        });
        const address = present(customer.current_address, 'the current address');
        const contact = present(customer.backup_contact, 'the backup contact');

        // CustomerInfo.jsx sends every field of its form, cac_validated included;
        // the form holds '' for what the customer lacks.
        const customerBody = {
          first_name: customer.first_name,
          last_name: customer.last_name,
          phone: '210-555-0134',
          email: customer.email,
          current_address: { ...address, streetAddress1: '12 Harbor View Dr' },
          suffix: customer.suffix ?? '',
          middle_name: customer.middle_name ?? '',
          backup_contact: { name: contact.name, email: contact.email, phone: contact.phone },
          backupAddress: {
            streetAddress1: '',
            streetAddress2: '',
            city: '',
            state: '',
            postalCode: '',
          },
          phoneIsPreferred: customer.phoneIsPreferred ?? false,
          emailIsPreferred: customer.emailIsPreferred ?? false,
          secondaryTelephone: customer.secondaryTelephone ?? '',
          cac_validated: customer.cacValidated ?? false,
        };
        const updatedCustomer = await office.ok<Customer>('customer.updateCustomer', {
          customerID: customer.id,
          'If-Match': customer.eTag,
          body: customerBody,
        });
        expect(updatedCustomer).toMatchObject({
          first_name: customer.first_name,
          phone: '210-555-0134',
          current_address: expect.objectContaining({
            id: address.id,
            streetAddress1: '12 Harbor View Dr',
          }),
          backup_contact: contact,
        });
        expect(updatedCustomer.eTag).not.toBe(customer.eTag);
        const customerRequest = present(
          recording.received.find(
            (r) => r.method === 'PATCH' && r.url.pathname.includes('/customer/'),
          ),
          'the customer update',
        );
        expect(JSON.parse(await customerRequest.body)).toEqual(customerBody);

        // Orders.jsx: the form values (duty locations as objects, payGrade, the
        // weights), the ids and dates the server needs, and grade.
        const origin = present(order.originDutyLocation, 'the origin');
        const destination = present(order.destinationDutyLocation, 'the destination');
        const formValues = {
          agency: order.agency,
          originDutyLocation: origin,
          newDutyLocation: destination,
          issueDate: order.date_issued,
          reportByDate: order.report_by_date,
          departmentIndicator: order.department_indicator,
          ordersNumber: 'ORD-2026-0042',
          ordersType: order.order_type,
          ordersTypeDetail: order.order_type_detail,
          tac: order.tac ?? '',
          sac: order.sac ?? '',
          ntsTac: order.ntsTac ?? '',
          ntsSac: order.ntsSac ?? '',
          payGrade: order.grade,
          proGearWeight: 2000,
          spouseProGearWeight: 500,
        };
        const updatedOrder = await office.ok<Order>('order.updateOrder', {
          orderID: order.id,
          'If-Match': order.eTag,
          body: {
            ...formValues,
            originDutyLocationId: origin.id,
            newDutyLocationId: destination.id,
            grade: order.grade,
          },
        });
        expect(updatedOrder).toMatchObject({
          id: order.id,
          order_number: 'ORD-2026-0042',
          tac: order.tac,
        });
        expect(updatedOrder).not.toHaveProperty('proGearWeight');
        expect(
          Object.keys(
            present(db.find('order', present(order.id, 'the orders id')), 'the orders row'),
          ),
        ).not.toContain('proGearWeight');
        // Saving the orders saved the customer: a new eTag, no field changed.
        const customerNow = await office.ok<Customer>('customer.getCustomer', {
          customerID: customer.id,
        });
        expect(customerNow.eTag).not.toBe(updatedCustomer.eTag);
        expect({ ...customerNow, eTag: undefined }).toEqual({
          ...updatedCustomer,
          eTag: undefined,
        });

        // ReviewBillableWeight.jsx: {tioRemarks}.
        const moveNow = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.submitted });
        const remarks = await office.single('moveTaskOrder.updateMoveTIORemarks')({
          moveTaskOrderID: move.id,
          'If-Match': moveNow.eTag,
          body: { tioRemarks: 'Weighed twice' },
        });
        expectConforms(reference, 'moveTaskOrder.updateMoveTIORemarks', remarks);
        expect(remarks.body).toMatchObject({ id: move.id, tioRemarks: 'Weighed twice' });
        expectEtagHeader(remarks, (remarks.body as Move).eTag);
      });

      it('answers 412, 409 and 422 in the shapes the reference gives them', async () => {
        const office = await officeClient(reference);
        const move = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.submitted });
        const order = await office.ok<Order>('order.getOrder', { orderID: move.ordersId });
        const customer = await office.ok<Customer>('customer.getCustomer', {
          customerID: order.customerID,
        });

        // The customer's eTag from before an orders edit is stale: that edit saved the customer.
        await office.ok<Order>('order.updateOrder', {
          orderID: order.id,
          'If-Match': order.eTag,
          body: {
            issueDate: order.date_issued,
            reportByDate: order.report_by_date,
            ordersType: order.order_type,
            originDutyLocationId: order.originDutyLocation?.id,
            newDutyLocationId: order.destinationDutyLocation?.id,
          },
        });
        const stale = await office.refused('customer.updateCustomer', {
          customerID: customer.id,
          'If-Match': customer.eTag,
          body: {
            first_name: customer.first_name,
            last_name: customer.last_name,
            phone: '210-555-0199',
          },
        });
        expect(stale.status).toBe(412);
        expectConforms(reference, 'customer.updateCustomer', stale);
        expect(stale.body).toEqual({
          message: `Precondition failed on update to object with ID: '${customer.id}'. The If-Match header value did not match the eTag for this record.`,
        });

        // Approving shipments of a move that is not approved yet.
        const shipments = await office.ok<Shipment[]>('mtoShipment.listMTOShipments', {
          moveTaskOrderID: move.id,
        });
        const conflict = await office.refused('shipment.approveShipments', {
          body: { approveShipments: [{ shipmentID: shipments[0].id, eTag: shipments[0].eTag }] },
        });
        expect(conflict.status).toBe(409);
        expectConforms(reference, 'shipment.approveShipments', conflict);
        expect((conflict.body as Schemas['Error']).message).toMatch(
          new RegExp(`^ID: ${move.id} is in a conflicting state Cannot approve a shipment`),
        );

        // Orders without a TAC cannot be approved: the handler's ValidationError.
        const noTac = await office.ok<Move>('move.getMove', { locator: SEED_LOCATORS.missingTac });
        const invalid = await office.refused('moveTaskOrder.updateMoveTaskOrderStatus', {
          moveTaskOrderID: noTac.id,
          'If-Match': noTac.eTag,
          serviceItemCodes: { serviceCodeMS: true, serviceCodeCS: false },
        });
        expect(invalid.status).toBe(422);
        expectConforms(reference, 'moveTaskOrder.updateMoveTaskOrderStatus', invalid);
        expect(invalid.body).toEqual({
          title: 'Unable to complete request',
          detail: `Invalid input for ID: ${noTac.ordersId}. TransportationAccountingCode cannot be blank.`,
          instance: invalid.headers[TRACE_HEADER.toLowerCase()],
          invalid_fields: {},
        });

        // A 404 without a body, which the reference's Error schema does not describe.
        const unknown = await office.refused('move.getMove', { locator: 'NOSUCH' });
        expect(unknown).toMatchObject({ status: 404, text: '' });
      });
    });
  },
);
