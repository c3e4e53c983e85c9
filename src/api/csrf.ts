// CSRF protection as the reference MilMove app has it: the server hands out
// the `masked_gorilla_csrf` cookie (readable by scripts, unlike a session
// cookie), and every write echoes its value in `X-CSRF-Token`. A page on
// another site can make the browser send the cookie, but cannot read it, so
// it cannot forge the header.

export const CSRF_COOKIE = 'masked_gorilla_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The value of cookie `name` in a `document.cookie` or `Cookie` header string. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

interface CookieChanges {
  addEventListener(
    type: 'change',
    listener: (event: {
      changed: readonly { name?: string; value?: string }[];
      deleted: readonly { name?: string }[];
    }) => void,
  ): void;
}

/**
 * Reads the token from `readCookies()` (document.cookie), and, where the
 * browser tells of cookie changes (`changes`: the Cookie Store API), keeps
 * it until something may have changed it: each answer the app gets (which
 * may renew it before the browser says so) and each change the browser
 * tells of. A read of document.cookie waits for the browser's cookie store
 * (a millisecond or more while the browser is busy), and a click's write
 * then leaves without that wait. Without that API every write reads it.
 */
export function createCsrfTokenReader(readCookies: () => string, changes?: CookieChanges) {
  let known: { value: string | undefined } | null = null;
  changes?.addEventListener('change', ({ changed, deleted }) => {
    // Until the first read after an answer, the next read asks the browser.
    if (!known) return;
    if (deleted.some(({ name }) => name === CSRF_COOKIE)) known = { value: undefined };
    const renewed = changed.filter(({ name }) => name === CSRF_COOKIE).at(-1);
    if (renewed) known = { value: renewed.value };
  });
  return {
    read(): string | undefined {
      if (known) return known.value;
      const value = cookieValue(readCookies(), CSRF_COOKIE);
      if (changes) known = { value };
      return value;
    },
    /** An answer came: it may have set the cookie before the browser tells of it. */
    answered() {
      known = null;
    },
  };
}

const cookieChanges = typeof document === 'undefined' ? undefined : globalThis.cookieStore;
const reader =
  typeof document === 'undefined'
    ? undefined
    : createCsrfTokenReader(() => document.cookie, cookieChanges);

/** The token the page holds now: a read may have just set or renewed it. */
export function csrfToken(): string | undefined {
  return reader?.read();
}

let readQueued = false;

/**
 * An answer came: the next token is read from the cookie again, once the
 * page is idle if the browser tells of later changes, so that a click's
 * write need not wait for that read.
 */
export function csrfCookieMayHaveChanged(): void {
  reader?.answered();
  if (!reader || !cookieChanges || readQueued || typeof requestIdleCallback !== 'function') return;
  readQueued = true;
  requestIdleCallback(() => {
    readQueued = false;
    reader.read();
  });
}
