/* eslint-disable testing-library/prefer-screen-queries --
   Two office users share one document here: every query is scoped to one
   user's app with within(container), which the rule cannot see through. */
import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { framework, TRACE_HEADER } from '../../../mocks/http';
import { server } from '../../../mocks/node';
import { clearCsrfCookie, seededMove } from '../../../mocks/testApi';
import { selectCustomerById } from '../../entities/customers/customersSlice';
import { expectNoAxeViolations } from '../../test/axe';
import { shownField } from '../../test/faultSession';
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

const locator = SEED_LOCATORS.submitted;

/** The submitted move's records as the API shows them now. */
const held = () => seededMove(locator);

/**
 * The JSON bodies of the writes to `path` (under /ghc/v1) the mock received,
 * in order; the mock's own handler still answers each.
 */
function recordBodies(method: 'patch', path: string) {
  const bodies: unknown[] = [];
  server.use(
    http[method](`*/ghc/v1/${path}`, async ({ request }) => {
      bodies.push(await request.clone().json());
    }),
  );
  return bodies;
}

/** One office user with the details page open in their own app and store. */
async function officeUser() {
  const view = renderRoute(`/moves/${locator}/details`);
  const page = within(view.container);
  await page.findByRole('button', { name: 'Send to Prime' });
  const customerRegion = () => page.getByRole('region', { name: 'Customer info' });
  const openForm = async (button: string, form: string) => {
    await view.user.click(page.getByRole('button', { name: button }));
    return within(await page.findByRole('form', { name: form }));
  };
  const openCustomerForm = () => openForm('Edit customer info', 'Edit customer');
  const retype = async (input: HTMLElement, text: string) => {
    await view.user.clear(input);
    await view.user.type(input, text);
  };
  return { ...view, page, customerRegion, openForm, openCustomerForm, retype };
}

