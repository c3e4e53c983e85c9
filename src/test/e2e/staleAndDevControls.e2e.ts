// What a tab learns before its user acts, and the developer controls that
// let anyone reproduce a colleague's change in seconds.
import { describe, expect, it } from 'vitest';
import type { Move } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, detailsUrl, openSubmittedDetails, setupBrowser } from './browser';
import {
  apiGetInPage,
  liveRegion,
  moveApproved,
  moveDetail,
  mtoRegion,
  nothingToSend,
  openCustomerForm,
  sendToPrimeButton,
  textField,
} from './officeUser';

const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();
const openDetails = () => openSubmittedDetails(session);

/** The move but for when its lock expires: each read by the lock's holder pushes that on. */
const withoutLockExpiry = ({ lockExpiresAt: _expires, ...move }: Move) => move;

describe('stale before you click', () => {
  it('tells the other tab the move was updated by someone else, and Reload shows it', async () => {
    const alice = await openDetails();
    const bob = await openDetails();

    await sendToPrimeButton(alice).click();
    await moveApproved(alice).waitFor();

    // Bob has not clicked anything: the mock's change notice reached his tab.
    const notice = mtoRegion(bob)
      .getByRole('status')
      .filter({ hasText: 'Updated by someone else' });
    await notice.waitFor();
    // The page itself still shows the version Bob loaded.
    expect(await moveDetail(bob, 'Status').textContent()).toBe('New move');
    expect(await sendToPrimeButton(bob).count()).toBe(1);

    await notice.getByRole('button', { name: 'Reload' }).click();

    await moveApproved(bob).waitFor();
    await expect.poll(() => notice.count()).toBe(0);
    expect(await nothingToSend(bob)).toBe(true);
  });
});

