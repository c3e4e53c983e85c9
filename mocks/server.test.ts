// @vitest-environment node
import { http, passthrough } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { isCsrfToken, mintCsrfToken } from './csrf';
import { SEED_LOCATORS } from './db';
import { server } from './node';
import type { Schemas } from './records';
import { startMockServer, type MockServer } from './server';
import { client, csrfCookieSet, expectProblem, quoted } from './testApi';

const APP = 'http://127.0.0.1:3000';

let mock: MockServer;
let send: ReturnType<typeof client>;

beforeEach(async () => {
  mock = await startMockServer({ port: 0, moves: 3 });
  // msw/node (started by src/test/setup.ts) intercepts fetch: let these requests out to the real server.
  server.use(http.all(`${mock.url}/*`, () => passthrough()));
  send = client((request) => fetch(request), `${mock.url}/ghc/v1`);
  return () => mock.close();
});

const fromApp = { headers: { Origin: APP } };

async function draftMove() {
  const queue = await send<Schemas['QueueMovesResult']>('GET', '/queues/moves', fromApp);
  const row = queue.body.queueMoves.find((move) => move.locator === SEED_LOCATORS.draft)!;
  return (await send<Schemas['MoveTaskOrder']>('GET', `/move-task-orders/${row.id}`, fromApp)).body;
}

describe('the mock as an HTTP server', () => {
  it('serves the seed it was started with, over real HTTP', async () => {
    const queue = await send<Schemas['QueueMovesResult']>('GET', '/queues/moves', fromApp);
    expect(queue.status).toBe(200);
    expect(queue.body.totalCount).toBe(3);
    expect(queue.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    expect(queue.headers.get('Vary')).toBe('Origin');
  });

  it('answers a preflight from the app with 204 and what it may send', async () => {
    const preflight = await send('OPTIONS', '/customer/any', {
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type, if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
      'access-control-allow-headers': 'Content-Type, If-Match, X-CSRF-Token',
      vary: 'Origin',
    });
  });

  it('exposes the ETag header to the app', async () => {
    const move = await draftMove();
    const answer = await send('GET', `/move-task-orders/${move.id}`, fromApp);
    expect(answer.etag).toBe(quoted(move.eTag));
    expect(answer.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe(APP);
  });

  it('refuses a stale PATCH with 412 and the usual error body', async () => {
    const move = await draftMove();
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const first = await send('PATCH', path, {
      ...fromApp,
      ifMatch: quoted(move.eTag),
      body: { tioRemarks: 'First' },
    });
    expect(first.status).toBe(200);
    const stale = await send('PATCH', path, {
      ...fromApp,
      ifMatch: quoted(move.eTag),
      body: { tioRemarks: 'Second' },
    });
    expectProblem(stale, 412);
    expect(stale.headers.get('Access-Control-Allow-Origin')).toBe(APP);
  });

  it('hands the app its CSRF cookie across origins, and takes writes only with it', async () => {
    // A browser that holds no cookie for the server yet.
    const read = await send('GET', '/queues/moves', { headers: { Origin: APP, Cookie: '' } });
    const token = csrfCookieSet(read);
    expect(isCsrfToken(token)).toBe(true);
    // Credentials (the cookie) cross origins only with this and the echoed origin.
    expect(read.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe(APP);

    const move = await draftMove();
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    const write = { ...fromApp, ifMatch: quoted(move.eTag), body: { tioRemarks: 'First' } };
    const refused = await send('PATCH', path, { ...write, csrfToken: null });
    expectProblem(refused, 403);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    expect((await send('PATCH', path, { ...write, csrfToken: mintCsrfToken() })).status).toBe(403);
    expect((await send('PATCH', path, { ...write, csrfToken: token })).status).toBe(200);
  });

  it('answers an unknown path with a 404 error body, and does not serve the API document', async () => {
    expectProblem(await send('GET', '/swagger.yaml'), 404);
  });

  it('answers after the latency it is given, as a server across a network would', async () => {
    mock.setLatency(250);
    const start = performance.now();
    const queue = await send('GET', '/queues/moves', fromApp);
    expect(queue.status).toBe(200);
    // A timer may fire a millisecond early; never much more.
    expect(performance.now() - start).toBeGreaterThanOrEqual(245);
  });
});
