// The main flow against a server that reads If-Match as RFC 9110 does (the
// mock's rfc9110 profile, in its own dev server): it answers every single
// record with a quoted ETag header and evaluates If-Match by the standard.
// The app sends the body's eTag as it is, which that profile accepts too,
// so the same clicks work against both kinds of server.
import { describe, expect, inject, it } from 'vitest';
import type { Move } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, queueReady, setupBrowser } from './browser';
import {
  apiGetInPage,
  availableToPrime,
  expectNoAlert,
  liveRegion,
  moveApproved,
  mtoRegion,
  nextRequest,
  PATCH_STATUS_PATH,
  saveTioRemarks,
  sendToPrimeButton,
} from './officeUser';

const appUrl = inject('rfc9110AppUrl');
const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();

describe('the main flow against the rfc9110 profile', () => {
  it('opens a move from the queue, approves it and a shipment, and edits the move after', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);
    const loaded = page.waitForResponse((response) => response.url().endsWith(`/move/${locator}`));
    await page.getByRole('link', { name: locator, exact: true }).click();
    await detailsReady(locator)(page);
    // The profile is on: a single record comes with its eTag quoted in the header.
    const loadedMove = (await (await loaded).json()) as Move;
    expect((await loaded).headers()['etag']).toBe(`"${loadedMove.eTag}"`);

    const approving = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && PATCH_STATUS_PATH.test(response.url()),
    );
    await sendToPrimeButton(page).click();
    await moveApproved(page).waitFor();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
    const approval = await approving;
    expect(approval.status()).toBe(200);
    expect(approval.request().headers()['if-match']).toBe(loadedMove.eTag);
    const approvedMove = (await approval.json()) as Move;
    expect(approval.headers()['etag']).toBe(`"${approvedMove.eTag}"`);

    await page.getByRole('button', { name: 'Approve shipment 1' }).click();
    await availableToPrime(page).waitFor();
    const available = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(available.eTag).not.toBe(approvedMove.eTag);

    // Approving the shipment saved the move; the next write names that version.
    const saved = nextRequest(page, 'PATCH', '/tio-remarks');
    await saveTioRemarks(page, 'Approved under the RFC 9110 profile');
    expect((await saved).headers()['if-match']).toBe(available.eTag);
    expect((await (await saved).response())?.status()).toBe(200);
    await expectNoAlert(page);

    await page.reload();
    await detailsReady(locator)(page);
    await mtoRegion(page).getByText('Approved under the RFC 9110 profile').waitFor();
    await availableToPrime(page).waitFor();
  });
});
