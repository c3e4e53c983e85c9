/* eslint-disable testing-library/prefer-screen-queries --
   Two tabs share one document here: every query is scoped to one tab's app
   with within(container), which the rule cannot see through. */
import { waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { seededMove } from '../../../mocks/testApi';
import { selectCustomerById } from '../../entities/customers/customersSlice';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { saveExpected, selectOwnWritesBetween } from '../../writes/ownWrites';
import { applyThenFail } from '../../test/faultSession';
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// A draft or an action based on a version that only the user's own writes in
// this tab have superseded is no conflict: it moves onto the newer version
// unasked and says so. Anyone else's version, another tab's included, is.

const locator = SEED_LOCATORS.submitted;
const held = () => seededMove(locator);
/** A record the mock holds, as the versions ownWrites compares. */
const toVersion = (record: { id?: string; eTag?: string }) => ({
  id: record.id!,
  eTag: record.eTag!,
});

/** One tab with the move's details page open: its own app and store. */
async function openTab() {
  const view = renderRoute(`/moves/${locator}/details`);
  const page = within(view.container);
  await page.findByRole('button', { name: 'Send to Prime' });
  const openForm = async (button: string, form: string) => {
    await view.user.click(page.getByRole('button', { name: button }));
    return within(await page.findByRole('form', { name: form }));
  };
  return { ...view, page, openForm };
}

const PATCHES = (requests: ReturnType<typeof recordRequests>, path: RegExp) =>
  requests.filter((r) => r.method === 'PATCH' && path.test(r.path));

/** A customer draft open (a new phone number), and the customer as loaded. */
async function customerDraft() {
  const tab = await openTab();
  const customerForm = await tab.openForm('Edit customer info', 'Edit customer');
  await tab.user.clear(customerForm.getByRole('textbox', { name: /^Phone/ }));
  await tab.user.type(customerForm.getByRole('textbox', { name: /^Phone/ }), '210-555-0142');
  return { tab, customerForm, loaded: held().customer };
}

describe('the user’s own writes', () => {
  it('saves a TIO remarks draft on the version the user’s own Send to Prime made, and says so', async () => {
    const requests = recordRequests();
    const tab = await openTab();
    const form = await tab.openForm('Edit TIO remarks', 'Edit move');
    await tab.user.type(form.getByLabelText('TIO remarks'), 'Hold until orders are amended');

    await tab.user.click(tab.page.getByRole('button', { name: 'Send to Prime' }));
    await findStatus('The move was approved', tab.container);
    const approved = held().move;
    await tab.user.click(form.getByRole('button', { name: 'Save' }));

    const saved = await findStatus(/^Move task order saved\./, tab.container);
    expect(saved).toHaveTextContent(
      'Move task order saved. You sent the move to the Prime since you opened this form; your changes to the move are saved on that version.',
    );
    expect(tab.page.queryByText(/changed this move/)).toBeNull();
    // One save, sent on the version Send to Prime answered with: no 412 first.
    const saves = PATCHES(requests, /tio-remarks$/);
    expect(saves.map((r) => r.ifMatch)).toEqual([approved.eTag]);
    expect(held().move).toMatchObject({
      status: 'APPROVED',
      approvedAt: approved.approvedAt,
      tioRemarks: 'Hold until orders are amended',
    });
  });

  it('saves a customer draft on the version the user’s own orders save made of the customer', async () => {
    const requests = recordRequests();
    const { tab, customerForm, loaded } = await customerDraft();

    // Saving the orders saves the customer too (GHC.md): a new eTag, nothing else.
    const ordersForm = await tab.openForm('Edit orders', 'Edit orders');
    await tab.user.clear(ordersForm.getByLabelText(/^Orders number/));
    await tab.user.type(ordersForm.getByLabelText(/^Orders number/), 'ORD-OWN-1');
    await tab.user.click(ordersForm.getByRole('button', { name: 'Save' }));
    await findStatus('Orders saved.', tab.container);
    await waitFor(() => expect(held().customer.eTag).not.toBe(loaded.eTag));
    const afterOrders = held().customer;

    await tab.user.click(customerForm.getByRole('button', { name: 'Save' }));
    const saved = await findStatus(/^Customer info saved\./, tab.container);
    expect(saved).toHaveTextContent(
      'You saved the orders since you opened this form; your changes to the customer are saved on that version.',
    );
    expect(tab.page.queryByText(/changed this customer/)).toBeNull();
    const saves = PATCHES(requests, /customer\/[^/]+$/);
    expect(saves.at(-1)?.ifMatch).toBe(afterOrders.eTag);
    expect(held().customer.phone).toBe('210-555-0142');
    expect(held().order.order_number).toBe('ORD-OWN-1');
  });

  it('rebases after the 412 when the new version of the user’s own write had not reached the page', async () => {
    const { tab, form } = await approvedMoveWithDraft();

    // Approving a shipment saves the move (available to the Prime now); the
    // page's fetch of that version is held, so the draft's base is stale.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(
        '*/ghc/v1/move/:locator',
        async () => {
          await gate;
        },
        { once: true },
      ),
    );
    const requests = recordRequests();
    const shipments = tab.page.getByRole('region', { name: 'Requested shipments' });
    await tab.user.click(within(shipments).getAllByRole('button', { name: /^Approve/ })[0]);
    await waitFor(() => expect(held().move.availableToPrimeAt).toBeDefined());
    const draftBase = requests.length; // the requests of the approval so far

    await tab.user.click(form.getByRole('button', { name: 'Save' }));
    const saved = await findStatus(/^Move task order saved\./, tab.container);
    release();
    expect(saved).toHaveTextContent(
      'You approved a shipment since you opened this form; your changes to the move are saved on that version.',
    );
    expect(tab.page.queryByText(/changed this move/)).toBeNull();
    // The first save met a 412 (its base was the version before the
    // approval's), the second went on the latest.
    const saves = PATCHES(requests.slice(draftBase), /tio-remarks$/);
    expect(saves).toHaveLength(2);
    expect(saves[0].ifMatch).not.toBe(saves[1].ifMatch);
    expect(held().move).toMatchObject({
      tioRemarks: 'Crate the piano',
      availableToPrimeAt: expect.any(String),
    });
  });
});

