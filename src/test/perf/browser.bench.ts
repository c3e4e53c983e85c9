// `npm run bench`, in Chromium: the production build (mocking off) talking
// over real HTTP to the mock server, as a deployment talks to a GHC server.
// Start-up to the first API call and to the first rows, and Send to Prime
// from click to screen against a raw PATCH through the same server, both
// timed inside the page. Printed, never asserted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { startMockServer, type MockServer } from '../../../mocks/server';
import { launchBrowser } from '../e2e/browser';

const ROUNDS = 10;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

let mockServer: MockServer;
let app: PreviewServer;
let appUrl: string;
let outDir: string;
let browser: Browser;

beforeAll(async () => {
  mockServer = await startMockServer({ port: 0 });
  outDir = await mkdtemp(join(tmpdir(), 'too-office-bench-'));
  // vite.config.ts reads these when the build starts (the CSP lets the page
  // reach the API's origin); the app reads VITE_API_BASE_URL at build time.
  process.env.VITE_MOCK_API = 'off';
  process.env.VITE_API_BASE_URL = `${mockServer.url}/ghc/v1`;
  await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  app = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  appUrl = app.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await mockServer?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Opens the queue in a fresh context; times from navigation start, in the page. */
async function startUp(): Promise<{ firstApiCall: number; firstRows: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${appUrl}/`);
  await page.waitForFunction(() => document.querySelector('tbody th a'), undefined, {
    polling: 'raf',
  });
  const figures = await page.evaluate(() => {
    const firstRows = performance.now();
    const api = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.includes('/ghc/v1/'));
    return { firstApiCall: api?.startTime ?? Number.NaN, firstRows };
  });
  await context.close();
  return figures;
}

async function openDraftMove(page: Page) {
  db.reset();
  await page.goto(`${appUrl}/moves/${SEED_LOCATORS.draft}/details`);
  await page.getByRole('button', { name: 'Send to Prime' }).waitFor();
}

/** Click to "Available to Prime since" on screen, timed inside the page. */
function clickToScreen(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find(
      (element) => element.textContent === 'Send to Prime',
    );
    if (!button) throw new Error('No Send to Prime button');
    const start = performance.now();
    const shown = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.body.textContent?.includes('Available to Prime since')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    button.click();
    await shown;
    return performance.now() - start;
  });
}

/** The same PATCH sent with fetch from the same page, through the same server. */
function rawPatch(page: Page, api: string, id: string, eTag: string): Promise<number> {
  return page.evaluate(
    async ({ api, id, eTag }) => {
      const start = performance.now();
      const response = await fetch(`${api}/move-task-orders/${id}/status`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': eTag },
        body: JSON.stringify({ serviceCodeMS: true, serviceCodeCS: true }),
      });
      await response.json();
      return performance.now() - start;
    },
    { api, id, eTag },
  );
}

describe('browser benchmarks', () => {
  it('start-up to the first API call and to the first rows of the queue', async () => {
    await startUp(); // warm-up: the server's and the browser's caches
    const runs = [];
    for (let round = 0; round < ROUNDS; round += 1) runs.push(await startUp());
    console.table({
      'first API call (from navigation start)': {
        median: ms(median(runs.map((r) => r.firstApiCall))),
      },
      'first rows on screen': { median: ms(median(runs.map((r) => r.firstRows))) },
    });
    expect(runs).toHaveLength(ROUNDS);
  });

  it('Send to Prime, click to screen, against a raw PATCH through the same server', async () => {
    const page = await browser.newPage();
    const api = `${mockServer.url}/ghc/v1`;
    const clicks: number[] = [];
    const patches: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      await openDraftMove(page);
      const click = await clickToScreen(page);
      db.reset();
      const move = db.moveByLocator(SEED_LOCATORS.draft)!;
      const patch = await rawPatch(page, api, move.id, move.eTag);
      // Round 0 warms up.
      if (round > 0) {
        clicks.push(click);
        patches.push(patch);
      }
    }
    const ratio = median(clicks) / median(patches);
    console.table({
      'Send to Prime (click to screen)': { median: ms(median(clicks)) },
      'raw PATCH round trip (baseline)': { median: ms(median(patches)) },
      ratio: { median: `${ratio.toFixed(2)}x (goal: at most 2x)` },
    });
    expect(clicks).toHaveLength(ROUNDS);
  });
});
