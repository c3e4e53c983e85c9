// @vitest-environment node
// The shipment tag: approveShipment, approveShipments and rejectShipment.
import { afterEach, describe, expect, it } from 'vitest';
import { misfits } from '../answerSchema';
import { eTagOf, isoDate, jsonDateTime } from '../clock';
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

type Shipment = Schemas['MTOShipment'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const precondition = (id: string) =>
  `Precondition failed on update to object with ID: '${id}'. The If-Match header value did not match the eTag for this record.`;

afterEach(() => setMockProfile('ghc'));

/** RDY4PR once the TOO approved the move: its shipments wait, still SUBMITTED. */
async function approvedMove() {
  const { move } = seededMove(SEED_LOCATORS.submitted);
  const answer = await send('PATCH', `/move-task-orders/${move.id}/status`, {
    ifMatch: move.eTag,
    body: { serviceCodeMS: true },
  });
  expect(answer.status).toBe(200);
  return seededMove(SEED_LOCATORS.submitted);
}

const approveOne = (id: string, ifMatch?: string) =>
  send<Shipment>('POST', `/shipments/${id}/approve`, { ifMatch });

const approveAll = (items: { shipmentID?: string; eTag?: string }[]) =>
  send<Shipment[]>('POST', '/shipments/approve', { body: { approveShipments: items } });

const codesOf = (shipmentId: string) =>
  db
    .all('serviceItem')
    .filter((item) => item.shipmentId === shipmentId)
    .map((item) => [item.reServiceCode, item.status]);

describe('approving one shipment (approveShipment)', () => {
  it('approves it with its basic service items, and answers it as the document has it', async () => {
    const { shipments } = await approvedMove();
    const [first] = shipments;
    const answer = await approveOne(first.id!, first.eTag);
    const row = db.find('shipment', first.id!)!;

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...first,
      status: 'APPROVED',
      approvedDate: jsonDateTime(row.approvedDate!),
      updatedAt: jsonDateTime(row.updatedAt),
      eTag: eTagOf(row.updatedAt),
    });
    expect(answer.body.eTag).not.toBe(first.eTag);
    expect(misfits('approveShipment', answer.body)).toEqual([]);
    expect(codesOf(first.id!)).toEqual([
      ['DLH', 'APPROVED'],
      ['FSC', 'APPROVED'],
      ['DOP', 'APPROVED'],
      ['DDP', 'APPROVED'],
      ['DPK', 'APPROVED'],
      ['DUPK', 'APPROVED'],
    ]);
  });

  it('gives a shipment into storage NTS packing, and a short haul within one ZIP3 shorthaul', async () => {
    const { rows } = await approvedMove();
    const [first, , nts] = rows.shipments;
    const local = db.save('shipment', first.id, {
      destinationAddress: { ...first.destinationAddress!, postalCode: '80917' },
    });
    await approveOne(nts.id, eTagOf(nts.updatedAt));
    await approveOne(local.id, eTagOf(local.updatedAt));
    expect(codesOf(nts.id).map(([code]) => code)).toEqual(['DLH', 'FSC', 'DOP', 'DDP', 'DNPK']);
    expect(codesOf(local.id).map(([code]) => code)).toEqual([
      'DSH',
      'FSC',
      'DOP',
      'DDP',
      'DPK',
      'DUPK',
    ]);
  });

  it('saves the move each time and makes it available to the Prime: APPROVALS REQUESTED until the last one', async () => {
    const { move, shipments } = await approvedMove();
    const from = Date.now();
    await approveOne(shipments[0].id!, shipments[0].eTag);
    const afterFirst = db.find('move', move.id!)!;
    expect(afterFirst.status).toBe('APPROVALS REQUESTED');
    expect(afterFirst.approvalsRequestedAt).not.toBeNull();
    expect(Date.parse(afterFirst.availableToPrimeAt!)).toBeGreaterThanOrEqual(from);
    expect(eTagOf(afterFirst.updatedAt)).not.toBe(move.eTag);

    await approveOne(shipments[1].id!, shipments[1].eTag);
    const afterSecond = db.find('move', move.id!)!;
    expect(afterSecond.updatedAt > afterFirst.updatedAt).toBe(true);
    expect(afterSecond.availableToPrimeAt).toBe(afterFirst.availableToPrimeAt);
    expect(afterSecond.approvalsRequestedAt).toBe(afterFirst.approvalsRequestedAt);

    await approveOne(shipments[2].id!, shipments[2].eTag);
    const afterLast = db.find('move', move.id!)!;
    expect(afterLast.status).toBe('APPROVED');
    expect(afterLast.approvedAt! > afterSecond.updatedAt).toBe(true);
    expect(afterLast.availableToPrimeAt).toBe(afterFirst.availableToPrimeAt);
  });

  it('keeps the TOO assigned while a shipment still waits for them, and lets go once none does', async () => {
    const { move, shipments } = await approvedMove();
    // Approving the move itself let the assignment go: a TOO takes the move again.
    db.touch('move', move.id!, { tooAssignedId: OFFICE_USERS[1].id });
    await approveOne(shipments[0].id!, shipments[0].eTag);
    await approveOne(shipments[1].id!, shipments[1].eTag);
    expect(db.find('move', move.id!)?.tooAssignedId).toBe(OFFICE_USERS[1].id);
    await approveOne(shipments[2].id!, shipments[2].eTag);
    expect(db.find('move', move.id!)?.tooAssignedId).toBeNull();
  });

  it("approves a shipment the Prime's request put back in front of the TOO, making its basic service items again as the real approver does", async () => {
    const { rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    const asked = rows.shipments.find((shipment) => shipment.status === 'APPROVALS_REQUESTED')!;
    const items = codesOf(asked.id);
    const answer = await approveOne(asked.id, eTagOf(asked.updatedAt));
    expect(answer.body.status).toBe('APPROVED');
    // Nothing in the real approver looks for the items an earlier approval made.
    expect(codesOf(asked.id)).toEqual([
      ...items,
      ...['DLH', 'FSC', 'DOP', 'DDP', 'DPK', 'DUPK'].map((code) => [code, 'APPROVED']),
    ]);
  });

  it('checks in the server order: 404, external vendor, eTag, pickup date, move status, shipment status', async () => {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const [shipment] = rows.shipments;
    expectNoBody(await approveOne(UNKNOWN_ID, 'stale'), 404);

    const external = db.save('shipment', shipment.id, { usesExternalVendor: true });
    expect(expectMessage(await approveOne(shipment.id, 'stale'), 409)).toBe(
      `ID: ${shipment.id} is in a conflicting state shipmentApprover: shipment uses external vendor, cannot be approved for GHC Prime`,
    );
    const undated = db.save('shipment', shipment.id, {
      usesExternalVendor: false,
      requestedPickupDate: null,
    });
    expect(expectMessage(await approveOne(shipment.id, eTagOf(external.updatedAt)), 412)).toBe(
      precondition(shipment.id),
    );
    // The move is not approved either: the pickup date is looked at first.
    const noDate = await approveOne(shipment.id, eTagOf(undated.updatedAt));
    expect(expectValidation(noDate)).toMatchObject({
      title: 'Validation errors',
      detail: 'ApproveShipment',
      invalid_fields: {},
    });
    const today = db.save('shipment', shipment.id, { requestedPickupDate: isoDate(Date.now()) });
    expect(expectValidation(await approveOne(shipment.id, eTagOf(today.updatedAt)))).toMatchObject({
      invalid_fields: {
        'error validating mto shipment':
          "RequestedPickupDate must be greater than or equal to tomorrow's date.",
      },
    });
    const dated = db.save('shipment', shipment.id, {
      requestedPickupDate: rows.shipments[1].requestedPickupDate,
    });
    expect(expectMessage(await approveOne(shipment.id, eTagOf(dated.updatedAt)), 409)).toBe(
      `ID: ${rows.move.id} is in a conflicting state Cannot approve a shipment if the move status isn't APPROVED or APPROVALS REQUESTED, or if it isn't a PPM shipment with a move status of NEEDS SERVICE COUNSELING. The current status for the move with ID ${rows.move.id} is SUBMITTED`,
    );
  });

  it('refuses a shipment already decided with 409, naming the statuses approval leaves', async () => {
    const { shipments } = await approvedMove();
    const approved = (await approveOne(shipments[0].id!, shipments[0].eTag)).body;
    expect(expectMessage(await approveOne(approved.id!, approved.eTag), 409)).toBe(
      `Shipment with id '${approved.id}' can only transition to status 'APPROVED' from ["SUBMITTED" "DIVERSION_REQUESTED" "APPROVALS_REQUESTED"], but its current status is 'APPROVED'`,
    );
  });

  it('holds a boat, a mobile home or an NTS release without a date, but never one with a date that has come', async () => {
    const { shipments } = await approvedMove();
    const [first] = shipments;
    const boat = db.save('shipment', first.id!, {
      shipmentType: 'BOAT_HAUL_AWAY',
      requestedPickupDate: null,
    });
    expect((await approveOne(first.id!, eTagOf(boat.updatedAt))).status).toBe(200);
    const [, second] = shipments;
    const past = db.save('shipment', second.id!, {
      shipmentType: 'MOBILE_HOME',
      requestedPickupDate: isoDate(Date.now()),
    });
    expect(
      expectValidation(await approveOne(second.id!, eTagOf(past.updatedAt))).invalid_fields,
    ).toEqual({
      'error validating mto shipment':
        "RequestedPickupDate must be greater than or equal to tomorrow's date.",
    });
  });

  it('answers 404 without a body for a shipment a colleague deleted', async () => {
    const { shipments } = await approvedMove();
    db.remove('shipment', shipments[0].id!);
    expectNoBody(await approveOne(shipments[0].id!, shipments[0].eTag), 404);
    // Soft-deleted, it is not found either, to approve or to reject.
    const deleted = db.save('shipment', shipments[1].id!, {
      deletedAt: '2026-11-01T00:00:00.000000Z',
    });
    expectNoBody(await approveOne(deleted.id, eTagOf(deleted.updatedAt)), 404);
    const reject = await send('POST', `/shipments/${deleted.id}/reject`, {
      ifMatch: eTagOf(deleted.updatedAt),
      body: { rejectionReason: 'Not needed' },
    });
    expectNoBody(reject, 404);
  });

  it("refuses the move's eTag: each shipment has its own", async () => {
    const { move, shipments } = await approvedMove();
    const before = db.snapshot().records;
    expectMessage(await approveOne(shipments[0].id!, move.eTag), 412);
    expect(db.snapshot().records).toEqual(before);
  });

  it.each([
    ['in upper case', (id: string) => id.toUpperCase()],
    ['in braces', (id: string) => `{${id}}`],
    ['behind urn:uuid:', (id: string) => `urn:uuid:${id}`],
    ['as 32 bare digits', (id: string) => id.replaceAll('-', '')],
  ])('finds the shipment by its id %s, as strfmt takes it and gofrs reads it', async (_, form) => {
    const { shipments } = await approvedMove();
    const [first] = shipments;
    const answer = await approveOne(encodeURIComponent(form(first.id!)), first.eTag);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(first.id);
  });

  it('refuses the id forms strfmt refuses with 422, and answers 404 for those only gofrs refuses', async () => {
    const { shipments } = await approvedMove();
    const [first] = shipments;
    const id = first.id!;
    const bare = id.replaceAll('-', '');
    // google/uuid (strfmt) takes no braced or urn 32 digits, and every dash or none.
    for (const form of [`{${bare}}`, `urn:uuid:${bare}`, id.replace('-', '')]) {
      expect(expectFramework(await approveOne(encodeURIComponent(form), first.eTag), 422)).toBe(
        `shipmentID in path must be of type strfmt.UUID: "${form}"`,
      );
    }
    // It never looks at the byte either side, nor at the prefix's case; gofrs does: the nil UUID.
    for (const form of [`(${id})`, `URN:UUID:${id}`]) {
      expectNoBody(await approveOne(encodeURIComponent(form), first.eTag), 404);
    }
    expect(db.find('shipment', id)?.status).toBe('SUBMITTED');
  });

  it('binds If-Match, then the id, and takes no body', async () => {
    expect(expectFramework(await approveOne('abc'), 422)).toBe('If-Match in header is required');
    expect(expectFramework(await approveOne('abc', 'x'), 422)).toBe(
      'shipmentID in path must be of type strfmt.UUID: "abc"',
    );
    const { shipments } = await approvedMove();
    const text = await send('POST', `/shipments/${shipments[0].id}/approve`, {
      ifMatch: shipments[0].eTag,
      body: 'approve',
      headers: { 'Content-Type': 'text/plain' },
    });
    expectFramework(text, 415);
    const withJson = await send('POST', `/shipments/${shipments[0].id}/approve`, {
      ifMatch: shipments[0].eTag,
      body: { status: 'REJECTED' },
    });
    expect(withJson.body.status).toBe('APPROVED');
  });

  it('in the rfc9110 profile: 428 without If-Match, a quoted eTag accepted, the ETag header', async () => {
    const { shipments } = await approvedMove();
    setMockProfile('rfc9110');
    expectFramework(await approveOne(shipments[0].id!), 428);
    const answer = await approveOne(shipments[0].id!, quoted(shipments[0].eTag!));
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
  });
});

