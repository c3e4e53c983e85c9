// Send to Prime in a real browser, with the mock API in the service worker and
// its data in localStorage: what one tab writes, the other tab's server sees.
import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../api/csrf';
import type { Move, MTOServiceItem } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, draftDetailsUrl, openDraftDetails, setupBrowser } from './browser';
import {
  apiGetInPage,
  availableToPrime,
  expectNoAlert,
  liveRegion,
  mtoRegion,
  recordStatusPatches,
  sendToPrimeButton,
} from './officeUser';

const locator = SEED_LOCATORS.draft;
const session = setupBrowser();
const openDetails = () => openDraftDetails(session);

describe('Send to Prime in the browser', () => {
  it('tells the second tab the move was already sent, shows the latest version and offers no second send', async () => {
    const alice = await openDetails();
    const bob = await openDetails();

    await sendToPrimeButton(alice).click();
    await availableToPrime(alice).waitFor();

    // Bob still sees the draft he loaded, and sends it with its old eTag.
    await sendToPrimeButton(bob).click();

    const alert = liveRegion(bob, 'alert', 'Someone else changed this move');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /It was already sent to the Prime on .+, so there is nothing more to do\./,
    );
    expect(await alert.getByRole('button').count()).toBe(0);
    await availableToPrime(bob).waitFor();
    expect(
      await mtoRegion(bob)
        .getByRole('button', { name: /Send to Prime/ })
        .count(),
    ).toBe(0);

    // The server holds Alice's send, once: Bob's stale write created nothing.
    const move = await apiGetInPage<Move>(bob, `/ghc/v1/move/${locator}`);
    expect(move.availableToPrimeAt).not.toBeNull();
    const items = await apiGetInPage<MTOServiceItem[]>(
      bob,
      `/ghc/v1/move_task_orders/${move.id}/mto_service_items`,
    );
    expect(items.filter((item) => item.reServiceCode === 'MS')).toHaveLength(1);
    expect(items.filter((item) => item.reServiceCode === 'CS')).toHaveLength(1);
  });

  it('sends one PATCH for a double click', async () => {
    const page = await openDetails();
    const patches = recordStatusPatches(page);

    await sendToPrimeButton(page).dblclick();

    await liveRegion(page, 'status', 'The move was sent to the Prime.').waitFor();
    await availableToPrime(page).waitFor();
    // A second click would have sent its request before the first answer came.
    expect(patches).toHaveLength(1);
    // page.on('request') does see fetches the service worker answers: this
    // one was answered by it, so a count of 1 is not one that misses requests.
    expect((await patches[0].response())?.fromServiceWorker()).toBe(true);
    // The mock in the page handed out the CSRF cookie as a browser cookie, and the write echoed it.
    const cookies = await page.context().cookies(draftDetailsUrl());
    const csrf = cookies.find((cookie) => cookie.name === CSRF_COOKIE);
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    expect(await patches[0].headerValue(CSRF_HEADER)).toBe(csrf?.value);
    await expectNoAlert(page);
  });

  it('keeps the move sent after a reload, and the next write uses the new eTag', async () => {
    const page = await openDetails();
    await sendToPrimeButton(page).click();
    await availableToPrime(page).waitFor();

    await page.reload();
    await detailsReady(locator)(page);

    await availableToPrime(page).waitFor();
    expect(await sendToPrimeButton(page).count()).toBe(0);
    const sent = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);

    // A follow-up edit is based on the version loaded after the reload.
    const saved = page.waitForRequest(
      (request) => request.method() === 'PATCH' && request.url().endsWith('/tio-remarks'),
    );
    await mtoRegion(page).getByRole('button', { name: 'Edit TIO remarks' }).click();
    const form = page.getByRole('form', { name: 'Edit move' });
    await form.getByLabel('TIO remarks').fill('Customer asked for early pickup');
    await form.getByRole('button', { name: 'Save' }).click();

    await liveRegion(page, 'status', 'Move task order saved.').waitFor();
    expect((await saved).headers()['if-match']).toBe(sent.eTag);
    await page.reload();
    await detailsReady(locator)(page);
    await mtoRegion(page).getByText('Customer asked for early pickup').waitFor();
    await availableToPrime(page).waitFor();
  });
});
