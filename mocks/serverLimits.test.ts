// @vitest-environment node
// What `npm run mock-server` refuses to pages of other websites and to
// clients that send too much or too slowly. The server's ordinary answers
// are in server.test.ts; a real browser page on another origin is in
// src/test/e2e/crossOrigin.e2e.ts.
import { connect, type Socket } from 'node:net';
import { http, passthrough } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_COOKIE, maskToken } from './csrf';
import { db, SEED_LOCATORS } from './db';
import { MAX_BODY_BYTES } from './limits';
import { server } from './node';
import { setMockProfile } from './profile';
import type { Schemas } from './records';
import { DEFAULT_ORIGINS, originsFromEnv, startMockServer, type MockServer } from './server';
import { client, expectText, type Answer } from './testApi';

const STRANGER = 'http://127.0.0.1:9999';
const EXTRA = 'http://127.0.0.1:5999';

let mock: MockServer;
let send: ReturnType<typeof client>;
let port: number;

beforeEach(async () => {
  mock = await startMockServer({ port: 0, moves: 3, origins: [EXTRA], requestTimeoutMs: 600 });
  port = Number(new URL(mock.url).port);
  server.use(http.all(`${mock.url}/*`, () => passthrough()));
  send = client((request) => fetch(request), `${mock.url}/ghc/v1`);
  return async () => {
    setMockProfile('ghc');
    await mock.close();
  };
});

async function readyMove() {
  return (await send<Schemas['Move']>('GET', `/move/${SEED_LOCATORS.submitted}`)).body;
}

/** The {title, instance, detail} problem body, with the trace id in `instance`. */
function expectProblem(answer: Answer<unknown>, status: number, title: string): string {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('Content-Type')).toBe('application/json');
  const body = answer.body as { title: string; instance: string; detail: string };
  expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'title']);
  expect(body.title).toBe(title);
  expect(body.instance).toBe(answer.headers.get('X-MILMOVE-TRACE-ID'));
  return body.detail;
}

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
];
const corsOf = (answer: Answer<unknown>) => CORS_HEADERS.filter((name) => answer.headers.has(name));

describe('CORS: only the origins it is told', () => {
  it("answers the dev server's, preview's and the added origins, with credentials", async () => {
    for (const origin of [...DEFAULT_ORIGINS, EXTRA]) {
      const queue = await send('GET', '/queues/moves', { headers: { Origin: origin } });
      expect(queue.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(queue.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    }
  });

  it.each([
    ['another port', STRANGER],
    ['another host name for the same port', 'http://[::1]:3000'],
    ['https on the same host and port', 'https://127.0.0.1:3000'],
    ['an opaque origin (a sandboxed frame, a file, a data: URL)', 'null'],
    ['a website', 'https://example.com'],
  ])('sends no CORS headers to %s, for a read or a preflight', async (_, origin) => {
    const read = await send('GET', '/queues/moves', { headers: { Origin: origin } });
    // curl can read it; a page on that origin cannot: its browser sees no grant.
    expect(read.status).toBe(200);
    expect(corsOf(read)).toEqual([]);
    expect(read.headers.get('Vary')).toContain('Origin');
    const preflight = await send('OPTIONS', '/queues/moves', {
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH' },
    });
    expect(corsOf(preflight)).toEqual([]);
  });

  it('refuses a write from another origin with 403 before anything changes, right token or not', async () => {
    const move = await readyMove();
    const before = db.snapshot();
    for (const origin of [STRANGER, 'null']) {
      const refused = await send('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
        headers: { Origin: origin },
        ifMatch: move.eTag,
        body: { tioRemarks: 'Changed by another website' },
      });
      expect(expectProblem(refused, 403, 'Forbidden')).toContain(`Origin '${origin}'`);
      expect(corsOf(refused)).toEqual([]);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    expect(db.snapshot()).toEqual(before);
  });

  it('reads MOCK_ORIGINS as comma-separated origins, and refuses anything that is not one', () => {
    expect(originsFromEnv(undefined)).toEqual([]);
    expect(originsFromEnv(' http://127.0.0.1:5173 ,http://localhost:8088,')).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:8088',
    ]);
    for (const bad of ['null', '*', 'http://127.0.0.1:5173/', 'localhost:5173', 'file:///tmp']) {
      expect(() => originsFromEnv(bad), bad).toThrow(/^MOCK_ORIGINS: /);
    }
  });

  it('refuses to be started with an origin that is not one', async () => {
    await expect(startMockServer({ port: 0, origins: ['null'] })).rejects.toThrow(
      "'null' is not an origin",
    );
  });
});

