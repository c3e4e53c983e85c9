import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { seededMove, send } from '../../../mocks/testApi';
import { holdNextAnswer } from '../../test/faultSession';
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests, type RecordedRequest } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// A Send to Prime belongs to its move, not to the page that started it: the
// user who leaves the page while it runs is told how it ended wherever they
// are, and the move's page, opened again, shows the job as it stands.

const locator = SEED_LOCATORS.submitted;
const held = () => seededMove(locator);

const statusWrites = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/status'));
const batchWrites = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments/approve'));

async function openMove() {
  const view = renderRoute(`/moves/${locator}/details`);
  const page = within(view.container);
  await page.findByRole('button', { name: 'Send to Prime' });
  const mto = () => within(page.getByRole('region', { name: 'Move task order' }));
  const choose = async (...numbers: number[]) => {
    for (const number of numbers) {
      await view.user.click(
        mto().getByRole('checkbox', { name: new RegExp(`^Shipment ${number} `) }),
      );
    }
  };
  const send = () => view.user.click(mto().getByRole('button', { name: 'Send to Prime' }));
  /** To the queue, by the header's link, while the job runs. */
  const leave = async () => {
    await view.user.click(page.getByRole('link', { name: 'TOO office' }));
    await page.findByRole('heading', { name: /queue/i, level: 1 });
  };
  /** The notice of a job that ended while the user was away, on whatever page is shown, in a polite live region. */
  const notice = async () =>
    within(await findStatus(/^Send to Prime, move /, view.container)).getByRole('region', {
      name: 'While you were away',
    });
  return { ...view, page, mto, choose, send, leave, notice };
}

/** Someone else saves shipment `number` (a new eTag, a change the page shows). */
const colleagueEditsShipment = (number: number, counselorRemarks = 'Call before arriving') =>
  db.save('shipment', held().rows.shipments[number - 1].id, { counselorRemarks });

/**
 * Sends the job on `numbers` and goes to the queue while its step 2 is out;
 * `meanwhile` runs before step 2 is answered. The notice of how it ended.
 */
async function leaveDuringStep2(
  tab: Awaited<ReturnType<typeof openMove>>,
  requests: RecordedRequest[],
  numbers: number[],
  meanwhile: () => void = () => {},
) {
  await tab.choose(...numbers);
  const step2 = holdNextAnswer('post', 'shipments/approve');
  await tab.send();
  await waitFor(() => expect(batchWrites(requests)).toHaveLength(1));
  await tab.leave();
  meanwhile();
  step2.answer();
  return tab.notice();
}

/** Step 2 on shipments 1 and 2 refused by a colleague's edit of shipment 2 while the user is on the queue. */
const refusedWhileAway = (tab: Awaited<ReturnType<typeof openMove>>, requests: RecordedRequest[]) =>
  leaveDuringStep2(tab, requests, [1, 2], () => colleagueEditsShipment(2));

/**
 * Step 1 of a job on shipment 1 refused while the user is on the queue: a
 * colleague saves the move while it is out on its loaded eTag.
 */
async function step1RefusedWhileAway(
  tab: Awaited<ReturnType<typeof openMove>>,
  requests: RecordedRequest[],
) {
  await tab.choose(1);
  const step1 = holdNextAnswer('patch', 'move-task-orders/:id/status');
  await tab.send();
  await waitFor(() => expect(statusWrites(requests)).toHaveLength(1));
  await tab.leave();
  db.save('move', held().rows.move.id, { tioRemarks: 'Check the weight ticket' });
  step1.answer();
  return tab.notice();
}

/**
 * Step 2 refused while away (refusedWhileAway), then colleagues approve
 * both chosen shipments before the user opens the move and presses the
 * finish: the alert that says nothing is left.
 */
async function nothingLeft(tab: Awaited<ReturnType<typeof openMove>>, requests: RecordedRequest[]) {
  const notice = await refusedWhileAway(tab, requests);
  for (const number of [1, 2]) {
    const shipment = held().shipments[number - 1];
    const answer = await send('POST', `/shipments/${shipment.id}/approve`, {
      ifMatch: shipment.eTag,
    });
    expect(answer.status).toBe(200);
  }
  await tab.user.click(
    within(notice).getByRole('link', { name: 'Open the move to see why and finish it' }),
  );
  const alert = await findAlert('No shipment was approved', tab.container);
  await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));
  return findAlert('Nothing is left to send.', tab.container);
}

