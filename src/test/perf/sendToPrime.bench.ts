// `npm run bench`, in Chromium: Send to Prime with a chosen shipment, from
// the click to "available to the Prime" on screen, against the same two
// requests (the move's approval, then the shipment's) sent raw in sequence
// from the same page to the same mock. Twice: the production build with the
// mock in its service worker (`VITE_MOCK_API=on npm run build`, served by
// `vite preview`: what a demo user gets), and the build with mocking off
// over real HTTP to the mock server (as `npm run mock-server` serves it).
// Printed, never asserted.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { startMockServer, type MockServer } from '../../../mocks/server';
import { launchBrowser } from '../e2e/browser';
import { buildProduction, serveBuild, type ServedBuild } from '../productionBuild';

const ROUNDS = 10;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const locator = SEED_LOCATORS.submitted;

let mockServer: MockServer;
let mocked: ServedBuild;
let overHttp: ServedBuild;
let browser: Browser;

/** A production build with `env`, served by vite preview. */
const buildAndPreview = async (env: Record<string, string>) =>
  serveBuild(await buildProduction(env));

beforeAll(async () => {
  mockServer = await startMockServer({ port: 0 });
  mocked = await buildAndPreview({ VITE_MOCK_API: 'on' });
  overHttp = await buildAndPreview({
    VITE_MOCK_API: 'off',
    VITE_API_BASE_URL: `${mockServer.url}/ghc/v1`,
  });
  mockServer.allowOrigin(overHttp.url);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const built of [mocked, overHttp]) await built?.close();
  await mockServer?.close();
});

