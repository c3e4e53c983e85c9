// Server strings are data, never markup, and long ones do not break the
// layout: an office user saves HTML-like and very long unbroken values (as
// long as the API allows), and every page that shows them is checked in
// Chromium, where layout is real.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, openDraftDetails, queueReady, setupBrowser } from './browser';
import { customerRegion, liveRegion, openCustomerForm } from './officeUser';

const appUrl = inject('mockedAppUrl');
const locator = SEED_LOCATORS.draft;
const session = setupBrowser();

// Each would run script or add an element if the page rendered it as HTML.
const IMG = '<img src=x onerror="window.__injected=1">';
const SCRIPT = '<script>window.__injected=2</script>';
const SVG = '<svg onload="window.__injected=3">';
// The longest values the API accepts, with no place to break a line.
const LONG_FIRST_NAME = 'W'.repeat(100);
const LONG_EMAIL = `${'m'.repeat(120)}@${'x'.repeat(120)}.mil`;
const LONG_REMARKS = `${SCRIPT}${'R'.repeat(2000 - SCRIPT.length)}`;

/** Markup that got into the page, and whether any of it ran. */
function injected(page: Page) {
  return page.evaluate(() => ({
    ran: (window as unknown as { __injected?: number }).__injected ?? null,
    elements: document.querySelectorAll('main img, main script, main svg[onload]').length,
  }));
}

/** How far the page reaches past the window sideways, and what sticks out, at each width. */
async function overflow(page: Page) {
  const found = [];
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    found.push({ width, ...(await overflowNow(page)) });
  }
  return found;
}

function overflowNow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { past: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
}

const NO_OVERFLOW = [1280, 800].map((width) => ({ width, past: 0, wide: [] }));

describe('server strings in the page', () => {
  it('shows HTML-like and very long values as text, in place, on the details page and the queue', async () => {
    const page = await openDraftDetails(session);

    const form = await openCustomerForm(page);
    await form.getByLabel(/^First name/).fill(LONG_FIRST_NAME);
    await form.getByLabel(/^Last name/).fill(IMG);
    await form.getByLabel(/^Middle name/).fill(SVG);
    await form.getByLabel(/^Email/).fill(LONG_EMAIL);
    await form.getByRole('button', { name: 'Save' }).click();
    await liveRegion(page, 'status', 'Customer info saved.').waitFor();

    await page.getByRole('button', { name: 'Edit TIO remarks' }).click();
    const remarks = page.getByRole('form', { name: 'Edit move' });
    await remarks.getByLabel('TIO remarks').fill(LONG_REMARKS);
    await remarks.getByRole('button', { name: 'Save' }).click();
    await liveRegion(page, 'status', 'Move task order saved.').waitFor();

    // A reload shows what the server holds, not what was typed.
    await page.reload();
    await detailsReady(locator)(page);
    const customer = customerRegion(page);
    for (const value of [LONG_FIRST_NAME, IMG, SVG, LONG_EMAIL]) {
      expect(await customer.getByText(value, { exact: false }).count()).toBeGreaterThan(0);
    }
    expect(await page.getByText(LONG_REMARKS, { exact: true }).count()).toBe(1);
    expect(await injected(page)).toEqual({ ran: null, elements: 0 });
    expect(await overflow(page)).toEqual(NO_OVERFLOW);

    // The queue shows the customer's name in a table cell.
    await page.goto(`${appUrl}/?locator=${locator}`);
    await queueReady(page);
    const row = page.getByRole('row', { name: new RegExp(locator) });
    expect(await row.textContent()).toContain(`${IMG}, ${LONG_FIRST_NAME}`);
    expect(await injected(page)).toEqual({ ran: null, elements: 0 });
    expect(await overflow(page)).toEqual(NO_OVERFLOW);
  });
});
