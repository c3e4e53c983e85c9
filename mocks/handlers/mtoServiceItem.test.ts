// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { misfits } from '../answerSchema';
import { goQuote, gofrsUUID, gofrsUUIDError } from '../binding';
import { eTagOf, jsonDateTime } from '../clock';
import { db, SEED_LOCATORS } from '../db';
import { setMockProfile } from '../profile';
import type { Schemas, ServiceItemRow } from '../records';
import {
  expectFramework,
  expectMessage,
  expectNoBody,
  expectValidation,
  quoted,
  seededMove,
  send,
} from '../testApi';

type ServiceItem = Schemas['MTOServiceItem'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ZERO_TIME = '0001-01-01T00:00:00.000Z';

afterEach(() => setMockProfile('ghc'));

const list = (moveId: string) =>
  send<ServiceItem[]>('GET', `/move_task_orders/${moveId}/mto_service_items`);

/** The item the Prime asked for on REQST1, its shipment and the move. */
function askedFor() {
  const { move, rows, serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested);
  const item = serviceItems.find((candidate) => candidate.status === 'SUBMITTED')!;
  const shipment = rows.shipments.find((candidate) => candidate.id === item.mtoShipmentID)!;
  return { move, item, shipment, rows };
}

/** The item's eTag as it is now. */
function current(id: string): string | undefined {
  const row = db.find('serviceItem', id);
  return row && eTagOf(row.updatedAt);
}

/**
 * Decides the item with its current eTag, unless told another If-Match
 * (undefined: none), under its own move unless told another id.
 */
const decide = (
  item: { id?: string },
  body: unknown,
  options: { ifMatch?: string; moveId?: string } = {},
) => {
  const moveId = options.moveId ?? db.find('serviceItem', item.id!)?.moveId ?? UNKNOWN_ID;
  return send<ServiceItem>('PATCH', `/move-task-orders/${moveId}/service-items/${item.id}/status`, {
    ifMatch: 'ifMatch' in options ? options.ifMatch : current(item.id!),
    body,
  });
};

describe("listing a move's service items (listMTOServiceItems)", () => {
  it('answers every item as the document has it: updatedAt always the zero time, the eTag the version', async () => {
    const { move, rows } = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await list(move.id!);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      rows.serviceItems.map((row: ServiceItemRow) => ({
        id: row.id,
        moveTaskOrderID: move.id,
        ...(row.shipmentId === null ? {} : { mtoShipmentID: row.shipmentId }),
        reServiceID: row.reServiceId,
        reServiceCode: row.reServiceCode,
        reServiceName: row.reServiceName,
        status: 'APPROVED',
        convertToCustomerExpense: false,
        approvedAt: jsonDateTime(row.approvedAt!),
        createdAt: jsonDateTime(row.createdAt),
        updatedAt: ZERO_TIME,
        eTag: eTagOf(row.updatedAt),
      })),
    );
    const ms = answer.body.find((item) => item.reServiceCode === 'MS')!;
    expect(ms).toMatchObject({
      reServiceID: '1130e612-94eb-49a7-973d-72f33685e551',
      reServiceName: 'Move management',
    });
    expect(ms).not.toHaveProperty('mtoShipmentID');
    expect(answer.body.find((item) => item.reServiceCode === 'FSC')?.reServiceName).toBe(
      'Fuel surcharge',
    );
    expect(misfits('listMTOServiceItems', answer.body)).toEqual([]);
  });

  it('shows why the Prime asked for an item that waits for the TOO', async () => {
    const { move, item, rows } = askedFor();
    const listed = (await list(move.id!)).body.find((candidate) => candidate.id === item.id)!;
    const row = rows.serviceItems.find((candidate) => candidate.id === item.id)!;
    expect(listed).toMatchObject({ status: 'SUBMITTED', reason: row.reason });
    expect(listed).not.toHaveProperty('approvedAt');
  });

  it('answers [] for a move without items, 404 for an unknown move and 422 for an id that is no UUID', async () => {
    const empty = await list(seededMove(SEED_LOCATORS.submitted).move.id!);
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('[]');
    expectNoBody(await list(UNKNOWN_ID), 404);
    expect(expectFramework(await list('RDY4PR'), 422)).toBe(
      'moveTaskOrderID in path must be of type strfmt.UUID: "RDY4PR"',
    );
  });
});