describe('CSRF: the token must be the base cookie’s', () => {
  it('refuses a well-formed token sent without any cookie, and changes nothing', async () => {
    const move = await readyMove();
    const before = db.snapshot();
    const token = maskToken(crypto.getRandomValues(new Uint8Array(32)));
    const bare = client((request) => fetch(request), `${mock.url}/ghc/v1`);
    const refused = await bare('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      csrfToken: token,
      ifMatch: move.eTag,
      body: { tioRemarks: 'No cookie' },
    });
    expectText(refused, 403, 'Forbidden - CSRF token invalid');
    expect(db.snapshot()).toEqual(before);
  });

  it("refuses another session's real token without its cookie", async () => {
    const move = await readyMove();
    const token = await send.csrfToken();
    const other = client((request) => fetch(request), `${mock.url}/ghc/v1`);
    await other('GET', '/queues/moves');
    expect(other.cookie(BASE_COOKIE)).not.toBe(send.cookie(BASE_COOKIE));
    const refused = await other('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      csrfToken: token,
      ifMatch: move.eTag,
      body: { tioRemarks: 'Borrowed token' },
    });
    expectText(refused, 403, 'Forbidden - CSRF token invalid');
  });
});

/** A raw HTTP exchange: what the server answered, and whether it closed the connection. */
interface RawAnswer {
  head: string;
  body: string;
  closed: Promise<void>;
}

function rawConnection(): { socket: Socket; answer: Promise<RawAnswer> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // a reset after the answer is expected
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    let received = '';
    const done = () => {
      const at = received.indexOf('\r\n\r\n');
      if (at === -1) return false;
      const head = received.slice(0, at);
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
      const body = received.slice(at + 4);
      if (Buffer.byteLength(body) < length) return false;
      resolve({ head, body, closed });
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      done();
    });
    socket.once('close', () => {
      if (!done()) reject(new Error(`closed after: ${JSON.stringify(received.slice(0, 200))}`));
    });
  });
  return { socket, answer };
}

const requestHead = (lines: string[]) =>
  [
    'PATCH /ghc/v1/move-task-orders/any/tio-remarks HTTP/1.1',
    'Host: 127.0.0.1',
    ...lines,
    '',
    '',
  ].join('\r\n');

/** The head of a 300 MB JSON write, sent without its body. */
const hugeWriteHead = (...lines: string[]) =>
  requestHead(['Content-Type: application/json', `Content-Length: ${300 * 1024 * 1024}`, ...lines]);

function expectTooLarge({ head, body }: RawAnswer) {
  expect(head).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
  expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
  const problem = JSON.parse(body) as { title: string; detail: string; instance: string };
  expect(problem).toEqual({
    title: 'Payload Too Large',
    instance: expect.stringMatching(/^[0-9a-f-]{36}$/),
    detail: `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this server takes.`,
  });
}

