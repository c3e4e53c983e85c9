/* eslint-disable testing-library/prefer-screen-queries --
   Two office users share one document here: every query is scoped to one
   user's app with within(container), which the rule cannot see through. */
import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { clearCsrfCookie } from '../../../mocks/testApi';
import { expectNoAxeViolations } from '../../test/axe';
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

const locator = SEED_LOCATORS.draft;

function seededCustomer() {
  const move = db.moveByLocator(locator)!;
  return db.find('customer', db.find('order', move.orderID)!.customerID)!;
}

/** One office user with the details page open in their own app and store. */
async function officeUser() {
  const view = renderRoute(`/moves/${locator}/details`);
  const page = within(view.container);
  await page.findByRole('button', { name: 'Send to Prime' });
  const customerRegion = () => page.getByRole('region', { name: 'Customer info' });
  const openCustomerForm = async () => {
    await view.user.click(page.getByRole('button', { name: 'Edit customer info' }));
    return within(await page.findByRole('form', { name: 'Edit customer' }));
  };
  const retype = async (input: HTMLElement, text: string) => {
    await view.user.clear(input);
    await view.user.type(input, text);
  };
  return { ...view, page, customerRegion, openCustomerForm, retype };
}

describe('editing customer info', () => {
  it('saves only the changed field with the customer’s eTag and shows the new version', async () => {
    const requests = recordRequests();
    const loaded = seededCustomer();
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await waitFor(() => expect(form.getByLabelText(/^First name/)).toHaveFocus());
    await expectNoAxeViolations();

    await user.retype(form.getByLabelText(/^Phone/), '210-555-0199');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    expect(await findStatus('Customer info saved.')).toBeInTheDocument();
    expect(within(user.customerRegion()).getByText('210-555-0199')).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.ifMatch).toBe(loaded.eTag);
    expect(seededCustomer()).toMatchObject({ phone: '210-555-0199', email: loaded.email });
  });

  it('keeps both users’ changes when two office users edit the same customer', async () => {
    const loaded = seededCustomer();
    const alice = await officeUser();
    const bob = await officeUser();

    // Bob starts typing a new email while Alice changes the phone and saves first.
    const bobsForm = await bob.openCustomerForm();
    await bob.retype(bobsForm.getByLabelText(/^Email/), 'bob.new@example.mil');
    const alicesForm = await alice.openCustomerForm();
    await alice.retype(alicesForm.getByLabelText(/^Phone/), '210-555-0111');
    await alice.user.click(alicesForm.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', alice.container);

    await bob.user.click(bobsForm.getByRole('button', { name: 'Save' }));

    // Bob sees what Alice changed and keeps what he typed.
    const panel = await bobsForm.findByRole('region', {
      name: 'Someone else changed this customer while you edited it',
    });
    await waitFor(() => expect(panel).toHaveFocus());
    expect(bob.container).toHaveTextContent(`Phone: '${loaded.phone}' → '210-555-0111'`);
    expect(bob.container).toHaveTextContent(`Email: '${loaded.email}' → 'bob.new@example.mil'`);
    expect(bobsForm.getByLabelText(/^Email/)).toHaveValue('bob.new@example.mil');
    expect(bobsForm.getByLabelText(/^Phone/)).toHaveValue('210-555-0111');
    expect(seededCustomer().email).toBe(loaded.email);

    await bob.user.click(
      bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }),
    );

    await findStatus('Customer info saved.', bob.container);
    expect(seededCustomer()).toMatchObject({ phone: '210-555-0111', email: 'bob.new@example.mil' });
    expect(within(bob.customerRegion()).getByText('210-555-0111')).toBeInTheDocument();
  });

  it('lets the user pick where both changed the same field, and keeps the colleague’s other changes', async () => {
    const alice = await officeUser();
    const bob = await officeUser();
    const bobsForm = await bob.openCustomerForm();
    await bob.retype(bobsForm.getByLabelText(/^Phone/), '210-555-0222');
    const alicesForm = await alice.openCustomerForm();
    await alice.retype(alicesForm.getByLabelText(/^Phone/), '210-555-0111');
    await alice.retype(alicesForm.getByLabelText(/^Backup contact name/), 'Jordan Alvarez');
    await alice.user.click(alicesForm.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', alice.container);

    await bob.user.click(bobsForm.getByRole('button', { name: 'Save' }));
    const choice = await bobsForm.findByRole('group', {
      name: 'You both changed Phone: which to keep?',
    });
    await bob.user.click(
      bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }),
    );
    expect(
      bobsForm.getByText('Choose which value to keep for each field you both changed.'),
    ).toBeInTheDocument();
    expect(seededCustomer().phone).toBe('210-555-0111');

    await bob.user.click(within(choice).getByLabelText("Yours: '210-555-0222'"));
    await bob.user.click(
      bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }),
    );

    await findStatus('Customer info saved.', bob.container);
    expect(seededCustomer()).toMatchObject({
      phone: '210-555-0222',
      backupContact: expect.objectContaining({ name: 'Jordan Alvarez' }),
    });
  });

  it('shows an accessible conflict form when a colleague saved first', async () => {
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Email/), 'mine@example.mil');
    db.colleagueUpdate('customer', seededCustomer().id, { email: 'theirs@example.mil' });

    await user.user.click(form.getByRole('button', { name: 'Save' }));

    const choice = await form.findByRole('group', {
      name: 'You both changed Email: which to keep?',
    });
    expect(within(choice).getByLabelText("Theirs: 'theirs@example.mil'")).not.toBeChecked();
    await expectNoAxeViolations();
  });

  it('marks the fields the server refuses and keeps what was typed', async () => {
    const user = await officeUser();
    const form = await user.openCustomerForm();
    const phone = form.getByLabelText(/^Phone/);

    await user.retype(phone, '12345');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findAlert('Check what you entered', user.container);
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Phone must match/);
    expect(phone).toHaveFocus();
    expect(phone).toHaveValue('12345');
  });

  it('says the customer no longer exists after a colleague deleted it', async () => {
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Email/), 'gone@example.mil');
    db.remove('customer', seededCustomer().id);

    await user.user.click(form.getByRole('button', { name: 'Save' }));

    expect(await findAlert('This customer no longer exists', user.container)).toBeInTheDocument();
    expect(form.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('keeps the draft through a network failure and saves on retry', async () => {
    server.use(http.patch('*/ghc/v1/customer/:id', () => HttpResponse.error(), { once: true }));
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Email/), 'retry@example.mil');

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findAlert('The server could not be reached', user.container);
    expect(form.getByLabelText(/^Email/)).toHaveValue('retry@example.mil');

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', user.container);
    expect(seededCustomer().email).toBe('retry@example.mil');
  });

  it('keeps the draft when the CSRF token was lost, and saves on the next try with a fresh one', async () => {
    const loaded = seededCustomer();
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Email/), 'token@example.mil');
    clearCsrfCookie();

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findAlert("Your session's security token is missing or expired", user.container);
    expect(form.getByLabelText(/^Email/)).toHaveValue('token@example.mil');
    expect(seededCustomer()).toEqual(loaded);

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', user.container);
    expect(seededCustomer().email).toBe('token@example.mil');
  });
});

