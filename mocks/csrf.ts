// CSRF protection as the real server has it (gorilla/csrf behind MilMove's
// masked-cookie middleware; GHC.md, "CSRF and session"):
// - the base cookie `_gorilla_csrf` holds a random 32-byte token, signed with
//   the server's secret; it is set when a request has no valid one, on any
//   method, refused requests included;
// - every answer that passed the check (GETs too) sets `masked_gorilla_csrf`:
//   base64 of a fresh 32-byte pad followed by pad XOR token, for the page's
//   script to read and send back in `X-CSRF-Token`;
// - a write (anything but GET, HEAD, OPTIONS, TRACE) passes only if that
//   header unmasks to the base cookie's token: no header is
//   'Forbidden - CSRF token not found in request', anything else wrong
//   (no or a forged base cookie, a bad encoding, another token) is
//   'Forbidden - CSRF token invalid', both as text with status 403.
// The secret is made per process, or in a browser once per profile (kept in
// localStorage so every tab accepts the others' cookies); nothing in the
// source can mint a token.
import { CSRF_COOKIE, CSRF_HEADER, cookieValue } from '../src/api/csrf';
import { text } from './http';

export const BASE_COOKIE = '_gorilla_csrf';
const SECRET_KEY = 'ghc-mock/csrf-secret';
const TOKEN_BYTES = 32;
const MAX_AGE_S = 43_200;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toBase64Url = (bytes: Uint8Array) =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64(value: string, url = false): Uint8Array<ArrayBuffer> | undefined {
  try {
    const standard = url ? value.replace(/-/g, '+').replace(/_/g, '/') : value;
    return Uint8Array.from(atob(standard), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const randomBytes = (count: number) =>
  crypto.getRandomValues(new Uint8Array(new ArrayBuffer(count)));

function secretBytes(): Uint8Array<ArrayBuffer> {
  if (typeof localStorage === 'undefined' || typeof document === 'undefined') {
    return randomBytes(32);
  }
  const stored = fromBase64(localStorage.getItem(SECRET_KEY) ?? '');
  if (stored?.length === 32) return stored;
  const made = randomBytes(32);
  localStorage.setItem(SECRET_KEY, toBase64(made));
  return made;
}

let key: Promise<CryptoKey> | undefined;
const hmacKey = () =>
  (key ??= crypto.subtle.importKey('raw', secretBytes(), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]));

const encoder = new TextEncoder();

/** The base cookie's value: the token and when it was issued, signed (securecookie's idea). */
async function sealBase(token: Uint8Array, issuedAt: number): Promise<string> {
  const payload = `${issuedAt}|${toBase64Url(token)}`;
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', await hmacKey(), encoder.encode(payload)),
  );
  return `${payload}|${toBase64Url(mac)}`;
}

async function openBase(value: string | undefined): Promise<Uint8Array | undefined> {
  const parts = value?.split('|');
  if (parts?.length !== 3) return undefined;
  const [issuedAt, token, mac] = parts;
  const macBytes = fromBase64(mac, true);
  const tokenBytes = fromBase64(token, true);
  if (!macBytes || tokenBytes?.length !== TOKEN_BYTES) return undefined;
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(),
    macBytes,
    encoder.encode(`${issuedAt}|${token}`),
  );
  // securecookie refuses a value older than its max age, not one from a clock that ran ahead.
  const age = Date.now() / 1000 - Number(issuedAt);
  return valid && age <= MAX_AGE_S ? tokenBytes : undefined;
}

/** A masked copy of the token: pad, then pad XOR token, base64 (88 characters). */
export function maskToken(token: Uint8Array): string {
  const pad = randomBytes(TOKEN_BYTES);
  const masked = new Uint8Array(TOKEN_BYTES * 2);
  masked.set(pad);
  token.forEach((byte, index) => (masked[TOKEN_BYTES + index] = byte ^ pad[index]));
  return toBase64(masked);
}

function unmask(value: string): Uint8Array<ArrayBuffer> | undefined {
  const bytes = fromBase64(value);
  if (bytes?.length !== TOKEN_BYTES * 2) return undefined;
  return bytes.slice(TOKEN_BYTES).map((byte, index) => byte ^ bytes[index]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.min(a.length, b.length); index++)
    difference |= a[index] ^ b[index];
  return difference === 0;
}

/**
 * The cookies the request carries. In a page (the service worker mock, jsdom
 * tests) those are the page's own: msw's `cookies` also merges a store of its
 * own that can hold older values than document.cookie. In Node (npm run
 * mock-server) they are the request's Cookie header.
 */
function cookieOf(cookies: Record<string, string>, name: string): string | undefined {
  return typeof document === 'undefined' ? cookies[name] : cookieValue(document.cookie, name);
}

// In a page the mock's cookies are set through document.cookie, which cannot
// set an HttpOnly cookie: there the base cookie is an ordinary one (the app
// never reads it). From the HTTP server it is HttpOnly, as the real one is.
const httpOnly = () => (typeof document === 'undefined' ? '; HttpOnly' : '');

function baseCookie(value: string): string {
  const expires = new Date(Date.now() + MAX_AGE_S * 1000).toUTCString();
  return `${BASE_COOKIE}=${value}; Path=/; Expires=${expires}; Max-Age=${MAX_AGE_S}${httpOnly()}; SameSite=Lax`;
}

const maskedCookie = (token: Uint8Array) =>
  `${CSRF_COOKIE}=${maskToken(token)}; Path=/; SameSite=Lax`;

export interface CsrfVerdict {
  /** The 403 to answer with, or undefined when the request may go on. */
  refusal?: Response;
  /** Headers every answer to this request carries: the cookies to set. */
  headers: [string, string][];
}

/** Runs the CSRF layer on a request, before anything else looks at it. */
export async function csrfCheck(
  request: Request,
  cookies: Record<string, string>,
): Promise<CsrfVerdict> {
  const headers: [string, string][] = [];
  let token = await openBase(cookieOf(cookies, BASE_COOKIE));
  if (!token) {
    token = randomBytes(TOKEN_BYTES);
    headers.push(['Set-Cookie', baseCookie(await sealBase(token, Math.floor(Date.now() / 1000)))]);
  }
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const sent = request.headers.get(CSRF_HEADER);
    if (sent === null || sent === '') {
      return { refusal: text(403, 'Forbidden - CSRF token not found in request'), headers };
    }
    const unmasked = unmask(sent);
    if (!unmasked || !sameBytes(unmasked, token)) {
      return { refusal: text(403, 'Forbidden - CSRF token invalid'), headers };
    }
  }
  headers.push(['Set-Cookie', maskedCookie(token)], ['Vary', 'Cookie']);
  return { headers };
}

/** For tests: whether a masked token unmasks to the token of this base cookie value. */
export async function tokenMatchesBase(masked: string, base: string): Promise<boolean> {
  const token = await openBase(base);
  const unmasked = unmask(masked);
  return Boolean(token && unmasked && sameBytes(token, unmasked));
}