describe('approving several shipments at once (approveShipments)', () => {
  it('approves each in the order sent, with its own eTag, and answers them in that order', async () => {
    const { move, shipments } = await approvedMove();
    const [a, b, c] = shipments;
    const answer = await approveAll([c, a, b].map(({ id, eTag }) => ({ shipmentID: id, eTag })));
    expect(answer.status).toBe(200);
    expect(answer.body.map((shipment) => shipment.id)).toEqual([c.id, a.id, b.id]);
    for (const [index, sent] of [c, a, b].entries()) {
      const row = db.find('shipment', sent.id!)!;
      expect(answer.body[index]).toEqual({
        ...sent,
        status: 'APPROVED',
        approvedDate: jsonDateTime(row.approvedDate!),
        updatedAt: jsonDateTime(row.updatedAt),
        eTag: eTagOf(row.updatedAt),
      });
    }
    expect(misfits('approveShipments', answer.body)).toEqual([]);

    // The move went through APPROVALS REQUESTED on the way, and is available to the Prime.
    const row = db.find('move', move.id!)!;
    expect(row.status).toBe('APPROVED');
    expect(row.approvalsRequestedAt).not.toBeNull();
    expect(row.availableToPrimeAt).not.toBeNull();
    expect(eTagOf(row.updatedAt)).not.toBe(move.eTag);
  });

  it('leaves the move APPROVALS REQUESTED while a shipment it was not sent still waits', async () => {
    const { move, shipments } = await approvedMove();
    await approveAll(shipments.slice(0, 2).map(({ id, eTag }) => ({ shipmentID: id, eTag })));
    expect(db.find('move', move.id!)?.status).toBe('APPROVALS REQUESTED');
  });

  it('is all or nothing: one stale eTag refuses the batch with 412 naming that shipment', async () => {
    const { shipments } = await approvedMove();
    const [a, b] = shipments;
    db.save('shipment', b.id!, { counselorRemarks: 'Changed by a colleague' });
    const before = db.snapshot().records;
    const answer = await approveAll([
      { shipmentID: a.id, eTag: a.eTag },
      { shipmentID: b.id, eTag: b.eTag },
    ]);
    expect(expectMessage(answer, 412)).toBe(precondition(b.id!));
    expect(db.snapshot().records).toEqual(before);
  });

  it('judges the items in the order sent: the first refusal is the answer', async () => {
    const { shipments } = await approvedMove();
    const [a, b] = shipments;
    const answer = await approveAll([
      { shipmentID: b.id, eTag: 'stale' },
      { shipmentID: UNKNOWN_ID, eTag: a.eTag },
    ]);
    expect(expectMessage(answer, 412)).toBe(precondition(b.id!));
    expect(
      expectMessage(
        await approveAll([
          { shipmentID: UNKNOWN_ID, eTag: a.eTag },
          { shipmentID: b.id, eTag: 'stale' },
        ]),
        404,
      ),
    ).toBe(`ID: ${UNKNOWN_ID} not found while looking for shipment`);
  });

  it('refuses a shipment sent twice: the first approval saved it, so its eTag is stale the second time', async () => {
    const { shipments } = await approvedMove();
    const [a] = shipments;
    const before = db.snapshot().records;
    const item = { shipmentID: a.id, eTag: a.eTag };
    expect(expectMessage(await approveAll([item, item]), 412)).toBe(precondition(a.id!));
    expect(db.snapshot().records).toEqual(before);
  });

  it('refuses an empty list with its own 422', async () => {
    expect(expectValidation(await approveAll([]))).toMatchObject({
      title: 'Empty body error',
      detail:
        'Data received from requester is bad: BAD_DATA: The MTO Shipment request body cannot be empty.',
      invalid_fields: {},
    });
  });

  it("checks the body against the document: each item's eTag, then its id", async () => {
    expect(expectFramework(await approveAll([{}]), 422)).toBe(
      'approveShipments.0.eTag in body is required',
    );
    expect(expectFramework(await approveAll([{ eTag: 'x' }]), 422)).toBe(
      'approveShipments.0.shipmentID in body is required',
    );
    expect(expectFramework(await approveAll([{ shipmentID: 'abc', eTag: 'x' }]), 422)).toBe(
      'approveShipments.0.shipmentID in body must be of type uuid: "abc"',
    );
    const body = (value: unknown) => send('POST', '/shipments/approve', { body: value });
    expect(expectFramework(await body(undefined), 422)).toBe('body in body is required');
    expect(expectFramework(await body({}), 422)).toBe('approveShipments in body is required');
    expect(expectFramework(await body({ approveShipments: {} }), 400)).toMatch(
      /cannot unmarshal object into Go struct field ApproveShipments\.approveShipments of type/,
    );
  });

  it('takes an empty eTag through the schema, and refuses it with 412', async () => {
    const { shipments } = await approvedMove();
    expectMessage(await approveAll([{ shipmentID: shipments[0].id, eTag: '' }]), 412);
  });

  it('needs no If-Match header, in either profile', async () => {
    const { shipments } = await approvedMove();
    setMockProfile('rfc9110');
    const answer = await approveAll([{ shipmentID: shipments[0].id, eTag: shipments[0].eTag }]);
    expect(answer.status).toBe(200);
    expect(answer.etag).toBeNull();
  });
});

