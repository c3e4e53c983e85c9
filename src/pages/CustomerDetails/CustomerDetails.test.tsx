import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE_COOKIE, tokenMatchesBase } from '../../../mocks/csrf';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { noBody } from '../../../mocks/http';
import { server } from '../../../mocks/node';
import { clearCsrfCookie, seededMove, send } from '../../../mocks/testApi';
import { cookieValue } from '../../api/csrf';
import type { UserEvent } from '@testing-library/user-event';
import { formatDate } from '../../components/format';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectWriteInFlight } from '../../writes/inFlight';
import { expectNoAxeViolations } from '../../test/axe';
import {
  holdNextAnswer,
  region,
  shownField,
  trackRequestsInFlight,
  untilNoRequests,
} from '../../test/faultSession';
import { expectNoAlert, findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests, type RecordedRequest } from '../../test/recordRequests';
import {
  chooseCounseling,
  openApprovedMove,
  openMove,
  openSubmittedMove,
  submittedMove,
} from '../../test/submittedMove';
import { renderRoute } from '../../test/renderWithProviders';

const mtoRegion = () => region('Move task order');
const shipmentCard = (number: number) => region(new RegExp(`^Shipment ${number}:`));
const serviceItems = () => within(region('Service items'));

/** Every label of a record's details list with what it shows, in the page's order. */
const detailsShown = (scope: HTMLElement) => {
  const definitions = within(scope).getAllByRole('definition');
  return within(scope)
    .getAllByRole('term')
    .map((term, index) => [term.textContent, definitions[index].textContent]);
};

/** Whether a write proved itself with a token of this page's CSRF session. */
async function carriesSessionToken(request: RecordedRequest | undefined) {
  const base = cookieValue(document.cookie, BASE_COOKIE);
  return Boolean(request?.csrfToken && base && (await tokenMatchesBase(request.csrfToken, base)));
}

/** Saves new TIO remarks; answers the If-Match the save sent. */
async function saveTioRemarks(user: UserEvent, requests: RecordedRequest[], remarks: string) {
  await user.click(within(mtoRegion()).getByRole('button', { name: 'Edit TIO remarks' }));
  const form = within(await screen.findByRole('form', { name: 'Edit move' }));
  await user.type(form.getByLabelText('TIO remarks'), remarks);
  await user.click(form.getByRole('button', { name: 'Save' }));
  await findStatus('Move task order saved.', mtoRegion());
  return requests.filter((r) => r.path.endsWith('/tio-remarks')).at(-1)?.ifMatch;
}

