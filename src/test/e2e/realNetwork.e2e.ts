// The app with mocking off, calling the mock GHC API as a plain HTTP server
// on another origin, as it will call a real GHC API: real requests, real
// CORS, no service worker.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../api/csrf';
import type { Move } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, queueReady, setupBrowser } from './browser';
import {
  availableToPrime,
  expectNoAlert,
  liveRegion,
  PATCH_STATUS_PATH,
  recordStatusPatches,
  sendToPrimeButton,
} from './officeUser';

const appUrl = inject('networkAppUrl');
const apiUrl = `${inject('mockServerUrl')}/ghc/v1`;
const locator = SEED_LOCATORS.draft;
const session = setupBrowser();

/** What the mock server holds, asked directly over HTTP. */
async function serverMove(): Promise<Move> {
  const response = await fetch(`${apiUrl}/move/${locator}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Move;
}

beforeEach(async () => {
  const reset = await fetch(inject('mockResetUrl'), { method: 'POST' });
  expect(reset.status).toBe(204);
});

describe('the app against the mock GHC API over real HTTP', () => {
  it('loads the queue and sends a move to the Prime across origins, reading its ETag', async () => {
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

    await availableToPrime(page).waitFor();
    await liveRegion(page, 'status', 'The move was sent to the Prime.').waitFor();
    const response = await answered;
    expect(response.url().startsWith(`${apiUrl}/`)).toBe(true);
    expect(response.fromServiceWorker()).toBe(false);
    // The server's CSRF cookie crossed origins (credentials), and the write echoed it.
    const cookies = await page.context().cookies(apiUrl);
    const csrf = cookies.find((cookie) => cookie.name === CSRF_COOKIE);
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    expect(await response.request().headerValue(CSRF_HEADER)).toBe(csrf?.value);
    const sent = await serverMove();
    expect(sent.availableToPrimeAt).not.toBeNull();
    expect(response.headers()['etag']).toBe(`"${sent.eTag}"`);
    // What the page's own scripts may read of a cross-origin answer is what
    // CORS exposes: the ETag must be among it.
    const readable = await page.evaluate(async (url) => {
      const answer = await fetch(url);
      return { etag: answer.headers.get('ETag'), body: (await answer.json()) as { eTag: string } };
    }, `${apiUrl}/move/${locator}`);
    expect(readable.etag).toBe(`"${readable.body.eTag}"`);
    expect(readable.body.eTag).toBe(sent.eTag);
  });

  it('says the server could not be reached when the request is cut, and Try again sends it', async () => {
    const page = await session.open(`${appUrl}/moves/${locator}/details`, detailsReady(locator));
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
    expect((await serverMove()).availableToPrimeAt).toBeNull();

    await alert.getByRole('button', { name: 'Try again' }).click();

    await availableToPrime(page).waitFor();
    await liveRegion(page, 'status', 'The move was sent to the Prime.').waitFor();
    expect(cut).toBe(true);
    expect(patches).toHaveLength(2);
    expect((await serverMove()).availableToPrimeAt).not.toBeNull();
    await expectNoAlert(page);
  });

  it('sends one PATCH for a double click over the network', async () => {
    const page = await session.open(`${appUrl}/moves/${locator}/details`, detailsReady(locator));
    const loaded = await serverMove();
    const patches = recordStatusPatches(page);

    await sendToPrimeButton(page).dblclick();

    await liveRegion(page, 'status', 'The move was sent to the Prime.').waitFor();
    expect(patches).toHaveLength(1);
    // A second PATCH with the loaded eTag would have been refused (412) and
    // shown an alert; one accepted write moved the eTag exactly once.
    await expectNoAlert(page);
    const sent = await serverMove();
    expect(sent.eTag).not.toBe(loaded.eTag);
    expect((await patches[0].response())?.headers()['etag']).toBe(`"${sent.eTag}"`);
  });

  it('pages the queue by keyboard, and keeps the focus on a paging button that can no longer be used', async () => {
    const reset = await fetch(`${inject('mockResetUrl')}?moves=45`, { method: 'POST' });
    expect(reset.status).toBe(204);
    const page = await session.open(`${appUrl}/`, queueReady);
    const caption = page.locator('table caption');
    await expect.poll(() => caption.textContent()).toBe('45 moves, page 1 of 3');
    const next = page.getByRole('button', { name: 'Next page' });
    await next.focus();

    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe('45 moves, page 2 of 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe('45 moves, page 3 of 3');
    expect(await next.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await next.getAttribute('aria-disabled')).toBe('true');

    // Pressed again, it does nothing; Shift+Tab reaches Previous page.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await caption.textContent()).toBe('45 moves, page 3 of 3');
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent()).toBe('45 moves, page 2 of 3');
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
    const { page, requests } = await openRecordingFirstRender(`${appUrl}/moves/${locator}/details`);
    await detailsReady(locator)(page);

    const started = await startedBeforeFirstRender(page);
    expect(started.find(({ name }) => name === `${apiUrl}/move/${locator}`)?.before).toBe(true);
    // The page's code: a chunk of the build, a module of the dev server.
    const code = started.find(({ name }) => /\/CustomerDetails(-[\w-]+\.js|\.tsx)$/.test(name));
    expect(code?.before).toBe(true);
    // Each of the move's records once: the page took the load started for it.
    const apiRequests = requests.filter((url) => url.startsWith(apiUrl));
    expect(apiRequests).toHaveLength(6);
    expect(new Set(apiRequests).size).toBe(6);
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

    await page.goto(`${appUrl}/moves/${locator}/details`);

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
