// @vitest-environment node
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { http, passthrough } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_COOKIE } from '../src/api/csrf';
import { BASE_COOKIE, tokenMatchesBase } from './csrf';
import { SEED_LOCATORS } from './db';
import { server } from './node';
import { setMockProfile } from './profile';
import type { Schemas } from './records';
import { startMockServer, type MockServer } from './server';
import { client, expectFramework, expectMessage, expectText, quoted } from './testApi';

const APP = 'http://127.0.0.1:3000';
const fromApp = { headers: { Origin: APP } };

let mock: MockServer;
let send: ReturnType<typeof client>;

/** Lets requests to `origin` out to the real server: msw/node (src/test/setup.ts) intercepts fetch. */
const letThrough = (origin: string) => server.use(http.all(`${origin}/*`, () => passthrough()));

beforeEach(async () => {
  mock = await startMockServer({ port: 0, moves: 3 });
  letThrough(mock.url);
  send = client((request) => fetch(request), `${mock.url}/ghc/v1`);
  return () => mock.close();
});

afterEach(() => setMockProfile('ghc'));

async function readyMove() {
  return (await send<Schemas['Move']>('GET', `/move/${SEED_LOCATORS.submitted}`, fromApp)).body;
}

describe('the mock as an HTTP server', () => {
  it('serves the seed it was started with, over real HTTP, to the app on another origin', async () => {
    const queue = await send<Schemas['QueueMovesResult']>('GET', '/queues/moves', fromApp);
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ page: 1, perPage: 20, totalCount: 2 });
    expect(queue.body.queueMoves?.map((row) => row.locator).sort()).toEqual(['NOTAC1', 'RDY4PR']);
    expect(queue.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    // Credentials (the cookies) cross origins only with this and the echoed origin, never `*`.
    expect(queue.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(queue.headers.get('Access-Control-Expose-Headers')).toBe('ETag, X-MILMOVE-TRACE-ID');
    expect(queue.headers.get('Cache-Control')).toBe('no-cache, no-store, must-revalidate');
    expect(queue.headers.get('Vary')).toBe('Cookie, Origin');
  });

  it('answers a preflight from the app with 204 and what it may send, for ten minutes', async () => {
    const preflight = await send('OPTIONS', '/customer/any', {
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type, if-match, x-csrf-token',
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
      'access-control-allow-headers': 'Content-Type, If-Match, X-CSRF-Token',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(preflight.headers.getSetCookie()).toEqual([]);
  });

  it('echoes no origin to a caller that sent none, such as curl', async () => {
    const queue = await send('GET', '/queues/moves');
    expect(queue.status).toBe(200);
    expect(queue.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(queue.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('sets the base CSRF cookie HttpOnly, as the real server does, and the masked one readable', async () => {
    const read = await send('GET', '/queues/moves', fromApp);
    const [base, masked] = read.headers.getSetCookie();
    expect(base).toMatch(
      /^_gorilla_csrf=[^;]+; Path=\/; Expires=[^;]+ GMT; Max-Age=43200; HttpOnly; SameSite=Lax$/,
    );
    expect(masked).toMatch(/^masked_gorilla_csrf=[A-Za-z0-9+/]{86}==; Path=\/; SameSite=Lax$/);
    expect(await tokenMatchesBase(send.cookie(CSRF_COOKIE)!, send.cookie(BASE_COOKIE)!)).toBe(true);

    // The browser sends both back; the base cookie stays, the masked one is renewed.
    const next = await send('GET', '/queues/moves', fromApp);
    expect(next.headers.getSetCookie()).toEqual([expect.stringMatching(/^masked_gorilla_csrf=/)]);
  });

  it('takes a write only with the masked token of the cookie it was sent, across origins', async () => {
    const move = await readyMove();
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const write = { ...fromApp, ifMatch: move.eTag, body: { tioRemarks: 'First' } };

    const refused = await send('PATCH', path, { ...write, csrfToken: null });
    expectText(refused, 403, 'Forbidden - CSRF token not found in request');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    const forged = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(64))));
    expectText(
      await send('PATCH', path, { ...write, csrfToken: forged }),
      403,
      'Forbidden - CSRF token invalid',
    );

    const written = await send<Schemas['Move']>('PATCH', path, write);
    expect(written.status).toBe(200);
    expect(written.body.tioRemarks).toBe('First');
  });

  it('refuses a stale write with 412 and the message body, across origins', async () => {
    const move = await readyMove();
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const first = await send('PATCH', path, {
      ...fromApp,
      ifMatch: move.eTag,
      body: { tioRemarks: 'First' },
    });
    expect(first.status).toBe(200);
    const stale = await send('PATCH', path, {
      ...fromApp,
      ifMatch: move.eTag,
      body: { tioRemarks: 'Second' },
    });
    expect(expectMessage(stale, 412)).toContain(`object with ID: '${move.id}'`);
    expect(stale.headers.get('Access-Control-Allow-Origin')).toBe(APP);
  });

  it('serves the API document at /ghc/v1/swagger.yaml, as the real server serves its own', async () => {
    const document = await send('GET', '/swagger.yaml', fromApp);
    expect(document.status).toBe(200);
    expect(document.headers.get('Content-Type')).toBe('application/yaml');
    expect(document.text).toBe(
      await readFile(new URL('../public/ghc/v1/swagger.yaml', import.meta.url), 'utf8'),
    );
    expect(document.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    expect(document.headers.get('X-MILMOVE-TRACE-ID')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with 400 text, after the CSRF check, and any other path with 404', async () => {
    expectText(await send('GET', '/no-such-route', fromApp), 400, 'Bad Request');
    expectText(await send('GET', '/shipments/approve', fromApp), 400, 'Bad Request');
    expectText(
      await send('DELETE', `/move/${SEED_LOCATORS.submitted}`, { ...fromApp, csrfToken: null }),
      403,
      'Forbidden - CSRF token not found in request',
    );
    const outside = await client((request) => fetch(request), mock.url)('GET', '/index.html');
    expectText(outside, 404, 'Not Found');
  });

  it('answers after the latency it is given, as a server across a network would', async () => {
    mock.setLatency(250);
    const start = performance.now();
    const queue = await send('GET', '/queues/moves', fromApp);
    expect(queue.status).toBe(200);
    // A timer may fire a millisecond early; never much more.
    expect(performance.now() - start).toBeGreaterThanOrEqual(245);
  });

  it('lets the app read the ETag header of the rfc9110 profile across origins', async () => {
    setMockProfile('rfc9110');
    const answer = await send<Schemas['Move']>('GET', `/move/${SEED_LOCATORS.submitted}`, fromApp);
    expect(answer.etag).toBe(quoted(answer.body.eTag!));
    expect(answer.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm run mock-server` with these environment values: its first two lines, and how it ended. */
function runMockServer(env: Record<string, string>) {
  const child = spawn('node_modules/.bin/tsx', ['mocks/server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // It says where it listens, then which pages it answers.
      const lines = output.split('\n');
      if (lines.length > 2) resolve(lines.slice(0, 2).join('\n'));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(output)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { started, exited, stop: () => child.kill('SIGTERM') };
}

describe('npm run mock-server', () => {
  it('reads If-Match as RFC 9110 does with MOCK_PROFILE=rfc9110: quoted tags, 428, ETag headers', async () => {
    const port = await freePort();
    const run = runMockServer({
      MOCK_PORT: String(port),
      MOCK_MOVES: '4',
      MOCK_PROFILE: 'rfc9110',
    });
    try {
      const origin = `http://127.0.0.1:${port}`;
      expect((await run.started).split('\n')[0]).toBe(
        `Mock GHC API on ${origin}/ghc/v1 (4 moves, If-Match as RFC 9110 reads it). Ctrl+C stops it.`,
      );
      letThrough(origin);
      const other = client((request) => fetch(request), `${origin}/ghc/v1`);
      const move = await other<Schemas['Move']>('GET', `/move/${SEED_LOCATORS.submitted}`);
      expect(move.etag).toBe(quoted(move.body.eTag!));

      const path = `/move-task-orders/${move.body.id}/tio-remarks`;
      const body = { tioRemarks: 'Quoted' };
      expect(expectFramework(await other('PATCH', path, { body }), 428)).toBe(
        'If-Match in header is required',
      );
      expect((await other('PATCH', path, { ifMatch: quoted(move.body.eTag!), body })).status).toBe(
        200,
      );
    } finally {
      run.stop();
      await run.exited;
    }
  });

  it('answers the pages of the origins MOCK_ORIGINS adds, and says which it answers', async () => {
    const port = await freePort();
    const added = 'http://127.0.0.1:5173';
    const run = runMockServer({
      MOCK_PORT: String(port),
      MOCK_ORIGINS: `${added}, http://localhost:5173`,
    });
    try {
      expect((await run.started).split('\n')[1]).toBe(
        'Pages it answers: http://127.0.0.1:3000, http://localhost:3000, http://127.0.0.1:4173, ' +
          'http://localhost:4173, http://127.0.0.1:5173, http://localhost:5173 (MOCK_ORIGINS adds).',
      );
      const origin = `http://127.0.0.1:${port}`;
      letThrough(origin);
      const other = client((request) => fetch(request), `${origin}/ghc/v1`);
      const allowed = await other('GET', '/queues/moves', { headers: { Origin: added } });
      expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(added);
      const stranger = await other('GET', '/queues/moves', {
        headers: { Origin: 'http://127.0.0.1:5174' },
      });
      expect(stranger.headers.get('Access-Control-Allow-Origin')).toBeNull();
    } finally {
      run.stop();
      await run.exited;
    }
  });

  it('refuses a MOCK_ORIGINS entry that is not an origin, before it listens', async () => {
    const run = runMockServer({ MOCK_PORT: String(await freePort()), MOCK_ORIGINS: 'null' });
    await expect(run.started).rejects.toThrow("MOCK_ORIGINS: 'null' is not an origin");
    expect(await run.exited).not.toBe(0);
  });

  it('refuses a profile it does not know, before it listens', async () => {
    const run = runMockServer({ MOCK_PORT: String(await freePort()), MOCK_PROFILE: 'strict' });
    await expect(run.started).rejects.toThrow("MOCK_PROFILE must be ghc or rfc9110, got 'strict'.");
    expect(await run.exited).not.toBe(0);
  });
});
