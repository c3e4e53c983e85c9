// The mock's side of CSRF protection (see src/api/csrf.ts): every read hands a
// client without a valid token the `masked_gorilla_csrf` cookie; every write
// must echo it in X-CSRF-Token (write.ts refuses it with 403 before any other
// check). Tokens verify statelessly, a nonce and a checksum of it, so every
// tab's mock and the Node mock server accept each other's.
import { CSRF_COOKIE, CSRF_HEADER, cookieValue } from '../src/api/csrf';

// Public, and FNV-1a is no MAC: anyone who reads this can mint a token. That
// is enough for a mock, which only has to tell a client that sends the token
// from one that does not; a real server signs or stores its tokens.
const SECRET = 'too-office mock CSRF';
const TOKEN = /^([0-9a-f]{32})\.([0-9a-f]{8})$/;

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A fresh token, as a read hands it out. */
export function mintCsrfToken(): string {
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return `${nonce}.${fnv1a(nonce + SECRET)}`;
}

export function isCsrfToken(value: string | null | undefined): value is string {
  const parts = value ? TOKEN.exec(value) : null;
  return parts !== null && parts[2] === fnv1a(parts[1] + SECRET);
}

/**
 * The token cookie the request carries. In a page (the service worker mock,
 * jsdom tests) that is the page's own cookies: msw's `cookies` also merges in
 * a cookie store of its own, which every tab keeps apart and which can hold an
 * older token than document.cookie once two tabs handed out one each. In Node
 * (`npm run mock-server`) it is the request's Cookie header, as msw parsed it.
 */
function cookieOf(cookies: Record<string, string>): string | undefined {
  return typeof document === 'undefined'
    ? cookies[CSRF_COOKIE]
    : cookieValue(document.cookie, CSRF_COOKIE);
}

/** The Set-Cookie a read answers with, or undefined when the client holds a valid token. */
export function csrfCookieToSet(cookies: Record<string, string>): string | undefined {
  if (isCsrfToken(cookieOf(cookies))) return undefined;
  // Not HttpOnly: the app reads it to echo it, as the reference's does.
  return `${CSRF_COOKIE}=${mintCsrfToken()}; Path=/; SameSite=Strict`;
}

/** Why a write is refused with 403, or undefined when its token is good. */
export function csrfRefusal(request: Request, cookies: Record<string, string>): string | undefined {
  const token = request.headers.get(CSRF_HEADER);
  if (token === null || token === '') {
    return `Send the ${CSRF_COOKIE} cookie's value in ${CSRF_HEADER}: nothing was changed.`;
  }
  if (!isCsrfToken(token)) {
    return `The ${CSRF_HEADER} is not a token this server handed out: nothing was changed.`;
  }
  const cookie = cookieOf(cookies);
  if (cookie !== undefined && cookie !== token) {
    return `The ${CSRF_HEADER} does not match the ${CSRF_COOKIE} cookie: nothing was changed.`;
  }
  return undefined;
}
