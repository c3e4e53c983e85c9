// The CSRF token reader: the cookie read at each write, or, where the
// browser tells of cookie changes, read once and kept current from them.
import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, csrfTokenReader, type CookieChanges } from './csrf';

type Notice = Parameters<Parameters<CookieChanges['addEventListener']>[1]>[0];

function fakeBrowser(cookies: string) {
  const jar = { cookies, reads: 0 };
  const listeners: ((event: Notice) => void)[] = [];
  return {
    jar,
    readCookies: () => {
      jar.reads += 1;
      return jar.cookies;
    },
    changes: {
      addEventListener: (_type: 'change', listener: (event: Notice) => void) => {
        listeners.push(listener);
      },
    } satisfies CookieChanges,
    notify: (event: Partial<Notice>) =>
      listeners.forEach((listener) => listener({ changed: [], deleted: [], ...event })),
  };
}

describe('csrfTokenReader', () => {
  it('without change notices, reads the cookie at every call', () => {
    const browser = fakeBrowser(`other=1; ${CSRF_COOKIE}=first`);
    const reader = csrfTokenReader(browser.readCookies);

    expect(reader.token()).toBe('first');
    browser.jar.cookies = `${CSRF_COOKIE}=second`;
    expect(reader.token()).toBe('second');
    expect(browser.jar.reads).toBe(2);
  });

  it('with change notices, reads once and then takes the renewed and deleted cookie from them', () => {
    const browser = fakeBrowser(`${CSRF_COOKIE}=first`);
    const reader = csrfTokenReader(browser.readCookies, browser.changes);

    expect(reader.token()).toBe('first');
    expect(reader.token()).toBe('first');
    expect(browser.jar.reads).toBe(1);

    // Another cookie's notice changes nothing.
    browser.notify({ changed: [{ name: 'office_session_token', value: 'x' }] });
    expect(reader.token()).toBe('first');

    browser.jar.cookies = `${CSRF_COOKIE}=renewed`;
    browser.notify({ changed: [{ name: CSRF_COOKIE, value: 'renewed' }] });
    expect(reader.token()).toBe('renewed');

    browser.jar.cookies = '';
    browser.notify({ deleted: [{ name: CSRF_COOKIE }] });
    expect(reader.token()).toBeUndefined();
    expect(browser.jar.reads).toBe(1);
  });

  it('refresh reads the cookie itself, for when a notice has not come yet', () => {
    const browser = fakeBrowser(`${CSRF_COOKIE}=first`);
    const reader = csrfTokenReader(browser.readCookies, browser.changes);
    expect(reader.token()).toBe('first');

    browser.jar.cookies = `${CSRF_COOKIE}=renewed`;
    expect(reader.token()).toBe('first');
    expect(reader.refresh()).toBe('renewed');
    expect(reader.token()).toBe('renewed');
    expect(browser.jar.reads).toBe(2);
  });
});