describe('deciding a service item (updateMTOServiceItemStatus)', () => {
  it('approves it and answers it as the document has it, with a new eTag', async () => {
    const { item } = askedFor();
    const answer = await decide(item, { status: 'APPROVED' });
    const row = db.find('serviceItem', item.id!)!;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...item,
      status: 'APPROVED',
      approvedAt: jsonDateTime(row.approvedAt!),
      eTag: expect.any(String),
    });
    expect(answer.body.eTag).not.toBe(item.eTag);
    expect(misfits('updateMTOServiceItemStatus', answer.body)).toEqual([]);
  });

  it('then saves the shipment and every item of it again (the SIT end date), so the answer’s eTag is already stale', async () => {
    const { move, item, shipment, rows } = askedFor();
    const ofShipment = rows.serviceItems.filter((other) => other.shipmentId === shipment.id);
    expect(ofShipment.length).toBeGreaterThan(1);
    const answer = await decide(item, { status: 'APPROVED' });
    expect(answer.status).toBe(200);
    for (const other of ofShipment) {
      const row = db.find('serviceItem', other.id)!;
      expect(row.updatedAt > other.updatedAt).toBe(true);
      expect(row.updatedAt > db.find('shipment', shipment.id)!.updatedAt).toBe(true);
    }
    expect(current(item.id!)).not.toBe(answer.body.eTag);
    // Items of the move's other shipments, and its move-level ones, are not saved.
    for (const other of rows.serviceItems.filter((row) => row.shipmentId !== shipment.id))
      expect(db.find('serviceItem', other.id)).toEqual(other);
    // The next decision must be sent on the item's version as listed again.
    expectMessage(
      await decide(
        item,
        { status: 'REJECTED', rejectionReason: 'x' },
        { ifMatch: answer.body.eTag },
      ),
      412,
    );
    const listed = (await list(move.id!)).body.find((candidate) => candidate.id === item.id)!;
    expect(listed.eTag).toBe(current(item.id!));
    const again = await decide(
      item,
      { status: 'REJECTED', rejectionReason: 'x' },
      { ifMatch: listed.eTag },
    );
    expect(again.status).toBe(200);
  });

  it('approves the shipment again once none of its items waits, and saves the move', async () => {
    const { move, item, shipment } = askedFor();
    await decide(item, { status: 'APPROVED' });
    const savedShipment = db.find('shipment', shipment.id)!;
    expect(savedShipment.status).toBe('APPROVED');
    expect(savedShipment.approvedDate! > shipment.approvedDate!).toBe(true);
    expect(savedShipment.updatedAt > shipment.updatedAt).toBe(true);
    // The move's other shipment still waits: it stays APPROVALS REQUESTED, saved all the same.
    const savedMove = db.find('move', move.id!)!;
    expect(savedMove.status).toBe('APPROVALS REQUESTED');
    expect(eTagOf(savedMove.updatedAt)).not.toBe(move.eTag);
  });

  it('approves the move once nothing of it waits any more', async () => {
    const { move, item, rows } = askedFor();
    const other = rows.shipments.find((shipment) => shipment.status === 'SUBMITTED')!;
    db.save('shipment', other.id, { status: 'APPROVED' });
    await decide(item, { status: 'APPROVED' });
    const row = db.find('move', move.id!)!;
    expect(row.status).toBe('APPROVED');
    expect(row.approvedAt! > rows.move.approvedAt!).toBe(true);
  });

  it('rejects it with a reason: rejectedAt set, approvedAt cleared, the shipment approved again', async () => {
    const { item, shipment } = askedFor();
    db.save('serviceItem', item.id!, { approvedAt: '2026-10-01T00:00:00.000000Z' });
    const answer = await decide(item, { status: 'REJECTED', rejectionReason: 'Not needed' });
    const row = db.find('serviceItem', item.id!)!;
    expect(answer.body).toEqual({
      ...item,
      status: 'REJECTED',
      rejectionReason: 'Not needed',
      rejectedAt: jsonDateTime(row.rejectedAt!),
      eTag: expect.any(String),
    });
    expect(answer.body).not.toHaveProperty('approvedAt');
    expect(db.find('shipment', shipment.id)?.status).toBe('APPROVED');
    expect(misfits('updateMTOServiceItemStatus', answer.body)).toEqual([]);
  });

  it('takes an empty rejection reason, but refuses a rejection without one, changing nothing', async () => {
    const { item } = askedFor();
    const before = db.snapshot().records;
    for (const body of [{ status: 'REJECTED' }, { status: 'REJECTED', rejectionReason: null }]) {
      expect(expectValidation(await decide(item, body))).toMatchObject({
        title: 'Unable to complete request',
        detail: 'Invalid input found in the request.',
        invalid_fields: {},
      });
    }
    expect(db.snapshot().records).toEqual(before);
    const empty = await decide(item, { status: 'REJECTED', rejectionReason: '' });
    expect(empty.body.rejectionReason).toBe('');
  });

  it('sends an item back to SUBMITTED by its status alone, and the move back to APPROVALS REQUESTED', async () => {
    const { move, rows, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
    const answer = await decide(item, { status: 'SUBMITTED' });
    expect(answer.body).toEqual({ ...item, status: 'SUBMITTED', eTag: expect.any(String) });
    expect(answer.body.eTag).not.toBe(item.eTag);
    // The item waits again, so its shipment is not approved again; it is saved all the same.
    const shipment = rows.shipments.find((candidate) => candidate.id === item.mtoShipmentID)!;
    const saved = db.find('shipment', shipment.id)!;
    expect(saved).toEqual({ ...shipment, updatedAt: saved.updatedAt });
    expect(saved.updatedAt > shipment.updatedAt).toBe(true);
    const row = db.find('move', move.id!)!;
    expect(row.status).toBe('APPROVALS REQUESTED');
    expect(row.approvalsRequestedAt).not.toBeNull();
  });

  it.each([
    ['CANCELED', { status: 'CANCELED' }],
    ['REJECTED', { status: 'REJECTED' }],
    ['TERMINATED_FOR_CAUSE', { status: 'TERMINATED_FOR_CAUSE' }],
    ['deleted', { deletedAt: '2026-10-01T00:00:00.000000Z' }],
  ] as const)(
    'leaves a %s shipment and its other items as they are when an item of it waits again',
    async (_, patch) => {
      const { rows, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
      const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
      const shipment = db.save('shipment', item.mtoShipmentID!, patch);
      const answer = await decide(item, { status: 'SUBMITTED' });
      expect(answer.status).toBe(200);
      expect(db.find('shipment', shipment.id)).toEqual(shipment);
      for (const other of rows.serviceItems.filter((row) => row.id !== item.id))
        expect(db.find('serviceItem', other.id)).toEqual(other);
      expect(current(item.id!)).toBe(answer.body.eTag);
    },
  );

  it('gives a new eTag to a decision that repeats the current one', async () => {
    const { serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
    const answer = await decide(item, { status: 'APPROVED' });
    expect(answer.status).toBe(200);
    expect(answer.body.eTag).not.toBe(item.eTag);
    expect(answer.body.approvedAt! > item.approvedAt!).toBe(true);
  });

  it.each([
    ['no status', { rejectionReason: 'x' }],
    ['an empty status', { status: '' }],
  ])('refuses %s with the model’s own 422', async (_, body) => {
    const { item } = askedFor();
    expect(expectValidation(await decide(item, body)).detail).toBe(
      `Invalid input for ID: ${item.id}. Status is not in the list [SUBMITTED, APPROVED, REJECTED].`,
    );
  });

  it('refuses a status the document does not know with the framework’s 422', async () => {
    const { item } = askedFor();
    expect(expectFramework(await decide(item, { status: 'MAYBE' }), 422)).toBe(
      'status in body should be one of [SUBMITTED APPROVED REJECTED]',
    );
  });

  it('refuses a decision on a move that is not approved, unless the eTag is stale: then 412 wins', async () => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
    db.save('move', move.id!, { status: 'SUBMITTED' });
    expect(
      expectMessage(await decide(item, { status: 'APPROVED' }, { ifMatch: 'stale' }), 412),
    ).toBe(
      `Precondition failed on update to object with ID: '${item.id}'. The If-Match header value did not match the eTag for this record.`,
    );
    expect(expectValidation(await decide(item, { status: 'APPROVED' }))).toMatchObject({
      title: 'Unable to complete request',
      detail: `Invalid input for ID: ${item.id}. Cannot approve or reject a service item if the move's status is neither Approved nor Approvals Requested. The current status for the move with ID ${move.id} is SUBMITTED`,
    });
  });

  it('refuses an item id that is no UUID with its own 422, and answers 404 for an unknown one', async () => {
    const answer = await decide({ id: 'abc' }, { status: 'APPROVED' }, { ifMatch: 'x' });
    expect(expectValidation(answer)).toMatchObject({
      title: 'UUID(s) parsing error',
      detail:
        'UUID parsing failed for mtoServiceItem: uuid: incorrect UUID length 3 in string "abc"',
    });
    expectNoBody(await decide({ id: UNKNOWN_ID }, { status: 'APPROVED' }, { ifMatch: 'x' }), 404);
  });

  // The id is a plain string in the document, read by gofrs' FromString:
  // its braced, urn and 32-digit forms, in either case, name the item too.
  it.each([
    ['in braces', (id: string) => `{${id}}`],
    ['behind urn:uuid:', (id: string) => `urn:uuid:${id}`],
    ['as 32 upper-case digits', (id: string) => id.replaceAll('-', '').toUpperCase()],
  ])('decides an item named by its id %s', async (label, form) => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
    const answer = await decide(
      { id: form(item.id!) },
      { status: 'REJECTED', rejectionReason: label },
      { ifMatch: current(item.id!), moveId: move.id },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: item.id, status: 'REJECTED', rejectionReason: label });
    expect(db.find('serviceItem', item.id!)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: label,
    });
    expect(answer.body.eTag).not.toBe(item.eTag);
  });

  // gofrs' errors word for word, each built on a real item's id (so a parser
  // too lenient would find it); Go counts bytes and quotes with %q.
  it.each([
    ['too short', () => 'abc', () => 'uuid: incorrect UUID length 3 in string "abc"'],
    [
      'too short, with characters Go escapes',
      () => 'a"b\\c\td\x01é\u00a0',
      () => 'uuid: incorrect UUID length 12 in string "a\\"b\\\\c\\td\\x01é\\u00a0"',
    ],
    [
      'of 38 characters in parentheses, not braces',
      (id: string) => `(${id})`,
      (id: string) => `uuid: incorrect UUID format in string "(${id})"`,
    ],
    [
      'of 45 characters behind URN:UUID: (only the first 9 bytes quoted)',
      (id: string) => `URN:UUID:${id}`,
      () => 'uuid: incorrect UUID format in string "URN:UUID:"',
    ],
    [
      'of 41 bytes whose first 9 end inside a character',
      (id: string) => `urn:uuidé${id.replaceAll('-', '').slice(1)}`,
      () => 'uuid: incorrect UUID format in string "urn:uuid\\xc3"',
    ],
    [
      'of 36 characters with a dash out of place',
      (id: string) => `${id.slice(0, 8)}${id[9]}-${id.slice(10)}`,
      (id: string) =>
        `uuid: incorrect UUID format in string "${id.slice(0, 8)}${id[9]}-${id.slice(10)}"`,
    ],
    [
      'in braces with a dash out of place (the inner text quoted)',
      (id: string) => `{${id.slice(0, 8)}${id[9]}-${id.slice(10)}}`,
      (id: string) =>
        `uuid: incorrect UUID format in string "${id.slice(0, 8)}${id[9]}-${id.slice(10)}"`,
    ],
    [
      'of 36 characters with a g in it',
      (id: string) => `${id.slice(0, 35)}g`,
      () => 'uuid: invalid UUID format',
    ],
    [
      'of 36 characters, one of them not ASCII (37 bytes)',
      (id: string) => `${id.slice(0, 35)}é`,
      (id: string) => `uuid: incorrect UUID length 37 in string "${id.slice(0, 35)}é"`,
    ],
  ])('refuses an item id %s with its exact detail, changing nothing', async (_, make, detail) => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const item = serviceItems.find((candidate) => candidate.mtoShipmentID)!;
    const before = db.snapshot().records;
    const answer = await decide(
      { id: encodeURIComponent(make(item.id!)) },
      { status: 'REJECTED', rejectionReason: 'x' },
      { ifMatch: current(item.id!), moveId: move.id },
    );
    expect(expectValidation(answer)).toEqual({
      title: 'UUID(s) parsing error',
      detail: `UUID parsing failed for mtoServiceItem: ${detail(item.id!)}`,
      instance: expect.any(String),
      invalid_fields: {},
    });
    expect(db.snapshot().records).toEqual(before);
  });

  it("looks at the item alone: the move's id in the path is not read", async () => {
    const { item } = askedFor();
    const other = seededMove(SEED_LOCATORS.submitted).move.id;
    expect((await decide(item, { status: 'APPROVED' }, { moveId: other })).status).toBe(200);
    const again = await decide(item, { status: 'APPROVED' }, { moveId: 'not-even-a-uuid' });
    expect(again.status).toBe(200);
  });

  it('cannot decide a move-level item (MS, CS): it has no shipment to look up, and nothing changes', async () => {
    const { serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const ms = serviceItems.find((candidate) => candidate.reServiceCode === 'MS')!;
    const before = db.snapshot().records;
    expect(expectMessage(await decide(ms, { status: 'REJECTED', rejectionReason: 'x' }), 404)).toBe(
      'ID: 00000000-0000-0000-0000-000000000000 not found looking for MTOShipment',
    );
    expect(db.snapshot().records).toEqual(before);
  });

  it('binds If-Match, then the body, then the path', async () => {
    expect(expectFramework(await decide({ id: 'abc' }, '{', { ifMatch: undefined }), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await decide({ id: 'abc' }, '{', { ifMatch: 'x' }), 400)).toBe(
      'parsing body body from "" failed, because unexpected EOF',
    );
    expect(expectFramework(await decide({ id: 'abc' }, undefined, { ifMatch: 'x' }), 422)).toBe(
      'body in body is required',
    );
    expect(
      expectFramework(
        await decide({ id: 'abc' }, { status: 'APPROVED', rejectionReason: 1 }, { ifMatch: 'x' }),
        400,
      ),
    ).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal number into Go struct field PatchMTOServiceItemStatusPayload.rejectionReason of type string',
    );
  });

  it('in the rfc9110 profile: 428 without If-Match, a quoted eTag accepted, the ETag header', async () => {
    setMockProfile('rfc9110');
    const { item } = askedFor();
    expectFramework(await decide(item, { status: 'APPROVED' }, { ifMatch: undefined }), 428);
    const answer = await decide(item, { status: 'APPROVED' }, { ifMatch: quoted(item.eTag!) });
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
  });
});

