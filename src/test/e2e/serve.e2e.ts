// The production build as `npm run serve` runs it: built with mocking off,
// served by nginx with the security headers, /ghc/v1 proxied to the mock
// GHC API (npm run mock-server) on the page's own origin. nginx must be
// installed (apt-get install nginx): without it every test here fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response as PageResponse } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Move } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { client } from '../../../mocks/testApi';
import {
  buildApp,
  findNginx,
  freePort,
  NGINX_MISSING,
  startServe,
  type Served,
} from '../../../scripts/serve';
import { detailsReady, detailsUrl, setupBrowser } from './browser';
import {
  expectCsrfEchoed,
  expectNoAlert,
  liveRegion,
  moveApproved,
  mtoRegion,
  PATCH_STATUS_PATH,
  sendToPrimeButton,
} from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();
let served: Served | undefined;
let outDir = '';
// Kept and thrown by every test, so that each one fails (not skipped) with it:
// without nginx, the hint to install it.
let startupError: unknown;

beforeAll(async () => {
  try {
    if (!findNginx()) throw new Error(NGINX_MISSING);
    outDir = await mkdtemp(join(tmpdir(), 'too-office-dist-'));
    await buildApp(outDir, { quiet: true });
    served = await startServe({ root: outDir, port: await freePort(), apiPort: await freePort() });
  } catch (error) {
    startupError = error;
  }
});
beforeEach(() => {
  if (startupError) throw startupError;
});
afterAll(async () => {
  await served?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const appUrl = () => {
  if (!served) throw new Error('nginx and the mock server did not start.');
  return served.url;
};

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect(headers['content-security-policy'], what).toBe(POLICY);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('same-origin');
}

/** Node's fetch answers, as a plain object of lower-case header names. */
async function headersOf(path: string, init?: RequestInit) {
  const response = await fetch(`${appUrl()}${path}`, init);
  await response.arrayBuffer();
  return { status: response.status, headers: Object.fromEntries(response.headers) };
}

describe('the production build behind nginx', () => {
  it('runs Send to Prime on one origin, and recovers when a colleague changed the move first (412)', async () => {
    const page = await session.open(detailsUrl(locator, appUrl()), detailsReady(locator));
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(0);

    // A colleague saves TIO remarks through the same proxy after the page loaded the move.
    const colleague = client((request) => fetch(request), `${appUrl()}/ghc/v1`);
    const loaded = await colleague<Move>('GET', `/move/${locator}`);
    const changed = await colleague<Move>(
      'PATCH',
      `/move-task-orders/${loaded.body.id}/tio-remarks`,
      {
        ifMatch: loaded.body.eTag,
        body: { tioRemarks: 'Customer called: pickup moved' },
      },
    );
    expect(changed.status).toBe(200);

    const statusAnswers: PageResponse[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PATCH' && PATCH_STATUS_PATH.test(response.url())) {
        statusAnswers.push(response);
      }
    });
    await sendToPrimeButton(page).click();

    const alert = liveRegion(page, 'alert', 'Someone else changed this move');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "TIO remarks: (empty) → 'Customer called: pickup moved'",
    );
    expect(statusAnswers.map((answer) => answer.status())).toEqual([412]);
    expect((await colleague<Move>('GET', `/move/${locator}`)).body.status).toBe('SUBMITTED');

    await alert.getByRole('button', { name: 'Send to Prime again' }).click();

    await moveApproved(page).waitFor();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
    await mtoRegion(page).getByText('Customer called: pickup moved').waitFor();
    await expectNoAlert(page);
    expect(statusAnswers.map((answer) => answer.status())).toEqual([412, 200]);
    const approved = statusAnswers[1];
    expect(approved.url().startsWith(`${appUrl()}/ghc/v1/`)).toBe(true);
    expect(approved.fromServiceWorker()).toBe(false);
    // The CSRF cookies are this origin's own: the base one HttpOnly, as the
    // real server sets it, and the write echoed the masked one it could read.
    await expectCsrfEchoed(page, approved.request(), appUrl(), { baseHttpOnly: true });
    const move = (await colleague<Move>('GET', `/move/${locator}`)).body;
    expect(move.status).toBe('APPROVED');
    expect(move.tioRemarks).toBe('Customer called: pickup moved');
    // Nothing left the origin: no CORS, no preflight, no second host.
    expect([...origins]).toEqual([appUrl()]);
  });

  it('sends the security headers, caches hashed assets for a year and asks again for index.html', async () => {
    const page = await session.open('about:blank', async () => {});
    const assets: PageResponse[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
    });
    const document = await page.goto(detailsUrl(locator, appUrl()));
    await detailsReady(locator)(page);

    // An app route is index.html, never cached without asking again.
    expect(document?.status()).toBe(200);
    const documentHeaders = document?.headers() ?? {};
    expectSecurityHeaders(documentHeaders, 'index.html');
    expect(documentHeaders['cache-control']).toBe('no-cache');
    expect(documentHeaders['content-type']).toBe('text/html; charset=utf-8');
    // The header's policy is the <meta> tag's, plus what only a header can say.
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(`${meta}; frame-ancestors 'none'`).toBe(POLICY);

    expect(assets.map((asset) => new URL(asset.url()).pathname)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/)]),
    );
    for (const asset of assets) {
      const headers = asset.headers();
      expectSecurityHeaders(headers, asset.url());
      expect(headers['cache-control'], asset.url()).toBe('public, max-age=31536000, immutable');
    }
    expect(await headersOf('/')).toMatchObject({
      status: 200,
      headers: { 'cache-control': 'no-cache' },
    });
    expect(await headersOf('/index.html')).toMatchObject({
      status: 200,
      headers: { 'cache-control': 'no-cache' },
    });

    // The API's answers carry them too; the proxy lets no other origin read them.
    const api = await headersOf(`/ghc/v1/move/${locator}`, {
      headers: { Origin: 'http://attacker.example' },
    });
    expect(api.status).toBe(200);
    expectSecurityHeaders(api.headers, 'the API');
    expect(Object.keys(api.headers).filter((name) => name.startsWith('access-control-'))).toEqual(
      [],
    );

    // A body over 1 MB stops at the proxy.
    const tooBig = await headersOf(`/ghc/v1/move-task-orders/any/tio-remarks`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(tooBig.status).toBe(413);

    // Missing files are 404s, not the app; the mock's files were not built in.
    const missing = await headersOf('/assets/missing.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, 'a 404');
    expect((await headersOf('/mockServiceWorker.js')).status).toBe(404);
  });

  it('cannot be framed by a page of another origin', async () => {
    const framing = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html');
      response.end(`<iframe title="office app" src="${appUrl()}/"></iframe>`);
    });
    await new Promise<void>((done) => framing.listen(0, 'localhost', done));
    try {
      const page = await session.open('about:blank', async () => {});
      const refused = page.waitForEvent('console', (message) =>
        message
          .text()
          .includes(
            'violates the following Content Security Policy directive: "frame-ancestors \'none\'"',
          ),
      );
      await page.goto(`http://localhost:${(framing.address() as AddressInfo).port}/`);
      await refused;
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(frame?.url().startsWith(appUrl())).toBe(false);
    } finally {
      await new Promise((done) => framing.close(done));
    }
  });

  it('says so when the mock server dies, and close() still stops nginx', async () => {
    // A second one of its own, as the shared one serves the other tests.
    const own = await startServe({
      root: outDir,
      port: await freePort(),
      apiPort: await freePort(),
    });
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      let said: string | undefined;
      void own.stopped.then((what) => (said = what));
      expect((await fetch(`${own.url}/ghc/v1/move/${locator}`)).status).toBe(200);
      expect(said).toBeUndefined();

      process.kill(own.pids.mock, 'SIGKILL');
      expect(await own.stopped).toBe('The mock GHC API exited (SIGKILL)');
      // What nginx alone would serve: the app with no API behind it.
      expect((await fetch(`${own.url}/ghc/v1/move/${locator}`)).status).toBe(502);
    } finally {
      await own.close();
    }
    expect(alive(own.pids.nginx)).toBe(false);
  });

  it('says nothing of a stop when close() stops both', async () => {
    const own = await startServe({
      root: outDir,
      port: await freePort(),
      apiPort: await freePort(),
    });
    let said: string | undefined;
    void own.stopped.then((what) => (said = what));
    await own.close();
    await new Promise((wait) => setTimeout(wait, 100));
    expect(said).toBeUndefined();
  });
});
