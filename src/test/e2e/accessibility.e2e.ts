// axe-core in a real browser, so what jsdom cannot judge (color contrast,
// layout) is judged too, on every state of the pages a TOO meets.
import { describe, inject, it } from 'vitest';
import { expectNoAxeViolations, openDraftDetails, queueReady, setupBrowser } from './browser';
import { liveRegion, mtoRegion, openCustomerForm, sendToPrimeButton } from './officeUser';

const appUrl = inject('mockedAppUrl');
const session = setupBrowser();
const openDetails = () => openDraftDetails(session);

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

  it('has no violations with the Send to Prime conflict alert shown', async () => {
    const colleague = await openDetails();
    const page = await openDetails();
    await mtoRegion(colleague).getByRole('button', { name: 'Edit TIO remarks' }).click();
    const form = colleague.getByRole('form', { name: 'Edit move' });
    await form.getByLabel('TIO remarks').fill('Hold until orders are amended');
    await form.getByRole('button', { name: 'Save' }).click();
    await liveRegion(colleague, 'status', 'Move task order saved.').waitFor();

    await sendToPrimeButton(page).click();

    const alert = liveRegion(page, 'alert', 'Someone else changed this move');
    await alert.getByRole('button', { name: 'Send to Prime again' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('has no violations with the edit conflict panel and its choices shown', async () => {
    const colleague = await openDetails();
    const page = await openDetails();
    const form = await openCustomerForm(page);
    await form.getByLabel(/^Phone/).fill('210-555-0222');
    const colleaguesForm = await openCustomerForm(colleague);
    await colleaguesForm.getByLabel(/^Phone/).fill('210-555-0111');
    await colleaguesForm.getByRole('button', { name: 'Save' }).click();
    await liveRegion(colleague, 'status', 'Customer info saved.').waitFor();

    await form.getByRole('button', { name: 'Save' }).click();

    await form.getByRole('group', { name: 'You both changed Phone: which to keep?' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
