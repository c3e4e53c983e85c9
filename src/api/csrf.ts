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

/** What the reader needs of the Cookie Store API: its change events. */
export interface CookieChanges {
  addEventListener(
    type: 'change',
    listener: (event: {
      changed: readonly { name?: string; value?: string }[];
      deleted: readonly { name?: string }[];
    }) => void,
  ): void;
}

/**
 * The token the page holds. Reading `document.cookie` is a synchronous call
 * to the browser's cookie store, 2 to 4 ms on a busy machine and again after
 * every answer (each renews the cookie), right on the path of a click's
 * write. Where the browser tells of cookie changes (the Cookie Store API), the
 * token is read once and then kept current from those notices.
 *
 * A notice comes a moment after the answer that set the cookie; a write in
 * that moment carries the previous masked value. The server takes any masked
 * value of the session's base token (GHC.md, section 5), so that is safe,
 * except when the answer also set a new base token; `refresh` reads the
 * cookie itself, for the one retry after such a refusal.
 */
export function csrfTokenReader(readCookies: () => string, changes?: CookieChanges) {
  const read = () => cookieValue(readCookies(), CSRF_COOKIE);
  if (!changes) return { token: read, refresh: read };
  let known = false;
  let current: string | undefined;
  changes.addEventListener('change', ({ changed, deleted }) => {
    for (const cookie of changed) {
      if (cookie.name === CSRF_COOKIE) [known, current] = [true, cookie.value];
    }
    for (const cookie of deleted) {
      if (cookie.name === CSRF_COOKIE) [known, current] = [true, undefined];
    }
  });
  const refresh = () => {
    [known, current] = [true, read()];
    return current;
  };
  return { token: () => (known ? current : refresh()), refresh };
}

const reader =
  typeof document === 'undefined'
    ? { token: () => undefined, refresh: () => undefined }
    : csrfTokenReader(
        () => document.cookie,
        (globalThis as { cookieStore?: CookieChanges }).cookieStore,
      );

/** The token to send with a write: the cookie's current value. */
export const csrfToken = (): string | undefined => reader.token();

/** The cookie read afresh, after the server refused the token sent. */
export const freshCsrfToken = (): string | undefined => reader.refresh();
