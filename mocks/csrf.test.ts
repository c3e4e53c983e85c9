// CSRF as the mock plays it in a page (the service worker, jsdom): gorilla/csrf
// behind MilMove's masked-cookie middleware. The Node mock server's side (an
// HttpOnly base cookie, the Cookie header, CORS credentials) is in
// server.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE } from '../src/api/csrf';
import { BASE_COOKIE, tokenMatchesBase } from './csrf';
import { db, SEED_LOCATORS } from './db';
import { expectText, seededMove, send, type Answer } from './testApi';

const NOT_FOUND = 'Forbidden - CSRF token not found in request';
const INVALID = 'Forbidden - CSRF token invalid';
const SECRET_KEY = 'ghc-mock/csrf-secret';
const MASKED = /^[A-Za-z0-9+/]{86}==$/;

/** The cookies an answer sets, by name: the value and the attributes as sent. */
function cookiesSet(
  answer: Answer<unknown>,
): Record<string, { value: string; attributes: string }> {
  return Object.fromEntries(
    answer.headers.getSetCookie().map((line) => {
      const [pair, ...attributes] = line.split('; ');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), { value: pair.slice(at + 1), attributes: attributes.join('; ') }];
    }),
  );
}

const cookie = (name: string) => send.cookie(name);

function remarksWrite(options: { csrfToken?: string | null } = {}) {
  const { move } = seededMove(SEED_LOCATORS.submitted);
  return send('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
    ifMatch: move.eTag,
    body: { tioRemarks: 'Checked the weight ticket' },
    ...options,
  });
}

/** A write refused by the CSRF layer: 403 text, no masked cookie, nothing changed. */
async function expectRefused(write: () => Promise<Answer<unknown>>, reason: string) {
  const before = db.snapshot();
  const answer = await write();
  expectText(answer, 403, reason);
  expect(cookiesSet(answer)[CSRF_COOKIE]).toBeUndefined();
  expect(answer.headers.get('Vary')).toBeNull();
  expect(db.snapshot()).toEqual(before);
  return answer;
}

describe('the CSRF cookies', () => {
  it('hands out a signed base cookie and a masked one on the first answer, even a 404', async () => {
    const first = await send('GET', '/move/NOSUCH');
    expect(first.status).toBe(404);
    const { [BASE_COOKIE]: base, [CSRF_COOKIE]: masked } = cookiesSet(first);

    // The page's mock cannot set HttpOnly through document.cookie; the Node server does.
    expect(base.attributes).toMatch(
      /^Path=\/; Expires=[A-Z][a-z]{2}, .+ GMT; Max-Age=43200; SameSite=Lax$/,
    );
    const expires = Date.parse(base.attributes.split('; ')[1].slice('Expires='.length));
    expect(Math.abs(expires - (Date.now() + 43_200_000))).toBeLessThan(5_000);
    // Read by the page's script, and gone with the browser session.
    expect(masked.attributes).toBe('Path=/; SameSite=Lax');
    expect(masked.value).toMatch(MASKED);
    expect(await tokenMatchesBase(masked.value, base.value)).toBe(true);
    expect(first.headers.get('Vary')).toBe('Cookie');

    expect(cookie(BASE_COOKIE)).toBe(base.value);
    expect(cookie(CSRF_COOKIE)).toBe(masked.value);
  });

  it('keeps the base cookie and renews the masked one on every answer, GETs too, each one different', async () => {
    const first = await send('GET', '/queues/moves');
    const base = cookiesSet(first)[BASE_COOKIE].value;
    const masked = [cookiesSet(first)[CSRF_COOKIE].value];
    for (const path of [`/move/${SEED_LOCATORS.submitted}`, '/no-such-route']) {
      const answer = await send('GET', path);
      expect(cookiesSet(answer)[BASE_COOKIE]).toBeUndefined();
      masked.push(cookiesSet(answer)[CSRF_COOKIE].value);
    }
    const written = await remarksWrite();
    expect(written.status).toBe(200);
    masked.push(cookiesSet(written)[CSRF_COOKIE].value);

    expect(new Set(masked).size).toBe(4);
    for (const value of masked) expect(await tokenMatchesBase(value, base)).toBe(true);
    expect(cookie(BASE_COOKIE)).toBe(base);
  });

  it('takes any masked value of the same base token: they are not single-use', async () => {
    const oldest = await send.csrfToken();
    await send('GET', '/queues/moves');
    const newer = cookie(CSRF_COOKIE)!;
    expect(newer).not.toBe(oldest);

    expect((await remarksWrite({ csrfToken: oldest })).status).toBe(200);
    expect((await remarksWrite({ csrfToken: oldest })).status).toBe(200);
    expect((await remarksWrite({ csrfToken: newer })).status).toBe(200);
  });
});

