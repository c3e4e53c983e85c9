// Reflow (WCAG 1.4.10): at 320, 400 and 1280 px the queue and a move's page
// work without scrolling the page sideways, nothing the user presses is cut
// off, and no word breaks in the middle. A table wider than the window
// scrolls inside a labelled region of its own.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, detailsUrl, queueReady, setupBrowser } from './browser';

const session = setupBrowser();

interface Reflow {
  /** How far the page scrolls sideways, in px. */
  sideways: number;
  /** Controls reaching past the window's edges (outside a scroll region). */
  cutOff: string[];
  /** Words drawn over two lines. */
  splitWords: string[];
}

/** What the page, as drawn now, does at its width. */
function reflowOf(page: Page): Promise<Reflow> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScrollRegion = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        if (at.getAttribute('role') === 'region' && getComputedStyle(at).overflowX === 'auto') {
          return true;
        }
      }
      return false;
    };
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    // USWDS draws a checkbox on its label and moves the input itself out of
    // sight (far to the left): that one is hidden by design, not cut off.
    const hiddenByDesign = (element: Element) => element.getBoundingClientRect().right <= 0;
    const cutOff = [...document.querySelectorAll('button, a, input, select, textarea, summary')]
      .filter((element) => visible(element) && !inScrollRegion(element) && !hiddenByDesign(element))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
      })
      .map((element) => `${element.tagName} "${element.textContent?.trim().slice(0, 40)}"`);

    const splitWords: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!node.parentElement || !visible(node.parentElement)) continue;
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) splitWords.push(match[0]);
      }
    }
    return {
      sideways: document.documentElement.scrollWidth - width,
      cutOff,
      splitWords,
    };
  });
}

async function openAt(width: number, url: string, ready: (page: Page) => Promise<void>) {
  const page = await session.open('about:blank', async () => {});
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url);
  await ready(page);
  return page;
}

describe.each([320, 400, 1280])('at %i px wide', (width) => {
  it('the queue scrolls no page sideways, cuts nothing off and splits no word', async () => {
    const page = await openAt(width, `${inject('mockedAppUrl')}/`, queueReady);
    expect(await reflowOf(page)).toEqual({ sideways: 0, cutOff: [], splitWords: [] });
    // Wider than the window, the table scrolls in a region a keyboard user can reach.
    const box = page.getByRole('region', { name: /^Moves table/ });
    expect(await box.getAttribute('tabindex')).toBe('0');
  });

  it.each([SEED_LOCATORS.submitted, SEED_LOCATORS.approvalsRequested])(
    'the page of %s, developer controls open, scrolls no page sideways, cuts nothing off and splits no word',
    async (locator) => {
      const page = await openAt(width, detailsUrl(locator), detailsReady(locator));
      await page.getByRole('heading', { name: 'Service items' }).waitFor();
      await page.getByText('Developer controls (mock API)').click();
      expect(await reflowOf(page)).toEqual({ sideways: 0, cutOff: [], splitWords: [] });
    },
  );
});
