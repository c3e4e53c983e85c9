// @vitest-environment node
// listMTOShipments (mtoShipment tag) and approve/reject (shipment tag).
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../db';
import type { Schemas } from '../records';
import { expectProblem, quoted, seededMove, send } from '../testApi';

type Shipment = Schemas['MTOShipment'];

const submitted = () => {
  const { shipments } = seededMove(SEED_LOCATORS.draft);
  const shipment = shipments.find((candidate) => candidate.status === 'SUBMITTED');
  if (!shipment) throw new Error('The draft move has no submitted shipment');
  return shipment;
};

describe('listing shipments', () => {
  it('lists the shipments of a move, each with its own eTag', async () => {
    const { move, shipments } = seededMove(SEED_LOCATORS.draft);
    const answer = await send<Shipment[]>('GET', `/move_task_orders/${move.id}/mto_shipments`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(shipments);
    expect(answer.etag).toBeNull();
  });

  it('answers 404 for an unknown move', async () => {
    const path = '/move_task_orders/00000000-0000-4000-8000-000000000000/mto_shipments';
    expectProblem(await send('GET', path), 404);
  });
});

describe('approving a shipment', () => {
  it('approves a submitted shipment without a body, and leaves the move alone', async () => {
    const before = seededMove(SEED_LOCATORS.draft);
    const shipment = submitted();
    const answer = await send<Shipment>('POST', `/shipments/${shipment.id}/approve`, {
      ifMatch: quoted(shipment.eTag),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('APPROVED');
    expect(answer.body.approvedDate).toMatch(/\.\d{9}Z$/);
    expect(answer.etag).toBe(quoted(answer.body.eTag));
    expect(seededMove(SEED_LOCATORS.draft).move).toEqual(before.move);
  });

  it('accepts an empty JSON object but refuses fields', async () => {
    const shipment = submitted();
    const path = `/shipments/${shipment.id}/approve`;
    const ifMatch = quoted(shipment.eTag);
    const answer = await send('POST', path, { ifMatch, body: { status: 'APPROVED' } });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({ status: 'read-only' });
    expect((await send('POST', path, { ifMatch, body: {} })).status).toBe(200);
  });

  it('answers 409 for a shipment that is not submitted', async () => {
    const { shipments } = seededMove(SEED_LOCATORS.draft);
    const approved = shipments.find((shipment) => shipment.status === 'APPROVED')!;
    const answer = await send('POST', `/shipments/${approved.id}/approve`, {
      ifMatch: quoted(approved.eTag),
    });
    expectProblem(answer, 409);
  });

  it('refuses the move task order eTag: a child has its own', async () => {
    const { move } = seededMove(SEED_LOCATORS.draft);
    const shipment = submitted();
    const answer = await send('POST', `/shipments/${shipment.id}/approve`, {
      ifMatch: quoted(move.eTag),
    });
    expectProblem(answer, 412);
    expect(db.find('shipment', shipment.id)).toEqual(shipment);
  });

  it('answers 404 for a shipment a colleague deleted', async () => {
    const shipment = submitted();
    db.remove('shipment', shipment.id);
    const answer = await send('POST', `/shipments/${shipment.id}/approve`, {
      ifMatch: quoted(shipment.eTag),
    });
    expectProblem(answer, 404);
  });
});

describe('rejecting a shipment', () => {
  it('rejects a submitted shipment with its reason', async () => {
    const shipment = submitted();
    const answer = await send<Shipment>('POST', `/shipments/${shipment.id}/reject`, {
      ifMatch: quoted(shipment.eTag),
      body: { rejectionReason: 'Duplicate of the first shipment' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Duplicate of the first shipment',
    });
  });

  it.each([
    ['missing', {}, 'is required'],
    ['empty', { rejectionReason: '' }, 'must not be empty'],
    ['blank', { rejectionReason: '   ' }, 'must not be blank'],
  ])('needs a reason: refuses a %s one with 422', async (_, body, message) => {
    const shipment = submitted();
    const answer = await send('POST', `/shipments/${shipment.id}/reject`, {
      ifMatch: quoted(shipment.eTag),
      body,
    });
    expect(expectProblem(answer, 422).invalid_fields).toEqual({ rejectionReason: message });
  });

  it('answers 409 for a shipment that was already decided', async () => {
    const shipment = submitted();
    const decided = db.colleagueUpdate('shipment', shipment.id, { status: 'APPROVED' });
    const answer = await send('POST', `/shipments/${shipment.id}/reject`, {
      ifMatch: quoted(decided.eTag),
      body: { rejectionReason: 'Too late' },
    });
    expectProblem(answer, 409);
  });
});
