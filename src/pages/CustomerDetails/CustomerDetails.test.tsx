import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isCsrfToken } from '../../../mocks/csrf';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { clearCsrfCookie } from '../../../mocks/testApi';
import { csrfToken } from '../../api/csrf';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { expectNoAxeViolations } from '../../test/axe';
import { expectNoAlert, findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { draftMove, openDraftMove } from '../../test/draftMove';
import { renderRoute } from '../../test/renderWithProviders';

describe('TOO customer details page', () => {
  it('shows the customer, orders, move task order, shipments and service items', async () => {
    await openDraftMove();
    const move = draftMove();
    const customer = db.find('customer', db.find('order', move.orderID)!.customerID)!;

    const customerInfo = screen.getByRole('region', { name: 'Customer info' });
    expect(within(customerInfo).getByText(customer.email)).toBeInTheDocument();
    expect(within(customerInfo).getByText(customer.phone)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Orders' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Move task order' })).getByText('Draft'),
    ).toBeInTheDocument();
    const shipments = within(screen.getByRole('region', { name: 'Requested shipments' }));
    expect(shipments.getAllByRole('heading', { level: 3 })).toHaveLength(
      db.shipmentsOf(move.id).length,
    );
    const serviceItems = within(screen.getByRole('region', { name: 'Service items' }));
    expect(serviceItems.getAllByRole('row')).toHaveLength(db.serviceItemsOf(move.id).length + 1);
    await expectNoAxeViolations();
  });

  it('sends the eTag the page loaded as If-Match and shows the move available to the Prime', async () => {
    const requests = recordRequests();
    const { sendButton, user, store } = await openDraftMove();
    const loadedETag = draftMove().eTag;

    await user.click(sendButton);

    expect(await screen.findByText(/Available to Prime since/)).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch).toEqual({
      method: 'PATCH',
      path: `/ghc/v1/move-task-orders/${draftMove().id}/status`,
      ifMatch: loadedETag,
      csrfToken: csrfToken(),
    });
    expect(isCsrfToken(patch?.csrfToken)).toBe(true);
    // Reads carry no token: it is what a write proves itself with.
    expect(requests.filter((r) => r.method === 'GET' && r.csrfToken !== null)).toEqual([]);
    expect(screen.queryByRole('button', { name: /Send to Prime/ })).not.toBeInTheDocument();
    expect(await findStatus('The move was sent to the Prime.')).toBeInTheDocument();
    expectNoAlert();

    // The new MS and CS service items appear without a reload.
    const serviceItems = within(screen.getByRole('region', { name: 'Service items' }));
    expect(await serviceItems.findByText(/Move management \(MS\)/)).toBeInTheDocument();
    expect(serviceItems.getByText(/Counseling \(CS\)/)).toBeInTheDocument();

    // The store holds the new version, so the next write sends the new eTag.
    const stored = selectMoveTaskOrderById(store.getState(), draftMove().id);
    expect(stored?.eTag).toBe(draftMove().eTag);
    expect(stored?.eTag).not.toBe(loadedETag);
  });

  it('fetches the new MS and CS service items again when that fetch gets no answer', async () => {
    const { sendButton, user } = await openDraftMove();
    // The list right after Send to Prime drops, then a 500: the third try answers.
    let failures = 0;
    server.use(
      http.get('*/ghc/v1/move_task_orders/:moveTaskOrderID/mto_service_items', () => {
        failures += 1;
        return failures === 1
          ? HttpResponse.error()
          : HttpResponse.json(
              { title: 'Server error', detail: 'Try later', instance: 'x' },
              { status: 500 },
            );
      }),
    );
    await user.click(sendButton);
    expect(await findStatus('The move was sent to the Prime.')).toBeInTheDocument();
    await waitFor(() => expect(failures).toBe(2), { timeout: 3_000 });
    server.resetHandlers();

    const serviceItems = within(screen.getByRole('region', { name: 'Service items' }));
    expect(
      await serviceItems.findByText(/Move management \(MS\)/, undefined, { timeout: 6_000 }),
    ).toBeInTheDocument();
    expect(serviceItems.getByText(/Counseling \(CS\)/)).toBeInTheDocument();
  });

  it('shows progress and cannot be pressed again while Send to Prime runs', async () => {
    const requests = recordRequests();
    // Hold the server's answer until the test has looked at the button.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(http.patch('*/ghc/v1/move-task-orders/:id/status', () => answered));
    const { sendButton, user } = await openDraftMove();

    await user.click(sendButton);
    const busy = screen.getByRole('button', { name: 'Sending to Prime…' });
    expect(busy).toBeDisabled();
    await user.click(busy);
    answer();

    await screen.findByText(/Available to Prime since/);
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('warns that someone else changed the move when Send to Prime is stale, and changes nothing', async () => {
    const { sendButton, user } = await openDraftMove();
    // A colleague's write lands after the page loaded.
    const colleagues = db.colleagueUpdate('move', draftMove().id, {
      tioRemarks: 'Hold until orders are amended',
    });

    await user.click(sendButton);

    const alert = await findAlert('Someone else changed this move');
    expect(alert).toHaveTextContent('since you loaded it');
    expect(draftMove()).toEqual(colleagues);
    expect(draftMove().availableToPrimeAt).toBeNull();
    expect(screen.queryByText(/Available to Prime since/)).not.toBeInTheDocument();
    expect(screen.queryByText('The move was sent to the Prime.')).not.toBeInTheDocument();
  });

  it('refuses a write without the CSRF token, changes nothing, and succeeds on Try again with a fresh one', async () => {
    const requests = recordRequests();
    const { sendButton, user } = await openDraftMove();
    const before = draftMove();
    // The cookie is gone after the page loaded (cleared by the user, or expired).
    clearCsrfCookie();

    await user.click(sendButton);

    const alert = await findAlert("Your session's security token is missing or expired");
    expect(alert).toHaveTextContent('nothing was saved');
    expect(alert).toHaveTextContent('try again');
    expect(requests.find((r) => r.method === 'PATCH')?.csrfToken).toBeNull();
    expect(draftMove()).toEqual(before);
    expect(screen.queryByText(/Available to Prime since/)).not.toBeInTheDocument();

    // The refetch after the 403 brought a new token: one click sends it.
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(/^Available to Prime since/)).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1].csrfToken).toMatch(/\S/);
    expect(draftMove().availableToPrimeAt).not.toBeNull();
  });

  it("approves a shipment with the shipment's own eTag, not the move's", async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();
    const move = draftMove();
    const shipments = db.shipmentsOf(move.id);
    const index = shipments.findIndex((s) => s.status === 'SUBMITTED');
    const shipment = shipments[index];

    await user.click(screen.getByRole('button', { name: `Approve shipment ${index + 1}` }));

    const card = screen.getByRole('region', { name: new RegExp(`^Shipment ${index + 1}:`) });
    expect(await within(card).findByText('Approved', { selector: 'dd' })).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')).toEqual({
      method: 'POST',
      path: `/ghc/v1/shipments/${shipment.id}/approve`,
      ifMatch: shipment.eTag,
      csrfToken: csrfToken(),
    });
    expect(db.find('shipment', shipment.id)?.status).toBe('APPROVED');
    // A child's write never bumps the parent (decision 0049).
    expect(draftMove().eTag).toBe(move.eTag);
  });

  it("approves a service item with the service item's own eTag", async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();
    const move = draftMove();
    const item = db.serviceItemsOf(move.id).find((s) => s.status === 'SUBMITTED')!;
    const shipmentNumber =
      db.shipmentsOf(move.id).findIndex((s) => s.id === item.mtoShipmentID) + 1;
    const name = `${item.reServiceName}, shipment ${shipmentNumber}`;

    await user.click(screen.getByRole('button', { name: `Approve ${name}` }));

    const row = screen.getByRole('row', {
      name: new RegExp(`${item.reServiceName}.*Shipment ${shipmentNumber}`),
    });
    expect(await within(row).findByText(/^Approved on/)).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: `/ghc/v1/move-task-orders/${move.id}/service-items/${item.id}/status`,
      ifMatch: item.eTag,
      csrfToken: csrfToken(),
    });
    expect(draftMove().eTag).toBe(move.eTag);
  });

  it('asks for a reason before rejecting a shipment', async () => {
    const { user } = await openDraftMove();
    const shipments = db.shipmentsOf(draftMove().id);
    const index = shipments.findIndex((s) => s.status === 'SUBMITTED');

    await user.click(screen.getByRole('button', { name: `Reject shipment ${index + 1}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm rejection' }));
    expect(screen.getByText('Enter a reason for the rejection.')).toBeInTheDocument();
    expect(db.find('shipment', shipments[index].id)?.status).toBe('SUBMITTED');

    await user.type(
      screen.getByLabelText('Reason for rejecting this shipment'),
      'Duplicate of shipment 1',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm rejection' }));

    await waitFor(() => expect(db.find('shipment', shipments[index].id)?.status).toBe('REJECTED'));
    const card = screen.getByRole('region', { name: new RegExp(`^Shipment ${index + 1}:`) });
    expect(await within(card).findByText('Duplicate of shipment 1')).toBeInTheDocument();
  });

  it('does not offer Send to Prime for a move already available to the Prime', async () => {
    renderRoute(`/moves/${SEED_LOCATORS.availableToPrime}/details`);
    expect(await screen.findByText(/Available to Prime since/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send to Prime/ })).not.toBeInTheDocument();
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