describe('shipment ids in the approveShipments body', () => {
  it('reads each as gofrs does, and names the one not found as FindShipment does', async () => {
    const { shipments } = await approvedMove();
    const [first] = shipments;
    const braced = await approveAll([
      { shipmentID: `{${first.id!.toUpperCase()}}`, eTag: first.eTag },
    ]);
    expect(braced.status).toBe(200);
    expect(braced.body[0].id).toBe(first.id);
    const unknownId = 'abcdef00-0000-4000-8000-000000000000';
    const unknown = await approveAll([{ shipmentID: unknownId.toUpperCase(), eTag: 'x' }]);
    expect(expectMessage(unknown, 404)).toBe(
      `ID: ${unknownId} not found while looking for shipment`,
    );
    // The nil UUID, sent or made of text gofrs does not read, is named by no id.
    for (const shipmentID of ['00000000-0000-0000-0000-000000000000', `(${first.id})`]) {
      expect(expectMessage(await approveAll([{ shipmentID, eTag: 'x' }]), 404)).toBe(
        'Not found while looking for shipment',
      );
    }
    expect(
      expectFramework(
        await approveAll([{ shipmentID: `{${first.id!.replaceAll('-', '')}}`, eTag: 'x' }]),
        422,
      ),
    ).toBe(
      `approveShipments.0.shipmentID in body must be of type uuid: "{${first.id!.replaceAll('-', '')}}"`,
    );
  });
});

