// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

const orderOfDraft = () => seededMove(SEED_LOCATORS.draft).order;

const update = (order: Schemas['Order'], body: unknown) =>
  send<Schemas['Order']>('PATCH', `/orders/${order.id}`, { ifMatch: quoted(order.eTag), body });

describe('the order', () => {
  it('is read with its duty locations, each with its own eTag', async () => {
    const order = orderOfDraft();
    const answer = await send<Schemas['Order']>('GET', `/orders/${order.id}`);
    expect(answer.body).toEqual(order);
    expect(answer.etag).toBe(quoted(order.eTag));
    expect(answer.body.originDutyLocation.name).toMatch(/, [A-Z]{2}$/);
    expect(answer.body.originDutyLocation.eTag).toBe(
      btoa(answer.body.originDutyLocation.updatedAt),
    );
  });

  it('takes a partial update of enums and dates', async () => {
    const order = orderOfDraft();
    const answer = await update(order, { grade: 'O_4', orderType: 'RETIREMENT', tac: 'F8E1' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ grade: 'O_4', orderType: 'RETIREMENT', tac: 'F8E1' });
    expect(answer.body.orderNumber).toBe(order.orderNumber);
  });

  it('refuses values the document does not allow', async () => {
    const answer = await update(orderOfDraft(), {
      grade: 'GENERAL',
      tac: 'f8e1',
      issueDate: '2026-02-30',
      customerID: '00000000-0000-4000-8000-000000000000',
      moveTaskOrderID: '00000000-0000-4000-8000-000000000000',
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({
      grade: expect.stringContaining('must be one of'),
      tac: expect.stringContaining('must match'),
      issueDate: 'must be a date (YYYY-MM-DD)',
      customerID: 'read-only',
      moveTaskOrderID: 'read-only',
    });
  });

  it('judges reportByDate against issueDate on the merged values', async () => {
    const order = orderOfDraft();
    const early = await update(order, { reportByDate: '2000-01-01' });
    expect(expectProblem(early, 422).invalid_fields.reportByDate).toMatch(/before issueDate/);
    const late = await update(order, { issueDate: '2099-01-01' });
    expect(expectProblem(late, 422).invalid_fields.issueDate).toMatch(/before issueDate/);
    const both = await update(order, { issueDate: '2027-01-10', reportByDate: '2027-01-10' });
    expect(both.status).toBe(200);
  });
});
