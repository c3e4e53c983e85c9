// Test helpers: call the mock API the way a client does, over fetch (which
// msw/node intercepts), and check the error body every failure must have.
import { expect } from 'vitest';
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
}

/**
 * A client of the mock API at `base`, answered by `respond`: by default
 * global fetch, which msw/node intercepts. `body` is JSON-encoded unless it is
 * a string, which is sent as it is (to test malformed bodies).
 */
export function client(
  // Looked up per call: msw/node replaces global fetch only when the server starts listening.
  respond: (request: Request) => Promise<Response> = (request) => fetch(request),
  base = BASE,
) {
  return async function send<T = Record<string, unknown>>(
    method: Method,
    path: string,
    options: Options = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...options.headers,
    };
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const response = await respond(new Request(`${base}${path}`, { method, headers, body }));
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('ETag'),
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  };
}

export const send = client();

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