describe('approving a PPM while the move waits for counseling', () => {
  /** RDY4PR waiting for counseling, its first shipment a PPM, the others still SUBMITTED. */
  function inCounseling() {
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const move = db.save('move', rows.move.id, { status: 'NEEDS SERVICE COUNSELING' });
    const [first, ...others] = rows.shipments;
    const ppm = db.save('shipment', first.id, { shipmentType: 'PPM' });
    const item = (shipment: { id: string; updatedAt: string }) => ({
      shipmentID: shipment.id,
      eTag: eTagOf(shipment.updatedAt),
    });
    return { move, ppm, others, item };
  }

  it('approves it with no service items: the move then asks for approvals and goes to the Prime', async () => {
    const { move, ppm, others, item } = inCounseling();
    // Any other shipment of that move is still refused.
    expect(expectMessage(await approveOne(others[0].id, item(others[0]).eTag), 409)).toBe(
      `ID: ${move.id} is in a conflicting state Cannot approve a shipment if the move status isn't APPROVED or APPROVALS REQUESTED, or if it isn't a PPM shipment with a move status of NEEDS SERVICE COUNSELING. The current status for the move with ID ${move.id} is NEEDS SERVICE COUNSELING`,
    );
    const answer = await approveOne(ppm.id, item(ppm).eTag);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('APPROVED');
    expect(codesOf(ppm.id)).toEqual([]);
    const row = db.find('move', move.id)!;
    expect(row).toMatchObject({ status: 'APPROVALS REQUESTED', approvedAt: null });
    expect(row.approvalsRequestedAt).not.toBeNull();
    expect(row.availableToPrimeAt).not.toBeNull();
  });

  it('answers 500 and changes nothing when the PPM is all the move waits for: Approve takes no move from NEEDS SERVICE COUNSELING', async () => {
    const { ppm, others, item } = inCounseling();
    for (const other of others) db.touch('shipment', other.id, { deletedAt: ppm.updatedAt });
    const before = db.snapshot().records;
    expectNoBody(await approveOne(ppm.id, item(ppm).eTag), 500);
    expect(expectMessage(await approveAll([item(ppm)]), 500)).toBe('Internal server errors');
    expect(db.snapshot().records).toEqual(before);
  });

  it('approves a batch that starts with the PPM: the move asks for approvals before the next shipment is looked at', async () => {
    const { move, ppm, others, item } = inCounseling();
    const refused = await approveAll([item(others[0]), item(ppm)]);
    expect(expectMessage(refused, 409)).toContain('is NEEDS SERVICE COUNSELING');
    const answer = await approveAll([ppm, ...others].map(item));
    expect(answer.status).toBe(200);
    expect(answer.body.map((shipment) => shipment.status)).toEqual(
      [ppm, ...others].map(() => 'APPROVED'),
    );
    const row = db.find('move', move.id)!;
    expect(row.status).toBe('APPROVED');
    expect(row.approvedAt).not.toBeNull();
    expect(row.approvalsRequestedAt).not.toBeNull();
  });

  it('refuses with 422 and changes nothing when the orders lack what making the move available to the Prime checks', async () => {
    const { move, ppm, item } = inCounseling();
    db.touch('order', move.ordersId, { tac: null, ordersNumber: null });
    const before = db.snapshot().records;
    const one = expectValidation(await approveOne(ppm.id, item(ppm).eTag));
    expect(one).toMatchObject({ title: 'Validation errors', detail: 'ApproveShipment' });
    // Under each field's key, in the order Go's JSON writes a map: sorted.
    expect(Object.entries(one.invalid_fields)).toEqual([
      ['orders_number', 'OrdersNumber cannot be blank.'],
      ['transportation_accounting_code', 'TransportationAccountingCode cannot be blank.'],
    ]);
    const all = expectValidation(await approveAll([item(ppm)]));
    expect(all).toMatchObject({ detail: 'ApproveShipments', invalid_fields: one.invalid_fields });
    expect(db.snapshot().records).toEqual(before);
  });
});

