// CSRF as the mock plays it in a page (the service worker, jsdom): reads hand
// out the masked_gorilla_csrf cookie, writes must echo it in X-CSRF-Token.
// The Node mock server's side (Cookie header, CORS credentials) is in server.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE, csrfToken } from '../src/api/csrf';
import { isCsrfToken, mintCsrfToken } from './csrf';
import { db, SEED_LOCATORS } from './db';
import {
  clearCsrfCookie,
  csrfCookieSet,
  expectProblem,
  quoted,
  seededMove,
  send,
  type Answer,
} from './testApi';

function remarksWrite(options: { csrfToken?: string | null; ifMatch?: string; id?: string }) {
  const { move } = seededMove(SEED_LOCATORS.draft);
  return send('PATCH', `/move-task-orders/${options.id ?? move.id}/tio-remarks`, {
    ifMatch: 'ifMatch' in options ? options.ifMatch : quoted(move.eTag),
    body: { tioRemarks: 'Checked the weight ticket' },
    csrfToken: options.csrfToken,
  });
}

/** Every write here must be refused with 403 and leave every record as it was. */
async function expectRefused(write: () => Promise<Answer<unknown>>) {
  const before = db.snapshot();
  const answer = await write();
  const body = expectProblem(answer, 403);
  expect(body.title).toBe('Forbidden');
  expect(answer.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(db.snapshot()).toEqual(before);
  return body;
}

describe('CSRF protection in the mock', () => {
  it('hands out the cookie on the first read, even a 404, and keeps it on the next', async () => {
    const first = await send('GET', '/move/NOSUCH');
    expect(first.status).toBe(404);
    const token = csrfCookieSet(first);
    expect(isCsrfToken(token)).toBe(true);
    expect(csrfToken()).toBe(token);

    const next = await send('GET', `/move/${SEED_LOCATORS.draft}`);
    expect(next.status).toBe(200);
    expect(next.headers.get('Set-Cookie')).toBeNull();
    expect(csrfToken()).toBe(token);
  });

  it('replaces a cookie it did not hand out', async () => {
    document.cookie = `${CSRF_COOKIE}=forged; Path=/`;
    const answer = await send('GET', '/queues/moves');
    expect(isCsrfToken(csrfCookieSet(answer))).toBe(true);
    expect(csrfToken()).toBe(csrfCookieSet(answer));
  });

  it('refuses a write without X-CSRF-Token with 403, and changes nothing', async () => {
    await send('GET', '/queues/moves');
    const body = await expectRefused(() => remarksWrite({ csrfToken: null }));
    expect(body.detail).toContain('X-CSRF-Token');
  });

  it('refuses forged tokens and a valid token that is not the cookie', async () => {
    const session = await send.csrfToken();
    const forgeries = [
      'forged',
      session.slice(0, -1) + (session.endsWith('0') ? '1' : '0'),
      `${'0'.repeat(32)}.00000000`,
      mintCsrfToken(),
    ];
    for (const csrfToken of forgeries) await expectRefused(() => remarksWrite({ csrfToken }));
  });

  it('judges the token before anything else: no 400, 404 or 428 without it', async () => {
    await expectRefused(() => remarksWrite({ csrfToken: null, id: 'not-a-uuid' }));
    await expectRefused(() =>
      remarksWrite({ csrfToken: null, id: '00000000-0000-4000-8000-000000000000' }),
    );
    await expectRefused(() => remarksWrite({ csrfToken: null, ifMatch: undefined }));
  });

  it('passes a write with the right token on to the usual checks', async () => {
    const stale = quoted(btoa('2020-01-01T00:00:00.000000000Z'));
    expectProblem(await remarksWrite({ ifMatch: undefined }), 428);
    expectProblem(await remarksWrite({ ifMatch: stale }), 412);
    expectProblem(await remarksWrite({ id: '00000000-0000-4000-8000-000000000000' }), 404);
    const written = await remarksWrite({});
    expect(written.status).toBe(200);
    expect(seededMove(SEED_LOCATORS.draft).move.tioRemarks).toBe('Checked the weight ticket');
  });

  it("accepts another tab's token: tokens verify without any shared state", async () => {
    vi.resetModules();
    const otherTab = await import('./csrf');
    const token = otherTab.mintCsrfToken();
    // Another tab's read set the cookie this page now holds.
    document.cookie = `${CSRF_COOKIE}=${token}; Path=/`;
    expect((await remarksWrite({ csrfToken: token })).status).toBe(200);
  });

  it('accepts a valid token when the request carries no cookie to compare it with', async () => {
    const token = await send.csrfToken();
    clearCsrfCookie();
    expect((await remarksWrite({ csrfToken: token })).status).toBe(200);
  });
});
