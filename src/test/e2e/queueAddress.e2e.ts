// The queue's sort and filters live in the address bar: the browser's Back
// and Forward step through them, and a reload or a shared link shows the
// same view.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { queueReady, setupBrowser } from './browser';

const appUrl = inject('mockedAppUrl');
const session = setupBrowser();

const sortOf = (page: Page, column: string) =>
  page.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
const customerNameSort = (page: Page) => sortOf(page, 'Customer name');

/** The customer names of the rows on screen, top to bottom. */
const names = (page: Page) => page.locator('tbody tr td:nth-child(2)').allTextContents();
/** The statuses of the rows on screen. */
const statuses = (page: Page) => page.locator('tbody tr td:nth-child(4)').allTextContents();

describe('the queue’s view in the address bar', () => {
  it('steps back and forward through sorts and filters, and keeps them over a reload', async () => {
    const page = await session.open(`${appUrl}/?sort=customerName&order=desc`, queueReady);
    await expect.poll(() => customerNameSort(page)).toBe('descending');
    const descending = await names(page);

    await page.getByRole('button', { name: 'Customer name' }).click();
    await expect.poll(() => customerNameSort(page)).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('order')).toBe('asc');
    await expect.poll(() => names(page)).not.toEqual(descending);
    const ascending = await names(page);

    // USWDS draws its own box over the checkbox: a user clicks the label.
    const statusFilter = page.getByRole('group', { name: 'Status' });
    await statusFilter.getByText('Approvals requested', { exact: true }).click();
    expect(await statusFilter.getByLabel('Approvals requested').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('status'))
      .toBe('APPROVALS REQUESTED');
    await expect.poll(async () => (await names(page)).length).toBeLessThan(descending.length);
    const waiting = await names(page);
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(await statuses(page))).toEqual(new Set(['Approvals requested']));

    await page.goBack();
    await expect.poll(() => names(page)).toEqual(ascending);
    await page.goBack();
    await expect.poll(() => customerNameSort(page)).toBe('descending');
    await expect.poll(() => names(page)).toEqual(descending);
    await page.goForward();
    await expect.poll(() => customerNameSort(page)).toBe('ascending');

    await page.goForward();
    await expect.poll(() => names(page)).toEqual(waiting);
    await page.reload();
    await queueReady(page);
    await expect.poll(() => names(page)).toEqual(waiting);
    expect(await customerNameSort(page)).toBe('ascending');
  });

  it('comes back from a move to the view of the queue it was opened from', async () => {
    const page = await session.open(`${appUrl}/`, queueReady);
    // The queue opens as MilMove's does: by status, waiting for approvals first.
    expect(await sortOf(page, 'Status')).toBe('descending');
    const byStatus = await names(page);
    await page.getByRole('button', { name: 'Customer name' }).click();
    await expect.poll(() => customerNameSort(page)).toBe('ascending');
    const sorted = await names(page);

    await page.locator('tbody th a').first().click();
    await page.getByRole('heading', { level: 1, name: /^Move / }).waitFor();
    await page.goBack();
    await expect.poll(() => customerNameSort(page)).toBe('ascending');
    await expect.poll(() => names(page)).toEqual(sorted);
    await page.goBack();
    await expect.poll(() => customerNameSort(page)).toBeNull();
    expect(await sortOf(page, 'Status')).toBe('descending');
    await expect.poll(() => names(page)).toEqual(byStatus);
  });
});
