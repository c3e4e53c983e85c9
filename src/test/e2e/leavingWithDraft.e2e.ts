// Nothing typed is thrown away unasked: leaving the move's page (closing the
// tab, reloading) while an edit form has unsaved changes brings up the
// browser's own question, and staying keeps the draft.
import type { Dialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, openSubmittedDetails, setupBrowser } from './browser';
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
});