describe('developer controls', () => {
  it('act as another user on the move, so the next Send to Prime meets a real conflict', async () => {
    const page = await openDetails();
    const before = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(before.tioRemarks).toBeUndefined();

    await page.getByText('Developer controls (mock API)').click();
    await page.getByLabel('Record').selectOption({ label: `Move ${locator}` });
    await page.getByRole('button', { name: 'Act as another user' }).click();
    await page.getByText(`Move ${locator}: Changed TIO remarks to`).waitFor();

    const after = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(after.eTag).not.toBe(before.eTag);
    expect(after.tioRemarks).toBeTruthy();

    await sendToPrimeButton(page).click();
    const alert = liveRegion(page, 'alert', 'Someone else changed this move');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`TIO remarks: (empty) → '${after.tioRemarks}'`);
    // The 412 changed nothing: the move still waits for approval.
    expect((await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`)).status).toBe('SUBMITTED');

    await alert.getByRole('button', { name: 'Send to Prime again' }).click();
    await moveApproved(page).waitFor();
    await liveRegion(page, 'status', 'The move was approved').waitFor();
  });

  it('reset the mock data to its seed', async () => {
    const page = await openDetails();
    const seeded = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    await sendToPrimeButton(page).click();
    await moveApproved(page).waitFor();

    await page.getByText('Developer controls (mock API)').click();
    await page.getByRole('button', { name: 'Reset mock data' }).click();

    await page.waitForEvent('load');
    await detailsReady(locator)(page);
    const reset = await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`);
    expect(withoutLockExpiry(reset)).toEqual(withoutLockExpiry(seeded));
    expect(reset.status).toBe('SUBMITTED');
    await sendToPrimeButton(page).waitFor();
  });

  it('ask before a reset throws away an unsaved edit, and reset nothing on Cancel', async () => {
    const page = await openDetails();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await sendToPrimeButton(page).click();
    await moveApproved(page).waitFor();
    const form = await openCustomerForm(page);
    await textField(form, 'Email').fill('kept@example.mil');

    await page.getByText('Developer controls (mock API)').click();
    const reset = page.getByRole('button', { name: 'Reset mock data' });
    // By keyboard, as a keyboard user would.
    await reset.focus();
    await page.keyboard.press('Enter');
    const question = page.getByText(
      '1 edit form has unsaved changes: Customer info. Reset and discard it?',
    );
    await question.waitFor();
    await expect
      .poll(() => question.evaluate((element) => element === document.activeElement))
      .toBe(true);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => question.count()).toBe(0);
    expect(await reset.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await textField(form, 'Email').inputValue()).toBe('kept@example.mil');
    // Nothing was reset: the move is still approved.
    expect((await apiGetInPage<Move>(page, `/ghc/v1/move/${locator}`)).status).toBe('APPROVED');

    // Asked again and confirmed: the reset goes through, and its reload asks nothing more.
    await reset.click();
    await page.getByRole('button', { name: 'Reset and discard' }).click();
    await page.waitForEvent('load');
    await detailsReady(locator)(page);
    await sendToPrimeButton(page).waitFor();
    expect(asked).toEqual([]);
  });

  it.each([320, 1024, 1440, 1760, 1920])(
    'at %i px wide cover none of the page’s text or controls, open or closed',
    async (width) => {
      const page = await session.open('about:blank', async () => {});
      await page.setViewportSize({ width, height: 640 });
      await page.goto(detailsUrl(locator));
      await detailsReady(locator)(page);
      await page.getByRole('heading', { name: 'Service items' }).waitFor();
      const controls = page.getByRole('complementary', { name: 'Developer controls (mock API)' });
      // Kept in view in the corner only where there is room beside the page's column.
      expect(await controls.evaluate((element) => getComputedStyle(element).position)).toBe(
        width >= 1760 ? 'fixed' : 'static',
      );

      for (const opened of [false, true]) {
        if (opened) await page.getByText('Developer controls (mock API)').click();
        // At every scroll position, each text and control of the page is the
        // page's at its left, middle and right, not the panel's.
        const covered = await page.evaluate(async () => {
          const panel = document.querySelector('aside.dev-controls');
          const content = [...document.body.querySelectorAll('header *, main *, footer *')].filter(
            (element) =>
              element.matches('a, button, input, select, textarea, label, summary') ||
              (element.childElementCount === 0 && element.textContent?.trim()),
          );
          const hidden: string[] = [];
          const step = window.innerHeight / 2;
          for (let top = 0; top < document.documentElement.scrollHeight; top += step) {
            window.scrollTo(0, top);
            await new Promise(requestAnimationFrame);
            for (const element of content) {
              for (const rect of element.getClientRects()) {
                for (
                  let y = Math.max(rect.top, 0) + 2;
                  y < Math.min(rect.bottom, innerHeight);
                  y += 12
                ) {
                  for (const x of [rect.left + 2, rect.left + rect.width / 2, rect.right - 2]) {
                    if (panel?.contains(document.elementFromPoint(x, y))) {
                      const what = element.textContent?.trim().slice(0, 30) ?? '';
                      hidden.push(`${element.tagName} '${what}' at ${Math.round(top + y)} px`);
                    }
                  }
                }
              }
            }
          }
          return [...new Set(hidden)];
        });
        expect(covered).toEqual([]);
        // The panel is still on the page, where a user reaches it by scrolling.
        await controls.scrollIntoViewIfNeeded();
        expect(await controls.isVisible()).toBe(true);
      }
    },
  );

  it('keep the mock quiet in the console, and log its requests once asked to', async () => {
    const page = await openDetails();
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await page.reload();
    await detailsReady(locator)(page);
    expect(logged.filter((text) => text.includes('[MSW]'))).toEqual([]);

    await page.getByText('Developer controls (mock API)').click();
    await page.getByText('Log mock requests in the console (from the next reload)').click();
    await page.reload();
    await detailsReady(locator)(page);
    await expect
      .poll(() => logged.filter((text) => /\[MSW\].*GET \/ghc\/v1\/move\//.test(text)).length)
      .toBeGreaterThan(0);
  });
});
