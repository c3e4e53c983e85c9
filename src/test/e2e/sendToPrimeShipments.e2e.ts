// Send to Prime as the real TOO does it, in Chromium: the move, then the
// chosen shipments, each with its own eTag; a colleague's change in another
// tab between; a lost answer after the server applied step 2.
import type { Page, Request } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Move, MTOShipment } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, detailsUrl, openSubmittedDetails, setupBrowser } from './browser';
import {
  apiGetInPage,
  availableToPrime,
  detailOf,
  liveRegion,
  moveDetail,
  mtoRegion,
  sendToPrimeButton,
} from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();

/** Ticks the shipments by number: USWDS draws each box on its label, which a user clicks. */
async function choose(page: Page, ...numbers: number[]) {
  for (const number of numbers) {
    await mtoRegion(page)
      .getByText(new RegExp(`^Shipment ${number} \\(`))
      .click();
  }
}

/** Every write the page sends from now on: Send to Prime's two steps and any other. */
function recordWrites(page: Page): Request[] {
  const writes: Request[] = [];
  page.on('request', (request) => {
    if (['PATCH', 'POST'].includes(request.method()) && request.url().includes('/ghc/v1/')) {
      writes.push(request);
    }
  });
  return writes;
}
const stepOnes = (writes: Request[]) => writes.filter((w) => w.url().endsWith('/status'));
const stepTwos = (writes: Request[]) =>
  writes.filter((w) => w.url().endsWith('/shipments/approve'));
const itemsOf = (request: Request) =>
  (request.postDataJSON() as { approveShipments: { shipmentID: string; eTag: string }[] })
    .approveShipments;

const shipmentCard = (page: Page, number: number) =>
  page.getByRole('region', { name: new RegExp(`^Shipment ${number}:`) });

describe('Send to Prime with shipments, in the browser', () => {
  it('approves two of three chosen shipments with the move: the move is available, the third still requested', async () => {
    const page = await openSubmittedDetails(session);
    const writes = recordWrites(page);
    const loaded = await apiGetInPage<MTOShipment[]>(
      page,
      `/ghc/v1/move_task_orders/${(await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`)).id}/mto_shipments`,
    );
    await choose(page, 1, 2);
    expect(
      await mtoRegion(page)
        .getByText(/^Approve the move and 2 shipments/)
        .textContent(),
    ).toBe(
      'Approve the move and 2 shipments, and make the move available to the Prime. Adds move management (MS).',
    );
    await sendToPrimeButton(page).click();

    await availableToPrime(page).waitFor();
    await liveRegion(page, 'status', 'Shipments 1 and 2 were approved too').waitFor();
    expect(await detailOf(shipmentCard(page, 1), 'Status').textContent()).toBe('Approved');
    expect(await detailOf(shipmentCard(page, 2), 'Status').textContent()).toBe('Approved');
    expect(await detailOf(shipmentCard(page, 3), 'Status').textContent()).toBe('Requested');
    await moveDetail(page, 'Status')
      .filter({ hasText: /^Approvals requested$/ })
      .waitFor();

    expect(stepOnes(writes)).toHaveLength(1);
    const [stepTwo, ...more] = stepTwos(writes);
    expect(more).toEqual([]);
    expect(itemsOf(stepTwo)).toEqual(
      loaded.slice(0, 2).map((shipment) => ({ shipmentID: shipment.id, eTag: shipment.eTag })),
    );
    const move = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(move).toMatchObject({ status: 'APPROVALS REQUESTED' });
    expect(move.availableToPrimeAt).toBeTruthy();
  });

  it('explains a shipment a second tab changed first, and finishes the job in one click with nothing sent twice', async () => {
    const page = await openSubmittedDetails(session);
    const colleague = await openSubmittedDetails(session);
    const move = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    const shipments = await apiGetInPage<MTOShipment[]>(
      page,
      `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
    );
    await choose(page, 1, 2);

    // The colleague, in the second tab, changes shipment 2 first.
    await colleague.getByText('Developer controls (mock API)').click();
    await colleague.getByLabel('Record').selectOption({ value: `shipment:${shipments[1].id}` });
    await colleague.getByRole('button', { name: 'Act as another user' }).click();
    await colleague.getByText(/Moved the shipment's requested pickup a day later/).waitFor();
    const changed = await apiGetInPage<MTOShipment[]>(
      page,
      `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
    );
    expect(changed[1].eTag).not.toBe(shipments[1].eTag);

    const writes = recordWrites(page);
    await sendToPrimeButton(page).click();
    const alert = liveRegion(page, 'alert', 'No shipment was approved');
    await alert.waitFor();
    const said = await alert.textContent();
    expect(said).toContain(
      'The move was approved. Shipment 2 was changed by someone else since you loaded it, so no shipment was approved and the move is not yet available to the Prime.',
    );
    expect(said).toContain('What changed on shipment 2');
    expect(said).toMatch(/Requested pickup date: '.+' → '.+'/);
    expect(await moveDetail(page, 'Available to the Prime').textContent()).toBe('Not yet');

    await alert.getByRole('button', { name: 'Approve shipments 1 and 2' }).click();
    await availableToPrime(page).waitFor();
    const fresh = await apiGetInPage<MTOShipment[]>(
      page,
      `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
    );
    expect(fresh.map((shipment) => shipment.status)).toEqual(['APPROVED', 'APPROVED', 'SUBMITTED']);
    // Step 1 once; step 2 twice, the second with shipment 2's new eTag.
    expect(stepOnes(writes)).toHaveLength(1);
    const twos = stepTwos(writes);
    expect(twos).toHaveLength(2);
    expect(itemsOf(twos[1])).toEqual([
      { shipmentID: shipments[0].id, eTag: shipments[0].eTag },
      { shipmentID: shipments[1].id, eTag: changed[1].eTag },
    ]);
  });

  it('sends each step once for a double click', async () => {
    const page = await openSubmittedDetails(session);
    const writes = recordWrites(page);
    await choose(page, 3);
    await sendToPrimeButton(page).dblclick();
    await availableToPrime(page).waitFor();
    expect(stepOnes(writes)).toHaveLength(1);
    expect(stepTwos(writes)).toHaveLength(1);
  });
});