describe('editing customer info', () => {
  it('saves the changed phone with the customer’s eTag, and keeps everything else the server writes', async () => {
    const requests = recordRequests();
    const bodies = recordBodies('patch', 'customer/:customerID');
    const loaded = held().customer;
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await waitFor(() => expect(form.getByLabelText(/^First name/)).toHaveFocus());
    await expectNoAxeViolations();

    await user.retype(form.getByRole('textbox', { name: /^Phone/ }), '210-555-0199');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    expect(await findStatus('Customer info saved.', user.container)).toBeInTheDocument();
    expect(shownField(user.customerRegion(), 'Phone')).toBe('210-555-0199');
    expect(requests.find((r) => r.method === 'PATCH')?.ifMatch).toBe(loaded.eTag);
    // The names, the preference flags and cac_validated are written on every
    // call: they go as the customer has them, beside the one change.
    expect(bodies).toEqual([
      {
        first_name: loaded.first_name,
        last_name: loaded.last_name,
        phoneIsPreferred: loaded.phoneIsPreferred ?? false,
        emailIsPreferred: loaded.emailIsPreferred ?? false,
        cac_validated: true,
        phone: '210-555-0199',
      },
    ]);
    const saved = held().customer;
    expect(saved).toEqual({ ...loaded, phone: '210-555-0199', eTag: saved.eTag });
    expect(saved.eTag).not.toBe(loaded.eTag);
  });

  it('saves a preferred-contact checkbox as the flag the server keeps', async () => {
    const bodies = recordBodies('patch', 'customer/:customerID');
    const loaded = held().customer;
    const emailPreferred = loaded.emailIsPreferred ?? false;
    const user = await officeUser();
    const form = await user.openCustomerForm();
    const checkbox = form.getByRole('checkbox', { name: 'Email is the preferred contact method' });
    expect(checkbox).toHaveProperty('checked', emailPreferred);

    await user.user.click(checkbox);
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findStatus('Customer info saved.', user.container);
    expect(bodies[0]).toMatchObject({
      phoneIsPreferred: loaded.phoneIsPreferred ?? false,
      emailIsPreferred: !emailPreferred,
    });
    const saved = held().customer;
    // The server leaves out a false flag.
    expect(saved.emailIsPreferred).toBe(emailPreferred ? undefined : true);
    expect(saved.phoneIsPreferred).toBe(loaded.phoneIsPreferred);
    expect(shownField(user.customerRegion(), 'Preferred contact')).toBe(
      [saved.phoneIsPreferred && 'Phone', saved.emailIsPreferred && 'Email']
        .filter(Boolean)
        .join(', ') || '—',
    );
  });

  it('sends the address and the backup contact whole when part of them changed', async () => {
    const bodies = recordBodies('patch', 'customer/:customerID');
    const loaded = held().customer;
    const address = loaded.current_address!;
    const user = await officeUser();

    let form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Current address, city/), 'Manitou Springs');
    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', user.container);
    form = await user.openCustomerForm();
    await user.retype(form.getByLabelText(/^Backup contact phone/), '719-555-0177');
    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    await findStatus('Customer info saved.', user.container);

    expect(bodies[0]).toMatchObject({
      current_address: {
        id: address.id,
        streetAddress1: address.streetAddress1,
        streetAddress2: address.streetAddress2 ?? '',
        city: 'Manitou Springs',
        state: address.state,
        postalCode: address.postalCode,
      },
    });
    expect(bodies[0]).not.toHaveProperty('backup_contact');
    expect(bodies[1]).toMatchObject({
      backup_contact: { ...loaded.backup_contact, phone: '719-555-0177' },
    });
    expect(bodies[1]).not.toHaveProperty('current_address');
    const saved = held().customer;
    expect(saved.current_address).toMatchObject({ id: address.id, city: 'Manitou Springs' });
    expect(saved.backup_contact).toEqual({ ...loaded.backup_contact, phone: '719-555-0177' });
    expect(shownField(user.customerRegion(), 'Current address')).toContain('Manitou Springs');
    expect(shownField(user.customerRegion(), 'Backup contact phone')).toBe('719-555-0177');
  });

  it('keeps both users’ changes when two office users edit the same customer', async () => {
    const requests = recordRequests();
    const loaded = held().customer;
    const alice = await officeUser();
    const bob = await officeUser();

    // Bob starts typing a new email while Alice changes the phone and saves first.
    const bobsForm = await bob.openCustomerForm();
    await bob.retype(bobsForm.getByRole('textbox', { name: /^Email/ }), 'bob.new@example.mil');
    const alicesForm = await alice.openCustomerForm();
    await alice.retype(alicesForm.getByRole('textbox', { name: /^Phone/ }), '210-555-0111');
    await alice.user.click(alicesForm.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', alice.container);
    const alicesVersion = held().customer;

    await bob.user.click(bobsForm.getByRole('button', { name: 'Save' }));

    // Bob sees what Alice changed and keeps what he typed.
    const panel = await bobsForm.findByRole('region', {
      name: 'Someone else changed this customer while you edited it',
    });
    await waitFor(() => expect(panel).toHaveFocus());
    expect(panel).toHaveTextContent(`Phone: '${loaded.phone}' → '210-555-0111'`);
    expect(panel).toHaveTextContent(`Email: '${loaded.email}' → 'bob.new@example.mil'`);
    expect(bobsForm.getByRole('textbox', { name: /^Email/ })).toHaveValue('bob.new@example.mil');
    expect(bobsForm.getByRole('textbox', { name: /^Phone/ })).toHaveValue('210-555-0111');
    expect(held().customer.email).toBe(loaded.email);

    await bob.user.click(
      bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }),
    );

    await findStatus('Customer info saved.', bob.container);
    expect(held().customer).toMatchObject({ phone: '210-555-0111', email: 'bob.new@example.mil' });
    expect(shownField(bob.customerRegion(), 'Phone')).toBe('210-555-0111');
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.ifMatch)).toEqual([
      loaded.eTag,
      loaded.eTag,
      alicesVersion.eTag,
    ]);
  });

  it('lets the user pick where both changed the same field, and keeps the colleague’s other changes', async () => {
    const alice = await officeUser();
    const bob = await officeUser();
    const bobsForm = await bob.openCustomerForm();
    await bob.retype(bobsForm.getByRole('textbox', { name: /^Phone/ }), '210-555-0222');
    const alicesForm = await alice.openCustomerForm();
    await alice.retype(alicesForm.getByRole('textbox', { name: /^Phone/ }), '210-555-0111');
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
    expect(held().customer.phone).toBe('210-555-0111');

    await bob.user.click(within(choice).getByLabelText("Yours: '210-555-0222'"));
    await bob.user.click(
      bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }),
    );

    await findStatus('Customer info saved.', bob.container);
    expect(held().customer).toMatchObject({
      phone: '210-555-0222',
      backup_contact: expect.objectContaining({ name: 'Jordan Alvarez' }),
    });
  });

  it('shows an accessible conflict form when a colleague saved first', async () => {
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByRole('textbox', { name: /^Email/ }), 'mine@example.mil');
    db.save('customer', held().customer.id!, { email: 'theirs@example.mil' });

    await user.user.click(form.getByRole('button', { name: 'Save' }));

    const choice = await form.findByRole('group', {
      name: 'You both changed Email: which to keep?',
    });
    expect(within(choice).getByLabelText("Theirs: 'theirs@example.mil'")).not.toBeChecked();
    await expectNoAxeViolations();
  });

  it('marks a field the form can tell is wrong, and sends nothing', async () => {
    const requests = recordRequests();
    const user = await officeUser();
    const form = await user.openCustomerForm();
    const phone = form.getByRole('textbox', { name: /^Phone/ });

    await user.retype(phone, '12345');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Phone must be a phone number written as/);
    expect(phone).toHaveFocus();
    expect(phone).toHaveValue('12345');
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('marks the field the server refuses and keeps what was typed', async () => {
    const loaded = held().customer;
    // The framework's 422 names the field by its path in the body.
    server.use(
      http.patch(
        '*/ghc/v1/customer/:customerID',
        () =>
          framework(422, "backup_contact.phone in body should match '^[2-9]\\d{2}-\\d{3}-\\d{4}$'"),
        { once: true },
      ),
    );
    const user = await officeUser();
    const form = await user.openCustomerForm();
    const phone = form.getByLabelText(/^Backup contact phone/);

    await user.retype(phone, '719-555-0142');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    const alert = await findAlert('Check what you entered', user.container);
    expect(alert).toHaveTextContent('backup_contact.phone in body should match');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/^Backup contact phone: should match/);
    expect(phone).toHaveFocus();
    expect(phone).toHaveValue('719-555-0142');
    expect(held().customer).toEqual(loaded);
  });

  it('says the customer no longer exists after a colleague deleted it', async () => {
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByRole('textbox', { name: /^Email/ }), 'gone@example.mil');
    db.remove('customer', held().customer.id!);

    await user.user.click(form.getByRole('button', { name: 'Save' }));

    expect(await findAlert('This customer no longer exists', user.container)).toBeInTheDocument();
    expect(form.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('keeps the draft through a network failure and saves on retry', async () => {
    server.use(
      http.patch('*/ghc/v1/customer/:customerID', () => HttpResponse.error(), { once: true }),
    );
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByRole('textbox', { name: /^Email/ }), 'retry@example.mil');

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findAlert('The server could not be reached', user.container);
    expect(form.getByRole('textbox', { name: /^Email/ })).toHaveValue('retry@example.mil');

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', user.container);
    expect(held().customer.email).toBe('retry@example.mil');
  });

  it('keeps the draft when the CSRF token was lost, and saves on the next try with a fresh one', async () => {
    const loaded = held().customer;
    const user = await officeUser();
    const form = await user.openCustomerForm();
    await user.retype(form.getByRole('textbox', { name: /^Email/ }), 'token@example.mil');
    clearCsrfCookie();

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findAlert("Your session's security token is missing or expired", user.container);
    expect(form.getByRole('textbox', { name: /^Email/ })).toHaveValue('token@example.mil');
    expect(held().customer).toEqual(loaded);

    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Customer info saved.', user.container);
    expect(held().customer.email).toBe('token@example.mil');
  });
});

