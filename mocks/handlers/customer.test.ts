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

type Customer = Schemas['Customer'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** RDY4PR's customer as the API shows it: the seed is the same on every machine. */
const JOSHUA: Customer = {
  id: '0fdc25cf-00ee-48e3-8238-3bc42b48a889',
  userID: '30711a1c-c14c-4706-a9ce-c2726d7c7fc4',
  edipi: '3603638817',
  agency: 'ARMY',
  first_name: 'Joshua',
  last_name: 'Williams',
  email: 'joshua.williams0@example.mil',
  phone: '719-555-0179',
  current_address: {
    id: '50a7766b-8dc7-47a1-a0c1-8743fcd092a2',
    streetAddress1: '2503 Lakeview Rd',
    streetAddress2: 'Apt 9',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80914',
    county: 'El Paso',
    eTag: 'MjAyNi0wOC0xNVQxNjozODowOC41Nzg5MTFa',
  },
  backup_contact: {
    name: 'Robert Williams',
    email: 'williams.family0@example.com',
    phone: '719-555-0172',
  },
  cacValidated: true,
  eTag: 'MjAyNi0wOC0xNlQxNjozODowOC41NzgwOTZa',
};

/** What MilMove's customer page sends: every field, the CAC flag included. */
const PAGE_BODY = {
  first_name: 'Joshua',
  last_name: 'Williams',
  middle_name: 'Lee',
  suffix: 'Jr.',
  email: 'josh.williams@example.mil',
  phone: '719-555-0101',
  secondaryTelephone: '719-555-0102',
  phoneIsPreferred: true,
  emailIsPreferred: false,
  current_address: {
    id: JOSHUA.current_address!.id,
    streetAddress1: '12 Pine St',
    city: 'Colorado Springs',
    state: 'CO',
    postalCode: '80915',
  },
  backup_contact: { name: 'Mary Williams', email: 'mary@example.com', phone: '719-555-0103' },
  cac_validated: true,
};

/** Sends a change of Joshua with his seeded eTag, unless told another If-Match (undefined: none). */
const update = (body: unknown, options: { ifMatch?: string; id?: string } = {}) =>
  send<Customer>('PATCH', `/customer/${options.id ?? JOSHUA.id}`, {
    ifMatch: 'ifMatch' in options ? options.ifMatch : JOSHUA.eTag,
    body,
  });

const stored = () => db.find('customer', JOSHUA.id!)!;

afterEach(() => setMockProfile('ghc'));

describe('reading a customer (getCustomer)', () => {
  it('answers the customer as the document has it, its address and backup contact with it', async () => {
    expect(seededMove(SEED_LOCATORS.submitted).customer.id).toBe(JOSHUA.id);
    const answer = await send<Customer>('GET', `/customer/${JOSHUA.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JOSHUA);
    expect(misfits('getCustomer', answer.body)).toEqual([]);
    expect(answer.etag).toBeNull();
  });

  it('shows the optional fields once they are set, and cacValidated even when false', async () => {
    db.save('customer', JOSHUA.id!, {
      middleName: 'Lee',
      suffix: 'Jr.',
      emplid: '1234567',
      secondaryTelephone: '719-555-0111',
      phoneIsPreferred: true,
      emailIsPreferred: true,
      cacValidated: false,
      backupContact: null,
    });
    const { body } = await send<Customer>('GET', `/customer/${JOSHUA.id}`);
    expect(body).toEqual({
      ...JOSHUA,
      middle_name: 'Lee',
      suffix: 'Jr.',
      emplid: '1234567',
      secondaryTelephone: '719-555-0111',
      phoneIsPreferred: true,
      emailIsPreferred: true,
      cacValidated: false,
      backup_contact: undefined,
      eTag: eTagOf(stored().updatedAt),
    });
    expect(body).not.toHaveProperty('backup_contact');
    expect(misfits('getCustomer', body)).toEqual([]);
  });

  it('answers 422 for an id that is no UUID, and 404 (as the document says) for an unknown one', async () => {
    expect(expectFramework(await send('GET', '/customer/abc'), 422)).toBe(
      'customerID in path must be of type strfmt.UUID: "abc"',
    );
    expectNoBody(await send('GET', `/customer/${UNKNOWN_ID}`), 404);
  });
});

describe('changing a customer (updateCustomer)', () => {
  it('writes what the customer page sends and answers the saved customer with a new eTag', async () => {
    const answer = await update(PAGE_BODY);
    const row = stored();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...JOSHUA,
      middle_name: 'Lee',
      suffix: 'Jr.',
      email: 'josh.williams@example.mil',
      phone: '719-555-0101',
      secondaryTelephone: '719-555-0102',
      phoneIsPreferred: true,
      current_address: {
        ...JOSHUA.current_address,
        streetAddress1: '12 Pine St',
        postalCode: '80915',
        eTag: eTagOf(row.residentialAddress!.updatedAt),
      },
      backup_contact: PAGE_BODY.backup_contact,
      eTag: eTagOf(row.updatedAt),
    });
    expect(answer.body.eTag).not.toBe(JOSHUA.eTag);
    expect(answer.body.current_address?.eTag).not.toBe(JOSHUA.current_address?.eTag);
    expect(misfits('updateCustomer', answer.body)).toEqual([]);
  });

  it('always writes the names and the flags: left out, they become empty and false', async () => {
    const answer = await update({ phone: '719-555-0150' });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('first_name');
    expect(answer.body).not.toHaveProperty('last_name');
    expect(answer.body).toMatchObject({ phone: '719-555-0150', cacValidated: false });
    expect(stored()).toMatchObject({ firstName: '', lastName: '', cacValidated: false });
  });

  it('takes a null name as empty, as Go decodes null into a plain string', async () => {
    const answer = await update({ ...PAGE_BODY, first_name: null });
    expect(answer.status).toBe(200);
    expect(stored().firstName).toBe('');
  });

  it('clears a middle name or suffix sent empty, keeps one left out, and keeps contacts sent null', async () => {
    await update({ ...PAGE_BODY });
    const { middle_name: _middle, suffix: _suffix, ...rest } = PAGE_BODY;
    const kept = await update(
      { ...rest, email: null, phone: null },
      { ifMatch: eTagOf(stored().updatedAt) },
    );
    expect(kept.body).toMatchObject({
      middle_name: 'Lee',
      suffix: 'Jr.',
      email: 'josh.williams@example.mil',
      phone: '719-555-0101',
    });
    const cleared = await update(
      { ...PAGE_BODY, middle_name: '', suffix: '', secondaryTelephone: '' },
      { ifMatch: kept.body.eTag },
    );
    expect(cleared.body).not.toHaveProperty('middle_name');
    expect(cleared.body).not.toHaveProperty('suffix');
    // An empty secondary phone passes its pattern and is stored as it came.
    expect(cleared.body.secondaryTelephone).toBe('');
  });

  it('ignores an address with neither an id nor a first street line', async () => {
    const answer = await update({ ...PAGE_BODY, current_address: { city: 'Nowhere' } });
    expect(answer.body.current_address).toEqual(JOSHUA.current_address);
  });

  it('refuses an address with a required line missing: 422 naming the customer and the line', async () => {
    const before = db.snapshot().records;
    const answer = await update({
      ...PAGE_BODY,
      current_address: { streetAddress1: '12 Pine St', state: 'CO', postalCode: '80915' },
    });
    expect(expectValidation(answer)).toEqual({
      title: 'Unable to complete request',
      detail: `Invalid input for ID: ${JOSHUA.id}. City can not be blank.`,
      instance: answer.headers.get('X-MILMOVE-TRACE-ID'),
      invalid_fields: {},
    });
    expect(db.snapshot().records).toEqual(before);
  });

  it('refuses an address line of white space alone, as the address validation reads it blank', async () => {
    const before = db.snapshot().records;
    const answer = await update({
      ...PAGE_BODY,
      current_address: { ...PAGE_BODY.current_address, city: '   ' },
    });
    expect(expectValidation(answer).detail).toBe(
      `Invalid input for ID: ${JOSHUA.id}. City can not be blank.`,
    );
    expect(db.snapshot().records).toEqual(before);
  });

  it("refuses a backup contact whose name or email is blank: the schema takes it, the contact's own validation does not", async () => {
    const before = db.snapshot().records;
    const answer = await update({
      ...PAGE_BODY,
      backup_contact: { name: ' ', email: '', phone: '719-555-0103' },
    });
    expect(expectValidation(answer)).toMatchObject({
      title: 'Unable to complete request',
      detail: `Invalid input for ID: ${JOSHUA.id}. Name can not be blank.\nEmail can not be blank.`,
    });
    expect(db.snapshot().records).toEqual(before);
  });

  it('replaces the backup contact, and checks its email, name and phone in that order', async () => {
    const contact = { name: 'Dana Rivers', email: 'dana@example.com', phone: '757-555-0188' };
    expect((await update({ ...PAGE_BODY, backup_contact: contact })).body.backup_contact).toEqual(
      contact,
    );
    const fresh = eTagOf(stored().updatedAt);
    const cases: [unknown, string][] = [
      [{}, 'backup_contact.email in body is required'],
      [{ email: 'x', phone: '1' }, 'backup_contact.name in body is required'],
      [{ email: 'x', name: '' }, 'backup_contact.phone in body is required'],
      [
        { email: '', name: '', phone: '1' },
        "backup_contact.phone in body should match '^[2-9]\\d{2}-\\d{3}-\\d{4}$'",
      ],
    ];
    for (const [backup_contact, detail] of cases) {
      expect(
        expectFramework(await update({ ...PAGE_BODY, backup_contact }, { ifMatch: fresh }), 422),
      ).toBe(detail);
    }
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'email'],
    ['phone', { phone: '210-5550134' }, 'phone'],
    ['secondary phone', { secondaryTelephone: '1-555-0134' }, 'secondaryTelephone'],
  ])("refuses a %s that does not match the document's pattern", async (_, fields, name) => {
    const answer = await update({ ...PAGE_BODY, ...fields });
    expect(expectFramework(answer, 422)).toMatch(new RegExp(`^${name} in body should match '`));
  });

  it('reports the first broken rule in the order the model checks its fields', async () => {
    const answer = await update({
      ...PAGE_BODY,
      secondaryTelephone: 'x',
      phone: 'x',
      email: 'x',
      backup_contact: {},
    });
    expect(expectFramework(answer, 422)).toBe('backup_contact.email in body is required');
  });

  it('refuses a value of the wrong JSON type with 400, as the decoder words it', async () => {
    expect(expectFramework(await update({ first_name: 7 }), 400)).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal number into Go struct field UpdateCustomerPayload.first_name of type string',
    );
    expect(expectFramework(await update({ backup_contact: { name: true } }), 400)).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal bool into Go struct field UpdateCustomerPayload.backup_contact.name of type string',
    );
    expect(expectFramework(await update('[]'), 400)).toBe(
      'parsing body body from "" failed, because json: cannot unmarshal array into Go value of type ghcmessages.UpdateCustomerPayload',
    );
  });

  it('ignores fields it does not know, even the customer’s own id, edipi and eTag', async () => {
    const answer = await update({
      ...PAGE_BODY,
      id: UNKNOWN_ID,
      edipi: '1111111111',
      eTag: 'forged',
      agency: 'NAVY',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: JOSHUA.id, edipi: JOSHUA.edipi, agency: 'ARMY' });
  });

  it('binds If-Match, then the body, then the id', async () => {
    expect(expectFramework(await update('{', { ifMatch: undefined, id: 'abc' }), 422)).toBe(
      'If-Match in header is required',
    );
    expect(expectFramework(await update('{', { id: 'abc' }), 400)).toBe(
      'parsing body body from "" failed, because unexpected EOF',
    );
    expect(expectFramework(await update(PAGE_BODY, { id: 'abc' }), 422)).toBe(
      'customerID in path must be of type strfmt.UUID: "abc"',
    );
    expect(expectFramework(await update(undefined), 422)).toBe('body in body is required');
  });

  it('answers 404 for an unknown customer before it looks at the eTag', async () => {
    expectNoBody(await update(PAGE_BODY, { ifMatch: 'stale', id: UNKNOWN_ID }), 404);
  });

  it('refuses a stale eTag with 412 naming the customer, and changes nothing', async () => {
    db.save('customer', JOSHUA.id!, { phone: '719-555-0160' });
    const before = JSON.stringify(db.snapshot());
    const answer = await update(PAGE_BODY);
    expect(expectMessage(answer, 412)).toBe(
      `Precondition failed on update to object with ID: '${JOSHUA.id}'. The If-Match header value did not match the eTag for this record.`,
    );
    expect(JSON.stringify(db.snapshot())).toBe(before);
  });

  it('gives a new eTag to a write that changes no field', async () => {
    const first = await update(PAGE_BODY);
    const second = await update(PAGE_BODY, { ifMatch: first.body.eTag });
    expect(second.status).toBe(200);
    expect(second.body.eTag).not.toBe(first.body.eTag);
    expect({ ...second.body, eTag: '', current_address: undefined }).toEqual({
      ...first.body,
      eTag: '',
      current_address: undefined,
    });
  });

  it('leaves the move and the orders as they were', async () => {
    const before = seededMove(SEED_LOCATORS.submitted);
    expect((await update(PAGE_BODY)).status).toBe(200);
    const after = seededMove(SEED_LOCATORS.submitted);
    expect(after.move).toEqual(before.move);
    expect(after.order.eTag).toBe(before.order.eTag);
  });

  it('in the rfc9110 profile: 428 without If-Match, a quoted eTag accepted, the ETag header', async () => {
    setMockProfile('rfc9110');
    expectFramework(await update(PAGE_BODY, { ifMatch: undefined }), 428);
    const answer = await update(PAGE_BODY, { ifMatch: `"other", ${quoted(JOSHUA.eTag!)}` });
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
  });
});
