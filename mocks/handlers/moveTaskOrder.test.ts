// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

describe('reading a move', () => {
  it('finds the move by locator, without the referenceId, with its ETag header', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const answer = await send<Schemas['Move']>('GET', `/move/${SEED_LOCATORS.draft}`);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('referenceId');
    expect(answer.body).toEqual({ ...move, referenceId: undefined });
    expect(answer.etag).toBe(quoted(move.eTag));
  });

  it('answers 404 for an unknown locator', async () => {
    expectProblem(await send('GET', '/move/NOPE99'), 404);
  });

  it('shows the same record as a move task order, with referenceId and the same eTag', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const answer = await send<Schemas['MoveTaskOrder']>('GET', `/move-task-orders/${move.id}`);
    expect(answer.body).toEqual(move);
    expect(answer.body.referenceId).toMatch(/^\d{4}-\d{4}$/);
    expect(answer.etag).toBe(quoted(move.eTag));
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expectProblem(await send('GET', '/move-task-orders/RDY4PR'), 400);
    expectProblem(await send('GET', '/move-task-orders/00000000-0000-4000-8000-000000000000'), 404);
  });
});

describe('Send to Prime (updateMoveTaskOrderStatus)', () => {
  const sendToPrime = (locator: string, body: unknown, ifMatch?: string) => {
    const { move } = seededMove(locator);
    return send<Schemas['MoveTaskOrder']>('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: ifMatch ?? quoted(move.eTag),
      body,
    });
  };

  it('makes the move available to the Prime and creates the MS and CS items asked for', async () => {
    const before = seededMove(SEED_LOCATORS.draft);
    const answer = await sendToPrime(SEED_LOCATORS.draft, {
      serviceCodeMS: true,
      serviceCodeCS: true,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'APPROVED', referenceId: before.move.referenceId });
    expect(answer.body.availableToPrimeAt).toMatch(/\.\d{9}Z$/);
    expect(answer.body.eTag).not.toBe(before.move.eTag);
    expect(answer.etag).toBe(quoted(answer.body.eTag));

    const created = db
      .serviceItemsOf(before.move.id)
      .filter((item) => ['MS', 'CS'].includes(item.reServiceCode));
    expect(created).toEqual([
      expect.objectContaining({ reServiceCode: 'MS', reServiceName: 'Move management' }),
      expect.objectContaining({ reServiceCode: 'CS', reServiceName: 'Counseling' }),
    ]);
    for (const item of created) {
      expect(item).toMatchObject({ status: 'APPROVED', mtoShipmentID: null });
      expect(item.approvedAt).toBe(answer.body.availableToPrimeAt);
      expect(item.eTag).toBe(btoa(item.updatedAt));
    }
  });

  it('creates only the items asked for: an omitted code means false', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    expect((await sendToPrime(SEED_LOCATORS.draft, { serviceCodeCS: true })).status).toBe(200);
    const codes = db.serviceItemsOf(move.id).map((item) => item.reServiceCode);
    expect(codes).toContain('CS');
    expect(codes).not.toContain('MS');
  });

  it('touches neither the shipments, the other service items, the order nor the customer', async () => {
    const before = seededMove(SEED_LOCATORS.draft);
    await sendToPrime(SEED_LOCATORS.draft, { serviceCodeMS: true, serviceCodeCS: true });
    const after = seededMove(SEED_LOCATORS.draft);
    expect(after.shipments).toEqual(before.shipments);
    expect(after.order).toEqual(before.order);
    expect(after.customer).toEqual(before.customer);
    expect(after.serviceItems.slice(0, before.serviceItems.length)).toEqual(before.serviceItems);
  });

  it('answers 409 for a move already available to the Prime, and changes nothing', async () => {
    const before = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await sendToPrime(SEED_LOCATORS.availableToPrime, { serviceCodeMS: true });
    expectProblem(answer, 409);
    expect(seededMove(SEED_LOCATORS.availableToPrime)).toEqual(before);
  });

  it('refuses a stale tag with 412 after a colleague sent the move first', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const stale = quoted(move.eTag);
    expect((await sendToPrime(SEED_LOCATORS.draft, { serviceCodeMS: true })).status).toBe(200);
    expectProblem(await sendToPrime(SEED_LOCATORS.draft, { serviceCodeMS: true }, stale), 412);
  });

  it('refuses server-owned and unknown fields in the body', async () => {
    const answer = await sendToPrime(SEED_LOCATORS.draft, {
      serviceCodeMS: true,
      availableToPrimeAt: '2020-01-01T00:00:00Z',
      status: 'APPROVED',
      serviceCodeXX: true,
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      availableToPrimeAt: 'read-only',
      status: 'read-only',
      serviceCodeXX: 'unknown field',
    });
    expect(seededMove(SEED_LOCATORS.draft).move.availableToPrimeAt).toBeNull();
  });
});

describe('TIO remarks (updateMoveTIORemarks)', () => {
  it('updates the remarks and nothing else', async () => {
    const { move } = seededMove(SEED_LOCATORS.availableToPrime);
    const answer = await send<Schemas['MoveTaskOrder']>(
      'PATCH',
      `/move-task-orders/${move.id}/tio-remarks`,
      { ifMatch: quoted(move.eTag), body: { tioRemarks: 'Invoice matches the weight ticket' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...move,
      tioRemarks: 'Invoice matches the weight ticket',
      updatedAt: answer.body.updatedAt,
      eTag: answer.body.eTag,
    });
  });

  it('requires tioRemarks and caps it at 2000 characters', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const ifMatch = quoted(move.eTag);
    expect(
      expectProblem(await send('PATCH', path, { ifMatch, body: {} }), 422).invalid_fields,
    ).toEqual({
      tioRemarks: 'is required',
    });
    const long = await send('PATCH', path, { ifMatch, body: { tioRemarks: 'x'.repeat(2001) } });
    expect(expectProblem(long, 422).invalid_fields.tioRemarks).toMatch(/2000/);
  });

  it('keeps the eTag when the remarks do not change', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const answer = await send<Schemas['MoveTaskOrder']>(
      'PATCH',
      `/move-task-orders/${move.id}/tio-remarks`,
      { ifMatch: quoted(move.eTag), body: { tioRemarks: move.tioRemarks } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(move);
    expect(answer.etag).toBe(quoted(move.eTag));
  });
});
