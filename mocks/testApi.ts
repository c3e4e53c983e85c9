// Test helpers: call the mock API the way a client does, over fetch (which
// msw/node intercepts), CSRF token included, and check the error body every
// failure must have.
import { expect } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER, cookieValue, csrfToken } from '../src/api/csrf';
import { db } from './db';
import type { RecordOf, Schemas } from './records';

export const BASE = 'http://localhost/ghc/v1';

export interface Answer<T> {
  status: number;
  /** The raw ETag response header. */
  etag: string | null;
  headers: Headers;
  /** The JSON body; undefined when there is none (a preflight). */
  body: T;
}

type Method = 'GET' | 'PATCH' | 'POST' | 'OPTIONS';

interface Options {
  ifMatch?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The X-CSRF-Token of a write instead of the session's own (even ''); null sends none. */
  csrfToken?: string | null;
}

// The CSRF cookie as a browser keeps it. In jsdom that is document.cookie,
// where msw puts the mock's Set-Cookie; in Node the client keeps the cookie
// itself and sends it back, as a browser does.
let nodeCookie: string | undefined;
const sessionToken = () => csrfToken() ?? nodeCookie;

function remember(response: Response): void {
  const set = response.headers.get('Set-Cookie');
  const token = set === null ? undefined : cookieValue(set, CSRF_COOKIE);
  if (token !== undefined && typeof document === 'undefined') nodeCookie = token;
}

/**
 * A client of the mock API at `base`, answered by `respond`: by default
 * global fetch, which msw/node intercepts. `body` is JSON-encoded unless it is
 * a string, which is sent as it is (to test malformed bodies). Like the app,
 * it echoes the CSRF cookie on every write, and reads first when it has none.
 */
export function client(
  // Looked up per call: msw/node replaces global fetch only when the server starts listening.
  respond: (request: Request) => Promise<Response> = (request) => fetch(request),
  base = BASE,
) {
  let firstRead: Promise<unknown> | undefined;
  const tokenForWrite = async (): Promise<string> => {
    if (!sessionToken()) {
      // Concurrent writes share the one read, so they all get the token it hands out.
      firstRead ??= send('GET', '/queues/moves?perPage=1').finally(() => (firstRead = undefined));
      await firstRead;
    }
    const token = sessionToken();
    if (!token) throw new Error('A read of the mock API handed out no CSRF cookie.');
    return token;
  };

  async function send<T = Record<string, unknown>>(
    method: Method,
    path: string,
    options: Options = {},
  ): Promise<Answer<T>> {
    const write = method === 'PATCH' || method === 'POST';
    const token =
      write && options.csrfToken === undefined ? await tokenForWrite() : options.csrfToken;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (nodeCookie !== undefined) {
      headers.Cookie = `${CSRF_COOKIE}=${nodeCookie}`;
    }
    if (token !== undefined && token !== null) headers[CSRF_HEADER] = token;
    Object.assign(headers, options.headers);
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const response = await respond(new Request(`${base}${path}`, { method, headers, body }));
    remember(response);
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('ETag'),
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }
  return Object.assign(send, {
    /** The token this client's writes echo, after a first read if it had none. */
    csrfToken: tokenForWrite,
  });
}

export const send = client();

const CSRF_SET_COOKIE = new RegExp(`^${CSRF_COOKIE}=([^;]*); Path=/; SameSite=Strict$`);

/** The CSRF token an answer's Set-Cookie hands out, with the reference's attributes (not HttpOnly). */
export function csrfCookieSet(answer: Answer<unknown>): string | undefined {
  return CSRF_SET_COOKIE.exec(answer.headers.get('Set-Cookie') ?? '')?.[1];
}

/**
 * The page drops its CSRF cookie (cleared, expired, a new session). Node has
 * no page: there msw keeps response cookies in a store of its own, which
 * nothing can clear, so a client there keeps its cookie too.
 */
export function clearCsrfCookie(): void {
  if (typeof document !== 'undefined') document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every error body is {title, detail, instance} with a uuid instance. */
export function expectProblem(answer: Answer<unknown>, status: number): Schemas['ValidationError'] {
  expect(answer.status).toBe(status);
  const body = answer.body as Schemas['ValidationError'];
  expect(body).toEqual(
    expect.objectContaining({
      title: expect.any(String),
      detail: expect.any(String),
      instance: expect.stringMatching(UUID),
    }),
  );
  return body;
}

/** The seeded move a test is about, with its children. */
export function seededMove(locator: string) {
  const move = db.moveByLocator(locator);
  if (!move) throw new Error(`The seed has no move ${locator}`);
  const order = db.find('order', move.orderID) as RecordOf['order'];
  const customer = db.find('customer', order.customerID) as RecordOf['customer'];
  return {
    move,
    order,
    customer,
    shipments: db.shipmentsOf(move.id),
    serviceItems: db.serviceItemsOf(move.id),
  };
}

export const quoted = (eTag: string) => `"${eTag}"`;
