// Two office users edit one customer in two tabs of one browser, which share
// the mock server (the service worker's data in localStorage).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Customer, Move, Order } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { seededMove } from '../../../mocks/testApi';
import { detailsReady, openSubmittedDetails, setupBrowser } from './browser';
import {
  apiGetInPage,
  customerRegion,
  liveRegion,
  openCustomerForm,
  textField,
} from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();
const openDetails = () => openSubmittedDetails(session);

// The seed is deterministic, so this process's copy says what the browser's mock starts with.
const seeded = seededMove(locator).customer;
const NEW_PHONE = '210-555-0111';
const NEW_EMAIL = 'bob.new@example.mil';

describe('editing a customer in two tabs', () => {
  it('keeps both changes when a colleague saved first', async () => {
    expect([seeded.phone, seeded.email]).not.toContain(NEW_PHONE);
    expect(seeded.email).not.toBe(NEW_EMAIL);
    const alice = await openDetails();
    const bob = await openDetails();

    // Bob starts typing a new email while Alice changes the phone and saves first.
    const bobsForm = await openCustomerForm(bob);
    await textField(bobsForm, 'Email').fill(NEW_EMAIL);
    const alicesForm = await openCustomerForm(alice);
    await textField(alicesForm, 'Phone').fill(NEW_PHONE);
    await alicesForm.getByRole('button', { name: 'Save' }).click();
    await liveRegion(alice, 'status', 'Customer info saved.').waitFor();

    await bobsForm.getByRole('button', { name: 'Save' }).click();

    const panel = bobsForm.getByRole('region', {
      name: 'Someone else changed this customer while you edited it',
    });
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`Phone: '${seeded.phone}' → '${NEW_PHONE}'`);
    expect(await panel.textContent()).toContain(`Email: '${seeded.email}' → '${NEW_EMAIL}'`);
    expect(await textField(bobsForm, 'Phone').inputValue()).toBe(NEW_PHONE);
    // Nothing of Bob's reached the server yet.
    expect((await serverCustomer(bob)).email).toBe(seeded.email);

    await bobsForm.getByRole('button', { name: 'Save my changes on top of theirs' }).click();
    await liveRegion(bob, 'status', 'Customer info saved.').waitFor();

    expect(await serverCustomer(bob)).toMatchObject({ phone: NEW_PHONE, email: NEW_EMAIL });
    for (const page of [alice, bob]) {
      await page.reload();
      await detailsReady(locator)(page);
      await customerRegion(page).getByText(NEW_PHONE, { exact: true }).waitFor();
      await customerRegion(page).getByText(NEW_EMAIL, { exact: true }).waitFor();
    }
  });
});

/** What the mock server holds, asked from inside the page as the app would. */
async function serverCustomer(page: Page): Promise<Customer> {
  const move = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
  const order = await apiGetInPage<Order>(page, `/ghc/v1/orders/${move.ordersId}`);
  return apiGetInPage<Customer>(page, `/ghc/v1/customer/${order.customerID}`);
}
