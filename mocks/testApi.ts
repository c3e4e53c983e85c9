// Test helpers: call the mock API the way a browser client does, over fetch
// (which msw/node intercepts), cookies and CSRF token included, and check the
// body shapes of the real server's answers.
import { expect } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER, cookieValue, csrfToken } from '../src/api/csrf';
import { BASE_COOKIE } from './csrf';
import { db } from './db';
import { TRACE_HEADER } from './http';
import * as payloads from './payloads';
import type { Schemas } from './records';

export const BASE = 'http://localhost/ghc/v1';

export interface Answer<T> {
  status: number;
  headers: Headers;
  /** The raw ETag response header (the rfc9110 profile's). */
  etag: string | null;
  /** The body as sent. */
  text: string;
  /** The JSON body; undefined when there is none or it is not JSON. */
  body: T;
}

type Method = 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';

interface Options {
  ifMatch?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The X-CSRF-Token of a write instead of the session's own (even ''); null sends none. */
  csrfToken?: string | null;
}

/**
 * A client of the mock API at `base`, answered by `respond`: by default
 * global fetch, which msw/node intercepts. `body` is JSON-encoded unless it is
 * a string, which is sent as it is (to test malformed bodies). Like the app,
 * it sends the masked CSRF cookie's value on every write, and reads first
 * when it has none. In a page (jsdom) the cookies are the page's; in Node
 * the client keeps them itself and sends them back, as a browser does.
 */
export function client(
  // Looked up per call: msw/node replaces global fetch only when the server starts listening.
  respond: (request: Request) => Promise<Response> = (request) => fetch(request),
  base = BASE,
) {
  const jar = new Map<string, string>();
  const inPage = typeof document !== 'undefined';
  const cookie = (name: string) => (inPage ? cookieValue(document.cookie, name) : jar.get(name));

  function remember(response: Response): void {
    if (inPage) return;
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  let firstRead: Promise<unknown> | undefined;
  const tokenForWrite = async (): Promise<string> => {
    if (!(inPage ? csrfToken() : jar.get(CSRF_COOKIE))) {
      // Concurrent writes share the one read, so they all get the token it hands out.
      firstRead ??= send('GET', '/queues/moves?perPage=1').finally(() => (firstRead = undefined));
      await firstRead;
    }
    const token = cookie(CSRF_COOKIE);
    if (!token) throw new Error('A read of the mock API handed out no CSRF cookie.');
    return token;
  };

  async function send<T = Record<string, unknown>>(
    method: Method,
    path: string,
    options: Options = {},
  ): Promise<Answer<T>> {
    const write = !['GET', 'OPTIONS'].includes(method);
    const token =
      write && options.csrfToken === undefined ? await tokenForWrite() : options.csrfToken;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (!inPage && jar.size > 0) {
      headers.Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
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
    const json = (response.headers.get('Content-Type') ?? '').startsWith('application/json');
    return {
      status: response.status,
      headers: response.headers,
      etag: response.headers.get('ETag'),
      text,
      body: (json && text !== '' ? JSON.parse(text) : undefined) as T,
    };
  }
  return Object.assign(send, {
    /** The masked token this client's writes send, after a first read if it had none. */
    csrfToken: tokenForWrite,
    /** The client's own cookies: the base and the masked CSRF cookie. */
    cookie,
    /** Forgets a cookie, as a browser does when it expires or is cleared. */
    forget(name: string) {
      if (inPage) document.cookie = `${name}=; Max-Age=0; Path=/`;
      else jar.delete(name);
    },
  });
}

export const send = client();

/** The page's session ends: both CSRF cookies are gone (in Node the shared client's too). */
export function clearCsrfCookie(): void {
  send.forget(CSRF_COOKIE);
  send.forget(BASE_COOKIE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every answer carries its trace id; an error body that has an `instance` names the same. */
function expectTrace(answer: Answer<unknown>): string {
  const trace = answer.headers.get(TRACE_HEADER);
  expect(trace).toMatch(UUID);
  return trace ?? '';
}

/** E: {message}. */
export function expectMessage(answer: Answer<unknown>, status: number): string {
  expect(answer.status).toBe(status);
  expectTrace(answer);
  expect(answer.body).toEqual({ message: expect.any(String) });
  return (answer.body as Schemas['Error']).message;
}

/** F: the framework's {title, instance, detail}. */
export function expectFramework(answer: Answer<unknown>, status: number): string {
  expect(answer.status).toBe(status);
  const trace = expectTrace(answer);
  expect(answer.body).toEqual({
    title: expect.any(String),
    instance: trace,
    detail: expect.any(String),
  });
  return (answer.body as { detail: string }).detail;
}

/** V: a handler's ValidationError. */
export function expectValidation(answer: Answer<unknown>, status = 422) {
  expect(answer.status).toBe(status);
  const trace = expectTrace(answer);
  expect(answer.body).toEqual({
    title: expect.any(String),
    detail: expect.any(String),
    instance: trace,
    invalid_fields: expect.any(Object),
  });
  return answer.body as { title: string; detail: string; invalid_fields: Record<string, string> };
}

/** T: plain text with a newline. */
export function expectText(answer: Answer<unknown>, status: number, text: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
  expect(answer.text).toBe(`${text}\n`);
}

/** N: no body, though the content type says JSON. */
export function expectNoBody(answer: Answer<unknown>, status: number): void {
  expect(answer.status).toBe(status);
  expectTrace(answer);
  expect(answer.headers.get('Content-Type')).toBe('application/json');
  expect(answer.text).toBe('');
}

/** The seeded move a test is about, with its records as the API shows them now. */
export function seededMove(locator: string) {
  const move = db.moveByLocator(locator);
  if (!move) throw new Error(`The seed has no move ${locator}`);
  const order = db.find('order', move.ordersId);
  const customer = order && db.find('customer', order.serviceMemberId);
  if (!order || !customer) throw new Error(`The move ${locator} has no orders or customer`);
  return {
    move: payloads.move(move),
    order: payloads.order(order),
    customer: payloads.customer(customer),
    shipments: db.shipmentsOf(move.id).map(payloads.shipment),
    serviceItems: db.serviceItemsOf(move.id).map(payloads.serviceItem),
    rows: {
      move,
      order,
      customer,
      shipments: db.shipmentsOf(move.id),
      serviceItems: db.serviceItemsOf(move.id),
    },
  };
}

/** An eTag as RFC 9110 writes it, for the rfc9110 profile. */
export const quoted = (eTag: string) => `"${eTag}"`;