describe('editing orders and TIO remarks', () => {
  it('saves the orders’ report by date with the orders’ eTag', async () => {
    const requests = recordRequests();
    const user = await officeUser();
    const order = db.find('order', db.moveByLocator(locator)!.orderID)!;
    await user.user.click(user.page.getByRole('button', { name: 'Edit orders' }));
    const form = within(await user.page.findByRole('form', { name: 'Edit orders' }));

    await user.retype(form.getByLabelText(/^Report by date/), '2026-12-01');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findStatus('Orders saved.', user.container);
    expect(requests.find((r) => r.method === 'PATCH')?.ifMatch).toBe(order.eTag);
    expect(db.find('order', order.id)?.reportByDate).toBe('2026-12-01');
  });

  it('saves TIO remarks, and Send to Prime then uses the move’s new eTag', async () => {
    const requests = recordRequests();
    const user = await officeUser();
    await user.user.click(user.page.getByRole('button', { name: 'Edit TIO remarks' }));
    const form = within(await user.page.findByRole('form', { name: 'Edit move' }));

    await user.user.type(form.getByLabelText('TIO remarks'), 'Customer asked for early pickup');
    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Move task order saved.', user.container);
    const afterRemarks = db.moveByLocator(locator)!;
    expect(afterRemarks.tioRemarks).toBe('Customer asked for early pickup');

    await user.user.click(user.page.getByRole('button', { name: 'Send to Prime' }));
    await user.page.findByText(/^Available to Prime since/, { selector: 'dd' });
    expect(requests.filter((r) => r.method === 'PATCH').at(-1)?.ifMatch).toBe(afterRemarks.eTag);
  });
});
