// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { misfits } from '../answerSchema';
import { eTagOf } from '../clock';
import { db, SEED_LOCATORS } from '../db';
import { setMockProfile } from '../profile';
import type { Schemas } from '../records';
import {
  expectFramework,
  expectMessage,
  expectNoBody,
  expectValidation,
  quoted,
  seededMove,
  send,
} from '../testApi';

type Order = Schemas['Order'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ORDER_ID = 'ee0c99db-06ce-43ff-b04e-62e732051517';
const FORT_BRAGG = '249d6935-952f-482d-8186-d4d31392f8ac';
const FORT_CARSON = '49662ac8-181f-4e22-9b5a-a90cf404f3d8';

const PETERSON = {
  id: '23a4906c-db80-448d-a5c8-36fdbb312222',
  name: 'Peterson SFB, CO 80914',
  address_id: '964d9a55-b194-4282-aa53-423748514f0c',
  address: {
    id: '964d9a55-b194-4282-aa53-423748514f0c',
    streetAddress1: '135 Dover St',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80914',
    county: 'El Paso',
    eTag: 'MjAyNS0wMS0wNlQxNDoxNToxNy4yMTY0MDZa',
  },
  eTag: 'MjAyNS0wMS0wNlQxNDoxNToxNy4yMTY0MDZa',
} as const;

const FORT_HOOD = {
  id: '081b10b7-2b92-46ea-93ba-88e8e9c6398d',
  name: 'Fort Hood, TX 76544',
  address_id: '87afbcd7-6cc7-4d1f-999e-f93866370ae6',
  address: {
    id: '87afbcd7-6cc7-4d1f-999e-f93866370ae6',
    streetAddress1: '18010 T J Mills Blvd',
    city: 'Fort Hood',
    state: 'TX',
    postalCode: '76544',
    county: 'Bell',
    eTag: 'MjAyNS0wMS0wNlQxMToxNzo0OC42NDE2MzJa',
  },
  eTag: 'MjAyNS0wMS0wNlQxMToxNzo0OC42NDE2MzJa',
} as const;

/** RDY4PR's orders as the API shows them; only the report-by date counts from today. */
const seededOrders = (): Order => ({
  id: ORDER_ID,
  customerID: '0fdc25cf-00ee-48e3-8238-3bc42b48a889',
  moveCode: 'RDY4PR',
  moveTaskOrderID: '2301cc56-c441-493c-928e-dd471a9e8c51',
  first_name: 'Joshua',
  last_name: 'Williams',
  grade: 'O-2',
  agency: 'ARMY',
  originDutyLocation: PETERSON,
  originDutyLocationGBLOC: 'KKFA',
  destinationDutyLocation: FORT_HOOD,
  order_number: 'ORD0938082',
  order_type: 'PERMANENT_CHANGE_OF_STATION',
  order_type_detail: 'HHG_PERMITTED',
  date_issued: '2026-08-31',
  report_by_date: db.find('order', ORDER_ID)!.reportByDate,
  department_indicator: 'ARMY',
  tac: '2171',
  sac: 'SAC545636',
  ntsTac: 'C716',
  has_dependents: true,
  eTag: 'MjAyNi0wOS0wNFQxNTozODowOC41Nzg3MDRa',
});

/** What MilMove's orders page sends, fields the server ignores included. */
const PAGE_BODY = {
  issueDate: '2026-09-01',
  reportByDate: '2027-06-01',
  ordersType: 'RETIREMENT',
  ordersTypeDetail: 'PCS_TDY',
  ordersNumber: 'ORD0000001',
  originDutyLocationId: PETERSON.id,
  newDutyLocationId: FORT_HOOD.id,
  departmentIndicator: 'ARMY',
  grade: 'E-5',
  tac: 'f8e1',
  sac: '',
  ntsTac: 'n002',
  ntsSac: 'NTS-SAC',
  dependentsAuthorized: true,
  proGearWeight: 2000,
  agency: 'NAVY',
  payGrade: 'E_5',
};

const update = (body: unknown, options: { ifMatch?: string; id?: string } = {}) =>
  send<Order>('PATCH', `/orders/${options.id ?? ORDER_ID}`, {
    ifMatch: 'ifMatch' in options ? options.ifMatch : seededMove('RDY4PR').order.eTag,
    body,
  });

afterEach(() => setMockProfile('ghc'));

describe('reading orders (getOrder)', () => {
  it('answers the orders as the document has them, with both duty locations and their eTags', async () => {
    expect(seededMove(SEED_LOCATORS.submitted).order.id).toBe(ORDER_ID);
    const answer = await send<Order>('GET', `/orders/${ORDER_ID}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(seededOrders());
    expect(misfits('getOrder', answer.body)).toEqual([]);
    expect(answer.etag).toBeNull();
  });

  it('answers 422 for an id that is no UUID, and 404 (as the document says) for an unknown one', async () => {
    expect(expectFramework(await send('GET', '/orders/RDY4PR'), 422)).toBe(
      'orderID in path must be of type strfmt.UUID: "RDY4PR"',
    );
    expectNoBody(await send('GET', `/orders/${UNKNOWN_ID}`), 404);
  });
});

describe('changing orders (updateOrder)', () => {
  it('writes what the orders page sends, as the TOO updater does, with a new eTag', async () => {
    const answer = await update(PAGE_BODY);
    const row = db.find('order', ORDER_ID)!;
    expect(answer.status).toBe(200);
    const { sac: _sac, ...unchanged } = seededOrders();
    expect(answer.body).toEqual({
      ...unchanged,
      grade: 'E-5',
      order_number: 'ORD0000001',
      order_type: 'RETIREMENT',
      order_type_detail: 'PCS_TDY',
      date_issued: '2026-09-01',
      report_by_date: '2027-06-01',
      // TACs are upper-cased; an empty SAC clears it.
      tac: 'F8E1',
      ntsTac: 'N002',
      ntsSac: 'NTS-SAC',
      eTag: eTagOf(row.updatedAt),
    });
    expect(answer.body).not.toHaveProperty('sac');
    expect(misfits('updateOrder', answer.body)).toEqual([]);
    // The grade sets the weight the entitlement allows.
    expect(row.entitlement.authorizedWeight).toBe(9000);
  });

  it('saves the customer with the orders: the customer gets a new eTag, nothing else of it changes', async () => {
    const before = seededMove(SEED_LOCATORS.submitted);
    expect((await update(PAGE_BODY)).status).toBe(200);
    const after = seededMove(SEED_LOCATORS.submitted);
    expect(after.customer.eTag).not.toBe(before.customer.eTag);
    expect({ ...after.customer, eTag: '' }).toEqual({ ...before.customer, eTag: '' });
    // A submitted move is not looked at again.
    expect(after.move).toEqual(before.move);
  });

  it('looks again at a move waiting for approvals: saved, and approved once nothing waits', async () => {
    const { move, order, rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    const body = {
      ...PAGE_BODY,
      originDutyLocationId: rows.order.originDutyLocationId,
      newDutyLocationId: rows.order.newDutyLocationId,
    };
    const first = await update(body, { id: order.id, ifMatch: order.eTag });
    expect(first.status).toBe(200);
    const waiting = db.find('move', move.id!)!;
    expect(waiting.status).toBe('APPROVALS REQUESTED');
    expect(eTagOf(waiting.updatedAt)).not.toBe(move.eTag);

    for (const shipment of rows.shipments) db.save('shipment', shipment.id, { status: 'APPROVED' });
    for (const item of rows.serviceItems) db.save('serviceItem', item.id, { status: 'APPROVED' });
    await update(body, { id: order.id, ifMatch: first.body.eTag });
    expect(db.find('move', move.id!)?.status).toBe('APPROVED');
  });

  it('moves the orders to another origin: its duty location and GBLOC', async () => {
    const answer = await update({ ...PAGE_BODY, originDutyLocationId: FORT_BRAGG });
    expect(answer.body.originDutyLocation?.name).toBe('Fort Bragg, NC 28310');
    expect(answer.body.originDutyLocationGBLOC).toBe('BGAC');
    expect(misfits('updateOrder', answer.body)).toEqual([]);
  });

  it('answers 404 without a body for a duty location it does not know, and changes nothing', async () => {
    const before = db.snapshot().records;
    expectNoBody(await update({ ...PAGE_BODY, newDutyLocationId: UNKNOWN_ID }), 404);
    expect(db.snapshot().records).toEqual(before);
  });

  it('requires the dates, the orders type and both duty locations, reporting them in name order', async () => {
    expect(expectFramework(await update({}), 422)).toBe('issueDate in body is required');
    expect(expectFramework(await update({ issueDate: '2026-09-01' }), 422)).toBe(
      'newDutyLocationId in body is required',
    );
    const { reportByDate: _reportBy, ...withoutReportBy } = PAGE_BODY;
    expect(expectFramework(await update(withoutReportBy), 422)).toBe(
      'reportByDate in body is required',
    );
    expect(expectFramework(await update({ ...PAGE_BODY, ordersType: null }), 422)).toBe(
      'ordersType in body is required',
    );
  });

  it.each([
    [
      'an orders type',
      { ordersType: 'PCS' },
      'ordersType in body should be one of [PERMANENT_CHANGE_OF_STATION LOCAL_MOVE RETIREMENT SEPARATION WOUNDED_WARRIOR BLUEBARK SAFETY TEMPORARY_DUTY EARLY_RETURN_OF_DEPENDENTS STUDENT_TRAVEL]',
    ],
    [
      'an empty department indicator',
      { departmentIndicator: '' },
      'departmentIndicator in body should be one of [NAVY_AND_MARINES ARMY ARMY_CORPS_OF_ENGINEERS AIR_AND_SPACE_FORCE COAST_GUARD OFFICE_OF_SECRETARY_OF_DEFENSE]',
    ],
    ['a grade in the old spelling', { grade: 'E_5' }, /^grade in body should be one of \[E-1 E-2 /],
    ['a short TAC', { tac: 'F8E' }, 'tac in body should be at least 4 chars long'],
    ['an empty TAC', { tac: '' }, 'tac in body should be at least 4 chars long'],
    ['a long TAC', { tac: 'F8E1X' }, 'tac in body should be at most 4 chars long'],
    [
      'a duty location id that is no UUID',
      { newDutyLocationId: 'abc' },
      'newDutyLocationId in body must be of type uuid: "abc"',
    ],
  ])('refuses %s with 422', async (_, fields, detail) => {
    expect(expectFramework(await update({ ...PAGE_BODY, ...fields }), 422)).toMatch(detail);
  });

  it('refuses a date that does not parse with 400, as strfmt.Date fails to decode', async () => {
    expectFramework(await update({ ...PAGE_BODY, issueDate: '2026-02-30' }), 400);
  });

  it('takes any NTS TAC or SAC, as their nullable type checks no length, and clears them with ""', async () => {
    const short = await update({ ...PAGE_BODY, ntsTac: 'ab' });
    expect(short.status).toBe(200);
    expect(short.body.ntsTac).toBe('AB');
    const cleared = await update(
      { ...PAGE_BODY, ntsTac: '', ntsSac: null },
      { ifMatch: short.body.eTag },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('ntsTac');
    expect(cleared.body).not.toHaveProperty('ntsSac');
  });

  it('refuses a SAC longer than 80 characters with the updater’s own 422', async () => {
    const answer = await update({ ...PAGE_BODY, sac: 'S'.repeat(81) });
    expect(expectValidation(answer).detail).toBe('SAC cannot be more than 80 characters');
  });

  it('refuses orders that would still lack a TAC: what approval needs stays required', async () => {
    const { order, rows } = seededMove(SEED_LOCATORS.missingTac);
    const { tac: _tac, ...withoutTac } = {
      ...PAGE_BODY,
      originDutyLocationId: rows.order.originDutyLocationId,
      newDutyLocationId: rows.order.newDutyLocationId,
    };
    const before = db.snapshot().records;
    // Null is no value to Go's decoder: it leaves the stored TAC, which is none.
    for (const body of [withoutTac, { ...withoutTac, tac: null }]) {
      const refused = expectValidation(await update(body, { id: order.id, ifMatch: order.eTag }));
      expect(refused).toMatchObject({
        title: 'Unable to complete request',
        detail: `Invalid input for ID: ${order.id}. TransportationAccountingCode cannot be blank.`,
        invalid_fields: {},
      });
    }
    expect(db.snapshot().records).toEqual(before);
    const fixed = await update(
      { ...withoutTac, tac: 'K123' },
      { id: order.id, ifMatch: order.eTag },
    );
    expect(fixed.body.tac).toBe('K123');
  });

  it('names every gap the merged orders have, one per line', async () => {
    db.touch('order', ORDER_ID, { ordersTypeDetail: null, ordersNumber: null });
    const { ordersTypeDetail: _detail, ordersNumber: _number, ...body } = PAGE_BODY;
    expect(expectValidation(await update(body)).detail).toBe(
      `Invalid input for ID: ${ORDER_ID}. OrdersNumber cannot be blank.\nOrdersTypeDetail cannot be blank.`,
    );
  });

  it('binds If-Match, then the body, then the id', async () => {
    expect(expectFramework(await update('{', { ifMatch: undefined, id: 'abc' }), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await update({ tac: 1 }, { id: 'abc' }), 400)).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal number into Go struct field UpdateOrderPayload.tac of type string',
    );
    expect(expectFramework(await update({}, { id: 'abc' }), 422)).toBe(
      'issueDate in body is required',
    );
    expect(expectFramework(await update(PAGE_BODY, { id: 'abc' }), 422)).toBe(
      'orderID in path must be of type strfmt.UUID: "abc"',
    );
  });

  it('answers 404 for unknown orders before it looks at the eTag, then 412 for a stale one', async () => {
    expectNoBody(await update(PAGE_BODY, { ifMatch: 'stale', id: UNKNOWN_ID }), 404);
    const stale = seededMove(SEED_LOCATORS.submitted).order.eTag!;
    db.save('order', ORDER_ID, { ordersNumber: 'ORD9999999' });
    const before = JSON.stringify(db.snapshot().records);
    expect(expectMessage(await update(PAGE_BODY, { ifMatch: stale }), 412)).toBe(
      `Precondition failed on update to object with ID: '${ORDER_ID}'. The If-Match header value did not match the eTag for this record.`,
    );
    expect(JSON.stringify(db.snapshot().records)).toBe(before);
  });

  it('gives a new eTag to a write that changes no field', async () => {
    const first = await update(PAGE_BODY);
    const second = await update(PAGE_BODY, { ifMatch: first.body.eTag });
    expect(second.status).toBe(200);
    expect(second.body.eTag).not.toBe(first.body.eTag);
    expect({ ...second.body, eTag: '' }).toEqual({ ...first.body, eTag: '' });
  });

  it('in the rfc9110 profile: 428 without If-Match, * accepted, the ETag header', async () => {
    setMockProfile('rfc9110');
    expectFramework(await update(PAGE_BODY, { ifMatch: undefined }), 428);
    const answer = await update(
      { ...PAGE_BODY, originDutyLocationId: FORT_CARSON },
      { ifMatch: '*' },
    );
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
  });
});
