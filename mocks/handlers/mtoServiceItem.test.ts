// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

type ServiceItem = Schemas['MTOServiceItem'];

const submittedItem = () => {
  const { move, serviceItems } = seededMove(SEED_LOCATORS.draft);
  const item = serviceItems.find((candidate) => candidate.status === 'SUBMITTED');
  if (!item) throw new Error('The draft move has no submitted service item');
  return { move, item };
};

const decide = (moveId: string, item: ServiceItem, body: unknown) =>
  send<ServiceItem>('PATCH', `/move-task-orders/${moveId}/service-items/${item.id}/status`, {
    ifMatch: quoted(item.eTag),
    body,
  });

describe('service items', () => {
  it('are listed per move, each with its own eTag', async () => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.draft);
    const answer = await send<ServiceItem[]>(
      'GET',
      `/move_task_orders/${move.id}/mto_service_items`,
    );
    expect(answer.body).toEqual(serviceItems);
    expect(answer.body.find((item) => item.reServiceCode === 'FSC')?.reServiceName).toBe(
      'Fuel surcharge',
    );
  });

  it('are approved with approvedAt, without touching their shipment or move', async () => {
    const before = seededMove(SEED_LOCATORS.draft);
    const { move, item } = submittedItem();
    const answer = await decide(move.id, item, { status: 'APPROVED' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'APPROVED', rejectedAt: null });
    expect(answer.body.approvedAt).toMatch(/\.\d{9}Z$/);
    const after = seededMove(SEED_LOCATORS.draft);
    expect(after.move).toEqual(before.move);
    expect(after.shipments).toEqual(before.shipments);
  });

  it('are rejected with a reason and rejectedAt', async () => {
    const { move, item } = submittedItem();
    const answer = await decide(move.id, item, {
      status: 'REJECTED',
      rejectionReason: 'Not needed',
    });
    expect(answer.body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Not needed',
      approvedAt: null,
    });
    expect(answer.body.rejectedAt).toMatch(/\.\d{9}Z$/);
  });

  it.each([
    ['REJECTED without a reason', { status: 'REJECTED' }, 'rejectionReason'],
    [
      'REJECTED with a blank reason',
      { status: 'REJECTED', rejectionReason: ' ' },
      'rejectionReason',
    ],
    ['back to SUBMITTED', { status: 'SUBMITTED' }, 'status'],
    ['an unknown status', { status: 'MAYBE' }, 'status'],
    ['no status', { rejectionReason: 'x' }, 'status'],
    ['a server-owned approvedAt', { status: 'APPROVED', approvedAt: 'now' }, 'approvedAt'],
  ])('refuses %s with 422', async (_, body, field) => {
    const { move, item } = submittedItem();
    const answer = await decide(move.id, item, body);
    expect(Object.keys(expectProblem(answer, 422).invalid_fields)).toEqual([field]);
    expect(db.find('serviceItem', item.id)).toEqual(item);
  });

  it('answers 404 when the item belongs to another move', async () => {
    const { item } = submittedItem();
    const other = seededMove(SEED_LOCATORS.availableToPrime).move;
    expectProblem(await decide(other.id, item, { status: 'APPROVED' }), 404);
  });

  it('answers 400 for a malformed move id', async () => {
    const { item } = submittedItem();
    expectProblem(await decide('RDY4PR', item, { status: 'APPROVED' }), 400);
  });

  it('keeps the eTag when the decision repeats the current one', async () => {
    const { move, serviceItems } = seededMove(SEED_LOCATORS.availableToPrime);
    const approved = serviceItems.find((item) => item.status === 'APPROVED')!;
    const answer = await decide(move.id, approved, { status: 'APPROVED' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(approved);
  });
});
