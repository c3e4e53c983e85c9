// Nothing typed is thrown away unasked: leaving the move's page (closing the
// tab, reloading, the browser's Back) while an edit form has unsaved changes
// brings up the browser's own question, and staying keeps the draft.
import type { Dialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import {
  detailsReady,
  detailsUrl,
  openSubmittedDetails,
  queueReady,
  setupBrowser,
} from './browser';
import { openCustomerForm, textField } from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();

/** The questions the browser asks before the page unloads; answered by `answer`. */
function beforeUnloadQuestions(page: Page, answer: (dialog: Dialog) => Promise<void>) {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void answer(dialog);
  });
  return asked;
}

describe('leaving the page with an edit form open', () => {
  it('asks before closing the tab while the draft has unsaved changes; Stay keeps it', async () => {
    const page = await openSubmittedDetails(session);
    const asked = beforeUnloadQuestions(page, (dialog) => dialog.dismiss());
    const form = await openCustomerForm(page);
    await textField(form, 'Email').fill('stays@example.mil');

    await page.close({ runBeforeUnload: true });

    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await textField(form, 'Email').inputValue()).toBe('stays@example.mil');
  });

  it('asks before a reload, and reloads once the user agrees', async () => {
    const page = await openSubmittedDetails(session);
    const asked = beforeUnloadQuestions(page, (dialog) => dialog.accept());
    const form = await openCustomerForm(page);
    await textField(form, 'Phone').fill('210-555-0142');

    await page.reload();
    await detailsReady(locator)(page);

    expect(asked).toEqual(['beforeunload']);
    expect(await page.getByRole('form', { name: 'Edit customer' }).count()).toBe(0);
  });

  it('asks nothing when the open form holds no change', async () => {
    const page = await openSubmittedDetails(session);
    const asked = beforeUnloadQuestions(page, (dialog) => dialog.dismiss());
    const form = await openCustomerForm(page);
    // Typed and put back: the same as the customer's record.
    const email = textField(form, 'Email');
    const loaded = await email.inputValue();
    await email.fill('other@example.mil');
    await email.fill(loaded);

    await page.reload();
    await detailsReady(locator)(page);

    expect(asked).toEqual([]);
  });

  it("asks before the browser's Back leaves the move; Stay keeps the page and its draft, OK goes", async () => {
    const page = await session.open(`${new URL(detailsUrl(locator)).origin}/`, queueReady);
    await page.getByRole('link', { name: locator, exact: true }).click();
    await detailsReady(locator)(page);
    const answers = [false, true];
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void (answers.shift() ? dialog.accept() : dialog.dismiss());
    });
    const form = await openCustomerForm(page);
    await textField(form, 'Email').fill('stays@example.mil');
    const detailsAddress = page.url();

    await page.evaluate(() => window.history.back());

    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(
      'confirm: 1 edit form has unsaved changes: Customer info. Leave this page and discard it?',
    );
    await expect.poll(() => page.url()).toBe(detailsAddress);
    expect(await textField(form, 'Email').inputValue()).toBe('stays@example.mil');

    await page.evaluate(() => window.history.back());

    await page.getByRole('heading', { level: 1, name: 'Moves queue' }).waitFor();
    expect(asked).toHaveLength(2);
    // Forward again: the move's page, its form closed, and nothing asked.
    await page.evaluate(() => window.history.forward());
    await detailsReady(locator)(page);
    expect(await page.getByRole('form', { name: 'Edit customer' }).count()).toBe(0);
    expect(asked).toHaveLength(2);
  });
});