/** The move approved by Send to Prime (its shipments can be approved then), and a TIO remarks draft open. */
async function approvedMoveWithDraft() {
  const tab = await openTab();
  await tab.user.click(tab.page.getByRole('button', { name: 'Send to Prime' }));
  await findStatus('The move was approved', tab.container);
  const form = await tab.openForm('Edit TIO remarks', 'Edit move');
  await tab.user.type(form.getByLabelText('TIO remarks'), 'Crate the piano');
  return { tab, form };
}

describe('the user’s own writes whose answer was lost', () => {
  const DONE_UNCONFIRMED = 'Done, though the server did not confirm it';

  it('saves a TIO remarks draft on the version a shipment approval made, its answer dropped but shown done', async () => {
    const { tab, form } = await approvedMoveWithDraft();

    // The approval is applied, and saves the move (available to the Prime
    // now); its answer never comes. The latest shipment shows it done.
    const requests = recordRequests();
    const loadedShipment = held().shipments[0];
    const write = applyThenFail('post', 'shipments/:id/approve', 'dropped');
    const shipments = tab.page.getByRole('region', { name: 'Requested shipments' });
    await tab.user.click(within(shipments).getByRole('button', { name: 'Approve shipment 1' }));
    await write.expectApplied();
    await findAlert(DONE_UNCONFIRMED, tab.container);
    // The move the approval saved reaches the page: the draft moves onto it.
    const approved = held().move;
    await waitFor(() =>
      expect(selectMoveTaskOrderById(tab.store.getState(), approved.id!)?.eTag).toBe(approved.eTag),
    );
    expect(tab.page.queryByText(/changed this move/)).toBeNull();
    // The shipment's new version is the user's own too.
    const shipment = held().shipments[0];
    expect(
      selectOwnWritesBetween(tab.store.getState(), toVersion(loadedShipment), toVersion(shipment)),
    ).toEqual(['shipments/approveShipment']);

    await tab.user.click(form.getByRole('button', { name: 'Save' }));
    const saved = await findStatus(/^Move task order saved\./, tab.container);
    expect(saved).toHaveTextContent(
      'You approved a shipment since you opened this form; your changes to the move are saved on that version.',
    );
    expect(tab.page.queryByText(/changed this move/)).toBeNull();
    // One save, on the version the approval made: no 412 first.
    expect(PATCHES(requests, /tio-remarks$/).map((r) => r.ifMatch)).toEqual([approved.eTag]);
    expect(held().move).toMatchObject({
      tioRemarks: 'Crate the piano',
      availableToPrimeAt: approved.availableToPrimeAt,
    });
  });

  it('saves a customer draft on the version an orders save made, its answer dropped but shown saved', async () => {
    const requests = recordRequests();
    const { tab, customerForm, loaded } = await customerDraft();

    // Saving the orders saves the customer too (GHC.md); the answer is lost,
    // and the latest orders show the change.
    const write = applyThenFail('patch', 'orders/:id', 'dropped');
    const ordersForm = await tab.openForm('Edit orders', 'Edit orders');
    await tab.user.clear(ordersForm.getByLabelText(/^Orders number/));
    await tab.user.type(ordersForm.getByLabelText(/^Orders number/), 'ORD-LOST-1');
    await tab.user.click(ordersForm.getByRole('button', { name: 'Save' }));
    await write.expectApplied();
    await findStatus('Orders saved.', tab.container);
    const afterOrders = held().customer;
    expect(afterOrders.eTag).not.toBe(loaded.eTag);
    await waitFor(() =>
      expect(selectCustomerById(tab.store.getState(), loaded.id!)?.eTag).toBe(afterOrders.eTag),
    );
    expect(tab.page.queryByText(/changed this customer/)).toBeNull();

    await tab.user.click(customerForm.getByRole('button', { name: 'Save' }));
    const saved = await findStatus(/^Customer info saved\./, tab.container);
    expect(saved).toHaveTextContent(
      'You saved the orders since you opened this form; your changes to the customer are saved on that version.',
    );
    expect(tab.page.queryByText(/changed this customer/)).toBeNull();
    expect(PATCHES(requests, /customer\/[^/]+$/).map((r) => r.ifMatch)).toEqual([afterOrders.eTag]);
    expect(held().customer.phone).toBe('210-555-0142');
    expect(held().order.order_number).toBe('ORD-LOST-1');
  });
});

