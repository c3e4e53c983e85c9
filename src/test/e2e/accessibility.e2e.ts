// axe-core in a real browser, so what jsdom cannot judge (color contrast,
// layout) is judged too, on every state of the pages a TOO meets.
import { describe, expect, inject, it } from 'vitest';
import {
  detailsReady,
  expectNoAxeViolations,
  openSubmittedDetails,
  queueReady,
  setupBrowser,
} from './browser';
import {
  liveRegion,
  openCustomerForm,
  saveTioRemarks,
  sendToPrimeButton,
  textField,
} from './officeUser';

const appUrl = inject('mockedAppUrl');
const session = setupBrowser();
const openDetails = () => openSubmittedDetails(session);

describe('accessibility in the browser, color contrast included', () => {
  it('has no violations on the moves queue', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);
    await expectNoAxeViolations(page);
  });

  it('has no violations on the details page and with the edit form open', async () => {
    const page = await openDetails();
    await expectNoAxeViolations(page);

    await openCustomerForm(page);
    await expectNoAxeViolations(page);
  });

  it('has no violations once the move is approved and its shipments await approval', async () => {
    const page = await openDetails();
    await sendToPrimeButton(page).click();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
    await page.getByRole('button', { name: 'Approve shipment 1' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('has no violations with the Send to Prime conflict alert shown', async () => {
    const colleague = await openDetails();
    const page = await openDetails();
    await saveTioRemarks(colleague, 'Hold until orders are amended');

    await sendToPrimeButton(page).click();

    const alert = liveRegion(page, 'alert', 'Someone else changed this move');
    await alert.getByRole('button', { name: 'Send to Prime again' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('has no violations with the edit conflict panel and its choices shown', async () => {
    const colleague = await openDetails();
    const page = await openDetails();
    const form = await openCustomerForm(page);
    await textField(form, 'Phone').fill('210-555-0222');
    const colleaguesForm = await openCustomerForm(colleague);
    await textField(colleaguesForm, 'Phone').fill('210-555-0111');
    await colleaguesForm.getByRole('button', { name: 'Save' }).click();
    await liveRegion(colleague, 'status', 'Customer info saved.').waitFor();

    await form.getByRole('button', { name: 'Save' }).click();

    await form.getByRole('group', { name: 'You both changed Phone: which to keep?' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('names the page in the tab’s title and starts a new page at its content, ringed for keyboard users only', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);
    expect(await page.title()).toBe('Moves queue – TOO office');
    const main = page.getByRole('main');
    const focus = () =>
      main.evaluate((element) => ({
        focused: element === document.activeElement,
        ring: getComputedStyle(element).outlineStyle !== 'none',
      }));

    // A mouse click: the focus moves to the new page's content, without a ring.
    const link = page.getByRole('table').getByRole('link').first();
    const locator = (await link.textContent()) ?? '';
    await link.click();
    await detailsReady(locator)(page);
    // The title names the move and its customer, as the heading does.
    expect(await page.title()).toMatch(new RegExp(`^Move ${locator} · \\S.* – TOO office$`));
    expect(await focus()).toEqual({ focused: true, ring: false });

    // The keyboard: Back to the queue, then a move opened with Enter; the ring shows.
    await page.goBack();
    await queueReady(page);
    expect(await page.title()).toBe('Moves queue – TOO office');
    await link.focus();
    await page.keyboard.press('Enter');
    await detailsReady(locator)(page);
    expect(await focus()).toEqual({ focused: true, ring: true });
  });
});
