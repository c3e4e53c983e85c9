import { waitFor, within } from '@testing-library/react';
import { getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { handlers } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { seededMove, send } from '../../../mocks/testApi';
import { listMTOShipments } from '../../entities/shipments/shipmentsSlice';
import { formatDate } from '../../components/format';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectShipmentById } from '../../entities/shipments/shipmentsSlice';
import { selectOwnWritesBetween } from '../../writes/ownWrites';
import { applyThenFail, holdNextAnswer, shownField } from '../../test/faultSession';
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests, type RecordedRequest } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// Send to Prime as the real TOO does it: step 1 approves the move on the
// move's eTag, step 2 approves the chosen shipments, each on its own eTag.

const locator = SEED_LOCATORS.submitted;
const held = () => seededMove(locator);

/** One tab with the move's page open: its own app and store. */
async function openTab(at: string = locator) {
  const view = renderRoute(`/moves/${at}/details`);
  const page = within(view.container);
  const button = await page.findByRole('button', { name: 'Send to Prime' });
  const mto = within(page.getByRole('region', { name: 'Move task order' }));
  const choose = async (...numbers: number[]) => {
    for (const number of numbers) {
      await view.user.click(
        mto.getByRole('checkbox', { name: new RegExp(`^Shipment ${number} `) }),
      );
    }
  };
  const card = (number: number) =>
    page.getByRole('region', { name: new RegExp(`^Shipment ${number}:`) });
  return { ...view, page, mto, button, choose, card };
}

const statusWrites = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/status'));
const batchWrites = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments/approve'));
/** The shipments and eTags a step 2 sent, in order. */
const batchItems = (request: RecordedRequest) =>
  (request.body as { approveShipments: { shipmentID: string; eTag: string }[] }).approveShipments;

/** Someone else, on their own session: the API called as another office user would. */
const colleague = {
  async approveMove() {
    const { move } = held();
    const answer = await send('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: move.eTag,
      body: { serviceCodeMS: true },
    });
    expect(answer.status).toBe(200);
  },
  async approveShipment(number: number) {
    const shipment = held().shipments[number - 1];
    const answer = await send('POST', `/shipments/${shipment.id}/approve`, {
      ifMatch: shipment.eTag,
    });
    expect(answer.status).toBe(200);
  },
  /** Saves a shipment with a new counselor remark: a new eTag, and a change the page shows. */
  editShipment(number: number) {
    db.save('shipment', held().rows.shipments[number - 1].id, {
      counselorRemarks: 'Call before arriving',
    });
  },
};

/**
 * Shipments 1 and 2 sent; step 2 never reaches the server, and the reload
 * after it tells it was not saved. Colleagues then approve `approved`, the
 * page reads the shipments, and the user presses the finish.
 */
async function finishAfterColleaguesApproved(...approved: number[]) {
  const tab = await openTab();
  await tab.choose(1, 2);
  server.use(http.post('*/ghc/v1/shipments/approve', () => HttpResponse.error(), { once: true }));
  const requests = recordRequests();
  await tab.user.click(tab.button);
  const alert = await findAlert('The shipments were not approved', tab.container);
  for (const number of approved) await colleague.approveShipment(number);
  await tab.store.dispatch(listMTOShipments(held().move.id!));
  await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));
  return { tab, requests };
}

