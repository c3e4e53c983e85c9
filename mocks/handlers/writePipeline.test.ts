// @vitest-environment node
// The rules every write shares, shown on updateCustomer, updateMoveTIORemarks and
// updateMoveTaskOrderStatus: they all run through the one pipeline in mocks/write.ts.
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function draft() {
  return seededMove(SEED_LOCATORS.draft);
}

describe('the order in which a write is judged', () => {
  it('answers 400 for a malformed id before anything else', async () => {
    const answer = await send('PATCH', '/customer/not-a-uuid', { body: '{' });
    expectProblem(answer, 400);
  });

  it('answers 404 for an unknown record, even without If-Match and with a bad body', async () => {
    expectProblem(await send('PATCH', `/customer/${UNKNOWN_ID}`, { body: '{' }), 404);
  });

  it('answers 428 when If-Match is missing or empty, even with a bad body', async () => {
    const { customer } = draft();
    expectProblem(await send('PATCH', `/customer/${customer.id}`, { body: '{' }), 428);
    expectProblem(
      await send('PATCH', `/customer/${customer.id}`, { ifMatch: '  ', body: '{' }),
      428,
    );
  });

  it('refuses a stale tag with 412 before looking at the body', async () => {
    const { customer } = draft();
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: quoted(btoa('2020-01-01T00:00:00.000000000Z')),
      body: '{not json',
    });
    expectProblem(answer, 412);
  });

  it('answers 400 for a current tag with a body that is not a JSON object', async () => {
    const { customer } = draft();
    for (const body of ['{not json', '[]', 'null', '"text"', '']) {
      expectProblem(
        await send('PATCH', `/customer/${customer.id}`, { ifMatch: quoted(customer.eTag), body }),
        400,
      );
    }
  });

  it('answers 422 for a current tag with invalid fields', async () => {
    const { customer } = draft();
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: quoted(customer.eTag),
      body: { phone: '123-456-7890', firstName: 7 },
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      phone: expect.stringContaining('must match'),
      firstName: 'must be a string',
    });
  });

  it('answers 422 before 409: an invalid body on a move already available to the Prime', async () => {
    const { move } = seededMove(SEED_LOCATORS.availableToPrime);
    const path = `/move-task-orders/${move.id}/status`;
    const ifMatch = quoted(move.eTag);
    expectProblem(await send('PATCH', path, { ifMatch, body: { serviceCodeMS: 'yes' } }), 422);
    expectProblem(await send('PATCH', path, { ifMatch, body: { serviceCodeMS: true } }), 409);
  });
});

describe('If-Match on a write', () => {
  const remarks = (ifMatch: string) => {
    const { move } = draft();
    return send<Schemas['MoveTaskOrder']>('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      ifMatch,
      body: { tioRemarks: 'Weighed twice' },
    });
  };
  const tag = () => draft().move.eTag;

  it.each([
    ['the quoted eTag', () => quoted(tag())],
    ['the bare eTag', () => tag()],
    ['*', () => '*'],
    ['a list with one match', () => `"stale", ${quoted(tag())}`],
  ])('accepts %s', async (_, header) => {
    expect((await remarks(header())).status).toBe(200);
  });

  it.each([
    ['a weak tag', () => `W/${quoted(tag())}`],
    ['a list with no match', () => '"stale", "older"'],
    ['a malformed value', () => `"${tag()}`],
  ])('refuses %s with 412', async (_, header) => {
    expectProblem(await remarks(header()), 412);
  });

  it('refuses an empty value with 428', async () => {
    expectProblem(await remarks(''), 428);
  });
});

describe('a stale write', () => {
  it('is refused with 412 and changes nothing, byte for byte', async () => {
    const { customer } = draft();
    const stale = quoted(customer.eTag);
    db.colleagueUpdate('customer', customer.id, { firstName: 'Alex' });
    const before = JSON.stringify(db.snapshot());
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: stale,
      body: { lastName: 'Overwritten' },
    });
    expectProblem(answer, 412);
    expect(JSON.stringify(db.snapshot())).toBe(before);
  });

  it('lets exactly one of 30 concurrent writes with one tag win', async () => {
    const { move } = draft();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        send<Schemas['MoveTaskOrder']>('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
          ifMatch: quoted(move.eTag),
          body: { tioRemarks: `Writer ${index}` },
        }),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 412)).toHaveLength(29);
    expect(db.find('move', move.id)).toEqual(winners[0].body);
  });
});

describe('an accepted write', () => {
  it('answers the new record with ETag "<eTag>" and eTag = base64(updatedAt)', async () => {
    const { customer } = draft();
    const answer = await send<Schemas['Customer']>('PATCH', `/customer/${customer.id}`, {
      ifMatch: quoted(customer.eTag),
      body: { firstName: 'Jordan' },
    });
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe(quoted(answer.body.eTag));
    expect(answer.body.eTag).toBe(btoa(answer.body.updatedAt));
    expect(answer.body.updatedAt).toMatch(/\.\d{9}Z$/);
    expect(answer.body.updatedAt > customer.updatedAt).toBe(true);
  });

  it('gives two writes in a row distinct, increasing eTags', async () => {
    const { move } = draft();
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const first = await send<Schemas['MoveTaskOrder']>('PATCH', path, {
      ifMatch: quoted(move.eTag),
      body: { tioRemarks: 'first' },
    });
    const second = await send<Schemas['MoveTaskOrder']>('PATCH', path, {
      ifMatch: quoted(first.body.eTag),
      body: { tioRemarks: 'second' },
    });
    expect(second.status).toBe(200);
    expect(second.body.eTag).not.toBe(first.body.eTag);
    expect(second.body.updatedAt > first.body.updatedAt).toBe(true);
  });

  it('refuses __proto__ and constructor keys and pollutes nothing', async () => {
    const { customer } = draft();
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: quoted(customer.eTag),
      body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    });
    // Parsed, not an object literal: in a literal `__proto__:` sets the
    // prototype instead of naming a key, and the check would miss it.
    expect(expectProblem(answer, 422).invalid_fields).toEqual(
      JSON.parse('{"__proto__": "unknown field", "constructor": "unknown field"}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(db.find('customer', customer.id)).toEqual(customer);
  });
});
