// @vitest-environment node
// The move as a task order: getMoveTaskOrder, approving it
// (updateMoveTaskOrderStatus) and its TIO remarks (updateMoveTIORemarks).
import { afterEach, describe, expect, it } from 'vitest';
import { misfits } from '../answerSchema';
import { eTagOf, jsonDateTime } from '../clock';
import { db, SEED_LOCATORS } from '../db';
import { setMockProfile } from '../profile';
import type { Schemas } from '../records';
import { OFFICE_USERS } from '../referenceData';
import {
  expectFramework,
  expectMessage,
  expectNoBody,
  expectValidation,
  quoted,
  seededMove,
  send,
} from '../testApi';

type Move = Schemas['Move'];
type ServiceItem = Schemas['MTOServiceItem'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ZERO_TIME = '0001-01-01T00:00:00.000Z';

const precondition = (id: string) =>
  `Precondition failed on update to object with ID: '${id}'. The If-Match header value did not match the eTag for this record.`;

afterEach(() => setMockProfile('ghc'));

/** A stored instant between two wall-clock readings. */
function expectBetween(stored: string | null, from: number, to: number) {
  const ms = Date.parse(stored ?? '');
  expect(ms).toBeGreaterThanOrEqual(from);
  expect(ms).toBeLessThanOrEqual(to + 1);
}

describe('reading a move task order (getMoveTaskOrder)', () => {
  it('answers the move in the task order shape, with the same eTag as the move', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    const answer = await send<Schemas['MoveTaskOrder']>('GET', `/move-task-orders/${move.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: rows.move.id,
      orderID: rows.move.ordersId,
      locator: 'RDY4PR',
      referenceId: rows.move.referenceId,
      // Never filled by the server: the zero date.
      requestedPickupDate: '0001-01-01',
      createdAt: jsonDateTime(rows.move.createdAt),
      updatedAt: jsonDateTime(rows.move.updatedAt),
      eTag: move.eTag,
    });
    expect(misfits('getMoveTaskOrder', answer.body)).toEqual([]);
    // Unlike getMove, it takes no lock.
    expect(db.find('move', rows.move.id)?.lockedByOfficeUserId).toBeNull();
  });

  it('shows when an approved move was approved and made available to the Prime', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await send<Schemas['MoveTaskOrder']>('GET', `/move-task-orders/${move.id}`);
    expect(answer.body).toMatchObject({
      approvedAt: jsonDateTime(rows.move.approvedAt!),
      availableToPrimeAt: jsonDateTime(rows.move.availableToPrimeAt!),
    });
    expect(misfits('getMoveTaskOrder', answer.body)).toEqual([]);
  });

  it('finds the move by an upper-case id too', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const answer = await send('GET', `/move-task-orders/${move.id!.toUpperCase()}`);
    expect(answer.body.id).toBe(move.id);
  });

  it('reads the id as gofrs does: braces, urn:uuid: and 32 bare digits find the move too', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const id = move.id!;
    const bare = id.replaceAll('-', '');
    for (const form of [
      `{${id}}`,
      `urn:uuid:${id}`,
      bare,
      `{${bare.toUpperCase()}}`,
      `urn:uuid:${bare}`,
    ]) {
      const answer = await send('GET', `/move-task-orders/${encodeURIComponent(form)}`);
      expect([form, answer.status, answer.body.id]).toEqual([form, 200, id]);
    }
    // gofrs wants the prefix in lower case and braces around: these become the nil UUID.
    for (const form of [`URN:UUID:${id}`, `(${id})`, `${id}}`]) {
      expectNoBody(await send('GET', `/move-task-orders/${encodeURIComponent(form)}`), 500);
    }
    // The approval reads it the same way.
    const approved = await send(
      'PATCH',
      `/move-task-orders/${encodeURIComponent(`{${id}}`)}/status`,
      {
        ifMatch: move.eTag,
        body: {},
      },
    );
    expect(approved.body).toMatchObject({ id, status: 'APPROVED' });
  });

  it('answers 500 for the nil UUID itself: the fetcher is given neither an id nor a locator', async () => {
    expectNoBody(await send('GET', '/move-task-orders/00000000-0000-0000-0000-000000000000'), 500);
  });

  it('answers 404 for an unknown or hidden move, and 500 for an id that is no UUID (the nil UUID fails)', async () => {
    expectNoBody(await send('GET', `/move-task-orders/${UNKNOWN_ID}`), 404);
    const { move } = seededMove(SEED_LOCATORS.submitted);
    db.touch('move', move.id!, { show: false });
    expectNoBody(await send('GET', `/move-task-orders/${move.id}`), 404);
    expectNoBody(await send('GET', '/move-task-orders/RDY4PR'), 500);
  });
});

describe('approving a move (updateMoveTaskOrderStatus)', () => {
  const approve = (id: string, ifMatch: string | undefined, body: unknown) =>
    send<Move>('PATCH', `/move-task-orders/${id}/status`, { ifMatch, body });
  const itemsOf = async (moveId: string) => {
    const answer = await send<ServiceItem[]>(
      'GET',
      `/move_task_orders/${moveId}/mto_service_items`,
    );
    expect(misfits('listMTOServiceItems', answer.body)).toEqual([]);
    return answer.body;
  };

  it('approves a submitted move: APPROVED, approvedAt now, a new eTag, the TOO assignment cleared', async () => {
    const { move: before, rows } = seededMove(SEED_LOCATORS.submitted);
    db.touch('move', rows.move.id, { tooAssignedId: OFFICE_USERS[1].id });
    const from = Date.now();
    const answer = await approve(rows.move.id, before.eTag, {
      serviceCodeMS: true,
      serviceCodeCS: true,
    });
    const row = db.find('move', rows.move.id)!;

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...before,
      status: 'APPROVED',
      approvedAt: jsonDateTime(row.approvedAt!),
      updatedAt: jsonDateTime(row.updatedAt),
      eTag: eTagOf(row.updatedAt),
    });
    expect(answer.body.eTag).not.toBe(before.eTag);
    expectBetween(row.approvedAt, from, Date.now());
    // Approving the move is not making it available to the Prime: approving a shipment is.
    expect(row.availableToPrimeAt).toBeNull();
    expect(row.tooAssignedId).toBeNull();
    expect(misfits('updateMoveTaskOrderStatus', answer.body)).toEqual([]);
  });

  it('creates the MS and CS items asked for, approved and without a shipment', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const answer = await approve(move.id!, move.eTag, { serviceCodeMS: true, serviceCodeCS: true });
    const items = await itemsOf(move.id!);
    const rowOf = (code: string) =>
      db.serviceItemsOf(move.id!).find((i) => i.reServiceCode === code)!;

    expect(items).toEqual([
      {
        id: rowOf('MS').id,
        moveTaskOrderID: move.id,
        reServiceID: '1130e612-94eb-49a7-973d-72f33685e551',
        reServiceCode: 'MS',
        reServiceName: 'Move management',
        status: 'APPROVED',
        convertToCustomerExpense: false,
        approvedAt: answer.body.approvedAt,
        createdAt: jsonDateTime(rowOf('MS').createdAt),
        updatedAt: ZERO_TIME,
        eTag: eTagOf(rowOf('MS').updatedAt),
      },
      {
        id: rowOf('CS').id,
        moveTaskOrderID: move.id,
        reServiceID: '9dc919da-9b66-407b-9f17-05c0f03fcb50',
        reServiceCode: 'CS',
        reServiceName: 'Counseling',
        status: 'APPROVED',
        convertToCustomerExpense: false,
        approvedAt: answer.body.approvedAt,
        createdAt: jsonDateTime(rowOf('CS').createdAt),
        updatedAt: ZERO_TIME,
        eTag: eTagOf(rowOf('CS').updatedAt),
      },
    ]);
  });

  it.each([
    ['only CS', { serviceCodeCS: true }, ['CS']],
    ['only MS', { serviceCodeMS: true, serviceCodeCS: false }, ['MS']],
    ['neither', {}, []],
  ])(
    'creates %s when that is all it is asked for, and approves the move either way',
    async (_, body, codes) => {
      const { move } = seededMove(SEED_LOCATORS.submitted);
      expect((await approve(move.id!, move.eTag, body)).body.status).toBe('APPROVED');
      expect((await itemsOf(move.id!)).map((item) => item.reServiceCode)).toEqual(codes);
    },
  );

  it('leaves the shipments, the orders and the customer as they were, eTags included', async () => {
    const before = seededMove(SEED_LOCATORS.submitted);
    await approve(before.move.id!, before.move.eTag, { serviceCodeMS: true });
    const after = seededMove(SEED_LOCATORS.submitted);
    expect(after.shipments).toEqual(before.shipments);
    expect(after.order).toEqual(before.order);
    expect(after.customer).toEqual(before.customer);
  });

  it('does not save a move approved before: status and eTag stay, a second MS is skipped, CS is made each time', async () => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested);
    const body = { serviceCodeMS: true, serviceCodeCS: true };
    const first = await approve(move.id!, move.eTag, body);
    const second = await approve(move.id!, move.eTag, body);

    expect(first.body).toEqual(move);
    expect(second.body).toEqual(move);
    const added = (await itemsOf(move.id!)).slice(serviceItems.length);
    expect(added.map((item) => item.reServiceCode)).toEqual(['CS', 'CS']);
  });

  it('dates each new fee when it is made, not when the move was approved', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    const seeded = new Set(rows.serviceItems.map((item) => item.id));
    const from = Date.now();
    await approve(move.id!, move.eTag, { serviceCodeCS: true });
    const made = db.serviceItemsOf(rows.move.id).filter((item) => !seeded.has(item.id));
    expect(made.map((item) => item.reServiceCode)).toEqual(['CS']);
    expectBetween(made[0].approvedAt, from, Date.now());
    expect(made[0].approvedAt).not.toBe(rows.move.approvedAt);
  });

  it('does not look at the orders again for a move approved before: only its fees are made', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    db.touch('order', rows.order.id, { tac: null });
    const answer = await approve(move.id!, move.eTag, { serviceCodeCS: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(move);
  });

  it('skips an MS that exists before it looks for a pickup date, and counts deleted shipments', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.availableToPrime);
    const [kept, ...others] = rows.shipments;
    for (const shipment of others) db.touch('shipment', shipment.id, { requestedPickupDate: null });
    db.touch('shipment', kept.id, { deletedAt: rows.move.updatedAt });
    // A deleted shipment's pickup date still prices the fee.
    expect((await approve(move.id!, move.eTag, { serviceCodeCS: true })).status).toBe(200);
    db.touch('shipment', kept.id, { requestedPickupDate: null });
    // MS exists already: nothing to price, no 404.
    expect((await approve(move.id!, move.eTag, { serviceCodeMS: true })).status).toBe(200);
    expectNoBody(await approve(move.id!, move.eTag, { serviceCodeCS: true }), 404);
  });

  it('makes no MS for a PPM-only move, deleted shipments left out; CS is still made', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    const [gone, ...kept] = rows.shipments;
    for (const shipment of kept) db.touch('shipment', shipment.id, { shipmentType: 'PPM' });
    // IsPPMOnly reads the fetched move, whose deleted shipments are dropped.
    db.touch('shipment', gone.id, { deletedAt: rows.move.updatedAt });
    const answer = await approve(move.id!, move.eTag, { serviceCodeMS: true, serviceCodeCS: true });
    expect(answer.body.status).toBe('APPROVED');
    expect((await itemsOf(move.id!)).map((item) => item.reServiceCode)).toEqual(['CS']);
  });

  it.each([
    ['canceled', { status: 'CANCELED' }],
    ['rejected', { status: 'REJECTED' }],
    ['for an external vendor', { usesExternalVendor: true }],
  ] as const)('still makes MS when the one shipment that is no PPM is %s', async (_, patch) => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    const [other, ...ppms] = rows.shipments;
    for (const shipment of ppms) db.touch('shipment', shipment.id, { shipmentType: 'PPM' });
    db.touch('shipment', other.id, patch);
    expect((await approve(move.id!, move.eTag, { serviceCodeMS: true })).status).toBe(200);
    expect((await itemsOf(move.id!)).map((item) => item.reServiceCode)).toEqual(['MS']);
  });

  it("prices a PPM-only move's CS by the PPM's expected departure date: no pickup date needed", async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    for (const shipment of rows.shipments) {
      db.touch('shipment', shipment.id, { shipmentType: 'PPM', requestedPickupDate: null });
    }
    // MS is not asked of it at all: nothing to price, no 404.
    const answer = await approve(move.id!, move.eTag, { serviceCodeMS: true, serviceCodeCS: true });
    expect(answer.status).toBe(200);
    expect((await itemsOf(move.id!)).map((item) => item.reServiceCode)).toEqual(['CS']);
  });

  it('refuses the fees of a move approved before that is no longer approved: 409 from the service item creator', async () => {
    const { rows } = seededMove(SEED_LOCATORS.availableToPrime);
    const canceled = db.save('move', rows.move.id, { status: 'CANCELED' });
    const eTag = eTagOf(canceled.updatedAt);
    const conflict = `ID: ${canceled.id} is in a conflicting state Cannot create service items before a move has been approved. The current status for the move with ID ${canceled.id} is CANCELED`;
    const before = db.snapshot();
    expect(expectMessage(await approve(canceled.id, eTag, { serviceCodeCS: true }), 409)).toBe(
      conflict,
    );
    // The status is looked at before the MS it already has is found.
    expect(expectMessage(await approve(canceled.id, eTag, { serviceCodeMS: true }), 409)).toBe(
      conflict,
    );
    expect(db.snapshot()).toEqual(before);
    // Nothing to create, nothing refused: the move is answered as it is.
    const answer = await approve(canceled.id, eTag, {});
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('CANCELED');
    expect(answer.body.eTag).toBe(eTag);
  });

  it('refuses a move in a status approval does not leave: 409 with the router message', async () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const draft = db.save('move', rows.move.id, { status: 'DRAFT' });
    const answer = await approve(draft.id, eTagOf(draft.updatedAt), { serviceCodeMS: true });
    expect(expectMessage(answer, 409)).toBe(
      `ID: ${draft.id} is in a conflicting state A move can only be approved if it's in one of these states: ["SUBMITTED" "APPROVALS REQUESTED" "SERVICE COUNSELING COMPLETED"]. However, its current status is: DRAFT: INVALID_TRANSITION`,
    );
    expect(db.serviceItemsOf(draft.id)).toEqual([]);
  });

  it('refuses orders without a TAC with 422, naming the orders and each gap, and changes nothing', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.missingTac);
    const before = db.snapshot();
    const body = expectValidation(await approve(move.id!, move.eTag, { serviceCodeMS: true }));
    expect(body).toMatchObject({
      title: 'Unable to complete request',
      detail: `Invalid input for ID: ${rows.order.id}. TransportationAccountingCode cannot be blank.`,
      invalid_fields: {},
    });
    expect(db.snapshot()).toEqual(before);

    db.save('order', rows.order.id, { ordersNumber: null, departmentIndicator: null });
    const all = expectValidation(await approve(move.id!, move.eTag, {}));
    expect(all.detail).toBe(
      `Invalid input for ID: ${rows.order.id}. TransportationAccountingCode cannot be blank.\nDepartmentIndicator cannot be blank.\nOrdersNumber cannot be blank.`,
    );
  });

  it('answers 404 without a body when MS or CS is asked for and no shipment has a pickup date', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.submitted);
    for (const shipment of rows.shipments) {
      db.touch('shipment', shipment.id, { requestedPickupDate: null });
    }
    expectNoBody(await approve(move.id!, move.eTag, { serviceCodeCS: true }), 404);
    expect(db.find('move', move.id!)?.status).toBe('SUBMITTED');
    expect((await approve(move.id!, move.eTag, {})).status).toBe(200);
  });

  it('judges in the server order: 404, then the eTag, then the status, then the orders', async () => {
    const stale = eTagOf('2020-01-01T00:00:00.000000Z');
    expectNoBody(await approve(UNKNOWN_ID, stale, {}), 404);
    expectNoBody(await approve('not-a-uuid', stale, {}), 500);

    const { move, rows } = seededMove(SEED_LOCATORS.missingTac);
    expect(expectMessage(await approve(move.id!, stale, {}), 412)).toBe(precondition(move.id!));
    const draft = db.save('move', rows.move.id, { status: 'DRAFT' });
    expect(expectMessage(await approve(draft.id, stale, {}), 412)).toBe(precondition(draft.id));
    expectMessage(await approve(draft.id, eTagOf(draft.updatedAt), {}), 409);
  });

  it('refuses a stale eTag with 412 after a colleague approved the move first', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    expect((await approve(move.id!, move.eTag, {})).status).toBe(200);
    const answer = await approve(move.id!, move.eTag, { serviceCodeMS: true });
    expect(expectMessage(answer, 412)).toBe(precondition(move.id!));
    expect(db.serviceItemsOf(move.id!)).toEqual([]);
  });

  it('binds If-Match, then the id (a plain string), then the body named serviceItemCodes', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const path = `/move-task-orders/${move.id}/status`;
    expect(expectFramework(await send('PATCH', path, {}), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await send('PATCH', path, { ifMatch: move.eTag }), 422)).toBe(
      'serviceItemCodes in body is required',
    );
    expect(expectFramework(await send('PATCH', path, { ifMatch: move.eTag, body: '{' }), 400)).toBe(
      'parsing serviceItemCodes body from "" failed, because unexpected EOF',
    );
    expect(
      expectFramework(
        await send('PATCH', path, { ifMatch: move.eTag, body: { serviceCodeMS: 'yes' } }),
        400,
      ),
    ).toBe(
      'parsing serviceItemCodes body from "" failed, because json: cannot unmarshal string into Go struct field MTOApprovalServiceItemCodes.serviceCodeMS of type bool',
    );
    // The id is not bound as a UUID: the handler's fetch fails on it.
    expectNoBody(
      await send('PATCH', '/move-task-orders/abc/status', { ifMatch: 'x', body: {} }),
      500,
    );
    expect(db.find('move', move.id!)?.status).toBe('SUBMITTED');
  });

  it('looks at the content type before anything else, and ignores fields it does not know', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const path = `/move-task-orders/${move.id}/status`;
    const text = await send('PATCH', path, {
      body: 'serviceCodeMS=true',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(expectFramework(text, 415)).toBe(
      'unsupported media type "text/plain", only [application/json] are allowed',
    );
    const answer = await send<Move>('PATCH', path, {
      ifMatch: move.eTag,
      body: { serviceCodeMS: true, availableToPrimeAt: '2020-01-01T00:00:00Z', serviceCodeXX: 1 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('availableToPrimeAt');
  });

  it('in the rfc9110 profile: 428 without If-Match, a quoted eTag or * accepted, the ETag header', async () => {
    setMockProfile('rfc9110');
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const path = `/move-task-orders/${move.id}/status`;
    const missing = await send('PATCH', path, { body: {} });
    expect(expectFramework(missing, 428)).toBe('If-Match in header is required');
    expect(missing.body).toMatchObject({ title: 'Precondition Required' });

    const answer = await approve(move.id!, quoted(move.eTag!), {});
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
    expectMessage(await approve(move.id!, `W/${quoted(answer.body.eTag!)}`, {}), 412);
    expect((await approve(move.id!, '*', { serviceCodeCS: true })).status).toBe(200);
  });
});

describe('TIO remarks (updateMoveTIORemarks)', () => {
  const remarks = (id: string, ifMatch: string | undefined, body: unknown) =>
    send<Move>('PATCH', `/move-task-orders/${id}/tio-remarks`, { ifMatch, body });

  it('sets the remarks and saves the move: a new eTag, nothing else changed', async () => {
    const { move } = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await remarks(move.id!, move.eTag, {
      tioRemarks: 'Invoice matches the weight ticket',
    });
    const row = db.find('move', move.id!)!;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...move,
      tioRemarks: 'Invoice matches the weight ticket',
      updatedAt: jsonDateTime(row.updatedAt),
      eTag: eTagOf(row.updatedAt),
    });
    expect(misfits('updateMoveTIORemarks', answer.body)).toEqual([]);
  });

  it('gives a new eTag even when the remarks stay the same', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const first = await remarks(move.id!, move.eTag, { tioRemarks: 'Same' });
    const second = await remarks(move.id!, first.body.eTag, { tioRemarks: 'Same' });
    expect(second.status).toBe(200);
    expect(second.body.eTag).not.toBe(first.body.eTag);
    expect({ ...second.body, updatedAt: undefined, eTag: undefined }).toEqual({
      ...first.body,
      updatedAt: undefined,
      eTag: undefined,
    });
  });

  it('clears the remarks with null, or when the body leaves them out', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const set = await remarks(move.id!, move.eTag, { tioRemarks: 'Temporary' });
    const cleared = await remarks(move.id!, set.body.eTag, { tioRemarks: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('tioRemarks');
    const again = await remarks(move.id!, cleared.body.eTag, { tioRemarks: 'Back' });
    expect((await remarks(move.id!, again.body.eTag, {})).body).not.toHaveProperty('tioRemarks');
  });

  it('takes a whole Move body but changes only the remarks', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const answer = await remarks(move.id!, move.eTag, {
      ...move,
      status: 'APPROVED',
      locator: 'XXXXXX',
      eTag: 'forged',
      tioRemarks: 'Only this',
    });
    expect(answer.body).toMatchObject({ status: 'SUBMITTED', locator: 'RDY4PR' });
    expect(answer.body.tioRemarks).toBe('Only this');
  });

  it('refuses the read-only financial review fields, but lets their zero values through', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const flag = await remarks(move.id!, move.eTag, { tioRemarks: 'x', financialReviewFlag: true });
    expect(expectFramework(flag, 422)).toBe('financialReviewFlag in body is readOnly');
    const remarksField = await remarks(move.id!, move.eTag, { financialReviewRemarks: '' });
    expect(expectFramework(remarksField, 422)).toBe('financialReviewRemarks in body is readOnly');
    const zero = await remarks(move.id!, move.eTag, {
      tioRemarks: 'Fine',
      financialReviewFlag: false,
      financialReviewRemarks: null,
    });
    expect(zero.status).toBe(200);
  });

  it('reports a schema error before a read-only field, as Validate runs before ContextValidate', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const answer = await remarks(move.id!, move.eTag, {
      financialReviewFlag: true,
      status: 'LOST',
    });
    expect(expectFramework(answer, 422)).toBe(
      'status in body should be one of [DRAFT NEEDS SERVICE COUNSELING SERVICE COUNSELING COMPLETED SUBMITTED APPROVALS REQUESTED APPROVED CANCELED]',
    );
  });

  it('binds If-Match, then the body, then the id', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    expect(expectFramework(await remarks('abc', undefined, '{'), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await remarks('abc', move.eTag, undefined), 422)).toBe(
      'body in body is required',
    );
    expect(expectFramework(await remarks('abc', move.eTag, { tioRemarks: 7 }), 400)).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal number into Go struct field Move.tioRemarks of type string',
    );
    expectFramework(await remarks(move.id!, move.eTag, { submittedAt: 'yesterday' }), 400);
  });

  it('answers 404 for an unknown move, 500 for an id that is no UUID, 412 for a stale eTag', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    expectNoBody(await remarks(UNKNOWN_ID, move.eTag, { tioRemarks: 'x' }), 404);
    expectNoBody(await remarks('RDY4PR', move.eTag, { tioRemarks: 'x' }), 500);
    const stale = await remarks(move.id!, `${move.eTag}x`, { tioRemarks: 'x' });
    expect(expectMessage(stale, 412)).toBe(precondition(move.id!));
    expect(db.find('move', move.id!)?.tioRemarks).toBeNull();
  });
});
