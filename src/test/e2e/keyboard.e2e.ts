// A keyboard-only office user at 320 px: opens a move from the queue, sends
// it to the Prime, approves one shipment and rejects another, and edits the
// customer through a colleague's change, by Tab, Space and Enter alone. After
// every action the focus is on the user's next step, never on <body>, and the
// page never scrolls sideways.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, openSubmittedDetails, queueReady, setupBrowser } from './browser';
import { customerRegion, liveRegion, openCustomerForm, textField } from './officeUser';

const session = setupBrowser();
const locator = SEED_LOCATORS.submitted;
const NEW_PHONE = '210-555-0111';
const NEW_EMAIL = 'keyboard.user@example.mil';

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  await target.waitFor();
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${String(target)}`);
}

/** What has the focus, by its accessible name as a region (its heading) or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '<body>';
    const labelledBy = element.getAttribute('aria-labelledby');
    const label = labelledBy && document.getElementById(labelledBy)?.textContent;
    return `${element.tagName.toLowerCase()}: ${label || element.textContent?.trim()}`;
  });

/** Waits until the focus is on what `expected` names (the focus moves once the page has drawn the news). */
async function expectFocusOn(page: Page, expected: string | RegExp) {
  const matches = (name: string) =>
    typeof expected === 'string' ? name === expected : expected.test(name);
  for (let waited = 0; waited < 5000; waited += 50) {
    if (matches(await focused(page))) return;
    await page.waitForTimeout(50);
  }
  expect(await focused(page)).toMatch(expected);
}

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a keyboard-only user at 320 px', () => {
  it('opens a move from the queue, sends it to the Prime and approves the shipment left, with focus on each next step', async () => {
    const page = await session.open('about:blank', async () => {});
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(inject('mockedAppUrl'));
    await queueReady(page);

    await tabTo(page, page.getByRole('link', { name: locator, exact: true }));
    await page.keyboard.press('Enter');
    await detailsReady(locator)(page);

    // Send to Prime with shipments 1 and 2 of 3.
    const form = page.getByRole('form', { name: 'Send to Prime' });
    for (const number of [1, 2]) {
      await tabTo(page, form.getByRole('checkbox', { name: new RegExp(`^Shipment ${number} `) }));
      await page.keyboard.press('Space');
    }
    await tabTo(page, form.getByRole('button', { name: 'Send to Prime' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'section: The move was approved');
    expect(await sideways(page)).toBe(0);

    // Shipment 3 still waits for the TOO: approve it on its own.
    const third = page.getByRole('region', { name: /^Shipment 3:/ });
    await tabTo(page, third.getByRole('button', { name: 'Approve shipment 3' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'section: Shipment 3 approved.');
    // One result on the page: the move's gave way.
    await liveRegion(page, 'status', 'The move was approved').waitFor({ state: 'detached' });
    expect(await sideways(page)).toBe(0);
  });

  it('rejects a shipment: the reason field opens focused, Cancel returns to Reject, the result takes the focus', async () => {
    const page = await session.open('about:blank', async () => {});
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${inject('mockedAppUrl')}/moves/${SEED_LOCATORS.approvalsRequested}/details`);
    await detailsReady(SEED_LOCATORS.approvalsRequested)(page);
    const card = page.getByRole('region', { name: /^Shipment 2:/ });

    await tabTo(page, card.getByRole('button', { name: 'Reject shipment 2' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, /^textarea/);
    await tabTo(page, card.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'button: Reject shipment 2');

    await page.keyboard.press('Enter');
    await expectFocusOn(page, /^textarea/);
    await page.keyboard.type('Not authorized by the orders');
    await tabTo(page, card.getByRole('button', { name: 'Confirm rejection' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'section: Shipment 2 rejected.');
    expect(await sideways(page)).toBe(0);
  });

  it('edits the customer through a colleague’s change, reloaded first and then saved on top', async () => {
    const page = await openSubmittedDetails(session);
    await page.setViewportSize({ width: 320, height: 800 });
    const colleague = await openSubmittedDetails(session);
    await page.bringToFront();

    const customer = customerRegion(page);
    await tabTo(page, customer.getByRole('button', { name: 'Edit customer info' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit customer' });
    await tabTo(page, textField(form, 'Email'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(NEW_EMAIL);

    // The colleague saves a new phone in the other tab.
    const theirs = await openCustomerForm(colleague);
    await textField(theirs, 'Phone').fill(NEW_PHONE);
    await theirs.getByRole('button', { name: 'Save' }).click();
    await liveRegion(colleague, 'status', 'Customer info saved.').waitFor();

    // Back in the user's tab, the page notices and offers to reload.
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const notice = customer.getByText(/Updated by someone else/);
    await tabTo(page, notice.getByRole('button', { name: 'Reload' }), { back: true });
    await page.keyboard.press('Enter');

    // The form moved onto their version at once: it and the summary agree.
    await expectFocusOn(page, 'section: Someone else changed this customer while you edited it');
    expect(await textField(form, 'Phone').inputValue()).toBe(NEW_PHONE);
    expect(await textField(form, 'Email').inputValue()).toBe(NEW_EMAIL);
    await customer.getByText(NEW_PHONE, { exact: true }).waitFor();
    expect(await notice.count()).toBe(0);

    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 412) refused.push(response.url());
    });
    await tabTo(page, form.getByRole('button', { name: 'Save my changes on top of theirs' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'section: Customer info saved.');
    expect(refused).toEqual([]);
    await customer.getByText(NEW_EMAIL, { exact: true }).waitFor();
    await customer.getByText(NEW_PHONE, { exact: true }).waitFor();
    expect(await sideways(page)).toBe(0);
  });
});
