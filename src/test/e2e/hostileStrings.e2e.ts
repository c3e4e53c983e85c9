// Server strings are data, never markup, and long ones do not break the
// layout: an office user saves HTML-like and very long unbroken values, and
// every page that shows them is checked in Chromium, where layout is real.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, openSubmittedDetails, queueReady, setupBrowser } from './browser';
import {
  customerRegion,
  liveRegion,
  openCustomerForm,
  ordersRegion,
  saveTioRemarks,
  textField,
} from './officeUser';

const appUrl = inject('mockedAppUrl');
const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();

// Each would run script or add an element if the page rendered it as HTML.
const IMG = '<img src=x onerror="window.__injected=1">';
const SCRIPT = '<script>window.__injected=2</script>';
const SVG = '<svg onload="window.__injected=3">';
// Long values with no place to break a line, each one the document accepts:
// it sets no maximum length for names or TIO remarks, and an email only has
// to match its pattern. The SAC is as long as the orders form lets it be.
const LONG_FIRST_NAME = 'W'.repeat(300);
const LONG_EMAIL = `${'m'.repeat(120)}@${'x'.repeat(120)}.mil`;
const LONG_REMARKS = `${SCRIPT}${'R'.repeat(4000 - SCRIPT.length)}`;
const LONG_SAC = 'S'.repeat(80);

/** Markup that got into the page, and whether any of it ran. */
function injected(page: Page) {
  return page.evaluate(() => ({
    ran: (window as unknown as { __injected?: number }).__injected ?? null,
    elements: document.querySelectorAll('main img, main script, main svg[onload]').length,
  }));
}

/**
 * How far the page reaches past the window sideways, and what sticks out, at
 * each width. A box made to scroll sideways (the queue's table below its
 * minimum width) may hold content wider than the window, but no wider than
 * that content's own minimum width: a long value must not widen it.
 * Everywhere, no element's content may spill out of its own box.
 */
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
    const scrollsSideways = (element: Element) =>
      ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    const inScrollBox = (element: Element) => {
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (scrollsSideways(box)) return true;
      }
      return false;
    };
    const minWidthOfContent = (box: Element) =>
      Math.max(
        0,
        ...[...box.children].map((child) => parseFloat(getComputedStyle(child).minWidth) || 0),
      );
    const sticksOut = (element: Element) => {
      if (scrollsSideways(element)) {
        return element.scrollWidth > Math.max(element.clientWidth, minWidthOfContent(element)) + 1;
      }
      const spills =
        getComputedStyle(element).overflowX === 'visible' &&
        element.clientWidth > 0 &&
        element.scrollWidth > element.clientWidth + 1;
      return spills || (!inScrollBox(element) && element.getBoundingClientRect().right > width + 1);
    };
    const wide = [...document.querySelectorAll('main *')]
      .filter(sticksOut)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { past: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
}

const NO_OVERFLOW = [1280, 800].map((width) => ({ width, past: 0, wide: [] }));

describe('server strings in the page', () => {
  it('shows HTML-like and very long values as text, in place, on the details page and the queue', async () => {
    const page = await openSubmittedDetails(session);

    const form = await openCustomerForm(page);
    await textField(form, 'First name').fill(LONG_FIRST_NAME);
    await textField(form, 'Last name').fill(IMG);
    await textField(form, 'Middle name').fill(SVG);
    await textField(form, 'Email').fill(LONG_EMAIL);
    await form.getByRole('button', { name: 'Save' }).click();
    await liveRegion(page, 'status', 'Customer info saved.').waitFor();

    await ordersRegion(page).getByRole('button', { name: 'Edit orders' }).click();
    const orders = page.getByRole('form', { name: 'Edit orders' });
    await textField(orders, 'HHG SAC').fill(LONG_SAC);
    await orders.getByRole('button', { name: 'Save' }).click();
    await liveRegion(page, 'status', 'Orders saved.').waitFor();

    await saveTioRemarks(page, LONG_REMARKS);

    // A reload shows what the server holds, not what was typed.
    await page.reload();
    await detailsReady(locator)(page);
    const customer = customerRegion(page);
    for (const value of [LONG_FIRST_NAME, IMG, SVG, LONG_EMAIL]) {
      expect(await customer.getByText(value, { exact: false }).count()).toBeGreaterThan(0);
    }
    expect(await page.getByText(LONG_REMARKS, { exact: true }).count()).toBe(1);
    expect(await ordersRegion(page).getByText(LONG_SAC, { exact: true }).count()).toBe(1);
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