describe('Send to Prime, left running while the user is on another page', () => {
  it('says the result on the move’s page opened from a notice of success', async () => {
    const tab = await openMove();
    const requests = recordRequests();
    const notice = await leaveDuringStep2(tab, requests, [1]);
    await tab.user.click(within(notice).getByRole('link', { name: 'Open the move' }));
    // Said where Send to Prime is, as if the user had stayed; the notice is gone.
    const mto = await tab.page.findByRole('region', { name: 'Move task order' });
    const done = await findStatus('The move was approved', mto);
    expect(done).toHaveTextContent(
      'Shipment 1 was approved too, and the move is available to the Prime.',
    );
    expect(tab.page.queryByRole('region', { name: 'While you were away' })).toBeNull();
  });

  it('shows what changed again before the one-click finish sends anything, once the page is opened again', async () => {
    const requests = recordRequests();
    const tab = await openMove();
    const notice = await refusedWhileAway(tab, requests);
    // Still away: the colleague changes shipment 2 once more.
    colleagueEditsShipment(2, 'Do NOT approve yet');
    await tab.user.click(
      within(notice).getByRole('link', { name: 'Open the move to see why and finish it' }),
    );
    const alert = await findAlert('No shipment was approved', tab.container);
    expect(alert).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));

    // Nothing sent on a version the user has not seen: the newer change first.
    const again = await findAlert(
      "Counselor remarks: 'Call before arriving' → 'Do NOT approve yet'",
      tab.container,
    );
    expect(batchWrites(requests)).toHaveLength(1);
    const fresh = held().shipments.slice(0, 2);
    await tab.user.click(within(again).getByRole('button', { name: 'Approve shipments 1 and 2' }));
    await findStatus('The move was approved', tab.container);
    const batches = batchWrites(requests);
    expect(batches).toHaveLength(2);
    expect(batches[1].body).toEqual({
      approveShipments: fresh.map((s) => ({ shipmentID: s.id, eTag: s.eTag })),
    });
    expect(held().shipments[1].counselorRemarks).toBe('Do NOT approve yet');
  });

  it('says a colleague approved the shipments meanwhile instead of sending them, once the page is opened again', async () => {
    const requests = recordRequests();
    const tab = await openMove();
    const told = await nothingLeft(tab, requests);
    expect(told).toHaveTextContent(
      'Shipment 1 was already approved by someone else, which also made the move available to the Prime: it is not sent again.',
    );
    expect(within(told).queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(batchWrites(requests)).toHaveLength(1);
    // That job is over: the form offers counseling (CS) for the approved move again, and sends it.
    await tab.user.click(tab.mto().getByRole('checkbox', { name: 'Counseling (CS)' }));
    await tab.send();
    await findStatus('Counseling (CS) was added to the move', tab.container);
    expect(held().serviceItems.filter((item) => item.reServiceCode === 'CS')).toHaveLength(1);
  });

  it('does not say the next job approved the move once the job before it ended with nothing left', async () => {
    const requests = recordRequests();
    const tab = await openMove();
    await nothingLeft(tab, requests);
    // The next job: shipment 3, whose approval gets no answer and is not saved.
    await tab.choose(3);
    server.use(http.post('*/ghc/v1/shipments/approve', () => HttpResponse.error(), { once: true }));
    await tab.send();
    const alert = await findAlert('The shipments were not approved', tab.container);
    expect(alert).not.toHaveTextContent('The move was approved.');
    expect(statusWrites(requests)).toHaveLength(1);
  });

  it('says on the queue that step 2 was refused, and the move’s page, opened from there, finishes it in one click', async () => {
    const requests = recordRequests();
    const tab = await openMove();
    // Step 2 is out with shipment 2's loaded eTag when a colleague saves it.
    const notice = await refusedWhileAway(tab, requests);
    expect(notice).toHaveTextContent(
      `Send to Prime, move ${locator}: the move was approved, but it did not finish. No shipment was approved.`,
    );
    // Nothing was said as done, on the server or the page.
    expect(held().move.status).toBe('APPROVED');
    expect(held().move.availableToPrimeAt).toBeUndefined();

    await tab.user.click(
      within(notice).getByRole('link', { name: 'Open the move to see why and finish it' }),
    );
    const alert = await findAlert('No shipment was approved', tab.container);
    expect(alert).toHaveTextContent(
      'The move was approved. Shipment 2 was changed by someone else since you loaded it, so no shipment was approved and the move is not yet available to the Prime.',
    );
    expect(alert).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    // The page says it all now: the notice is gone.
    expect(tab.page.queryByRole('region', { name: 'While you were away' })).toBeNull();

    const fresh = held().shipments.slice(0, 2);
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipments 1 and 2 were approved too, and the move is available to the Prime.',
    );
    // Step 1 once; step 2 again with the latest eTags.
    expect(statusWrites(requests)).toHaveLength(1);
    const batches = batchWrites(requests);
    expect(batches).toHaveLength(2);
    expect(batches[1].body).toEqual({
      approveShipments: fresh.map((s) => ({ shipmentID: s.id, eTag: s.eTag })),
    });
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'SUBMITTED']);
    expect(held().shipments[1].counselorRemarks).toBe('Call before arriving');
  });

  it('says on the queue that the move is available to the Prime when the job ended there, until dismissed', async () => {
    const tab = await openMove();
    const requests = recordRequests();
    const notice = await leaveDuringStep2(tab, requests, [1]);
    expect(notice).toHaveTextContent(
      `Send to Prime, move ${locator}: The move was approved. Shipment 1 was approved too, and the move is available to the Prime.`,
    );
    expect(within(notice).getByRole('link', { name: 'Open the move' })).toHaveAttribute(
      'href',
      `/moves/${locator}/details`,
    );
    // The queue, loaded while the move was between its steps (not a status it lists), reads again.
    expect(await tab.page.findByRole('link', { name: locator })).toBeInTheDocument();
    expect(held().move.availableToPrimeAt).toBeDefined();
    await tab.user.click(
      within(notice).getByRole('button', {
        name: `Dismiss: Send to Prime, move ${locator}: The move was approved. Shipment 1 was approved too, and the move is available to the Prime.`,
      }),
    );
    expect(tab.page.queryByRole('region', { name: 'While you were away' })).toBeNull();
    // The focus stays on the page, where the notice was, not on its start.
    expect(tab.page.getByRole('main')).toHaveFocus();
  });

  it('shows the running job on the move’s page opened again, refuses a second press, and says its result there', async () => {
    const tab = await openMove();
    await tab.choose(1, 2);
    const requests = recordRequests();
    const step2 = holdNextAnswer('post', 'shipments/approve');
    await tab.send();
    await waitFor(() => expect(batchWrites(requests)).toHaveLength(1));
    await tab.leave();
    window.history.back();
    expect(
      await tab.page.findByText('Step 2 of 2: approving shipments 1 and 2…'),
    ).toBeInTheDocument();
    const button = tab.mto().getByRole('button', { name: 'Sending to Prime…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await tab.user.click(button);

    step2.answer();
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipments 1 and 2 were approved too, and the move is available to the Prime.',
    );
    // Said on the page that shows it: no notice besides.
    expect(tab.page.queryByRole('region', { name: 'While you were away' })).toBeNull();
    expect(statusWrites(requests)).toHaveLength(1);
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('says on the queue that step 1 did not go through, and the move’s page shows why', async () => {
    const tab = await openMove();
    const requests = recordRequests();
    const notice = await step1RefusedWhileAway(tab, requests);

    expect(notice).toHaveTextContent(
      `Send to Prime, move ${locator}: it did not go through, and nothing of the shipments was sent.`,
    );
    expect(batchWrites(requests)).toHaveLength(0);
    expect(held().move.status).toBe('SUBMITTED');

    // The move's page, opened from the notice, says why: the colleague's change.
    await tab.user.click(within(notice).getByRole('link', { name: 'Open the move to see why' }));
    const alert = await findAlert('Someone else changed this move', tab.container);
    expect(alert).toHaveTextContent("TIO remarks: (empty) → 'Check the weight ticket'");
    await tab.user.click(within(alert).getByRole('button', { name: /^Send to Prime again/ }));
    // The whole job, as chosen before the user left: the move and shipment 1.
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent('Shipment 1 was approved too');
    expect(statusWrites(requests)).toHaveLength(2);
    expect(batchWrites(requests)).toHaveLength(1);
    expect(held().shipments[0].status).toBe('APPROVED');
  });

  it('finishes with what is left when a colleague approved the move after step 1 was refused, and the old alert goes', async () => {
    const tab = await openMove();
    const requests = recordRequests();
    const notice = await step1RefusedWhileAway(tab, requests);
    // Still away: a colleague approves the move.
    const { move } = held();
    const approval = await send('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: move.eTag,
      body: { serviceCodeMS: true },
    });
    expect(approval.status).toBe(200);

    await tab.user.click(within(notice).getByRole('link', { name: 'Open the move to see why' }));
    const alert = await findAlert('Someone else changed this move', tab.container);
    await tab.user.click(within(alert).getByRole('button', { name: /^Send to Prime again/ }));
    // Only step 2 is left: shipment 1, as chosen; the step 1 alert is gone.
    const done = await findStatus('Shipment 1 was approved', tab.container);
    expect(done).toHaveTextContent('The move is available to the Prime.');
    expect(within(tab.container).queryByText(/Someone else changed this move/)).toBeNull();
    expect(statusWrites(requests)).toHaveLength(2);
    expect(batchWrites(requests)).toHaveLength(1);
    expect(held().shipments[0].status).toBe('APPROVED');
  });

  it('starts afresh on a page opened again when no job needs the choice', async () => {
    const tab = await openMove();
    await tab.choose(1);
    await tab.leave();
    window.history.back();
    await tab.page.findByRole('button', { name: 'Send to Prime' });
    expect(tab.mto().getByRole('checkbox', { name: /^Shipment 1 / })).not.toBeChecked();
  });
});