describe('editing orders and TIO remarks', () => {
  it('saves the orders with the five fields the server requires, then the customer it saved too', async () => {
    const requests = recordRequests();
    const bodies = recordBodies('patch', 'orders/:orderID');
    const { order, customer } = held();
    const user = await officeUser();
    const form = await user.openForm('Edit orders', 'Edit orders');

    await user.retype(form.getByLabelText(/^Report by date/), '2027-03-15');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findStatus('Orders saved.', user.container);
    expect(requests.find((r) => r.method === 'PATCH')?.ifMatch).toBe(order.eTag);
    expect(bodies).toEqual([
      {
        issueDate: order.date_issued,
        reportByDate: '2027-03-15',
        ordersType: order.order_type,
        originDutyLocationId: order.originDutyLocation?.id,
        newDutyLocationId: order.destinationDutyLocation?.id,
      },
    ]);
    expect(held().order).toMatchObject({ report_by_date: '2027-03-15', tac: order.tac });

    // The server saved the customer with the orders: its new version is fetched.
    const customerNow = held().customer;
    expect(customerNow.eTag).not.toBe(customer.eTag);
    await waitFor(() =>
      expect(selectCustomerById(user.store.getState(), customer.id!)?.eTag).toBe(customerNow.eTag),
    );
    const customerForm = await user.openCustomerForm();
    await user.retype(customerForm.getByRole('textbox', { name: /^Phone/ }), '210-555-0133');
    await user.user.click(customerForm.getByRole('button', { name: 'Save' }));

    await findStatus('Customer info saved.', user.container);
    expect(requests.filter((r) => r.method === 'PATCH').at(-1)?.ifMatch).toBe(customerNow.eTag);
    expect(held().customer.phone).toBe('210-555-0133');
    expect(
      user.page.queryByRole('region', { name: /Someone else changed/ }),
    ).not.toBeInTheDocument();
  });

  it('clears an accounting code left empty', async () => {
    const bodies = recordBodies('patch', 'orders/:orderID');
    const { order } = held();
    expect(order.ntsTac).toMatch(/^.{4}$/);
    const user = await officeUser();
    const form = await user.openForm('Edit orders', 'Edit orders');

    await user.user.clear(form.getByLabelText(/^NTS TAC/));
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findStatus('Orders saved.', user.container);
    expect(bodies[0]).toMatchObject({ ntsTac: null });
    expect(held().order.ntsTac).toBeUndefined();
    expect(shownField(user.page.getByRole('region', { name: 'Orders' }), 'NTS TAC')).toBe('—');
  });

  it('puts the user’s orders change on top of a colleague’s', async () => {
    const bodies = recordBodies('patch', 'orders/:orderID');
    const { order } = held();
    const user = await officeUser();
    const form = await user.openForm('Edit orders', 'Edit orders');
    await user.retype(form.getByLabelText(/^HHG TAC/), 'K2Q7');
    db.save('order', order.id!, { ordersNumber: 'ORD7654321' });
    const colleagues = held().order;

    await user.user.click(form.getByRole('button', { name: 'Save' }));

    const panel = await form.findByRole('region', {
      name: 'Someone else changed this orders while you edited it',
    });
    expect(panel).toHaveTextContent(`Orders number: '${order.order_number}' → 'ORD7654321'`);
    expect(panel).toHaveTextContent(`HHG TAC: '${order.tac}' → 'K2Q7'`);
    await user.user.click(form.getByRole('button', { name: 'Save my changes on top of theirs' }));

    await findStatus('Orders saved.', user.container);
    expect(held().order).toMatchObject({ order_number: 'ORD7654321', tac: 'K2Q7' });
    // The second body is built on their version: only the TAC differs from it.
    expect(bodies[1]).toEqual({
      issueDate: colleagues.date_issued,
      reportByDate: colleagues.report_by_date,
      ordersType: colleagues.order_type,
      originDutyLocationId: colleagues.originDutyLocation?.id,
      newDutyLocationId: colleagues.destinationDutyLocation?.id,
      tac: 'K2Q7',
    });
  });

  it('saves TIO remarks, and Send to Prime then uses the move’s new eTag', async () => {
    const requests = recordRequests();
    const user = await officeUser();
    const form = await user.openForm('Edit TIO remarks', 'Edit move');

    await user.user.type(form.getByLabelText('TIO remarks'), 'Customer asked for early pickup');
    await user.user.click(form.getByRole('button', { name: 'Save' }));
    await findStatus('Move task order saved.', user.container);
    const afterRemarks = held().move;
    expect(afterRemarks.tioRemarks).toBe('Customer asked for early pickup');

    await user.user.click(user.page.getByRole('button', { name: 'Send to Prime' }));
    await findStatus('The move was approved', user.container);
    expect(requests.filter((r) => r.method === 'PATCH').at(-1)?.ifMatch).toBe(afterRemarks.eTag);
    expect(held().move).toMatchObject({
      status: 'APPROVED',
      tioRemarks: 'Customer asked for early pickup',
    });
  });

  it('keeps the TIO remarks draft when the server cannot save them yet', async () => {
    // MilMove's server never implemented this operation: its generated default answers.
    server.use(
      http.patch(
        '*/ghc/v1/move-task-orders/:moveTaskOrderID/tio-remarks',
        () =>
          new HttpResponse(
            JSON.stringify(
              'operation move_task_order.UpdateMoveTIORemarks has not yet been implemented',
            ),
            {
              status: 501,
              headers: { 'Content-Type': 'application/json', [TRACE_HEADER]: crypto.randomUUID() },
            },
          ),
      ),
    );
    const user = await officeUser();
    const loaded = held().move;
    const form = await user.openForm('Edit TIO remarks', 'Edit move');

    await user.user.type(form.getByLabelText('TIO remarks'), 'Weigh the crate');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    const alert = await findAlert('The server cannot do this yet', user.container);
    expect(alert).toHaveTextContent('What you entered is kept.');
    expect(alert.textContent).not.toMatch(/undefined|"|has not yet been implemented/);
    expect(form.getByLabelText('TIO remarks')).toHaveValue('Weigh the crate');
    expect(held().move).toEqual(loaded);
  });
});

describe('dates in the orders form', () => {
  it('shows and takes dates as the page writes them, and sends the API its ISO dates', async () => {
    const bodies = recordBodies('patch', 'orders/:orderID');
    const user = await officeUser();
    const orders = user.page.getByRole('region', { name: 'Orders' });
    const form = await user.openForm('Edit orders', 'Edit orders');
    const reportBy = form.getByRole('textbox', { name: /^Report by date/ });
    // The field reads as the summary beside it does.
    expect(reportBy).toHaveValue(shownField(orders, 'Report by date'));
    expect(form.getByRole('textbox', { name: /^Date issued/ })).toHaveValue(
      shownField(orders, 'Date issued'),
    );

    await user.retype(reportBy, '31 Feb 2027');
    await user.user.click(form.getByRole('button', { name: 'Save' }));
    expect(
      form.getByText('Report by date must be a real day. Day, month and year, like 05 Jan 2026.'),
    ).toBeInTheDocument();
    expect(reportBy).toHaveFocus();
    expect(bodies).toEqual([]);

    await user.retype(reportBy, '1 march 2027');
    await user.user.tab();
    // Written out in full on leaving the field.
    expect(reportBy).toHaveValue('01 Mar 2027');
    await user.user.click(form.getByRole('button', { name: 'Save' }));

    await findStatus('Orders saved.', user.container);
    expect(shownField(orders, 'Report by date')).toBe('01 Mar 2027');
    expect(bodies).toEqual([expect.objectContaining({ reportByDate: '2027-03-01' })]);
    expect(held().order.report_by_date).toBe('2027-03-01');
  });
});