describe('a body of at most 1 MB', () => {
  it('refuses a 300 MB body from its Content-Length, having read none of it', async () => {
    const { socket, answer } = rawConnection();
    socket.write(hugeWriteHead(`Origin: ${DEFAULT_ORIGINS[0]}`));
    // Only the head has been sent: the answer cannot have waited for the body.
    const answered = await answer;
    expectTooLarge(answered);
    expect(answered.head).toContain(`Access-Control-Allow-Origin: ${DEFAULT_ORIGINS[0]}`);
    await answered.closed;
  });

  it('refuses a chunked body once it passes 1 MB, stops reading and closes', async () => {
    const move = await readyMove();
    const before = db.snapshot();
    const { socket, answer } = rawConnection();
    socket.write(requestHead(['Content-Type: application/json', 'Transfer-Encoding: chunked']));
    let answered: RawAnswer | undefined;
    void answer.then((value) => (answered = value));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    // Sends until the server answers; a server that read it all would take 64 MB.
    while (!answered && sent < 64 * 1024 * 1024 && !socket.destroyed) {
      const flushed = socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      sent += chunk.length;
      if (!flushed) {
        await Promise.race([
          new Promise((resolve) => socket.once('drain', resolve)),
          answer,
          new Promise((resolve) => setTimeout(resolve, 100)),
        ]);
      }
    }
    const refused = await answer;
    expectTooLarge(refused);
    await refused.closed;
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(db.snapshot()).toEqual(before);
    expect((await readyMove()).eTag).toBe(move.eTag);
  });

  it('answers a client that asks first (Expect: 100-continue) without letting it send', async () => {
    const { socket, answer } = rawConnection();
    socket.write(hugeWriteHead('Expect: 100-continue'));
    const answered = await answer;
    expect(answered.head).not.toContain('100 Continue');
    expectTooLarge(answered);
  });

  it('takes a body just under the limit as usual', async () => {
    const move = await readyMove();
    const tioRemarks = 'x'.repeat(MAX_BODY_BYTES - 100);
    const written = await send<Schemas['Move']>(
      'PATCH',
      `/move-task-orders/${move.id}/tio-remarks`,
      {
        ifMatch: move.eTag,
        body: { tioRemarks },
      },
    );
    expect(written.status).toBe(200);
    expect(written.body.tioRemarks).toBe(tioRemarks);
  });
});

describe('headers and time', () => {
  it('reads an If-Match with a megabyte of blanks at once, and answers more than a megabyte with 431', async () => {
    const move = await readyMove();
    const token = await send.csrfToken();
    const session = [
      `Cookie: ${BASE_COOKIE}=${send.cookie(BASE_COOKIE)}`,
      `X-CSRF-Token: ${token}`,
    ];
    const body = JSON.stringify({ tioRemarks: 'After the blanks' });
    const blanks = ' '.repeat(1024 * 1024);
    const start = performance.now();

    // Leading blanks are no part of a field value: the parser passes over them.
    const padded = rawConnection();
    padded.socket.write(
      requestHead([
        ...session,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        `If-Match: ${blanks}${move.eTag}`,
      ]).replace('/any/', `/${move.id}/`) + body,
    );
    expect((await padded.answer).head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    // Blanks inside the value count towards the headers' 1 MB: just under
    // it the value is read, and does not match; over it, 431.
    const inside = rawConnection();
    inside.socket.write(
      requestHead([
        ...session,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        `If-Match: "old"${blanks.slice(8 * 1024)}x`,
      ]).replace('/any/', `/${move.id}/`) + body,
    );
    expect((await inside.answer).head).toMatch(/^HTTP\/1\.1 412 Precondition Failed\r\n/);
    const over = rawConnection();
    over.socket.write(
      requestHead([...session, `If-Match: "old"${blanks}${blanks}x`, 'Content-Length: 2']) + '{}',
    );
    expect((await over.answer).head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('cuts off a client that does not finish its request in time, with 408', async () => {
    const { socket, answer } = rawConnection();
    const start = performance.now();
    socket.write('PATCH /ghc/v1/move-task-orders/any/tio-remarks HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const answered = await answer;
    expect(answered.head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    await answered.closed;
    // 600 ms given; Node looks every 150 ms.
    expect(performance.now() - start).toBeGreaterThanOrEqual(550);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it.each(['ghc', 'rfc9110'] as const)(
    'refuses an If-Match of only non-breaking spaces as a failed precondition (%s profile)',
    async (profile) => {
      setMockProfile(profile);
      const move = await readyMove();
      const refused = await send('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
        ifMatch: '\xa0\xa0',
        body: { tioRemarks: 'Padded' },
      });
      expect(refused.status).toBe(412);
    },
  );
});