describe('an action on a version the user’s own write superseded', () => {
  /**
   * The move changes on the server, in its TIO remarks only, as if by a
   * write of the user's that saves the move besides its own record; `own`
   * says whether the app was told to expect that save.
   */
  async function superseded(own: boolean) {
    const requests = recordRequests();
    const tab = await openTab();
    const shown = held().move;
    if (own) {
      const before = selectMoveTaskOrderById(tab.store.getState(), shown.id!)!;
      tab.store.dispatch(
        saveExpected({ before, fields: ['tioRemarks'], by: 'orders/updateOrder' }),
      );
    }
    db.save('move', shown.id!, { tioRemarks: 'Saved with the orders' });
    await tab.user.click(tab.page.getByRole('button', { name: 'Send to Prime' }));
    const sends = () => PATCHES(requests, /\/status$/).map((r) => r.ifMatch);
    return { tab, shown, sends };
  }

  it('is sent again on the latest, unasked, once the 412 shows only the user’s own save came between', async () => {
    const { tab, shown, sends } = await superseded(true);
    await findStatus('The move was approved', tab.container);
    const latest = held().move;
    expect(sends()).toHaveLength(2);
    expect(sends()[0]).toBe(shown.eTag);
    expect(sends()[1]).not.toBe(shown.eTag);
    expect(latest).toMatchObject({ status: 'APPROVED', tioRemarks: 'Saved with the orders' });
    expect(tab.page.queryByText(/changed this move/)).toBeNull();
  });

  it('is not sent again when the newer version is anyone else’s', async () => {
    const { tab, shown, sends } = await superseded(false);
    await findAlert('Someone else changed this move', tab.container);
    expect(sends()).toEqual([shown.eTag]);
    expect(held().move.status).toBe(shown.status);
  });
});

describe('another tab’s writes', () => {
  it('are a conflict like anyone else’s: the same user’s Send to Prime in another tab', async () => {
    const requests = recordRequests();
    const tab = await openTab();
    const form = await tab.openForm('Edit TIO remarks', 'Edit move');
    await tab.user.type(form.getByLabelText('TIO remarks'), 'Hold until orders are amended');
    const loaded = held().move;

    const other = await openTab();
    await other.user.click(other.page.getByRole('button', { name: 'Send to Prime' }));
    await findStatus('The move was approved', other.container);

    await tab.user.click(form.getByRole('button', { name: 'Save' }));
    const panel = await tab.page.findByRole('region', {
      name: 'Someone else changed this move while you edited it',
    });
    expect(within(panel).getByText('You changed (will be saved)')).toBeInTheDocument();
    // Nothing of the draft was saved; the one save went on the version it was based on.
    expect(PATCHES(requests, /tio-remarks$/).map((r) => r.ifMatch)).toEqual([loaded.eTag]);
    expect(held().move.tioRemarks ?? null).toBe(loaded.tioRemarks ?? null);
    expect(form.getByLabelText('TIO remarks')).toHaveValue('Hold until orders are amended');
  });
});