describe('a write', () => {
  it('without X-CSRF-Token is refused: the token was not found', async () => {
    await send('GET', '/queues/moves');
    await expectRefused(() => remarksWrite({ csrfToken: null }), NOT_FOUND);
    await expectRefused(() => remarksWrite({ csrfToken: '' }), NOT_FOUND);
  });

  it('with a forged token is refused as invalid', async () => {
    const real = await send.csrfToken();
    const bytes = Uint8Array.from(atob(real), (char) => char.charCodeAt(0));
    bytes[40] ^= 1;
    const random = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(64))));
    const forgeries = [
      'forged',
      btoa(String.fromCharCode(...bytes)),
      random,
      real.slice(0, 44),
      `${real}AAAA`,
    ];
    for (const csrfToken of forgeries) {
      await expectRefused(() => remarksWrite({ csrfToken }), INVALID);
    }
    // The base cookie stays: nothing was wrong with it.
    expect(await tokenMatchesBase(real, cookie(BASE_COOKIE)!)).toBe(true);
  });

  it("with another session's token is refused as invalid", async () => {
    const theirs = await send.csrfToken();
    send.forget(BASE_COOKIE);
    send.forget(CSRF_COOKIE);
    await send('GET', '/queues/moves');
    await expectRefused(() => remarksWrite({ csrfToken: theirs }), INVALID);
  });

  it('without a base cookie is refused as invalid, and gets a fresh base cookie for the next try', async () => {
    const token = await send.csrfToken();
    send.forget(BASE_COOKIE);
    const refused = await expectRefused(() => remarksWrite({ csrfToken: token }), INVALID);
    const fresh = cookiesSet(refused)[BASE_COOKIE].value;
    expect(cookie(BASE_COOKIE)).toBe(fresh);
    expect(await tokenMatchesBase(token, fresh)).toBe(false);

    // The app's next read brings a masked cookie of the fresh token, and the retry passes.
    await send('GET', '/queues/moves');
    expect((await remarksWrite()).status).toBe(200);
  });

  it('with a base cookie whose signature is forged is refused, and gets a fresh base cookie', async () => {
    const token = await send.csrfToken();
    const [issuedAt, value, mac] = cookie(BASE_COOKIE)!.split('|');
    const other = `${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`;
    document.cookie = `${BASE_COOKIE}=${issuedAt}|${other}|${mac}; Path=/`;
    const refused = await expectRefused(() => remarksWrite({ csrfToken: token }), INVALID);
    expect(cookiesSet(refused)[BASE_COOKIE].value).not.toContain(other);
  });

  it('with a base cookie older than 12 hours is refused as invalid', async () => {
    const token = await send.csrfToken();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 43_201_000);
    await expectRefused(() => remarksWrite({ csrfToken: token }), INVALID);
  });

  it('passes with a base cookie from a clock that has since gone back, as securecookie takes it', async () => {
    const token = await send.csrfToken();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() - 3_600_000);
    expect((await remarksWrite({ csrfToken: token })).status).toBe(200);
  });

  it("with a token of another process's secret is refused: nothing in the source can mint one", async () => {
    await send('GET', '/queues/moves');
    // Another mock (another browser profile) keeps its own secret.
    const ours = localStorage.getItem(SECRET_KEY)!;
    localStorage.removeItem(SECRET_KEY);
    vi.resetModules();
    const other = await import('./csrf');
    const { headers } = await other.csrfCheck(
      new Request('http://localhost/ghc/v1/queues/moves'),
      {},
    );
    localStorage.setItem(SECRET_KEY, ours);
    const set = headers.filter(([name]) => name === 'Set-Cookie').map(([, line]) => line);
    // It could not read this page's base cookie, so it made its own.
    expect(set).toHaveLength(2);
    set.forEach((line) => (document.cookie = line));
    await expectRefused(() => remarksWrite(), INVALID);
  });

  it("with another tab's token passes: every tab of the profile shares the secret", async () => {
    await send('GET', '/queues/moves');
    vi.resetModules();
    const otherTab = await import('./csrf');
    const { headers, refusal } = await otherTab.csrfCheck(
      new Request('http://localhost/ghc/v1/queues/moves'),
      {},
    );
    expect(refusal).toBeUndefined();
    // It took this page's base cookie: all it sets is a masked cookie of its own.
    const set = headers.filter(([name]) => name === 'Set-Cookie').map(([, line]) => line);
    expect(set).toEqual([expect.stringMatching(new RegExp(`^${CSRF_COOKIE}=`))]);
    document.cookie = set[0];
    expect((await remarksWrite()).status).toBe(200);
  });
});

describe('the CSRF check', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';

  it.each<[string, () => Promise<Answer<unknown>>]>([
    ['an unknown route', () => send('DELETE', '/move/RDY4PR', { csrfToken: null })],
    ['an unknown path', () => send('POST', '/no-such-route', { csrfToken: null })],
    [
      'a malformed id',
      () => send('POST', '/shipments/abc/approve', { ifMatch: 'x', csrfToken: null }),
    ],
    [
      'an unknown record',
      () => send('POST', `/shipments/${unknownId}/approve`, { ifMatch: 'x', csrfToken: null }),
    ],
    [
      'a missing If-Match',
      () => send('PATCH', `/customer/${unknownId}`, { body: {}, csrfToken: null }),
    ],
    [
      'a body that is not JSON',
      () =>
        send('POST', '/shipments/approve', {
          body: 'approve all',
          headers: { 'Content-Type': 'text/plain' },
          csrfToken: null,
        }),
    ],
    ['a malformed body', () => send('POST', '/shipments/approve', { body: '{', csrfToken: null })],
  ])('comes before everything else: %s is refused with 403', async (_, write) => {
    await send('GET', '/queues/moves');
    await expectRefused(write, NOT_FOUND);
  });

  it('passes a write with the right token on to the usual checks', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const body = { tioRemarks: 'Checked the weight ticket' };
    expect((await send('PATCH', path, { body })).status).toBe(422);
    expect((await send('PATCH', path, { ifMatch: 'stale', body })).status).toBe(412);
    expect((await send('PATCH', '/no-such-route', { body })).status).toBe(400);
    expect((await send('PATCH', path, { ifMatch: move.eTag, body })).status).toBe(200);
    expect(seededMove(SEED_LOCATORS.submitted).move.tioRemarks).toBe('Checked the weight ticket');
  });
});
