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

/** The token the page holds now, read at call time: a read may have just set or renewed it. */
export function csrfToken(): string | undefined {
  return typeof document === 'undefined' ? undefined : cookieValue(document.cookie, CSRF_COOKIE);
}
