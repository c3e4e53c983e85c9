// What an office user does on the details page, in words of the UI (roles and
// accessible names), shared by the browser tests.
import type { Locator, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../api/csrf';
import { BASE_COOKIE } from '../../../mocks/csrf';

export const mtoRegion = (page: Page) => page.getByRole('region', { name: 'Move task order' });
export const customerRegion = (page: Page) => page.getByRole('region', { name: 'Customer info' });
export const ordersRegion = (page: Page) => page.getByRole('region', { name: 'Orders' });
export const sendToPrimeButton = (page: Page) =>
  mtoRegion(page).getByRole('button', { name: 'Send to Prime', exact: true });

/**
 * Whether Send to Prime has nothing to send: offered only for shipments not
 * yet chosen, unavailable (aria-disabled) and saying so. Never a second
 * approval of the move.
 */
export async function nothingToSend(page: Page): Promise<boolean> {
  const button = sendToPrimeButton(page);
  if ((await button.count()) === 0) return true;
  return (
    (await button.getAttribute('aria-disabled')) === 'true' &&
    (
      await button.evaluate((element) => {
        const id = element.getAttribute('aria-describedby');
        return (id && document.getElementById(id)?.textContent) ?? '';
      })
    ).startsWith('Choose at least one shipment to approve')
  );
}

/** The value a record's details show under `label` ("Status", "Approved"...). */
export const detailOf = (record: Locator, label: string) =>
  record.locator(`dt:text-is("${label}") + dd`);
export const moveDetail = (page: Page, label: string) => detailOf(mtoRegion(page), label);
/** The details' "Status" once Send to Prime approved the move. */
export const moveApproved = (page: Page) =>
  moveDetail(page, 'Status').filter({ hasText: /^Move approved$/ });
/** The details' "Available to the Prime" once a shipment of the approved move was approved. */
export const availableToPrime = (page: Page) =>
  moveDetail(page, 'Available to the Prime').filter({ hasText: /^Since / });

/** The live region with role `role` that says `text` (they are all on the page from the start). */
export const liveRegion = (page: Page, role: 'alert' | 'status', text: string | RegExp) =>
  page.getByRole(role).filter({ hasText: text });

/** Nothing went wrong: every alert live region is empty. */
export async function expectNoAlert(page: Page): Promise<void> {
  const spoken = (await page.getByRole('alert').allTextContents()).filter((text) => text !== '');
  expect(spoken).toEqual([]);
}

/**
 * A text box of a form by the start of its label: the required marker
 * follows some labels, and "Phone is the preferred contact method" is a
 * checkbox, not the phone.
 */
export const textField = (form: Locator, label: string) =>
  form.getByRole('textbox', { name: new RegExp(`^${label}`) });

/** Opens the customer edit form and answers it. */
export async function openCustomerForm(page: Page): Promise<Locator> {
  await customerRegion(page).getByRole('button', { name: 'Edit customer info' }).click();
  const form = page.getByRole('form', { name: 'Edit customer' });
  await form.waitFor();
  return form;
}

/** Saves new TIO remarks on the move and waits until the page says they were saved. */
export async function saveTioRemarks(page: Page, remarks: string): Promise<void> {
  await mtoRegion(page).getByRole('button', { name: 'Edit TIO remarks' }).click();
  const form = page.getByRole('form', { name: 'Edit move' });
  await form.getByLabel('TIO remarks').fill(remarks);
  await form.getByRole('button', { name: 'Save' }).click();
  await liveRegion(page, 'status', 'Move task order saved.').waitFor();
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

/** The next request the page sends with this method to a URL ending in `pathEnd`. */
export const nextRequest = (page: Page, method: string, pathEnd: string) =>
  page.waitForRequest((request) => request.method() === method && request.url().endsWith(pathEnd));

/** Calls the API from inside the page, so in mock mode the service worker answers, as for the app. */
export async function apiGetInPage<T>(page: Page, path: string): Promise<T> {
  const { status, body } = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as unknown };
  }, path);
  expect(status, `GET ${path}`).toBe(200);
  return body as T;
}

/**
 * The cookies the server's CSRF layer set for `url` (the HttpOnly-ness of the
 * base cookie depends on who set it), and that `write` carried a masked copy
 * of this session's token. Every answer renews the masked cookie, so the
 * value sent is an older copy: it must differ from the cookie now and stand
 * for the same token.
 */
export async function expectCsrfEchoed(
  page: Page,
  write: Request,
  url: string,
  { baseHttpOnly }: { baseHttpOnly: boolean },
): Promise<void> {
  const cookies = await page.context().cookies(url);
  const base = cookies.find((cookie) => cookie.name === BASE_COOKIE);
  const masked = cookies.find((cookie) => cookie.name === CSRF_COOKIE);
  expect(base).toMatchObject({ httpOnly: baseHttpOnly, sameSite: 'Lax', path: '/' });
  expect(masked).toMatchObject({ httpOnly: false, sameSite: 'Lax', path: '/' });
  const sent = (await write.headerValue(CSRF_HEADER)) ?? '';
  expect(sent).not.toBe(masked?.value);
  expect(unmaskedCsrfToken(sent)).toBe(unmaskedCsrfToken(masked?.value ?? ''));
}

/**
 * The token a masked CSRF value stands for (GHC.md, "CSRF and session"):
 * base64 of a 32-byte pad followed by pad XOR token. Every masked value the
 * server hands out is new, but all of one session unmask to its base token.
 */
export function unmaskedCsrfToken(masked: string): string {
  const bytes = Buffer.from(masked, 'base64');
  expect(bytes.length, `a masked token is 64 bytes: ${masked}`).toBe(64);
  return Buffer.from(bytes.subarray(32).map((byte, index) => byte ^ bytes[index])).toString('hex');
}