/** A fresh context (so a fresh mock in the service worker) with the submitted move open. */
async function openMove(appUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${appUrl}/moves/${locator}/details`);
  await page.getByRole('button', { name: 'Send to Prime' }).waitFor();
  return { context, page };
}

interface Click {
  /** Click to the page saying the move is available to the Prime (step 2 answered). */
  said: number;
  /** Click to the move's own field showing it, with its date (the move fetched again). */
  field: number;
  /** Where the time went, from the two writes' Resource Timing entries. */
  stretches: Stretches;
}

/** A Send to Prime (or the raw pair) cut at its two writes' Resource Timing marks, in ms. */
interface Stretches {
  /** From the start (the click) to step 1's request leaving. */
  beforeStep1: number;
  /** Step 1's request leaving to its answer's end. */
  step1: number;
  /** Step 1's answer's end to step 2's request leaving. */
  between: number;
  /** Step 2's request leaving to its answer's end. */
  step2: number;
  /** Step 2's answer's end to the end (the message on screen, or the raw answer read). */
  afterStep2: number;
}

/** Run in the page by page.evaluate: the two writes' entries since `start`, cut into stretches. */
function stretchesInPage({ start, end }: { start: number; end: number }): Stretches {
  const entries = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= start) as PerformanceResourceTiming[];
  const step1 = entries.find((entry) => /\/move-task-orders\/[^/]+\/status$/.test(entry.name));
  const step2 = entries.find((entry) => /\/shipments\/approve$/.test(entry.name));
  if (!step1 || !step2) throw new Error('The two writes left no Resource Timing entries');
  return {
    beforeStep1: step1.startTime - start,
    step1: step1.responseEnd - step1.startTime,
    between: step2.startTime - step1.responseEnd,
    step2: step2.responseEnd - step2.startTime,
    afterStep2: end - step2.responseEnd,
  };
}

/** Where a run of `elapsed` ms from `start` went; entries are added a moment after an answer is read. */
async function stretchesOf(page: Page, start: number, elapsed: number): Promise<Stretches> {
  await page.waitForTimeout(20);
  return page.evaluate(stretchesInPage, { start, end: start + elapsed });
}

/** Ticks shipment 1, then times the click inside the page. */
async function sendToPrime(page: Page): Promise<Click> {
  await page.getByText(/^Shipment 1 \(/).click();
  const timed = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find(
      (element) => element.textContent === 'Send to Prime',
    );
    if (!button) throw new Error('No Send to Prime button');
    const fieldShows = () =>
      [...document.querySelectorAll('dt')].some(
        (dt) =>
          dt.textContent === 'Available to the Prime' &&
          dt.nextElementSibling?.textContent?.startsWith('Since '),
      );
    const start = performance.now();
    const times: { said?: number; field?: number } = {};
    const both = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        const now = performance.now() - start;
        if (
          times.said === undefined &&
          document.body.textContent?.includes('the move is available to the Prime.')
        ) {
          times.said = now;
        }
        if (times.field === undefined && fieldShows()) times.field = now;
        if (times.said !== undefined && times.field !== undefined) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    button.click();
    await both;
    return { said: times.said ?? 0, field: times.field ?? 0, start };
  });
  return { ...timed, stretches: await stretchesOf(page, timed.start, timed.said) };
}

/** The same two writes, sent with fetch in sequence from the same page, timed inside it. */
async function rawSteps(
  page: Page,
  api: string,
): Promise<{ elapsed: number; stretches: Stretches }> {
  const timed = await page.evaluate(
    async ({ api, locator }) => {
      const read = async (path: string) => (await fetch(`${api}${path}`)).json();
      const move = (await read(`/move/${locator}`)) as { id: string; eTag: string };
      const [shipment] = (await read(`/move_task_orders/${move.id}/mto_shipments`)) as {
        id: string;
        eTag: string;
      }[];
      // The CSRF token the page's reads were given, sent as the app sends it.
      const token = /(?:^|;\s*)masked_gorilla_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': token };
      const start = performance.now();
      const approve = await fetch(`${api}/move-task-orders/${move.id}/status`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { ...headers, 'If-Match': move.eTag },
        body: JSON.stringify({ serviceCodeMS: true, serviceCodeCS: false }),
      });
      await approve.json();
      const shipments = await fetch(`${api}/shipments/approve`, {
        method: 'POST',
        credentials: 'include',
        headers,
        body: JSON.stringify({
          approveShipments: [{ shipmentID: shipment.id, eTag: shipment.eTag }],
        }),
      });
      await shipments.json();
      const elapsed = performance.now() - start;
      if (!approve.ok || !shipments.ok) {
        throw new Error(`The baseline was refused: ${approve.status}, ${shipments.status}`);
      }
      return { elapsed, start };
    },
    { api, locator },
  );
  return {
    elapsed: timed.elapsed,
    stretches: await stretchesOf(page, timed.start, timed.elapsed),
  };
}

async function measure(appUrl: string, api: string, reset: () => void) {
  const clicks: Click[] = [];
  const raws: { elapsed: number; stretches: Stretches }[] = [];
  for (let round = 0; round <= ROUNDS; round += 1) {
    reset();
    const app = await openMove(appUrl);
    const click = await sendToPrime(app.page);
    await app.context.close();
    reset();
    const bare = await openMove(appUrl);
    const raw = await rawSteps(bare.page, api);
    await bare.context.close();
    // Round 0 warms up.
    if (round > 0) {
      clicks.push(click);
      raws.push(raw);
    }
  }
  const baseline = median(raws.map((raw) => raw.elapsed));
  const said = median(clicks.map((click) => click.said));
  const field = median(clicks.map((click) => click.field));
  const stretch = (of: { stretches: Stretches }[], key: keyof Stretches) =>
    ms(median(of.map(({ stretches }) => stretches[key])));
  const stretchRow = (key: keyof Stretches) => ({
    'Send to Prime': stretch(clicks, key),
    'raw requests': stretch(raws, key),
  });
  return {
    rows: {
      'the two requests raw, in sequence (baseline)': { median: ms(baseline), ratio: '' },
      'Send to Prime: click to "available to the Prime" said': {
        median: ms(said),
        ratio: `${(said / baseline).toFixed(2)}x (goal: at most 1.3x)`,
      },
      'Send to Prime: click to the move’s field with its date': {
        median: ms(field),
        ratio: `${(field / baseline).toFixed(2)}x`,
      },
    },
    // Medians of each stretch (so they need not add up to the median of the whole).
    stretches: {
      'click (or start) to step 1 sent': stretchRow('beforeStep1'),
      'step 1 out: sent to answered': stretchRow('step1'),
      'step 1 answered to step 2 sent': stretchRow('between'),
      'step 2 out: sent to answered': stretchRow('step2'),
      'step 2 answered to the message (or the answer read)': stretchRow('afterStep2'),
    },
    rounds: clicks.length,
  };
}

describe('Send to Prime with a shipment, two writes', () => {
  it('in the production build with the mock in its service worker', async () => {
    // Each round opens a fresh context: a fresh mock, on its seed.
    const { rows, stretches, rounds } = await measure(mocked.url, '/ghc/v1', () => undefined);
    console.table(rows);
    console.table(stretches);
    expect(rounds).toBe(ROUNDS);
  });

  it('over real HTTP to the mock server', async () => {
    const { rows, stretches, rounds } = await measure(
      overHttp.url,
      `${mockServer.url}/ghc/v1`,
      () => db.reset(),
    );
    console.table(rows);
    console.table(stretches);
    expect(rounds).toBe(ROUNDS);
  });
});
