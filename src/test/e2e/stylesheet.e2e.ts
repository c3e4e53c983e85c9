// The production build ships USWDS's stylesheet pruned to the rules its code
// names (src/api/pruneCssPlugin.ts). Here every element of the app's pages, in
// the states an office user meets, with its ::before and ::after, must have
// the same computed style with the shipped stylesheet as with the whole one,
// at a desktop and a phone width.
import { copyFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { launchBrowser } from './browser';
import { sendToPrimeButton } from './officeUser';
import { buildProduction, serveBuild, type ServedBuild } from '../productionBuild';

const WHOLE_CSS = 'whole-stylesheet.css';

let browser: Browser;
let app: ServedBuild;
let appUrl = '';
let whole = '';

const cssFileOf = async (outDir: string) => {
  const [css, ...more] = (await readdir(join(outDir, 'assets'))).filter((f) => f.endsWith('.css'));
  if (!css || more.length > 0) throw new Error(`Expected one stylesheet in ${outDir}`);
  return css;
};

beforeAll(async () => {
  // The shipped build, and one with USWDS's whole stylesheet (PRUNE_CSS=off).
  const pruned = await buildProduction({ VITE_MOCK_API: 'on', PRUNE_CSS: 'on' });
  whole = await buildProduction({ VITE_MOCK_API: 'on', PRUNE_CSS: 'off' });
  // Beside the shipped one, so its url()s (fonts, images) resolve as the shipped one's do.
  await copyFile(join(whole, 'assets', await cssFileOf(whole)), join(pruned, 'assets', WHOLE_CSS));
  app = await serveBuild(pruned);
  appUrl = app.url;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (whole) await rm(whole, { recursive: true, force: true });
});

/** Every element's computed style, and its ::before's and ::after's, keyed by its place in the page. */
function computedStyles(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const pathOf = (element: Element): string => {
    const parts: string[] = [];
    for (
      let node: Element | null = element;
      node && node !== document.body;
      node = node.parentElement
    ) {
      const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
      const cls = node.getAttribute('class');
      parts.unshift(
        `${node.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}[${index}]`,
      );
    }
    return parts.join(' > ');
  };
  for (const element of [document.body, ...document.body.querySelectorAll('*')]) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
      const values: Record<string, string> = {};
      for (let i = 0; i < style.length; i += 1) {
        const name = style.item(i);
        values[name] = style.getPropertyValue(name);
      }
      out[`${pathOf(element)}${pseudo ?? ''}`] = values;
    }
  }
  return out;
}

/** The page with the shipped stylesheet swapped for the whole one. */
async function withWholeStylesheet(page: Page) {
  await page.evaluate(async (whole) => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
    if (!link) throw new Error('No stylesheet link');
    const loaded = new Promise((resolve, reject) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', reject, { once: true });
    });
    link.href = new URL(whole, link.href).href;
    await loaded;
    // The whole stylesheet's @font-face rules load their fonts anew; text measured before would be in the fallback font.
    await document.fonts.ready;
  }, WHOLE_CSS);
}

/** What differs between the page's computed styles with the shipped and with the whole stylesheet. */
async function differences(page: Page): Promise<string[]> {
  // Nothing in motion: a swapped stylesheet would start transitions.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const shipped = await page.evaluate(computedStyles);
  await withWholeStylesheet(page);
  const whole = await page.evaluate(computedStyles);
  const found: string[] = [];
  for (const key of new Set([...Object.keys(shipped), ...Object.keys(whole)])) {
    const a = shipped[key];
    const b = whole[key];
    if (!a || !b) {
      found.push(`${key}: ${a ? 'only with the shipped stylesheet' : 'only with the whole one'}`);
      continue;
    }
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[name] !== b[name])
        found.push(`${key} { ${name}: ${a[name]} (shipped), ${b[name]} (whole) }`);
    }
  }
  return found;
}

const locator = SEED_LOCATORS.submitted;

/** The states of the app's pages an office user meets, each reached on a fresh page. */
const STATES: { name: string; reach: (page: Page) => Promise<void> }[] = [
  {
    name: 'the moves queue',
    reach: async (page) => {
      await page.goto(`${appUrl}/`);
      await page.getByRole('table').getByRole('link').first().waitFor();
    },
  },
  {
    name: 'a move ready for Send to Prime, a shipment chosen, the developer controls open',
    reach: async (page) => {
      await page.goto(`${appUrl}/moves/${locator}/details`);
      await page.getByText(/^Shipment 1 \(/).click();
      await page.getByText('Developer controls (mock API)').click();
      await page.getByRole('button', { name: 'Act as another user' }).waitFor();
    },
  },
  {
    name: 'Send to Prime refused (a colleague changed the move)',
    reach: async (page) => {
      await page.goto(`${appUrl}/moves/${locator}/details`);
      await page.getByText('Developer controls (mock API)').click();
      await page.getByLabel('Record').selectOption({ label: `Move ${locator}` });
      await page.getByRole('button', { name: 'Act as another user' }).click();
      await page.getByText(`Move ${locator}: Changed TIO remarks to`).waitFor();
      await sendToPrimeButton(page).click();
      await page.getByRole('alert').filter({ hasText: 'Someone else changed this move' }).waitFor();
    },
  },
  {
    name: 'a move sent to the Prime, a shipment being rejected',
    reach: async (page) => {
      await page.goto(`${appUrl}/moves/${locator}/details`);
      await page.getByText(/^Shipment 1 \(/).click();
      await sendToPrimeButton(page).click();
      await page.getByRole('status').filter({ hasText: 'available to the Prime' }).waitFor();
      await page.getByRole('button', { name: /^Reject shipment 2/ }).click();
      await page.getByRole('textbox', { name: /reason/i }).waitFor();
    },
  },
  {
    name: 'the customer edit form',
    reach: async (page) => {
      await page.goto(`${appUrl}/moves/${locator}/details`);
      await page.getByRole('button', { name: 'Edit customer info' }).click();
      await page.getByRole('button', { name: 'Save' }).waitFor();
    },
  },
  {
    name: 'a move that is not found',
    reach: async (page) => {
      await page.goto(`${appUrl}/moves/NOPE00/details`);
      await page.getByRole('heading', { level: 1, name: 'Move NOPE00 not found' }).waitFor();
    },
  },
];

describe('the shipped stylesheet, pruned to what the code names', () => {
  for (const width of [1280, 375]) {
    for (const state of STATES) {
      it(`styles ${state.name} as the whole USWDS stylesheet does, ${width} px wide`, async () => {
        // The app's policy allows no inline style: the test's own, which stops transitions, needs that off.
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          bypassCSP: true,
        });
        try {
          const page = await context.newPage();
          await state.reach(page);
          // The developer controls come a moment after the page (their code loads once it is idle).
          await page.getByText('Developer controls (mock API)').waitFor();
          const found = await differences(page);
          expect(found.slice(0, 20), `${found.length} differences, the first 20:`).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('is a fraction of the whole one', async () => {
    const shipped = await (await fetch(`${appUrl}/`)).text();
    const href = /href="([^"]+\.css)"/.exec(shipped)?.[1] ?? '';
    const [pruned, whole] = await Promise.all(
      [href, `/assets/${WHOLE_CSS}`].map(async (path) => (await fetch(`${appUrl}${path}`)).text()),
    );
    expect(pruned.length).toBeGreaterThan(0);
    expect(pruned.length).toBeLessThan(whole.length / 3);
  });
});
