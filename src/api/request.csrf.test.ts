// A write sent with a token the server no longer takes, because the browser
// had not yet told of a new session's cookie, goes once more with the
// cookie's token; the CSRF layer refused it before anything was done.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_COOKIE, tokenMatchesBase } from '../../mocks/csrf';
import { db, SEED_LOCATORS } from '../../mocks/db';
import { clearCsrfCookie, seededMove } from '../../mocks/testApi';
import { recordRequests } from '../test/recordRequests';
import { cookieValue, type CookieChanges } from './csrf';

/** request.ts loaded afresh where the browser has the Cookie Store API, whose notices never come. */
async function requestWithSilentCookieStore() {
  vi.resetModules();
  const silent: CookieChanges = { addEventListener: () => {} };
  vi.stubGlobal('cookieStore', silent);
  return (await import('./request')).request;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('a write refused for its CSRF token', () => {
  it('goes once more with the token the cookie holds now, and is saved once', async () => {
    const request = await requestWithSilentCookieStore();
    const { rows } = seededMove(SEED_LOCATORS.submitted);
    const customerID = rows.customer.id;
    const customer = await request('customer.getCustomer', { customerID });
    // The first write reads the cookie; the reader keeps that value.
    await request(
      'customer.updateCustomer',
      { customerID, 'If-Match': customer.eTag ?? '' },
      { phone: '555-555-0101' },
    );
    // A new session: new base and masked cookies, with no notice of them.
    clearCsrfCookie();
    const latest = await request('customer.getCustomer', { customerID });
    const requests = recordRequests();

    const saved = await request(
      'customer.updateCustomer',
      { customerID, 'If-Match': latest.eTag ?? '' },
      { phone: '555-555-0102' },
    );

    const writes = requests.filter((r) => r.method === 'PATCH');
    expect(writes).toHaveLength(2);
    expect(writes[0].csrfToken).not.toBe(writes[1].csrfToken);
    // The retry's token is the new session's; the first was the old one's.
    const base = cookieValue(document.cookie, BASE_COOKIE) ?? '';
    expect(await tokenMatchesBase(writes[1].csrfToken ?? '', base)).toBe(true);
    expect(await tokenMatchesBase(writes[0].csrfToken ?? '', base)).toBe(false);
    expect(writes.map((w) => w.ifMatch)).toEqual([latest.eTag, latest.eTag]);
    expect(saved.phone).toBe('555-555-0102');
    expect(db.find('customer', customerID)?.phone).toBe('555-555-0102');
  });

  it('is not sent again when the cookie holds the token it was sent with', async () => {
    const request = await requestWithSilentCookieStore();
    const customerID = seededMove(SEED_LOCATORS.submitted).rows.customer.id;
    const loaded = await request('customer.getCustomer', { customerID });
    // The cookie cleared: no token, and none to retry with.
    clearCsrfCookie();
    const requests = recordRequests();

    await expect(
      request(
        'customer.updateCustomer',
        { customerID, 'If-Match': loaded.eTag ?? '' },
        { phone: '555-555-0103' },
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(db.find('customer', customerID)?.phone).not.toBe('555-555-0103');
  });
});
