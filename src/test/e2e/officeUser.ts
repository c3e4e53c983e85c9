// What an office user does on the details page, in words of the UI (roles and
// accessible names), shared by the browser tests.
import type { Locator, Page, Request } from 'playwright-core';
import { expect } from 'vitest';

export const mtoRegion = (page: Page) => page.getByRole('region', { name: 'Move task order' });
export const customerRegion = (page: Page) => page.getByRole('region', { name: 'Customer info' });
export const sendToPrimeButton = (page: Page) =>
  mtoRegion(page).getByRole('button', { name: 'Send to Prime', exact: true });
/** The details' "Status" value once the move went to the Prime. */
export const availableToPrime = (page: Page) =>
  mtoRegion(page)
    .locator('dd')
    .filter({ hasText: /^Available to Prime since/ });

/** The live region with role `role` that says `text` (they are all on the page from the start). */
export const liveRegion = (page: Page, role: 'alert' | 'status', text: string | RegExp) =>
  page.getByRole(role).filter({ hasText: text });

/** Nothing went wrong: every alert live region is empty. */
export async function expectNoAlert(page: Page): Promise<void> {
  const spoken = (await page.getByRole('alert').allTextContents()).filter((text) => text !== '');
  expect(spoken).toEqual([]);
}

/** Opens the customer edit form and answers it. */
export async function openCustomerForm(page: Page): Promise<Locator> {
  await customerRegion(page).getByRole('button', { name: 'Edit customer info' }).click();
  const form = page.getByRole('form', { name: 'Edit customer' });
  await form.waitFor();
  return form;
}

export const PATCH_STATUS_PATH = /\/ghc\/v1\/move-task-orders\/[^/]+\/status$/;

/** Every Send to Prime PATCH the page sends from now on, answered by the service worker or not. */
export function recordStatusPatches(page: Page): Request[] {
  const patches: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && PATCH_STATUS_PATH.test(request.url())) {
      patches.push(request);
    }
  });
  return patches;
}

/** Calls the API from inside the page, so in mock mode the service worker answers, as for the app. */
export async function apiGetInPage<T>(page: Page, path: string): Promise<T> {
  const { status, body } = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as unknown };
  }, path);
  expect(status, `GET ${path}`).toBe(200);
  return body as T;
}
