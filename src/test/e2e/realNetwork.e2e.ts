// The app with mocking off, calling the mock GHC API as a plain HTTP server
// on another origin, as it will call a real GHC API: real requests, real
// CORS, no service worker.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Move, QueueMovesResult } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { TRACE_HEADER } from '../../../mocks/http';
import { seededMove } from '../../../mocks/testApi';
import { detailsReady, detailsUrl, queueReady, setupBrowser } from './browser';
import {
  expectCsrfEchoed,
  expectNoAlert,
  liveRegion,
  moveApproved,
  PATCH_STATUS_PATH,
  recordStatusPatches,
  sendToPrimeButton,
} from './officeUser';

const appUrl = inject('networkAppUrl');
const apiUrl = `${inject('mockServerUrl')}/ghc/v1`;
const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the mock server holds, asked directly over HTTP. */
async function serverGet<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}
const serverMove = () => serverGet<Move>(`/move/${locator}`);

/** Puts the mock server back on its seed, of `moves` moves if given. */
async function resetServer(moves?: number) {
  const reset = await fetch(`${inject('mockResetUrl')}${moves ? `?moves=${moves}` : ''}`, {
    method: 'POST',
  });
  expect(reset.status).toBe(204);
}

beforeEach(() => resetServer());

describe('the app against the mock GHC API over real HTTP', () => {
  it('loads the queue and approves a move across origins, reading its eTag from the body', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);
    const registrations = await page.evaluate(async () => ({
      registered: (await navigator.serviceWorker.getRegistrations()).length,
      controlled: navigator.serviceWorker.controller !== null,
    }));
    expect(registrations).toEqual({ registered: 0, controlled: false });

    await page.getByRole('link', { name: locator, exact: true }).click();
    await detailsReady(locator)(page);
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && PATCH_STATUS_PATH.test(response.url()),
    );
    await sendToPrimeButton(page).click();

    await moveApproved(page).waitFor();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
    const response = await answered;
    expect(response.url().startsWith(`${apiUrl}/`)).toBe(true);
    expect(response.fromServiceWorker()).toBe(false);
    // The server's CSRF cookies crossed origins (credentials): the base one
    // is HttpOnly, as the real server sets it, and the write echoed the
    // masked one.
    await expectCsrfEchoed(page, response.request(), apiUrl, { baseHttpOnly: true });
    const approved = await serverMove();
    expect(approved.status).toBe('APPROVED');
    // As on the real server, the eTag is in the body only: no ETag header.
    expect(((await response.json()) as Move).eTag).toBe(approved.eTag);
    expect(response.headers()['etag']).toBeUndefined();
    // What the page's own scripts may read of a cross-origin answer is what
    // CORS exposes: the trace id support asks for is among it.
    const readable = await page.evaluate(
      async ({ url, trace }) => {
        const answer = await fetch(url);
        return {
          etag: answer.headers.get('ETag'),
          trace: answer.headers.get(trace),
          body: (await answer.json()) as { eTag: string },
        };
      },
      { url: `${apiUrl}/move/${locator}`, trace: TRACE_HEADER },
    );
    expect(readable.trace).toMatch(UUID);
    expect(readable.etag).toBeNull();
    expect(readable.body.eTag).toBe(approved.eTag);
  });

  it('says the server could not be reached when the request is cut, and Try again sends it', async () => {
    const page = await session.open(detailsUrl(locator, appUrl), detailsReady(locator));
    const patches = recordStatusPatches(page);
    let cut = false;
    await page.route(`${apiUrl}/move-task-orders/*/status`, async (route) => {
      // Only the first PATCH; the CORS preflight and the retry go through.
      if (route.request().method() === 'PATCH' && !cut) {
        cut = true;
        await route.abort('connectionreset');
      } else {
        await route.fallback();
      }
    });

    await sendToPrimeButton(page).click();

    const alert = liveRegion(page, 'alert', 'The server could not be reached');
    await alert.waitFor();
    expect((await serverMove()).status).toBe('SUBMITTED');

    await alert.getByRole('button', { name: 'Try again' }).click();

    await moveApproved(page).waitFor();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
    expect(cut).toBe(true);
    expect(patches).toHaveLength(2);
    expect((await serverMove()).approvedAt).toBeTruthy();
    await expectNoAlert(page);
  });

  it('sends one PATCH for a double click over the network', async () => {
    const page = await session.open(detailsUrl(locator, appUrl), detailsReady(locator));
    const loaded = await serverMove();
    const patches = recordStatusPatches(page);

    await sendToPrimeButton(page).dblclick();

    await liveRegion(page, 'status', 'The move was approved').waitFor();
    expect(patches).toHaveLength(1);
    // A second PATCH with the loaded eTag would have been refused (412) and
    // shown an alert; one accepted write moved the eTag exactly once.
    await expectNoAlert(page);
    const approved = await serverMove();
    expect(approved.eTag).not.toBe(loaded.eTag);
    const answer = await patches[0].response();
    expect(((await answer?.json()) as Move).eTag).toBe(approved.eTag);
  });

  it('pages the queue by keyboard, and keeps the focus on a paging button that can no longer be used', async () => {
    // Enough moves for three pages of the queue, which leaves out the approved ones.
    await resetServer(50);
    const { totalCount = 0 } = await serverGet<QueueMovesResult>('/queues/moves');
    expect(Math.ceil(totalCount / 20)).toBe(3);
    const page = await session.open(`${appUrl}/`, queueReady);
    const caption = page.locator('table caption');
    await expect.poll(() => caption.textContent()).toBe(`${totalCount} moves, page 1 of 3`);
    const next = page.getByRole('button', { name: 'Next page' });
    await next.focus();

    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe(`${totalCount} moves, page 2 of 3`);
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe(`${totalCount} moves, page 3 of 3`);
    expect(await next.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await next.getAttribute('aria-disabled')).toBe('true');

    // Pressed again, it does nothing; Shift+Tab reaches Previous page.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await caption.textContent()).toBe(`${totalCount} moves, page 3 of 3`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe(`${totalCount} moves, page 2 of 3`);
  });

  it('asks for the queue once when it opens, before the page is first drawn', async () => {
    const { page, requests } = await openRecordingFirstRender(`${appUrl}/?sort=customerName`);
    await queueReady(page);

    const started = await startedBeforeFirstRender(page);
    expect(started.filter(({ name }) => name.includes('/queues/moves'))).toEqual([
      {
        name: `${apiUrl}/queues/moves?page=1&perPage=20&sort=customerName&order=asc`,
        before: true,
      },
    ]);
    expect(requests.filter((url) => url.includes('/queues/moves'))).toHaveLength(1);
  });

  it('asks for a move and fetches the details page’s code before the page is first drawn', async () => {
    const { page, requests } = await openRecordingFirstRender(detailsUrl(locator, appUrl));
    await detailsReady(locator)(page);

    const started = await startedBeforeFirstRender(page);
    expect(started.find(({ name }) => name === `${apiUrl}/move/${locator}`)?.before).toBe(true);
    // The page's code: a chunk of the build, a module of the dev server.
    const code = started.find(({ name }) => /\/CustomerDetails(-[\w-]+\.js|\.tsx)$/.test(name));
    expect(code?.before).toBe(true);
    // Each of the move's records once: the page took the load started for it.
    const { move, order, customer } = seededMove(locator);
    const apiRequests = requests.filter((url) => url.startsWith(apiUrl));
    expect(apiRequests.map((url) => url.slice(apiUrl.length)).sort()).toEqual(
      [
        `/move/${locator}`,
        `/orders/${order.id}`,
        `/customer/${customer.id}`,
        `/move_task_orders/${move.id}/mto_shipments`,
        `/move_task_orders/${move.id}/mto_service_items`,
      ].sort(),
    );
  });

  it('fetches the details page’s code while the queue is idle, before any move is opened', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);

    await expect
      .poll(() =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((entry) => /\/CustomerDetails(-[\w-]+\.js|\.tsx)$/.test(entry.name)),
        ),
      )
      .toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('says a page could not be shown when its code does not arrive, and Reload brings it', async () => {
    const page = await session.open('about:blank', () => Promise.resolve());
    const code = /\/CustomerDetails(-[\w-]+\.js|\.tsx)(\?.*)?$/;
    await page.route(code, (route) => route.abort('connectionreset'));

    await page.goto(detailsUrl(locator, appUrl));

    const heading = page.getByRole('heading', { level: 1, name: 'This page could not be shown' });
    await heading.waitFor();
    expect(await page.getByRole('link', { name: 'TOO office' }).isVisible()).toBe(true);
    await page.unroute(code);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await detailsReady(locator)(page);
    expect(await heading.count()).toBe(0);
  });
});

/**
 * Opens `url` in a new tab that notes, in page time, when the app first puts
 * something in #root (its first render), and every request the tab sends.
 */
async function openRecordingFirstRender(url: string) {
  const page = await session.open('about:blank', () => Promise.resolve());
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET') requests.push(request.url());
  });
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.getElementById('root')?.firstChild) return;
      observer.disconnect();
      (window as unknown as { firstRenderAt: number }).firstRenderAt = performance.now();
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  return { page, requests };
}

/** Each resource the page fetched, and whether it was asked for before the first render. */
function startedBeforeFirstRender(page: Page) {
  return page.evaluate(() => {
    const { firstRenderAt } = window as unknown as { firstRenderAt: number };
    return performance
      .getEntriesByType('resource')
      .map((entry) => ({ name: entry.name, before: entry.startTime < firstRenderAt }));
  });
}
