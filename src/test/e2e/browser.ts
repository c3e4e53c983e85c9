// One Chromium per test file, a fresh browser context per test: a context
// has its own localStorage and service worker, so each test starts on the
// mock's seed. Pages of one context share both, like two tabs of one office
// user; that is how two users on one server are played here.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';

/** Debian's `chromium` package; playwright-core brings no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No sandbox: CI runs as root in a container. The rest keeps Chromium
    // from fetching updates, components or sync data in the middle of a test.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ARTIFACTS = resolve(ROOT, 'test-results/e2e');
const slug = (text: string) =>
  text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

export interface BrowserSession {
  /** Opens `url` in a new tab of this test's context (tabs share localStorage) and waits until `ready` says the app rendered. */
  open: (url: string, ready: (page: Page) => Promise<unknown>) => Promise<Page>;
}

/**
 * Registers the hooks of a browser test file. When a test fails, every tab's
 * screenshot and the console log of all of them are saved under
 * test-results/e2e/ and their paths printed.
 */
export function setupBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let log: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start.');
    log = [];
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let tabs = 0;
    context.on('page', (page) => {
      const tab = `tab ${++tabs}`;
      page.on('console', (message) => log.push(`[${tab}] ${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => log.push(`[${tab}] uncaught: ${error.stack ?? error}`));
      page.on('requestfailed', (request) =>
        log.push(
          `[${tab}] failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`,
        ),
      );
    });
  });

  afterEach(async ({ task }) => {
    if (!context) return;
    try {
      if (task.result?.state === 'fail') {
        const dir = resolve(ARTIFACTS, slug(basename(task.file.name, '.e2e.ts')));
        await mkdir(dir, { recursive: true });
        const name = slug(task.name);
        const saved: string[] = [];
        for (const [index, page] of context.pages().entries()) {
          const path = resolve(dir, `${name}.tab${index + 1}.png`);
          await page.screenshot({ path, fullPage: true }).then(
            () => saved.push(path),
            (error: Error) => log.push(`(no screenshot of tab ${index + 1}: ${error.message})`),
          );
        }
        const logPath = resolve(dir, `${name}.console.log`);
        await writeFile(logPath, log.join('\n') + '\n');
        saved.push(logPath);
        console.error(`Browser test failed; saved:\n  ${saved.join('\n  ')}`);
      }
    } finally {
      await context.close();
      context = undefined;
    }
  });

  return {
    open: async (url, ready) => {
      if (!context) throw new Error('No browser context outside a test.');
      const page = await context.newPage();
      await page.goto(url);
      await ready(page);
      return page;
    },
  };
}

/** The queue has rendered its rows, so the app (and the service worker, if any) is up. */
export const queueReady = (page: Page) =>
  page.getByRole('table').getByRole('link').first().waitFor();

/** The details page has rendered the move, not its loading message. */
export const detailsReady = (locator: string) => (page: Page) =>
  page.getByRole('heading', { level: 1, name: `Move ${locator}` }).waitFor();

/** A seeded move's details page, in the app that mocks in its service worker unless `appUrl` says otherwise. */
export const detailsUrl = (locator: string, appUrl = inject('mockedAppUrl')) =>
  `${appUrl}/moves/${locator}/details`;

/** Opens the submitted move (ready for Send to Prime) in the app that mocks in its service worker. */
export const openSubmittedDetails = (session: BrowserSession) =>
  session.open(detailsUrl(SEED_LOCATORS.submitted), detailsReady(SEED_LOCATORS.submitted));

interface AxeViolation {
  rule: string;
  /** The CSS selector of the offending element. */
  target: string;
  /** What axe found there, e.g. the two colors and their contrast ratio. */
  detail: string;
}

/** Runs axe-core in the page, color contrast included; one entry per offending element. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: resolve(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    // axe.min.js defines a global `axe`; the page's own types know nothing of it.
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        target: node.target.join(' '),
        detail: node.failureSummary ?? violation.help,
      })),
    );
  });
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}