describe('rejecting a shipment (rejectShipment)', () => {
  const reject = (id: string, ifMatch: string | undefined, body: unknown) =>
    send<Shipment>('POST', `/shipments/${id}/reject`, { ifMatch, body });

  it('rejects a submitted shipment with its reason, and leaves the move alone', async () => {
    const { move, shipments } = seededMove(SEED_LOCATORS.submitted);
    const [shipment] = shipments;
    const answer = await reject(shipment.id!, shipment.eTag, {
      rejectionReason: 'Duplicate of the first shipment',
    });
    const row = db.find('shipment', shipment.id!)!;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...shipment,
      status: 'REJECTED',
      rejectionReason: 'Duplicate of the first shipment',
      updatedAt: jsonDateTime(row.updatedAt),
      eTag: eTagOf(row.updatedAt),
    });
    expect(misfits('rejectShipment', answer.body)).toEqual([]);
    expect(seededMove(SEED_LOCATORS.submitted).move).toEqual(move);
    expect(codesOf(shipment.id!)).toEqual([]);
  });

  it.each([
    ['an empty', ''],
    ['a whitespace-only', '   '],
  ])(
    'passes %s reason through the schema, refuses it at the save with 422, and saves nothing',
    async (_, rejectionReason) => {
      const [shipment] = seededMove(SEED_LOCATORS.submitted).shipments;
      const answer = await reject(shipment.id!, shipment.eTag, { rejectionReason });
      expect(expectValidation(answer)).toEqual({
        title: 'Validation errors',
        detail: 'RejectShipment',
        instance: expect.any(String),
        invalid_fields: { rejection_reason: 'RejectionReason can not be blank.' },
      });
      const [after] = seededMove(SEED_LOCATORS.submitted).shipments;
      expect(after.status).toBe('SUBMITTED');
      expect(after.eTag).toBe(shipment.eTag);
      expect(after).toEqual(shipment);
    },
  );

  it.each([
    ['missing', {}],
    ['null', { rejectionReason: null }],
  ])('needs a reason: refuses a %s one with 422', async (_, body) => {
    const [shipment] = seededMove(SEED_LOCATORS.submitted).shipments;
    expect(expectFramework(await reject(shipment.id!, shipment.eTag, body), 422)).toBe(
      'rejectionReason in body is required',
    );
  });

  it('refuses a shipment that is not submitted with 409', async () => {
    const { shipments } = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await reject(shipments[0].id!, shipments[0].eTag, { rejectionReason: 'Late' });
    expect(expectMessage(answer, 409)).toBe(
      `Shipment with id '${shipments[0].id}' can only transition to status 'REJECTED' from ["SUBMITTED"], but its current status is 'APPROVED'`,
    );
  });

  it('checks in the server order: 404, then the eTag, then the status, then a blank reason', async () => {
    const body = { rejectionReason: ' ' };
    expectNoBody(await reject(UNKNOWN_ID, 'stale', body), 404);
    const [approved] = seededMove(SEED_LOCATORS.availableToPrime).shipments;
    expect(expectMessage(await reject(approved.id!, 'stale', body), 412)).toBe(
      precondition(approved.id!),
    );
    expectMessage(await reject(approved.id!, approved.eTag, body), 409);
  });

  it('binds If-Match, then the body, then the id', async () => {
    expect(expectFramework(await reject('abc', undefined, '{'), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await reject('abc', 'x', '{'), 400)).toBe(
      'parsing body body from "" failed, because unexpected EOF',
    );
    expect(expectFramework(await reject('abc', 'x', {}), 422)).toBe(
      'rejectionReason in body is required',
    );
    expect(expectFramework(await reject('abc', 'x', { rejectionReason: 'x' }), 422)).toBe(
      'shipmentID in path must be of type strfmt.UUID: "abc"',
    );
  });

  it('gives a new eTag to every accepted write, and the rfc9110 profile its ETag header', async () => {
    setMockProfile('rfc9110');
    const [shipment] = seededMove(SEED_LOCATORS.submitted).shipments;
    const answer = await reject(shipment.id!, quoted(shipment.eTag!), { rejectionReason: 'x' });
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
    expect(answer.body.eTag).not.toBe(shipment.eTag);
  });
});
