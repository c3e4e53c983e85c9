// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

const customerOfDraft = () => seededMove(SEED_LOCATORS.draft).customer;

const update = (customer: Schemas['Customer'], body: unknown) =>
  send<Schemas['Customer']>('PATCH', `/customer/${customer.id}`, {
    ifMatch: quoted(customer.eTag),
    body,
  });

describe('the customer', () => {
  it('is read with its address, backup contact and ETag header', async () => {
    const customer = customerOfDraft();
    const answer = await send<Schemas['Customer']>('GET', `/customer/${customer.id}`);
    expect(answer.body).toEqual(customer);
    expect(answer.body.currentAddress.eTag).toBe(btoa(answer.body.currentAddress.updatedAt));
    expect(answer.etag).toBe(quoted(customer.eTag));
  });

  it('takes a partial update and keeps the other fields', async () => {
    const customer = customerOfDraft();
    const answer = await update(customer, { phone: '210-555-0134', middleName: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...customer,
      phone: '210-555-0134',
      middleName: null,
      updatedAt: answer.body.updatedAt,
      eTag: answer.body.eTag,
    });
  });

  it('replaces the backup contact as a whole, and checks each of its fields', async () => {
    const customer = customerOfDraft();
    const contact = { name: 'Dana Rivers', email: 'dana@example.com', phone: '757-555-0188' };
    expect((await update(customer, { backupContact: contact })).body.backupContact).toEqual(
      contact,
    );

    const fresh = customerOfDraft();
    const answer = await update(fresh, { backupContact: { name: 'Dana', phone: '1', extra: 1 } });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      'backupContact.phone': expect.stringContaining('must match'),
      'backupContact.extra': 'unknown field',
      'backupContact.email': 'is required',
    });
  });

  it('refuses server-owned fields and never applies them', async () => {
    const customer = customerOfDraft();
    const answer = await update(customer, {
      id: '00000000-0000-4000-8000-000000000000',
      eTag: 'forged',
      updatedAt: '2030-01-01T00:00:00.000000000Z',
      createdAt: '2020-01-01T00:00:00.000000000Z',
      edipi: '1234567890',
      currentAddress: customer.currentAddress,
      firstName: 'Jordan',
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      id: 'read-only',
      eTag: 'read-only',
      updatedAt: 'read-only',
      createdAt: 'read-only',
      edipi: 'read-only',
      currentAddress: 'read-only',
    });
    expect(db.find('customer', customer.id)).toEqual(customer);
  });

  it('checks types, lengths, patterns and formats', async () => {
    const answer = await update(customerOfDraft(), {
      firstName: '',
      lastName: null,
      suffix: 'x'.repeat(21),
      email: 'not-an-email',
      phone: '210-5550134',
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      firstName: 'must not be empty',
      lastName: 'must not be null',
      suffix: 'must be at most 20 characters',
      email: 'must be an email address',
      phone: expect.stringContaining('must match'),
    });
  });

  it('answers 200 with the same eTag when nothing changes', async () => {
    const customer = customerOfDraft();
    const answer = await update(customer, {
      firstName: customer.firstName,
      backupContact: { ...customer.backupContact },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(customer);
    expect(answer.etag).toBe(quoted(customer.eTag));
  });

  it('does not bump the move or the order when the customer changes', async () => {
    const before = seededMove(SEED_LOCATORS.draft);
    await update(before.customer, { firstName: 'Jordan' });
    const after = seededMove(SEED_LOCATORS.draft);
    expect(after.move).toEqual(before.move);
    expect(after.order).toEqual(before.order);
  });
});