describe("gofrs' FromString (binding.ts)", () => {
  it('answers the canonical id exactly where it answers no error', () => {
    const id = '6a1B2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const canonical = id.toLowerCase();
    for (const [text, expected] of [
      [id, canonical],
      [`{${id}}`, canonical],
      [`urn:uuid:${id}`, canonical],
      [id.replaceAll('-', ''), canonical],
      [`{${id.replaceAll('-', '')}}`, canonical],
      [`urn:uuid:${id.replaceAll('-', '')}`, canonical],
      [`URN:UUID:${id}`, null],
      [`{${id}`, null],
      [`${id.slice(0, 35)}\u0100`, null],
      ['', null],
    ] as const) {
      expect(gofrsUUID(text)).toBe(expected);
      expect(gofrsUUIDError(text) === null).toBe(expected !== null);
    }
    expect(gofrsUUIDError('')).toBe('uuid: incorrect UUID length 0 in string ""');
  });

  it("quotes as Go's %q does: bytes that are no UTF-8 as \\xNN, non-printable runes as \\u or \\U", () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    expect(goQuote(bytes(0xc3))).toBe('"\\xc3"');
    expect(goQuote(bytes(0xe2, 0x82, 0x41))).toBe('"\\xe2\\x82A"');
    expect(goQuote(bytes(0xed, 0xa0, 0x80))).toBe('"\\xed\\xa0\\x80"');
    expect(goQuote(bytes(0xc0, 0xaf))).toBe('"\\xc0\\xaf"');
    expect(goQuote(new TextEncoder().encode('\x00\x7f\u0085\u200b\u{e0001}😀 ~'))).toBe(
      '"\\x00\\x7f\\u0085\\u200b\\U000e0001😀 ~"',
    );
  });
});
