// @vitest-environment node
// move.getMove: the move by its locator, which locks it for the reader.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { misfits } from '../answerSchema';
import { eTagOf, jsonDateTime, timestampOf } from '../clock';
import { db, SEED_LOCATORS } from '../db';
import { setMockProfile } from '../profile';
import type { Schemas } from '../records';
import { OFFICE_USERS, SIGNED_IN_USER } from '../referenceData';
import { expectMessage, expectNoBody, quoted, seededMove, send } from '../testApi';

type Move = Schemas['Move'];

const LOCK_MS = 30 * 60_000;
const NOW = Date.UTC(2026, 11, 1, 9, 30, 0, 250);

const getMove = (locator: string) => send<Move>('GET', `/move/${locator}`);

afterEach(() => setMockProfile('ghc'));

describe('reading a move (getMove)', () => {
  it('answers the move as the document has it, locked for the reader for 30 minutes', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const { move: row } = seededMove(SEED_LOCATORS.submitted).rows;
    const answer = await getMove(SEED_LOCATORS.submitted);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: row.id,
      locator: 'RDY4PR',
      ordersId: row.ordersId,
      referenceId: row.referenceId,
      status: 'SUBMITTED',
      submittedAt: jsonDateTime(row.submittedAt!),
      lockedByOfficeUserID: SIGNED_IN_USER.id,
      lockExpiresAt: '2026-12-01T10:00:00.250Z',
      createdAt: jsonDateTime(row.createdAt),
      updatedAt: jsonDateTime(row.updatedAt),
      eTag: eTagOf(row.updatedAt),
    });
    expect(misfits('getMove', answer.body)).toEqual([]);
    // The real server sends no ETag header, and never caches an API answer.
    expect(answer.etag).toBeNull();
    expect(answer.headers.get('Cache-Control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('locks without a save: the eTag and updated_at stay as they were', async () => {
    const before = seededMove(SEED_LOCATORS.submitted).rows.move;
    const answer = await getMove(SEED_LOCATORS.submitted);
    const after = db.find('move', before.id)!;
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(answer.body.eTag).toBe(eTagOf(before.updatedAt));
    expect(after.lockedByOfficeUserId).toBe(SIGNED_IN_USER.id);
  });

  it('shows an approved move with its approval, its availability to the Prime and its remarks', async () => {
    const row = db.moveByLocator(SEED_LOCATORS.availableToPrime)!;
    db.touch('move', row.id, { tioRemarks: 'Weight allowance verified against orders' });
    const { body } = await getMove(SEED_LOCATORS.availableToPrime);
    expect(body).toMatchObject({
      status: 'APPROVED',
      approvedAt: jsonDateTime(row.approvedAt!),
      availableToPrimeAt: jsonDateTime(row.availableToPrimeAt!),
      tioRemarks: 'Weight allowance verified against orders',
    });
    // Omitted when empty, as the server prints them: false, null, never read here.
    for (const field of ['financialReviewFlag', 'approvalsRequestedAt', 'orders']) {
      expect(body).not.toHaveProperty(field);
    }
    expect(misfits('getMove', body)).toEqual([]);
  });

  it('renews its own lock, and takes an expired one', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const row = db.moveByLocator(SEED_LOCATORS.submitted)!;
    await getMove(SEED_LOCATORS.submitted);
    vi.mocked(Date.now).mockReturnValue(NOW + 60_000);
    expect((await getMove(SEED_LOCATORS.submitted)).body.lockExpiresAt).toBe(
      jsonDateTime(timestampOf(NOW + 60_000 + LOCK_MS)),
    );

    db.touch('move', row.id, {
      lockedByOfficeUserId: OFFICE_USERS[1].id,
      lockExpiresAt: timestampOf(NOW - 1),
    });
    expect((await getMove(SEED_LOCATORS.submitted)).body.lockedByOfficeUserID).toBe(
      SIGNED_IN_USER.id,
    );
  });

  it("leaves a colleague's lock that has not expired, and shows whose it is", async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const row = db.moveByLocator(SEED_LOCATORS.submitted)!;
    const lockExpiresAt = timestampOf(NOW + 60_000, 123);
    db.touch('move', row.id, { lockedByOfficeUserId: OFFICE_USERS[1].id, lockExpiresAt });
    const { body } = await getMove(SEED_LOCATORS.submitted);
    expect(body.lockedByOfficeUserID).toBe(OFFICE_USERS[1].id);
    expect(body.lockExpiresAt).toBe(jsonDateTime(lockExpiresAt));
    expect(db.find('move', row.id)?.lockedByOfficeUserId).toBe(OFFICE_USERS[1].id);
  });

  it('answers 404 without a body for a locator that matches no move exactly', async () => {
    expectNoBody(await getMove('NOPE99'), 404);
    expectNoBody(await getMove('rdy4pr'), 404);
    expectNoBody(await getMove('RDY4P'), 404);
  });

  it('answers 404 without a body for a hidden move, and takes no lock', async () => {
    const row = db.moveByLocator(SEED_LOCATORS.submitted)!;
    db.touch('move', row.id, { show: false });
    expectNoBody(await getMove(SEED_LOCATORS.submitted), 404);
    expect(db.find('move', row.id)?.lockedByOfficeUserId).toBeNull();
  });

  it('hides a move with SAFETY orders from a TOO without the privilege: 404 with a message, no lock', async () => {
    const { move, order } = seededMove(SEED_LOCATORS.submitted).rows;
    db.save('order', order.id, { ordersType: 'SAFETY' });
    expect(expectMessage(await getMove(SEED_LOCATORS.submitted), 404)).toBe('Page is inaccessible');
    expect(db.find('move', move.id)?.lockedByOfficeUserId).toBeNull();
  });

  it('puts the eTag in a quoted ETag header in the rfc9110 profile', async () => {
    setMockProfile('rfc9110');
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const answer = await getMove(SEED_LOCATORS.submitted);
    expect(answer.etag).toBe(quoted(move.eTag!));
    expect(answer.body.eTag).toBe(move.eTag);
  });
});
