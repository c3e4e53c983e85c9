// Send to Prime in a real browser, with the mock API in the service worker and
// its data in localStorage: what one tab writes, the other tab's server sees.
// Send to Prime approves the move; the move becomes available to the Prime
// once one of its shipments is approved.
import { describe, expect, it } from 'vitest';
import type { Move, MTOServiceItem } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, detailsUrl, openSubmittedDetails, setupBrowser } from './browser';
import {
  apiGetInPage,
  availableToPrime,
  detailOf,
  expectCsrfEchoed,
  expectNoAlert,
  liveRegion,
  moveApproved,
  moveDetail,
  mtoRegion,
  nextRequest,
  nothingToSend,
  recordStatusPatches,
  saveTioRemarks,
  sendToPrimeButton,
} from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();
const openDetails = () => openSubmittedDetails(session);

describe('Send to Prime in the browser', () => {
  it('tells the second tab the move was already approved, shows the latest version and offers no second send', async () => {
    const alice = await openDetails();
    const bob = await openDetails();

    // USWDS draws the box on the label: a user clicks that.
    await mtoRegion(alice).getByText('Counseling (CS)', { exact: true }).click();
    await sendToPrimeButton(alice).click();
    await moveApproved(alice).waitFor();

    // Bob still sees the submitted move he loaded, and sends it with its old eTag.
    await sendToPrimeButton(bob).click();

    const alert = liveRegion(bob, 'alert', 'Someone else changed this move');
    await alert.waitFor();
    const said = await alert.textContent();
    expect(said).toMatch(/It was already approved on .+, so there is nothing more to do here\./);
    expect(said).toContain("Status: 'New move' → 'Move approved'");
    expect(await alert.getByRole('button').count()).toBe(0);
    await moveApproved(bob).waitFor();
    // Only the shipments are left to send, none chosen: nothing to send again.
    expect(
      await mtoRegion(bob)
        .getByRole('button', { name: /Send to Prime again/ })
        .count(),
    ).toBe(0);
    expect(await nothingToSend(bob)).toBe(true);

    // The server holds Alice's approval, once: Bob's stale write created nothing.
    const move = await apiGetInPage<Move>(bob, `/ghc/v1/move/${locator}`);
    expect(move.status).toBe('APPROVED');
    expect(move.approvedAt).toBeTruthy();
    // Approving the move alone does not make it available to the Prime.
    expect(move.availableToPrimeAt).toBeUndefined();
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

    await liveRegion(page, 'status', 'The move was approved').waitFor();
    await moveApproved(page).waitFor();
    // A second click would have sent its request before the first answer came.
    expect(patches).toHaveLength(1);
    // page.on('request') does see fetches the service worker answers: this
    // one was answered by it, so a count of 1 is not one that misses requests.
    expect((await patches[0].response())?.fromServiceWorker()).toBe(true);
    // The mock in the page sets its cookies through document.cookie, so its
    // base cookie cannot be HttpOnly there; the write echoed the masked one.
    await expectCsrfEchoed(page, patches[0], detailsUrl(locator), { baseHttpOnly: false });
    await expectNoAlert(page);
  });

  it('keeps the move approved after a reload, and the next write uses the new eTag', async () => {
    const page = await openDetails();
    await sendToPrimeButton(page).click();
    await moveApproved(page).waitFor();

    await page.reload();
    await detailsReady(locator)(page);

    await moveApproved(page).waitFor();
    expect(await nothingToSend(page)).toBe(true);
    const approved = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);

    // A follow-up edit is based on the version loaded after the reload.
    const saved = nextRequest(page, 'PATCH', '/tio-remarks');
    await saveTioRemarks(page, 'Customer asked for early pickup');

    expect((await saved).headers()['if-match']).toBe(approved.eTag);
    await page.reload();
    await detailsReady(locator)(page);
    await mtoRegion(page).getByText('Customer asked for early pickup').waitFor();
    await moveApproved(page).waitFor();
  });

  it('makes the move available to the Prime once a shipment is approved, and writes on with the move’s new eTag', async () => {
    const page = await openDetails();
    // Before the move is approved, its shipments wait for it.
    expect(await page.getByText('Approve the move first (Send to Prime)').count()).toBe(3);

    await sendToPrimeButton(page).click();
    const approvedNote = liveRegion(page, 'status', 'The move was approved');
    await approvedNote.waitFor();
    expect(await approvedNote.textContent()).toContain(
      'It becomes available to the Prime once one of its shipments is approved',
    );
    expect(await moveDetail(page, 'Available to the Prime').textContent()).toBe('Not yet');
    const approved = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);

    const shipment = page.getByRole('region', { name: /^Shipment 1:/ });
    await shipment.getByRole('button', { name: 'Approve shipment 1' }).click();

    await detailOf(shipment, 'Status')
      .filter({ hasText: /^Approved$/ })
      .waitFor();
    await availableToPrime(page).waitFor();
    // Two shipments still wait: the server asks for their approval.
    await moveDetail(page, 'Status')
      .filter({ hasText: /^Approvals requested$/ })
      .waitFor();
    const available = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(available.availableToPrimeAt).toBeTruthy();
    expect(available.eTag).not.toBe(approved.eTag);

    // Approving the shipment saved the move: the page took its new version,
    // so the next write on the move is accepted, not refused as stale.
    const saved = nextRequest(page, 'PATCH', '/tio-remarks');
    await saveTioRemarks(page, 'Pickup confirmed with the Prime');

    expect((await saved).headers()['if-match']).toBe(available.eTag);
    await expectNoAlert(page);
    const remarked = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(remarked.tioRemarks).toBe('Pickup confirmed with the Prime');
    expect(remarked.availableToPrimeAt).toBe(available.availableToPrimeAt);
  });
});