describe('TOO customer details page', () => {
  it('shows the customer, orders, move task order, shipments and service items', async () => {
    await openSubmittedMove();
    const { move, order, customer, shipments } = seededMove(SEED_LOCATORS.submitted);

    const customerInfo = region('Customer info');
    expect(shownField(customerInfo, 'Email')).toBe(customer.email);
    expect(shownField(customerInfo, 'Phone')).toBe(customer.phone);
    expect(shownField(customerInfo, 'DoD ID')).toBe(customer.edipi);
    // The seed's orders of this move in the API's words, and each field as the page words it.
    expect(order).toMatchObject({
      order_type: 'PERMANENT_CHANGE_OF_STATION',
      order_type_detail: 'HHG_PERMITTED',
      grade: 'O-2',
      department_indicator: 'ARMY',
    });
    expect(order.ntsSac).toBeUndefined();
    expect(detailsShown(region('Orders'))).toEqual([
      ['Orders type', 'Permanent change of station (PCS)'],
      ['Orders type detail', 'Shipment of HHG permitted'],
      ['Date issued', formatDate(order.date_issued)],
      ['Report by date', formatDate(order.report_by_date)],
      ['Pay grade', 'O-2'],
      ['Current duty location', order.originDutyLocation?.name],
      ['New duty location', order.destinationDutyLocation?.name],
      ['Origin GBLOC', order.originDutyLocationGBLOC],
      ['Department indicator', '21 Army'],
      ['Orders number', order.order_number],
      ['HHG TAC', order.tac],
      ['HHG SAC', order.sac],
      ['NTS TAC', order.ntsTac],
      ['NTS SAC', '—'],
    ]);
    expect(shownField(mtoRegion(), 'Status')).toBe('New move');
    expect(shownField(mtoRegion(), 'Approved')).toBe('Not yet');
    expect(shownField(mtoRegion(), 'Available to the Prime')).toBe('Not yet');
    expect(shownField(mtoRegion(), 'Reference ID')).toBe(move.referenceId);
    const shipmentList = within(region('Requested shipments'));
    expect(
      shipmentList.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent),
    ).toEqual(['Shipment 1: HHG', 'Shipment 2: HHG', 'Shipment 3: NTS']);
    expect(shipments.map((shipment) => shipment.status)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'SUBMITTED',
    ]);
    expect(shownField(shipmentCard(1), 'Status')).toBe('Requested');
    expect(serviceItems().getByText('This move has no service items yet.')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('approves the move with Send to Prime, with the eTag it loaded and the CSRF token', async () => {
    const requests = recordRequests();
    const { sendButton, user, store } = await openSubmittedMove();
    const loaded = submittedMove();

    await chooseCounseling(user);
    await user.click(sendButton);

    const done = await findStatus('The move was approved');
    expect(done).toHaveTextContent(
      'It becomes available to the Prime once one of its shipments is approved',
    );
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch).toMatchObject({
      path: `/ghc/v1/move-task-orders/${loaded.id}/status`,
      ifMatch: loaded.eTag,
    });
    expect(await carriesSessionToken(patch)).toBe(true);
    // Reads carry no token: it is what a write proves itself with.
    expect(requests.filter((r) => r.method === 'GET' && r.csrfToken !== null)).toEqual([]);

    // Approved, not yet available to the Prime: a shipment's approval does that.
    const approved = submittedMove();
    expect(approved).toMatchObject({ status: 'APPROVED', approvedAt: expect.any(String) });
    expect(approved.availableToPrimeAt).toBeUndefined();
    expect(shownField(mtoRegion(), 'Status')).toBe('Move approved');
    expect(shownField(mtoRegion(), 'Approved')).toBe(formatDate(approved.approvedAt));
    expect(shownField(mtoRegion(), 'Available to the Prime')).toBe('Not yet');
    // Nothing is sent again: Send to Prime is left to approve the shipments, once chosen.
    expect(screen.getByRole('button', { name: 'Send to Prime' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Send to Prime' })).toHaveAccessibleDescription(
      'Choose at least one shipment to approve.',
    );
    // Its shipments can be approved now.
    expect(
      within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }),
    ).toBeInTheDocument();
    expectNoAlert();

    // The MS and CS service items the server created appear without a reload.
    expect(
      await serviceItems().findByRole('rowheader', { name: 'Move management (MS)' }),
    ).toBeInTheDocument();
    expect(serviceItems().getByRole('rowheader', { name: 'Counseling (CS)' })).toBeInTheDocument();

    // The store holds the new version, so the next write sends the new eTag.
    const stored = selectMoveTaskOrderById(store.getState(), loaded.id);
    expect(stored?.eTag).toBe(approved.eTag);
    expect(stored?.eTag).not.toBe(loaded.eTag);
  });

  it('fetches the new MS and CS service items again when that fetch gets no answer', async () => {
    const { sendButton, user } = await openSubmittedMove();
    // The list right after Send to Prime drops, then a 500: the third try answers.
    let failures = 0;
    server.use(
      http.get('*/ghc/v1/move_task_orders/:moveTaskOrderID/mto_service_items', () => {
        failures += 1;
        return failures === 1 ? HttpResponse.error() : noBody(500);
      }),
    );
    await chooseCounseling(user);
    await user.click(sendButton);
    expect(await findStatus('The move was approved')).toBeInTheDocument();
    await waitFor(() => expect(failures).toBe(2), { timeout: 3_000 });
    server.resetHandlers();

    expect(
      await serviceItems().findByRole(
        'rowheader',
        { name: 'Move management (MS)' },
        { timeout: 6_000 },
      ),
    ).toBeInTheDocument();
    expect(serviceItems().getByRole('rowheader', { name: 'Counseling (CS)' })).toBeInTheDocument();
  });

  it('draws nothing of Send to Prime for a moment, then its running step', async () => {
    const requests = recordRequests();
    const { answer } = holdNextAnswer('patch', 'move-task-orders/:id/status');
    const { sendButton, store, user } = await openSubmittedMove();
    const moveID = seededMove(SEED_LOCATORS.submitted).rows.move.id;
    // A shipment chosen first, as a TOO does: the form has rendered since it loaded.
    const shipment = within(mtoRegion()).getByRole('checkbox', { name: /^Shipment 1 / });
    await user.click(shipment);

    // The click, with everything React does for it: the write is out, the page as it was.
    const drawn = new MutationObserver(() => {});
    drawn.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    fireEvent.click(sendButton);
    expect(selectWriteInFlight(store.getState(), moveID)).toBe(true);
    expect(screen.queryByText(/approving the move…$/)).toBeNull();
    expect(sendButton).toHaveTextContent('Send to Prime');
    expect(sendButton).toHaveAttribute('aria-disabled', 'false');
    expect(shipment).toBeEnabled();
    // A press meanwhile is refused all the same.
    fireEvent.click(sendButton);
    // Not a node of the page changed: nothing for the browser to draw.
    expect(drawn.takeRecords().map((record) => record.type)).toEqual([]);
    drawn.disconnect();

    // The answer is late: from PROGRESS_DELAY_MS on, the running step shows.
    expect(await screen.findByText(/approving the move…$/)).toBeInTheDocument();
    expect(sendButton).toHaveAttribute('aria-disabled', 'true');
    expect(shipment).toBeDisabled();
    answer();
    await findStatus('The move was approved');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('shows progress and cannot be pressed again while Send to Prime runs', async () => {
    const requests = recordRequests();
    // Hold the server's answer until the test has looked at the button.
    const { answer } = holdNextAnswer('patch', 'move-task-orders/:id/status');
    const { sendButton, user } = await openSubmittedMove();

    // Pressed again at once, and again once the progress shows.
    await user.click(sendButton);
    await user.click(sendButton);
    const busy = await screen.findByRole('button', { name: 'Sending to Prime…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    await user.click(busy);
    answer();

    await findStatus('The move was approved');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('warns that someone else changed the move when Send to Prime is stale, and changes nothing', async () => {
    const { sendButton, user } = await openSubmittedMove();
    // A colleague's write lands after the page loaded.
    const colleagues = db.save('move', submittedMove().id, {
      tioRemarks: 'Hold until orders are amended',
    });

    await user.click(sendButton);

    const alert = await findAlert('Someone else changed this move');
    // An action is told as what it is, and the body does not repeat the heading.
    expect(alert).toHaveTextContent(
      'Their version was saved after the one you loaded. The move was not sent to the Prime.',
    );
    expect(alert).not.toHaveTextContent(/your change/i);
    expect(submittedMove()).toMatchObject({
      status: 'SUBMITTED',
      eTag: seededMove(SEED_LOCATORS.submitted).move.eTag,
      tioRemarks: colleagues.tioRemarks,
    });
    expect(db.moveByLocator(SEED_LOCATORS.submitted)?.updatedAt).toBe(colleagues.updatedAt);
    expect(submittedMove().approvedAt).toBeUndefined();
    expect(db.serviceItemsOf(colleagues.id)).toEqual([]);
    expect(shownField(mtoRegion(), 'Status')).toBe('New move');
    expect(screen.queryByText('The move was approved')).not.toBeInTheDocument();
  });

  it('refuses a write without the CSRF token, changes nothing, and succeeds on Try again with a fresh one', async () => {
    const requests = recordRequests();
    const { sendButton, user } = await openSubmittedMove();
    const before = db.moveByLocator(SEED_LOCATORS.submitted);
    // The cookie is gone after the page loaded (cleared by the user, or expired).
    clearCsrfCookie();

    await user.click(sendButton);

    const alert = await findAlert("Your session's security token is missing or expired");
    expect(alert).toHaveTextContent('The move was not sent to the Prime.');
    expect(alert).toHaveTextContent('try again');
    expect(requests.find((r) => r.method === 'PATCH')?.csrfToken).toBeNull();
    expect(db.moveByLocator(SEED_LOCATORS.submitted)?.updatedAt).toBe(before?.updatedAt);
    expect(shownField(mtoRegion(), 'Status')).toBe('New move');

    // The refetch after the 403 brought a new token: one click sends it.
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await findStatus('The move was approved')).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(await carriesSessionToken(patches[1])).toBe(true);
    expect(submittedMove().status).toBe('APPROVED');
  });

  it('offers no Approve on the shipments of a move not approved yet, and says why', async () => {
    await openSubmittedMove();

    for (const number of [1, 2, 3]) {
      const card = within(shipmentCard(number));
      expect(
        card.getByText(
          'Approve the move first (Send to Prime); then its shipments can be approved.',
        ),
      ).toBeInTheDocument();
      expect(card.queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
      // A submitted shipment can be rejected whatever the move's status.
      expect(card.getByRole('button', { name: `Reject shipment ${number}` })).toBeInTheDocument();
    }
  });

  it('offers no decision on a requested service item while its move is not approved, and says why', async () => {
    // The Prime asked for a service item on a move whose status a colleague moved back.
    const { rows } = seededMove(SEED_LOCATORS.approvalsRequested);
    db.save('move', rows.move.id, { status: 'SUBMITTED' });
    const requested = rows.serviceItems.find((item) => item.status === 'SUBMITTED')!;
    await openMove(SEED_LOCATORS.approvalsRequested);

    const row = within(
      serviceItems()
        .getAllByRole('row')
        .find((tr) => tr.textContent?.includes(`(${requested.reServiceCode})`))!,
    );
    expect(
      row.getByText(
        'Approve the move first (Send to Prime); then its service items can be decided.',
      ),
    ).toBeInTheDocument();
    expect(row.queryByRole('button', { name: /^(Approve|Reject)/ })).not.toBeInTheDocument();
  });

  it("approves a shipment with its own eTag, which makes the move available to the Prime, and the move's next write uses its new eTag", async () => {
    const requests = recordRequests();
    const { user, store } = await openApprovedMove();
    const { move, shipments } = seededMove(SEED_LOCATORS.submitted);

    await user.click(within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }));

    expect(await within(shipmentCard(1)).findByText('Approved', { selector: 'dd' })).toBeVisible();
    const post = requests.find((r) => r.method === 'POST');
    expect(post).toMatchObject({
      path: `/ghc/v1/shipments/${shipments[0].id}/approve`,
      ifMatch: shipments[0].eTag,
    });
    expect(post?.ifMatch).not.toBe(move.eTag);
    expect(await carriesSessionToken(post)).toBe(true);

    // The server saved the move with the approval: the page fetches it again.
    const available = submittedMove();
    expect(available.availableToPrimeAt).toEqual(expect.any(String));
    await waitFor(() =>
      expect(shownField(mtoRegion(), 'Available to the Prime')).toBe(
        `Since ${formatDate(available.availableToPrimeAt)}`,
      ),
    );
    // Two shipments still wait for the TOO.
    expect(shownField(mtoRegion(), 'Status')).toBe('Approvals requested');
    expect(selectMoveTaskOrderById(store.getState(), move.id!)?.eTag).toBe(available.eTag);
    // Its basic service items appear too.
    expect(
      await serviceItems().findByRole('rowheader', { name: 'Domestic packing (DPK)' }),
    ).toBeInTheDocument();

    const ifMatch = await saveTioRemarks(user, requests, 'Pickup confirmed');
    expect(ifMatch).toBe(available.eTag);
    expect(submittedMove().tioRemarks).toBe('Pickup confirmed');
    expectNoAlert();
  });

  it('decides a service item with its own eTag, and shows the shipment and the move the server saved with it', async () => {
    const requests = recordRequests();
    const { user, store } = await openMove(SEED_LOCATORS.approvalsRequested);
    const { move, shipments, serviceItems: items } = seededMove(SEED_LOCATORS.approvalsRequested);
    const requested = items.find((item) => item.status === 'SUBMITTED')!;
    expect(shipments.map((shipment) => shipment.status)).toEqual([
      'APPROVALS_REQUESTED',
      'SUBMITTED',
    ]);
    expect(requested.mtoShipmentID).toBe(shipments[0].id);
    // The new shipment is declined first, so the item is the last thing that waits.
    await user.click(within(shipmentCard(2)).getByRole('button', { name: 'Reject shipment 2' }));
    await user.type(
      within(shipmentCard(2)).getByLabelText('Reason for rejecting this shipment'),
      'Not authorized by the orders',
    );
    await user.click(within(shipmentCard(2)).getByRole('button', { name: 'Confirm rejection' }));
    await within(shipmentCard(2)).findByText('Rejected', { selector: 'dd' });
    expect(shownField(shipmentCard(1), 'Status')).toBe('Approvals requested');
    expect(shownField(mtoRegion(), 'Status')).toBe('Approvals requested');

    const name = `${requested.reServiceName}, shipment 1`;
    const inFlight = trackRequestsInFlight();
    await untilNoRequests(inFlight);
    const sentBefore = requests.length;
    await user.click(serviceItems().getByRole('button', { name: `Approve ${name}` }));

    const row = serviceItems().getByRole('row', {
      name: new RegExp(`^${requested.reServiceName} \\(${requested.reServiceCode}\\)`),
    });
    expect(await within(row).findByText(/^Approved on/)).toBeInTheDocument();
    expect(requests.find((r) => r.path.includes('/service-items/'))).toMatchObject({
      method: 'PATCH',
      path: `/ghc/v1/move-task-orders/${move.id}/service-items/${requested.id}/status`,
      ifMatch: requested.eTag,
    });
    // Nothing waits any more: the server approved the shipment and the move again.
    await waitFor(() => expect(shownField(shipmentCard(1), 'Status')).toBe('Approved'));
    await waitFor(() => expect(shownField(mtoRegion(), 'Status')).toBe('Move approved'));
    // Read once each after it, with the shipments: the one it approved sets off no second read.
    await untilNoRequests(inFlight);
    const reads = requests
      .slice(sentBefore)
      .filter((r) => r.method === 'GET')
      .map((r) => r.path.replace(move.id!, ':id'));
    expect(reads.sort()).toEqual([
      `/ghc/v1/move/${SEED_LOCATORS.approvalsRequested}`,
      '/ghc/v1/move_task_orders/:id/mto_service_items',
      '/ghc/v1/move_task_orders/:id/mto_shipments',
    ]);
    const saved = seededMove(SEED_LOCATORS.approvalsRequested).move;
    expect(selectMoveTaskOrderById(store.getState(), move.id!)?.eTag).toBe(saved.eTag);
    expect(saved.eTag).not.toBe(move.eTag);

    expect(await saveTioRemarks(user, requests, 'Crate approved')).toBe(saved.eTag);
    expectNoAlert();
  });

  it('reads the move and its items again when the shipments read after a decision shows another shipment approved', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    const { user, store } = await openMove(at);
    const { shipments, serviceItems: items } = seededMove(at);
    const requested = items.find((item) => item.status === 'SUBMITTED')!;
    // The shipments read after the decision gets no answer; before it is
    // tried again, a colleague approves shipment 2.
    let dropped = () => {};
    const readDropped = new Promise<void>((resolve) => (dropped = resolve));
    server.use(
      http.get(
        '*/ghc/v1/move_task_orders/:id/mto_shipments',
        () => {
          dropped();
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const name = `${requested.reServiceName}, shipment 1`;
    await user.click(serviceItems().getByRole('button', { name: `Approve ${name}` }));
    await readDropped;
    const approved = await send('POST', `/shipments/${shipments[1].id}/approve`, {
      ifMatch: shipments[1].eTag,
    });
    expect(approved.status).toBe(200);

    // The retry shows shipment 2 approved: what that saved and created is read too.
    const latest = () => seededMove(at);
    await waitFor(
      () => {
        const state = store.getState();
        expect(selectMoveTaskOrderById(state, latest().move.id!)?.eTag).toBe(latest().move.eTag);
        expect(state.entities.serviceItems.ids).toHaveLength(latest().serviceItems.length);
      },
      { timeout: 5_000 },
    );
    expect(latest().serviceItems.length).toBeGreaterThan(items.length);
  });

  it('fetches the shipment’s service items after a decision, which saves them all again, so the next one is no conflict', async () => {
    const at = SEED_LOCATORS.approvalsRequested;
    const { rows } = seededMove(at);
    const ofShipment1 = rows.serviceItems.filter(
      (item) => item.shipmentId === rows.shipments[0].id,
    );
    // A second item of shipment 1 waits for a decision too.
    const [first, second] = [
      ofShipment1.find((item) => item.status === 'SUBMITTED')!,
      ofShipment1.find((item) => item.status !== 'SUBMITTED')!,
    ];
    db.save('serviceItem', second.id, { status: 'SUBMITTED', approvedAt: null });
    const requests = recordRequests();
    const { user, store } = await openMove(at);
    const storedETag = () => store.getState().entities.serviceItems.entities[second.id]?.eTag;
    const loadedETag = storedETag();

    await user.click(
      serviceItems().getByRole('button', { name: `Approve ${first.reServiceName}, shipment 1` }),
    );
    const firstRow = serviceItems().getByRole('row', {
      name: new RegExp(`^${first.reServiceName} `),
    });
    expect(await within(firstRow).findByText(/^Approved on/)).toBeInTheDocument();
    // The server saved every item of the shipment after its answer: the store learns their versions.
    const heldETag = () => seededMove(at).serviceItems.find((item) => item.id === second.id)?.eTag;
    expect(heldETag()).not.toBe(loadedETag);
    await waitFor(() => expect(storedETag()).toBe(heldETag()));

    await user.click(
      serviceItems().getByRole('button', { name: `Approve ${second.reServiceName}, shipment 1` }),
    );
    const secondRow = serviceItems().getByRole('row', {
      name: new RegExp(`^${second.reServiceName} `),
    });
    expect(await within(secondRow).findByText(/^Approved on/)).toBeInTheDocument();
    const decisions = requests.filter((r) => r.path.includes('/service-items/'));
    expect(decisions).toHaveLength(2);
    expect(decisions[1].ifMatch).not.toBe(loadedETag);
    expectNoAlert();
  });

  it('offers no decision on the move fees, which belong to no shipment', async () => {
    await openMove(SEED_LOCATORS.approvalsRequested);

    const fee = serviceItems().getByRole('row', { name: /^Move management \(MS\)/ });
    expect(within(fee).getByRole('cell', { name: 'The move' })).toBeInTheDocument();
    expect(within(fee).queryByRole('button')).not.toBeInTheDocument();
  });

  it('asks for a reason before rejecting a shipment, and leaves the move as it was', async () => {
    const { user } = await openSubmittedMove();
    const { move, shipments } = seededMove(SEED_LOCATORS.submitted);

    await user.click(screen.getByRole('button', { name: 'Reject shipment 2' }));
    await user.click(screen.getByRole('button', { name: 'Confirm rejection' }));
    expect(screen.getByText('Enter a reason for the rejection.')).toBeInTheDocument();
    expect(db.find('shipment', shipments[1].id!)?.status).toBe('SUBMITTED');

    await user.type(
      screen.getByLabelText('Reason for rejecting this shipment'),
      'Duplicate of shipment 1',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm rejection' }));

    await waitFor(() => expect(db.find('shipment', shipments[1].id!)?.status).toBe('REJECTED'));
    expect(
      await within(shipmentCard(2)).findByText('Duplicate of shipment 1', { selector: 'dd' }),
    ).toBeInTheDocument();
    expect(shownField(shipmentCard(2), 'Status')).toBe('Rejected');
    expect(submittedMove().eTag).toBe(move.eTag);
  });

  it('does not offer Send to Prime for a move already approved and available to the Prime', async () => {
    await openMove(SEED_LOCATORS.availableToPrime);
    const { move } = seededMove(SEED_LOCATORS.availableToPrime);

    expect(shownField(mtoRegion(), 'Status')).toBe('Move approved');
    expect(shownField(mtoRegion(), 'Available to the Prime')).toBe(
      `Since ${formatDate(move.availableToPrimeAt)}`,
    );
    expect(screen.queryByRole('button', { name: /Send to Prime/ })).not.toBeInTheDocument();
  });

  it('names what the orders lack when the move cannot be approved, and approves it once they are complete', async () => {
    const requests = recordRequests();
    const { user } = await openMove(SEED_LOCATORS.missingTac);
    const loaded = seededMove(SEED_LOCATORS.missingTac).move;

    await user.click(within(mtoRegion()).getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('The orders lack what approval needs');
    expect(alert).toHaveTextContent('its orders have no HHG TAC');
    expect(alert).toHaveTextContent('Edit orders');
    expect(alert).not.toHaveTextContent(/TransportationAccountingCode|undefined|\{/);
    // No redo until the orders are complete; the way there is the one button.
    expect(
      within(alert)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Edit orders']);
    expect(seededMove(SEED_LOCATORS.missingTac).move).toMatchObject({
      status: 'SUBMITTED',
      eTag: loaded.eTag,
    });

    await user.click(within(alert).getByRole('button', { name: 'Edit orders' }));
    const form = within(await screen.findByRole('form', { name: 'Edit orders' }));
    await user.type(form.getByLabelText(/^HHG TAC/), 'F8E1');
    await user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Orders saved.');

    await user.click(within(mtoRegion()).getByRole('button', { name: 'Send to Prime' }));
    expect(await findStatus('The move was approved')).toBeInTheDocument();
    expect(seededMove(SEED_LOCATORS.missingTac).move.status).toBe('APPROVED');
    expect(requests.filter((r) => r.path.endsWith('/status')).map((r) => r.ifMatch)).toEqual([
      loaded.eTag,
      loaded.eTag,
    ]);
  });

  it('names the customer in the heading, and shows the move’s own locator for one typed in lower case', async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    renderRoute(`/moves/${SEED_LOCATORS.submitted.toLowerCase()}/details`);
    const name = `${customer.first_name} ${customer.last_name}`;
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Move ${SEED_LOCATORS.submitted} · ${name}`,
      }),
    ).toBeInTheDocument();
    expect(document.title).toBe(`Move ${SEED_LOCATORS.submitted} · ${name} – TOO office`);
  });

  it('says clearly when no move has the locator', async () => {
    renderRoute('/moves/NOPE00/details');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Move NOPE00 not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the moves queue' })).toHaveAttribute(
      'href',
      '/',
    );
  });
});
