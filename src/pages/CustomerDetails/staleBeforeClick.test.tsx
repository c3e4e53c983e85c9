import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { seededMove, send } from '../../../mocks/testApi';
import { serverMayHaveChanged } from '../../app/serverChanges';
import { region, serviceItemRows, shipmentCards, shownField } from '../../test/faultSession';
import { findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { openMove, openSubmittedMove, submittedMove } from '../../test/submittedMove';
import { renderRoute } from '../../test/renderWithProviders';

const mtoRegion = () => region('Move task order');
const NOTICE = /Updated by someone else/;

/** The sections of the page that say a newer version of their record is on the server. */
const marked = () =>
  (
    [
      ['Move task order', region('Move task order')],
      ['Customer info', region('Customer info')],
      ['Orders', region('Orders')],
      ...shipmentCards().map((card) => [
        within(card).getAllByRole('heading', { level: 3 })[0].textContent,
        card,
      ]),
      ...serviceItemRows().map((row) => [
        `row ${within(row).getByRole('rowheader').textContent}`,
        row,
      ]),
    ] as [string, HTMLElement][]
  )
    .filter(([, scope]) => within(scope).queryByText(NOTICE))
    .map(([name]) => name);

// The page listens from an effect that runs after the page is on screen;
// act() runs pending effects, so no event is fired before anyone listens.
// The act is needed for its flush, which the lint rule cannot see.
// eslint-disable-next-line testing-library/no-unnecessary-act
const listening = () => act(async () => {});

describe('noticing a colleague’s change before the user acts', () => {
  it('says the move was updated by someone else when the user comes back to the tab, and reloads it', async () => {
    const { user } = await openSubmittedMove();
    await listening();
    db.save('move', submittedMove().id, { tioRemarks: 'Hold until orders are amended' });

    fireEvent.focus(window);

    const notice = await findStatus(NOTICE, mtoRegion());
    expect(notice).toHaveTextContent(/\(\d{2} \w{3} \d{4}, \d{2}:\d{2} UTC\)/);
    // Nothing changed under the user's eyes: the page still shows what they loaded.
    expect(shownField(mtoRegion(), 'TIO remarks')).toBe('—');

    await user.click(within(notice).getByRole('button', { name: 'Reload' }));

    await waitFor(() =>
      expect(shownField(mtoRegion(), 'TIO remarks')).toBe('Hold until orders are amended'),
    );
    expect(within(notice).queryByText(NOTICE)).not.toBeInTheDocument();
  });

  it('says what changed once reloaded, where the Reload button was, and keeps the focus there', async () => {
    const { user } = await openSubmittedMove();
    await listening();
    db.save('move', submittedMove().id, { tioRemarks: 'Hold until orders are amended' });
    fireEvent.focus(window);
    const notice = await findStatus(NOTICE, mtoRegion());

    await user.click(within(notice).getByRole('button', { name: 'Reload' }));

    const note = await within(mtoRegion()).findByRole('region', {
      name: /^You are looking at the latest version, saved \d{2} \w{3} \d{4}, \d{2}:\d{2} UTC\.$/,
    });
    expect(note).toHaveTextContent("TIO remarks: (empty) → 'Hold until orders are amended'");
    expect(note).toHaveFocus();
  });

  it('moves an open draft onto the version Reload brings, as a 412 would, and saves on it', async () => {
    const requests = recordRequests();
    const { user } = await openSubmittedMove();
    await listening();
    const customerRegion = region('Customer info');
    await user.click(within(customerRegion).getByRole('button', { name: 'Edit customer info' }));
    const form = within(await within(customerRegion).findByRole('form', { name: 'Edit customer' }));
    const email = form.getByRole('textbox', { name: /^Email/ });
    await user.clear(email);
    await user.type(email, 'new.address@example.mil');
    // A colleague saves a new phone meanwhile.
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    db.save('customer', customer.id!, { phone: '210-555-0199' });
    fireEvent.focus(window);
    const notice = await findStatus(NOTICE, customerRegion);

    await user.click(within(notice).getByRole('button', { name: 'Reload' }));

    // The summary and the form agree: the new phone in both, the user's email kept.
    const panel = await form.findByRole('region', {
      name: 'Someone else changed this customer while you edited it',
    });
    expect(panel).toHaveFocus();
    expect(panel).toHaveTextContent(`Phone: '${customer.phone}' → '210-555-0199'`);
    expect(shownField(customerRegion, 'Phone')).toBe('210-555-0199');
    expect(form.getByRole('textbox', { name: /^Phone/ })).toHaveValue('210-555-0199');
    expect(email).toHaveValue('new.address@example.mil');
    expect(within(customerRegion).queryByText(NOTICE)).not.toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Save my changes on top of theirs' }));

    await findStatus('Customer info saved.', customerRegion);
    // One save, on the version Reload brought (not the one loaded): no 412 on the way.
    const saves = requests.filter((r) => r.method === 'PATCH' && r.path.includes('/customer/'));
    expect(saves).toHaveLength(1);
    expect(saves[0].ifMatch).not.toBe(customer.eTag);
    expect(db.find('customer', customer.id!)).toMatchObject({
      phone: '210-555-0199',
      email: 'new.address@example.mil',
    });
  });

  it('checks again when the tab becomes visible and marks only the records that changed', async () => {
    await openSubmittedMove();
    await listening();
    const shipment = seededMove(SEED_LOCATORS.submitted).shipments[0];
    db.save('shipment', shipment.id!, { counselorRemarks: 'Call before arriving' });

    fireEvent(document, new Event('visibilitychange'));

    expect(await findStatus(NOTICE, shipmentCards()[0])).toBeInTheDocument();
    expect(marked()).toEqual(['Shipment 1: HHG']);
  });

  it('marks what a colleague’s decision on a service item saved: the item, its shipment and the move', async () => {
    await openMove(SEED_LOCATORS.approvalsRequested);
    await listening();
    const { serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested);
    const item = serviceItems.find((candidate) => candidate.status === 'SUBMITTED')!;
    const colleagues = await send(
      'PATCH',
      `/move-task-orders/${item.moveTaskOrderID}/service-items/${item.id}/status`,
      { ifMatch: item.eTag, body: { status: 'REJECTED', rejectionReason: 'Not needed' } },
    );
    expect(colleagues.status).toBe(200);

    fireEvent.focus(window);

    // The server saves the shipment again with every item of it (its SIT end date):
    // each has a new version, and the items of other shipments do not.
    const ofShipment = serviceItems.filter((other) => other.mtoShipmentID === item.mtoShipmentID);
    expect(ofShipment.length).toBeGreaterThan(1);
    await waitFor(() => expect(marked()).toHaveLength(2 + ofShipment.length));
    expect(marked()).toEqual([
      'Move task order',
      'Shipment 1: HHG',
      ...ofShipment.map(
        (other) =>
          `row ${other.reServiceName} (${other.reServiceCode})${other.id === item.id ? `Reason: ${item.reason}` : ''}`,
      ),
    ]);
    // A service item's version carries no time, so its notice names none.
    const itemRow = serviceItemRows().find((row) => within(row).queryByText(NOTICE));
    expect(itemRow).toHaveTextContent(
      /Updated by someone else\. You are looking at an older version/,
    );
  });

  it('marks the customer too when a colleague saved the orders, which saves the customer', async () => {
    await openSubmittedMove();
    await listening();
    const { order } = seededMove(SEED_LOCATORS.submitted);
    const colleagues = await send('PATCH', `/orders/${order.id}`, {
      ifMatch: order.eTag,
      body: {
        issueDate: order.date_issued,
        reportByDate: '2027-05-01',
        ordersType: order.order_type,
        originDutyLocationId: order.originDutyLocation?.id,
        newDutyLocationId: order.destinationDutyLocation?.id,
      },
    });
    expect(colleagues.status).toBe(200);

    fireEvent.focus(window);

    await waitFor(() => expect(marked()).toEqual(['Customer info', 'Orders']));
  });

  it('checks on a change notice from another tab, and a write on the old version still recovers', async () => {
    const { user } = await openSubmittedMove();
    await listening();
    db.save('move', submittedMove().id, { tioRemarks: 'Weight verified' });

    act(() => serverMayHaveChanged());
    await findStatus(NOTICE, mtoRegion());

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
    await waitFor(() => expect(shownField(mtoRegion(), 'TIO remarks')).toBe('Weight verified'));
    // Once the page shows the latest version the notice has nothing left to say.
    expect(within(mtoRegion()).queryByText(NOTICE)).not.toBeInTheDocument();
  });

  it('refreshes the queue when the user comes back to it', async () => {
    renderRoute('/');
    const locator = SEED_LOCATORS.submitted;
    const row = () => screen.getByRole('row', { name: new RegExp(`^${locator} `) });
    await screen.findByRole('link', { name: locator });
    await listening();
    expect(within(row()).getByRole('cell', { name: 'New move' })).toBeInTheDocument();
    // A colleague approves the move and one of its shipments: the other two still wait.
    const { move, shipments } = seededMove(locator);
    const approved = await send('PATCH', `/move-task-orders/${move.id}/status`, {
      ifMatch: move.eTag,
      body: { serviceCodeMS: true },
    });
    expect(approved.status).toBe(200);
    const shipmentApproved = await send('POST', `/shipments/${shipments[0].id}/approve`, {
      ifMatch: shipments[0].eTag,
    });
    expect(shipmentApproved.status).toBe(200);

    fireEvent.focus(window);

    // Rows are re-sorted by status: the move's row is looked up again each time.
    await waitFor(() =>
      expect(within(row()).getByRole('cell', { name: 'Approvals requested' })).toBeInTheDocument(),
    );
  });
});