describe('Send to Prime with shipments over real HTTP', () => {
  const appUrl = inject('networkAppUrl');
  beforeEach(async () => {
    const reset = await fetch(inject('mockResetUrl'), { method: 'POST' });
    expect(reset.status).toBe(204);
  });

  it('settles an answer to step 2 lost after the server applied it: done, said so, nothing sent again', async () => {
    const page = await session.open(detailsUrl(locator, appUrl), detailsReady(locator));
    const writes = recordWrites(page);
    // The server applies step 2; its answer never reaches the page.
    await page.route('**/ghc/v1/shipments/approve', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await choose(page, 1);
    await sendToPrimeButton(page).click();

    await liveRegion(
      page,
      'status',
      'The server did not confirm it, but the latest versions show it done.',
    ).waitFor();
    await availableToPrime(page).waitFor();
    expect(stepOnes(writes)).toHaveLength(1);
    expect(stepTwos(writes)).toHaveLength(1);
    expect(await page.getByText(/changed by someone else/).count()).toBe(0);
  });

  it('says on the queue how a job left running there ended, with a way back to the move', async () => {
    const page = await session.open(detailsUrl(locator, appUrl), detailsReady(locator));
    const writes = recordWrites(page);
    // Step 2's request waits until the user is on the queue.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/ghc/v1/shipments/approve',
      async (route) => {
        await released;
        await route.continue();
      },
      { times: 1 },
    );
    await choose(page, 1, 2);
    await sendToPrimeButton(page).click();
    await expect.poll(() => stepTwos(writes).length).toBe(1);
    await page.getByRole('link', { name: 'TOO office' }).click();
    await page.getByRole('heading', { name: 'Moves queue', level: 1 }).waitFor();
    release();

    const notice = liveRegion(page, 'status', `Send to Prime, move ${locator}:`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'The move was approved. Shipments 1 and 2 were approved too, and the move is available to the Prime.',
    );
    await notice.getByRole('link', { name: 'Open the move' }).click();
    await availableToPrime(page).waitFor();
    expect(await page.getByRole('region', { name: 'While you were away' }).count()).toBe(0);
    expect(stepOnes(writes)).toHaveLength(1);
    expect(stepTwos(writes)).toHaveLength(1);
  });
});