describe('Send to Prime: the move, then the chosen shipments', () => {
  it('says what it will do, and is unavailable with the reason when nothing can be sent', async () => {
    const tab = await openTab();
    const summary = () => tab.button.getAttribute('aria-describedby');
    expect(
      tab.mto
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual([
      'Shipment 1 (HHG)',
      'Shipment 2 (HHG)',
      'Shipment 3 (NTS)',
      'Move management (MS)',
      'Counseling (CS)',
    ]);
    expect(tab.mto.getByRole('checkbox', { name: 'Move management (MS)' })).toBeChecked();
    expect(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' })).not.toBeChecked();
    expect(tab.button).toHaveAccessibleDescription(
      'Approve the move. Adds move management (MS). The move becomes available to the Prime once one of its shipments is approved.',
    );
    await tab.choose(1, 3);
    expect(tab.button).toHaveAccessibleDescription(
      'Approve the move and 2 shipments, and make the move available to the Prime. Adds move management (MS).',
    );
    expect(summary()).not.toBeNull();

    // Approved elsewhere, with no shipment chosen: nothing to send, and it says why.
    const other = await openTab(SEED_LOCATORS.approvalsRequested);
    expect(other.button).toHaveAttribute('aria-disabled', 'true');
    // Counseling (CS) alone could be sent: the reason says so.
    expect(other.button).toHaveAccessibleDescription(
      'Choose at least one shipment to approve, or counseling (CS) to add.',
    );
    const requests = recordRequests();
    await other.user.click(other.button);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('approves the move and the two chosen shipments, each with its own eTag, and shows the move available to the Prime', async () => {
    const requests = recordRequests();
    const tab = await openTab();
    const loaded = held();
    await tab.choose(1, 3);
    await tab.user.click(tab.button);

    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipments 1 and 3 were approved too, and the move is available to the Prime.',
    );
    // Step 1 on the move's eTag, step 2 with each chosen shipment's eTag as stored.
    expect(statusWrites(requests).map((r) => r.ifMatch)).toEqual([loaded.move.eTag]);
    const [batch, ...more] = batchWrites(requests);
    expect(more).toEqual([]);
    expect(batch.ifMatch).toBeNull();
    expect(batchItems(batch)).toEqual([
      { shipmentID: loaded.shipments[0].id, eTag: loaded.shipments[0].eTag },
      { shipmentID: loaded.shipments[2].id, eTag: loaded.shipments[2].eTag },
    ]);

    // The server holds it, and so does the page, without a reload.
    const now = held();
    expect(now.shipments.map((s) => s.status)).toEqual(['APPROVED', 'SUBMITTED', 'APPROVED']);
    expect(now.move.status).toBe('APPROVALS REQUESTED');
    expect(now.move.availableToPrimeAt).toBeTruthy();
    await waitFor(() =>
      expect(
        shownField(
          tab.page.getByRole('region', { name: 'Move task order' }),
          'Available to the Prime',
        ),
      ).toBe(`Since ${formatDate(now.move.availableToPrimeAt)}`),
    );
    expect(shownField(tab.card(1), 'Status')).toBe('Approved');
    expect(shownField(tab.card(2), 'Status')).toBe('Requested');
    expect(shownField(tab.card(3), 'Status')).toBe('Approved');
    const services = within(tab.page.getByRole('region', { name: 'Service items' }));
    expect(
      await services.findByRole('rowheader', { name: 'Move management (MS)' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(services.getAllByRole('rowheader', { name: /^Fuel surcharge/ })).toHaveLength(2),
    );

    // Every record's new eTag is stored: the move's after both steps, each shipment's.
    await waitFor(() =>
      expect(selectMoveTaskOrderById(tab.store.getState(), now.rows.move.id)?.eTag).toBe(
        now.move.eTag,
      ),
    );
    for (const shipment of now.shipments) {
      expect(selectShipmentById(tab.store.getState(), shipment.id!)?.eTag).toBe(shipment.eTag);
    }
    // The one shipment left can be sent next, and nothing else.
    expect(tab.mto.getAllByRole('checkbox', { name: /^Shipment/ })).toHaveLength(1);
  });

  it('sends nothing of step 2 when a colleague changed the move, and finishes both steps in one click', async () => {
    const tab = await openTab();
    await tab.choose(2);
    db.save('move', held().rows.move.id, { tioRemarks: 'Hold until orders are amended' });
    const requests = recordRequests();
    await tab.user.click(tab.button);

    const alert = await findAlert('Someone else changed this move', tab.container);
    expect(alert).toHaveTextContent("TIO remarks: (empty) → 'Hold until orders are amended'");
    expect(batchWrites(requests)).toEqual([]);
    expect(held().move.status).toBe('SUBMITTED');

    await tab.user.click(within(alert).getByRole('button', { name: 'Send to Prime again' }));
    await findStatus('The move was approved', tab.container);
    expect(statusWrites(requests)).toHaveLength(2);
    expect(batchWrites(requests)).toHaveLength(1);
    expect(held().shipments.map((s) => s.status)).toEqual(['SUBMITTED', 'APPROVED', 'SUBMITTED']);
    expect(held().move.tioRemarks).toBe('Hold until orders are amended');
  });

  it('names what the orders lack when the move cannot be approved, sends no shipment, and leads to the orders form', async () => {
    const requests = recordRequests();
    const tab = await openTab(SEED_LOCATORS.missingTac);
    await tab.choose(1);
    await tab.user.click(tab.button);

    const alert = await findAlert('The orders lack what approval needs', tab.container);
    expect(alert).toHaveTextContent('its orders have no HHG TAC');
    expect(batchWrites(requests)).toEqual([]);
    await tab.user.click(within(alert).getByRole('button', { name: 'Edit orders' }));
    const form = within(await tab.page.findByRole('form', { name: 'Edit orders' }));
    await tab.user.type(form.getByLabelText(/^HHG TAC/), 'F8E1');
    await tab.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Orders saved.', tab.container);

    await tab.user.click(tab.mto.getByRole('button', { name: 'Send to Prime' }));
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent('Shipment 1 was approved too');
    expect(seededMove(SEED_LOCATORS.missingTac).shipments[0].status).toBe('APPROVED');
  });

  it('tells which of three chosen shipments a colleague changed, and finishes step 2 alone in one click with the fresh eTags', async () => {
    const tab = await openTab();
    await tab.choose(1, 2, 3);
    // Counseling too: step 1 sent again would add a second CS (the server does not de-duplicate it).
    await tab.user.click(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' }));
    colleague.editShipment(2);
    // The page does not learn of the new MS and CS: only the job knows its step 1 is done.
    server.use(
      http.get('*/ghc/v1/move_task_orders/:id/mto_service_items', () => HttpResponse.error()),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);

    const alert = await findAlert('No shipment was approved', tab.container);
    expect(alert).toHaveTextContent(
      'The move was approved. Shipment 2 was changed by someone else since you loaded it, so no shipment was approved and the move is not yet available to the Prime.',
    );
    expect(alert).toHaveTextContent('What changed on shipment 2');
    expect(alert).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    expect(held().move.status).toBe('APPROVED');
    expect(held().move.availableToPrimeAt).toBeUndefined();
    expect(
      shownField(
        tab.page.getByRole('region', { name: 'Move task order' }),
        'Available to the Prime',
      ),
    ).toBe('Not yet');

    const fresh = held().shipments;
    await tab.user.click(
      within(alert).getByRole('button', { name: 'Approve shipments 1, 2 and 3' }),
    );
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipments 1, 2 and 3 were approved too, and the move is available to the Prime.',
    );
    // Step 1 once, never again on the move's old eTag; step 2 again with the latest eTags.
    expect(statusWrites(requests)).toHaveLength(1);
    const batches = batchWrites(requests);
    expect(batches).toHaveLength(2);
    expect(batchItems(batches[1])).toEqual(fresh.map((s) => ({ shipmentID: s.id, eTag: s.eTag })));
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect(
      held()
        .serviceItems.map((item) => item.reServiceCode)
        .filter((code) => code === 'MS' || code === 'CS')
        .sort(),
    ).toEqual(['CS', 'MS']);
    expect(held().shipments[1].counselorRemarks).toBe('Call before arriving');
  });

  it('finishes in one click when one chosen shipment was changed and another removed meanwhile', async () => {
    const tab = await openTab();
    await tab.choose(1, 2);
    const requests = recordRequests();
    const step2 = holdNextAnswer('post', 'shipments/approve');
    await tab.user.click(tab.button);
    await waitFor(() => expect(batchWrites(requests)).toHaveLength(1));
    colleague.editShipment(1);
    db.remove('shipment', held().rows.shipments[1].id);
    step2.answer();

    const alert = await findAlert('No shipment was approved', tab.container);
    expect(alert).toHaveTextContent('Shipment 2 was removed since you loaded it.');
    const fresh = held().shipments[0];
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipment 1' }));
    await findStatus('The move was approved', tab.container);
    const batches = batchWrites(requests);
    expect(batches).toHaveLength(2);
    expect(batchItems(batches[1])).toEqual([{ shipmentID: fresh.id, eTag: fresh.eTag }]);
    expect(held().shipments[0].status).toBe('APPROVED');
  });

  it('shows the move management item step 1 created when step 2 is refused', async () => {
    const tab = await openTab();
    await tab.choose(1, 2);
    colleague.editShipment(2);
    await tab.user.click(tab.button);

    await findAlert('No shipment was approved', tab.container);
    const items = within(tab.page.getByRole('region', { name: 'Service items' }));
    // At once, not after a wait for the write that was refused.
    expect(await items.findByRole('rowheader', { name: /^Move management/ })).toBeInTheDocument();
    expect(held().serviceItems.map((item) => item.reServiceCode)).toEqual(['MS']);
  });

  it('settles a lost answer to step 2 on "Check and try again" when the first reload failed', async () => {
    const tab = await openTab();
    await tab.choose(2);
    const write = applyThenFail('post', 'shipments/approve', 'dropped');
    server.use(
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);
    await write.expectApplied();
    const alert = await findAlert(
      'It is not known whether the shipments were approved',
      tab.container,
    );

    await tab.user.click(within(alert).getByRole('button', { name: 'Check and try again' }));
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipment 2 was approved too, and the move is available to the Prime. The server did not confirm it, but the latest versions show it done.',
    );
    expect(
      within(tab.container).queryByText('It is not known whether the shipments were approved'),
    ).toBeNull();
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('stays busy from "Check and try again" until step 2, sent again, is answered', async () => {
    const tab = await openTab();
    await tab.choose(2);
    // Step 2's first request never reaches the server, and the reload after it fails.
    server.use(
      http.post('*/ghc/v1/shipments/approve', () => HttpResponse.error(), { once: true }),
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);
    const alert = await findAlert(
      'It is not known whether the shipments were approved',
      tab.container,
    );
    const again = holdNextAnswer('post', 'shipments/approve');
    await tab.user.click(within(alert).getByRole('button', { name: 'Check and try again' }));
    await waitFor(() => expect(batchWrites(requests)).toHaveLength(2));
    // Sent again on what the check loaded; the form is busy, nothing in it can be pressed.
    expect(within(alert).getByRole('button', { name: 'Working…' })).toBeDisabled();
    for (const box of tab.mto.getAllByRole('checkbox', { name: /^Shipment/ })) {
      expect(box).toBeDisabled();
    }
    again.answer();
    await findStatus('Shipment 2 was approved too', tab.container);
  });

  it('keeps the reason step 1 was moot when the unavailable button is pressed', async () => {
    const tab = await openTab();
    await colleague.approveMove();
    await tab.user.click(tab.button);
    const alert = await findAlert('Someone else changed this move', tab.container);
    expect(alert).toHaveTextContent('so there is nothing more to do here');
    const button = tab.mto.getByRole('button', { name: 'Send to Prime' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    const requests = recordRequests();
    await tab.user.click(button);
    expect(within(tab.container).getByText(/so there is nothing more to do here/)).toBeVisible();
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('keeps what the alert said of the other shipments when one it offers changes again', async () => {
    const tab = await openTab();
    await tab.choose(1, 2, 3);
    const step2 = holdNextAnswer('post', 'shipments/approve');
    const requests = recordRequests();
    await tab.user.click(tab.button);
    await waitFor(() => expect(batchWrites(requests)).toHaveLength(1));
    colleague.editShipment(2);
    const third = held().shipments[2];
    const rejected = await send('POST', `/shipments/${third.id}/reject`, {
      ifMatch: third.eTag,
      body: { rejectionReason: 'Not authorized' },
    });
    expect(rejected.status).toBe(200);
    step2.answer();
    const alert = await findAlert('No shipment was approved', tab.container);
    expect(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' })).toBeVisible();

    // Shipment 1 changes too, and the page learns of it before the click.
    colleague.editShipment(1);
    await tab.store.dispatch(listMTOShipments(held().move.id!));
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));
    const shown = await findAlert('What changed on shipment 1', tab.container);
    // What it said of shipments 2 and 3 stands.
    expect(shown).toHaveTextContent('What changed on shipment 2');
    expect(shown).toHaveTextContent(
      'Shipment 3 was rejected by someone else since you loaded it, so it cannot be approved.',
    );
    expect(within(shown).getByRole('button', { name: 'Approve shipments 1 and 2' })).toBeVisible();
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('says a colleague approved a shipment after a step 2 told not saved, before the finish sends the rest', async () => {
    const { tab, requests } = await finishAfterColleaguesApproved(1);

    const told = await findAlert('Shipment 1 was already approved by someone else', tab.container);
    expect(within(told).getByRole('button', { name: 'Approve shipment 2' })).toBeVisible();
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('says nothing is left when colleagues approved every shipment after a step 2 told not saved', async () => {
    const { tab, requests } = await finishAfterColleaguesApproved(1, 2);

    const told = await findAlert('Nothing is left to send.', tab.container);
    expect(told).toHaveTextContent('Shipment 2 was already approved by someone else');
    expect(within(told).queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('says so when checking again fails too, and sends nothing until a check tells', async () => {
    const tab = await openTab();
    await tab.choose(2);
    const write = applyThenFail('post', 'shipments/approve', 'dropped');
    let unreachable = true;
    server.use(
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () =>
        unreachable ? HttpResponse.error() : undefined,
      ),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);
    await write.expectApplied();
    const alert = await findAlert(
      'It is not known whether the shipments were approved',
      tab.container,
    );

    await tab.user.click(within(alert).getByRole('button', { name: 'Check and try again' }));
    const again = await findAlert(
      /Checked again at .*: they still could not be loaded/,
      tab.container,
    );
    // Told anew: the alert takes the focus again, away from the button.
    expect(
      within(again).getByRole('region', {
        name: 'It is not known whether the shipments were approved',
      }),
    ).toHaveFocus();
    expect(batchWrites(requests)).toHaveLength(1);

    unreachable = false;
    await tab.user.click(within(again).getByRole('button', { name: 'Check and try again' }));
    await findStatus('The move was approved', tab.container);
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('shows what a colleague changed before "Check and try again" sends anything, after a lost step 2', async () => {
    const tab = await openTab();
    await tab.choose(1, 2);
    let unreachable = true;
    server.use(
      http.post('*/ghc/v1/shipments/approve', () => HttpResponse.error(), { once: true }),
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () =>
        unreachable ? HttpResponse.error() : undefined,
      ),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);
    const alert = await findAlert(
      'It is not known whether the shipments were approved',
      tab.container,
    );
    // Meanwhile a colleague edits shipment 1 and rejects shipment 2.
    colleague.editShipment(1);
    const second = held().shipments[1];
    const rejected = await send('POST', `/shipments/${second.id}/reject`, {
      ifMatch: second.eTag,
      body: { rejectionReason: 'Not authorized' },
    });
    expect(rejected.status).toBe(200);
    unreachable = false;

    await tab.user.click(within(alert).getByRole('button', { name: 'Check and try again' }));
    const told = await findAlert('The shipments were not approved', tab.container);
    expect(told).toHaveTextContent(
      'Shipment 2 was rejected by someone else since you loaded it, so it cannot be approved.',
    );
    expect(told).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    // Nothing is approved on a version the user has not seen: only the lost attempt went out.
    expect(batchWrites(requests)).toHaveLength(1);

    await tab.user.click(within(told).getByRole('button', { name: 'Approve shipment 1' }));
    await findStatus('Shipment 1 was approved', tab.container);
    expect(batchItems(batchWrites(requests)[1])).toEqual([
      { shipmentID: held().shipments[0].id, eTag: expect.any(String) },
    ]);
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'REJECTED', 'SUBMITTED']);
  });

  it('says counseling (CS) was added when that is all it sends, to a move approved before', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    expect(seededMove(at).move.availableToPrimeAt).toBeTruthy();
    const tab = await openTab(at);
    await tab.user.click(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' }));
    await tab.user.click(tab.mto.getByRole('button', { name: 'Send to Prime' }));

    const done = await findStatus('Counseling (CS) was added to the move', tab.container);
    expect(done).toHaveTextContent(
      'Counseling (CS) was added to the moveThe move stays available to the Prime.',
    );
    expect(seededMove(at).serviceItems.filter((item) => item.reServiceCode === 'CS')).toHaveLength(
      1,
    );
  });

  it('settles a lost answer to counseling (CS) alone from the service items, and never adds a second CS', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    const tab = await openTab(at);
    await tab.user.click(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' }));
    // The server creates CS but does not save the move: its eTag stays the same.
    const write = applyThenFail('patch', 'move-task-orders/:id/status', 'dropped');
    const requests = recordRequests();
    await tab.user.click(tab.mto.getByRole('button', { name: 'Send to Prime' }));
    await write.expectApplied();

    const alert = await findAlert('Done, though the server did not confirm it', tab.container);
    expect(alert).toHaveTextContent('shows counseling (CS) went through');
    expect(within(alert).queryByRole('button', { name: /try again/i })).toBeNull();
    // The new CS is listed, and the form no longer offers it.
    await waitFor(() =>
      expect(tab.mto.queryByRole('checkbox', { name: 'Counseling (CS)' })).toBeNull(),
    );
    expect(seededMove(at).serviceItems.filter((item) => item.reServiceCode === 'CS')).toHaveLength(
      1,
    );
    expect(statusWrites(requests)).toHaveLength(1);
  });

  it('waits for the user’s own approval of a chosen shipment still in flight, then sends only what is left', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    const tab = await openTab(at);
    await tab.choose(2);
    await tab.user.click(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' }));
    const requests = recordRequests();
    const step1 = holdNextAnswer('patch', 'move-task-orders/:id/status');
    await tab.user.click(tab.button);
    // While step 1 is out, the user approves shipment 2 from its card.
    const approval = holdNextAnswer('post', 'shipments/:id/approve');
    await tab.user.click(within(tab.card(2)).getByRole('button', { name: /^Approve/ }));
    // Step 1 answers while that approval is still out: step 2 cannot go yet.
    step1.answer();
    expect(
      await within(tab.container).findByText(
        'Step 2 of 2: waiting for your other change to finish before approving shipment 2…',
      ),
    ).toBeInTheDocument();
    approval.answer();

    const done = await findStatus('Counseling (CS) was added to the move', tab.container);
    expect(done).toHaveTextContent('The move stays available to the Prime.');
    // Shipment 2 was approved once, by the card; step 2 had nothing left to send.
    expect(batchWrites(requests)).toHaveLength(0);
    expect(statusWrites(requests)).toHaveLength(1);
    expect(seededMove(at).shipments[1].status).toBe('APPROVED');
    expect(tab.mto.queryByRole('checkbox', { name: 'Counseling (CS)' })).toBeNull();
  });

  it('reads what the user’s own approval did when its answer was lost, before step 2 goes on', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    const tab = await openTab(at);
    await tab.choose(2);
    await tab.user.click(tab.mto.getByRole('checkbox', { name: 'Counseling (CS)' }));
    const requests = recordRequests();
    const step1 = holdNextAnswer('patch', 'move-task-orders/:id/status');
    await tab.user.click(tab.button);
    // The user approves shipment 2 from its card; the server applies it, and its answer is lost.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post(
        '*/ghc/v1/shipments/:id/approve',
        async ({ request }) => {
          await gate;
          await getResponse(handlers, request);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await tab.user.click(within(tab.card(2)).getByRole('button', { name: /^Approve/ }));
    step1.answer();
    await waitFor(() =>
      expect(seededMove(at).serviceItems.some((i) => i.reServiceCode === 'CS')).toBe(true),
    );
    release();

    const done = await findStatus('Counseling (CS) was added to the move', tab.container);
    expect(done).toHaveTextContent('The move stays available to the Prime.');
    expect(batchWrites(requests)).toHaveLength(0);
    expect(tab.page.queryByText(/changed by someone else/)).toBeNull();
    expect(seededMove(at).shipments[1].status).toBe('APPROVED');
  });

  it('says a colleague approved one of the chosen shipments meanwhile, and approves only the rest', async () => {
    const tab = await openTab();
    await tab.choose(1, 3);
    // The colleague approves shipment 1 between the user's two steps.
    server.use(
      http.post(
        '*/ghc/v1/shipments/approve',
        async ({ request }) => {
          await colleague.approveShipment(1);
          return getResponse(handlers, request);
        },
        { once: true },
      ),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);

    const alert = await findAlert('No shipment was approved', tab.container);
    expect(alert).toHaveTextContent(
      'Shipment 1 was already approved by someone else, which also made the move available to the Prime: it is not sent again.',
    );
    expect(alert).toHaveTextContent(
      `so no shipment was approved and the move is available to the Prime (since ${formatDate(held().move.availableToPrimeAt)})`,
    );
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipment 3' }));
    await findStatus('The move was approved', tab.container);
    const batches = batchWrites(requests);
    expect(batches.map((batch) => batchItems(batch).map((item) => item.shipmentID))).toEqual([
      [held().shipments[0].id, held().shipments[2].id],
      [held().shipments[2].id],
    ]);
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'SUBMITTED', 'APPROVED']);
  });

  it('after a lost answer to step 2, says a colleague approved one of the chosen shipments, not the user', async () => {
    const tab = await openTab();
    await tab.choose(1, 3);
    // The colleague approves shipment 1; the user's step 2 then never reaches the server.
    server.use(
      http.post(
        '*/ghc/v1/shipments/approve',
        async () => {
          await colleague.approveShipment(1);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const requests = recordRequests();
    await tab.user.click(tab.button);

    const alert = await findAlert('The shipments were not approved', tab.container);
    expect(alert).toHaveTextContent(
      'Shipment 1 was already approved by someone else, which also made the move available to the Prime: it is not sent again.',
    );
    expect(alert).toHaveTextContent(
      `No answer came to the approval of the shipments, and their latest versions show it did not go through: the move is available to the Prime (since ${formatDate(held().move.availableToPrimeAt)}).`,
    );
    expect(alert).not.toHaveTextContent('your earlier approval');
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipment 3' }));
    await findStatus('The move was approved', tab.container);
    expect(batchWrites(requests).map((batch) => batchItems(batch).length)).toEqual([2, 1]);
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'SUBMITTED', 'APPROVED']);
  });

  it('names the shipment the server refuses (422: no pickup date after today), and approves the others without it in one click', async () => {
    db.save('shipment', held().rows.shipments[1].id, { requestedPickupDate: '2020-01-02' });
    const tab = await openTab();
    await tab.choose(1, 2);
    const requests = recordRequests();
    await tab.user.click(tab.button);

    const alert = await findAlert('Shipment 2 cannot be approved', tab.container);
    expect(alert).toHaveTextContent(
      'The move was approved. The server refused to approve shipment 2: it has no requested pickup date after today. So no shipment was approved and the move is not yet available to the Prime. Approve shipment 1 without it, or change it first.',
    );
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipment 1' }));
    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent('Shipment 1 was approved too');
    expect(statusWrites(requests)).toHaveLength(1);
    expect(batchWrites(requests).map((batch) => batchItems(batch).length)).toEqual([2, 1]);
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'SUBMITTED', 'SUBMITTED']);
  });

  it('goes on to step 2 when step 1’s answer was lost but the latest version shows the move approved', async () => {
    const tab = await openTab();
    const move = { id: held().move.id!, eTag: held().move.eTag! };
    await tab.choose(3);
    const write = applyThenFail('patch', 'move-task-orders/:id/status', 'dropped');
    const requests = recordRequests();
    await tab.user.click(tab.button);
    await write.expectApplied();

    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipment 3 was approved too, and the move is available to the Prime.',
    );
    // Step 1 once (its answer lost, then confirmed), step 2 once.
    expect(statusWrites(requests)).toHaveLength(1);
    expect(batchWrites(requests)).toHaveLength(1);
    expect(held().shipments[2].status).toBe('APPROVED');
    // Both versions of the move are the user's own: step 1's confirmed, step 2's answered.
    await waitFor(() => {
      const state = tab.store.getState();
      expect(selectMoveTaskOrderById(state, move.id)?.eTag).toBe(held().move.eTag);
      expect(selectOwnWritesBetween(state, move, selectMoveTaskOrderById(state, move.id)!)).toEqual(
        ['moveTaskOrders/updateMoveTaskOrderStatus', 'shipments/approveShipments'],
      );
    });
  });

  it('settles a lost answer to step 2 from the latest versions: done, said so, nothing sent twice', async () => {
    const tab = await openTab();
    const loaded = held();
    await tab.choose(2);
    const write = applyThenFail('post', 'shipments/approve', 'dropped');
    const requests = recordRequests();
    await tab.user.click(tab.button);
    await write.expectApplied();

    const done = await findStatus('The move was approved', tab.container);
    expect(done).toHaveTextContent(
      'Shipment 2 was approved too, and the move is available to the Prime. The server did not confirm it, but the latest versions show it done.',
    );
    expect(batchWrites(requests)).toHaveLength(1);
    expect(statusWrites(requests)).toHaveLength(1);
    expect(tab.page.queryByText(/changed by someone else/)).toBeNull();
    expect(held().shipments[1].status).toBe('APPROVED');
    // The versions step 2 made are the user's own, as an answer would have made them.
    const state = tab.store.getState();
    const shipment = { id: loaded.shipments[1].id!, eTag: loaded.shipments[1].eTag! };
    const move = { id: loaded.move.id!, eTag: loaded.move.eTag! };
    expect(
      selectOwnWritesBetween(state, shipment, selectShipmentById(state, shipment.id)!),
    ).toEqual(['shipments/approveShipments']);
    expect(selectOwnWritesBetween(state, move, selectMoveTaskOrderById(state, move.id)!)).toEqual([
      'moveTaskOrders/updateMoveTaskOrderStatus',
      'shipments/approveShipments',
    ]);
  });

  it('moves the focus to the running step when the one-click finish goes with its alert, and asks before the tab is left meanwhile', async () => {
    const tab = await openTab();
    await tab.choose(1, 2);
    colleague.editShipment(2);
    await tab.user.click(tab.button);
    const alert = await findAlert('No shipment was approved', tab.container);
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(false);

    const again = holdNextAnswer('post', 'shipments/approve');
    await tab.user.click(within(alert).getByRole('button', { name: 'Approve shipments 1 and 2' }));
    const running = await within(tab.container).findByText('Approving shipments 1 and 2…');
    expect(running).toHaveFocus();
    // Leaving the document now would stop the job: the browser asks first.
    expect(leaving()).toBe(true);
    again.answer();
    await findStatus('The move was approved', tab.container);
    expect(leaving()).toBe(false);
  });

  it('sends each step once for a double click, and names the running step', async () => {
    const requests = recordRequests();
    const tab = await openTab();
    await tab.choose(1);
    // Hold step 1's answer until the test has looked and clicked again.
    const { answer } = holdNextAnswer('patch', 'move-task-orders/:id/status');
    await tab.user.dblClick(tab.button);
    expect(
      await within(tab.container).findByText('Step 1 of 2: approving the move…'),
    ).toBeInTheDocument();
    expect(tab.mto.getByRole('button', { name: 'Sending to Prime…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    answer();
    await findStatus('The move was approved', tab.container);
    expect(statusWrites(requests)).toHaveLength(1);
    expect(batchWrites(requests)).toHaveLength(1);
  });

  it('tells the second of two tabs exactly what the first already did, and sends nothing twice', async () => {
    const first = await openTab();
    const second = await openTab();
    await first.choose(1, 2);
    await second.choose(1, 2);
    const requests = recordRequests();
    await first.user.click(first.button);
    await findStatus('The move was approved', first.container);

    await second.user.click(second.button);
    const alert = await findAlert('Someone else changed this move', second.container);
    expect(alert).toHaveTextContent(
      `It was already approved on ${formatDate(held().move.approvedAt)}, so there is nothing more to do here.`,
    );
    expect(within(alert).queryByRole('button')).toBeNull();
    // Its shipments were approved by the first tab: only the third is offered.
    await waitFor(() =>
      expect(second.mto.getAllByRole('checkbox', { name: /^Shipment/ })).toHaveLength(1),
    );
    expect(statusWrites(requests)).toHaveLength(2);
    expect(batchWrites(requests)).toHaveLength(1);
    expect(held().shipments.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'SUBMITTED']);
  });
});
