// A scripted office session against a slow and flaky GHC API: a seeded fault
// injector sits in front of the real mock handlers and, per request, passes it
// through, slows it down by 2–5 s, answers 500 or drops the connection. The
// user works two moves, switching with each reload (reloading again while the
// page fails to load): the submitted one, which they approve with Send to
// Prime before approving or rejecting its shipments, and the one waiting for
// approvals, whose new shipment and requested service item they decide. They
// edit the customer's phone on both, using the recovery buttons the page
// offers. After every step the page may show no success the mock does not
// hold (a status, a saved form, a recovery alert's "Done") and no button may
// stay busy; once the faults stop and the page refreshes, it shows the
// mock's data.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { seededRandom } from '../../../mocks/random';
import { seededMove } from '../../../mocks/testApi';
import { selectServiceItemIdsOfMove } from '../../entities/serviceItems/serviceItemsSlice';
import { selectShipmentIdsOfMove } from '../../entities/shipments/shipmentsSlice';
import {
  clickRecoveries,
  expectFreshData,
  expectNoStuckButton,
  injectedServerError,
  itemStatusLabel,
  pageLoaded,
  refreshEverything,
  region,
  serviceItemRows,
  settle,
  shipmentCards,
  shipmentStatusLabel,
  shownField,
  shownItemStatus,
  trackRequestsInFlight,
} from '../../test/faultSession';
import { renderRoute } from '../../test/renderWithProviders';

/** The moves of the session: each reload opens the other. */
const LOCATORS = [SEED_LOCATORS.submitted, SEED_LOCATORS.approvalsRequested];
const FAULT_SEED = 20260214;
const SCRIPT_SEED = 7;
/** The injector stops after this many faults (slowed, 500 or dropped), so the session can settle. */
const MAX_FAULTS = 90;
const ROUNDS = 21;
/**
 * The successes of its own writes the seeded session sees (its Send to Prime,
 * 5 decisions and 12 phone saves, each shown as done once it got through).
 */
const OWN_SUCCESSES = 18;

interface FaultCounts {
  requests: number;
  slowed: number;
  serverErrors: number;
  dropped: number;
}

/** A catch-all in front of the mock's handlers; returning undefined lets them answer. */
function installFaultInjector(seed: number, maxFaults: number) {
  const random = seededRandom(seed).next;
  const counts: FaultCounts = { requests: 0, slowed: 0, serverErrors: 0, dropped: 0 };
  let on = true;
  const faults = () => counts.slowed + counts.serverErrors + counts.dropped;
  // Slowed requests waiting on the (fake) clock.
  let parked = 0;
  server.use(
    http.all('*/ghc/v1/*', async () => {
      counts.requests += 1;
      if (!on || faults() >= maxFaults) return undefined;
      const roll = random();
      if (roll < 0.45) return undefined;
      if (roll < 0.75) {
        counts.slowed += 1;
        parked += 1;
        await delay(2000 + Math.floor(random() * 3001));
        parked -= 1;
        return undefined;
      }
      if (roll < 0.875) {
        counts.serverErrors += 1;
        return injectedServerError();
      }
      counts.dropped += 1;
      return HttpResponse.error();
    }),
  );
  return {
    counts,
    parked: () => parked,
    switchOff: () => {
      on = false;
    },
  };
}

/** The move as the mock holds it now, and its customer. */
const dbMove = (locator: string) => db.moveByLocator(locator)!;
const dbCustomer = (locator: string) =>
  db.find('customer', db.find('order', dbMove(locator).ordersId)!.serviceMemberId)!;

/**
 * What the recovery alert says when a write's answer was lost but the latest
 * version shows it. Here every fault strikes before the mock applies the
 * write, so the page must never say it; faultsAfterWrite.test.tsx is where
 * it is true.
 */
const UNCONFIRMED_DONE = 'Done, though the server did not confirm it';
const claimsUnconfirmedDone = (scope: HTMLElement) =>
  within(scope).queryAllByRole('region', { name: UNCONFIRMED_DONE }).length > 0;

describe('a session with slow and flaky responses', () => {
  it('never shows a false success, leaves no button stuck and shows fresh data after settling', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const inFlight = trackRequestsInFlight();
      const injector = installFaultInjector(FAULT_SEED, MAX_FAULTS);
      const script = seededRandom(SCRIPT_SEED).next;
      let view: ReturnType<typeof renderRoute> | undefined;
      let user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      let locator: string = LOCATORS[0];
      const store = () => view!.store;
      const shownShipmentIDs = () =>
        selectShipmentIdsOfMove(store().getState(), dbMove(locator).id);
      const shownItemIDs = () => selectServiceItemIdsOfMove(store().getState(), dbMove(locator).id);
      let typedPhone: string | null = null;
      let phones = 0;
      const seen = { loadFailures: 0, successes: 0, retries: 0 };
      const steps = { sends: 0, approvals: 0, rejections: 0, phoneEdits: 0, reloads: 0 };
      // What the session itself did: the moves it sent to the Prime, and the
      // decision it made on each shipment and service item (as the page words it).
      const sent = new Set<string>();
      const decided = new Map<string, 'Approved' | 'Rejected'>();
      // The successes the page showed for the session's own writes, each once.
      const caused = new Set<string>();

      // 1. The page never says something succeeded that the server does not hold.
      const checkNoFalseSuccess = (when: string) => {
        if (!pageLoaded(locator)) return;
        const move = dbMove(locator);
        const mto = region('Move task order');
        if (
          within(mto).queryAllByText('The move was approved').length > 0 ||
          shownField(mto, 'Approved') !== 'Not yet'
        ) {
          seen.successes += 1;
          expect(move.approvedAt, `${when}: move approved`).not.toBeNull();
          if (sent.has(locator)) caused.add(`move ${locator} approved`);
        }
        if (claimsUnconfirmedDone(mto)) {
          seen.successes += 1;
          expect(move.approvedAt, `${when}: ${UNCONFIRMED_DONE} (Send to Prime)`).not.toBeNull();
          caused.add(`move ${locator} approved`);
        }
        if (shownField(mto, 'Available to the Prime') !== 'Not yet') {
          seen.successes += 1;
          expect(move.availableToPrimeAt, `${when}: available to the Prime`).not.toBeNull();
        }
        const customer = region('Customer info');
        if (within(customer).queryAllByText('Customer info saved.').length > 0) {
          seen.successes += 1;
          expect(dbCustomer(locator).phone, `${when}: customer saved`).toBe(typedPhone);
          expect(shownField(customer, 'Phone'), `${when}: customer saved`).toBe(typedPhone);
          caused.add(`customer of ${locator}: phone ${typedPhone}`);
        }
        const shipmentIDs = shownShipmentIDs();
        shipmentCards().forEach((card, index) => {
          const status = shownField(card, 'Status');
          const held = shipmentStatusLabel(db.find('shipment', shipmentIDs[index])?.status);
          if (status === 'Approved' || status === 'Rejected') {
            seen.successes += 1;
            expect(held, `${when}: shipment ${index + 1}`).toBe(status);
            if (decided.get(shipmentIDs[index]) === status) {
              caused.add(`shipment ${shipmentIDs[index]} ${status}`);
            }
          }
          if (claimsUnconfirmedDone(card)) {
            seen.successes += 1;
            const decision = decided.get(shipmentIDs[index]);
            expect(held, `${when}: ${UNCONFIRMED_DONE} (shipment ${index + 1})`).toBe(decision);
            caused.add(`shipment ${shipmentIDs[index]} ${decision}`);
          }
        });
        const itemIDs = shownItemIDs();
        serviceItemRows().forEach((row, index) => {
          const status = shownItemStatus(row);
          const held = itemStatusLabel(db.find('serviceItem', itemIDs[index])?.status);
          if (status === 'Approved' || status === 'Rejected') {
            seen.successes += 1;
            expect(held, `${when}: service item ${index + 1}`).toBe(status);
            if (decided.get(itemIDs[index]) === status) {
              caused.add(`service item ${itemIDs[index]} ${status}`);
            }
          }
          if (claimsUnconfirmedDone(row)) {
            seen.successes += 1;
            const decision = decided.get(itemIDs[index]);
            expect(held, `${when}: ${UNCONFIRMED_DONE} (service item ${index + 1})`).toBe(decision);
            caused.add(`service item ${itemIDs[index]} ${decision}`);
          }
        });
      };

      const afterStep = async (when: string) => {
        await settle(inFlight, injector.parked);
        checkNoFalseSuccess(when);
        // 2. Nothing stays busy once every request has answered.
        expectNoStuckButton(store(), when);
      };

      /** Opens (or reloads) a move's page, reloading again while it fails to load. */
      const openPage = async (next: string) => {
        locator = next;
        for (let attempt = 0; attempt < 30; attempt += 1) {
          view?.unmount();
          view = renderRoute(`/moves/${locator}/details`);
          user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
          await afterStep(`page load of ${locator}`);
          if (pageLoaded(locator)) return;
          seen.loadFailures += 1;
          expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
            /The server could not be reached|The server had a problem/,
          );
        }
        throw new Error(`The page of ${locator} never loaded`);
      };

      const sendToPrime = async () => {
        const send = within(region('Move task order')).queryByRole('button', {
          name: 'Send to Prime',
        });
        // Offered with nothing to send (no shipment chosen): not a step of this session.
        if (send?.getAttribute('aria-disabled') === 'true') return false;
        if (!send) return false;
        steps.sends += 1;
        sent.add(locator);
        await user.click(send);
        return true;
      };

      /** Approves or rejects one of the records (`ids`, in the order shown) the list offers a decision on. */
      const review = async (scopes: HTMLElement[], ids: string[], record: string) => {
        const decidable = scopes.filter((scope) =>
          within(scope)
            .queryAllByRole('button', { name: /^(Approve|Reject) / })
            .some((button) => !button.hasAttribute('disabled')),
        );
        if (decidable.length === 0) return false;
        const scope = decidable[Math.floor(script() * decidable.length)];
        const id = ids[scopes.indexOf(scope)];
        const approve = within(scope).queryByRole('button', { name: /^Approve / });
        const reject = within(scope).queryByRole('button', { name: /^Reject / });
        if (approve && (!reject || script() < 0.6)) {
          steps.approvals += 1;
          decided.set(id, 'Approved');
          await user.click(approve);
          return true;
        }
        steps.rejections += 1;
        decided.set(id, 'Rejected');
        await user.click(reject!);
        await user.type(
          within(scope).getByLabelText(`Reason for rejecting this ${record}`),
          'Not authorized by the orders',
        );
        await user.click(within(scope).getByRole('button', { name: 'Confirm rejection' }));
        return true;
      };

      const editPhone = async () => {
        const customer = region('Customer info');
        await user.click(within(customer).getByRole('button', { name: 'Edit customer info' }));
        const form = await within(customer).findByRole('form', { name: 'Edit customer' });
        phones += 1;
        steps.phoneEdits += 1;
        typedPhone = `210-555-${String(100 + phones).padStart(4, '0')}`;
        const phone = within(form).getByRole('textbox', { name: /^Phone/ });
        await user.clear(phone);
        await user.type(phone, typedPhone);
        await user.click(within(form).getByRole('button', { name: 'Save' }));
        return true;
      };

      await openPage(LOCATORS[0]);

      const plan = ['send', 'shipment', 'item', 'phone', 'shipment', 'item', 'reload'] as const;
      for (let round = 0; round < ROUNDS; round += 1) {
        const step = plan[round % plan.length];
        const when = `round ${round + 1} (${step} on ${locator})`;
        if (step === 'reload') {
          steps.reloads += 1;
          await openPage(LOCATORS[steps.reloads % LOCATORS.length]);
          continue;
        }
        const acted =
          step === 'send'
            ? await sendToPrime()
            : step === 'shipment'
              ? await review(shipmentCards(), shownShipmentIDs(), 'shipment')
              : step === 'item'
                ? await review(serviceItemRows(), shownItemIDs(), 'service item')
                : false;
        if (!acted) await editPhone();
        await afterStep(when);
        seen.retries += await clickRecoveries(user, afterStep, when);
        // A form the user gave up on is closed before the next step.
        const form = screen.queryByRole('form', { name: 'Edit customer' });
        if (form) {
          await user.click(within(form).getByRole('button', { name: /^(Cancel|Close)$/ }));
          await afterStep(`${when}, cancel`);
        }
      }

      // The faults stop; whatever was still running answers.
      injector.switchOff();
      await afterStep('faults off');

      await refreshEverything(user, afterStep);

      // 3. Fresh data: the page shows what the mock holds.
      expectFreshData(store(), locator);
      // Both moves were worked on: the submitted one approved, the other decided.
      expect(seededMove(LOCATORS[0]).move.approvedAt).toEqual(expect.any(String));
      expect(
        seededMove(LOCATORS[1]).serviceItems.filter((item) => item.status === 'SUBMITTED'),
      ).toEqual([]);

      const { counts } = injector;
      console.log(
        `Faults: ${counts.requests} requests, ${counts.slowed} slowed, ${counts.serverErrors} server errors, ${counts.dropped} dropped connections; no false success, no stuck button, fresh data after settling`,
      );
      console.log(
        `  (session on ${LOCATORS.join(' and ')}: ${steps.sends} Send to Prime, ${steps.approvals} approvals, ${steps.rejections} rejections, ${steps.phoneEdits} phone edits, ${steps.reloads} reloads; ${seen.loadFailures} failed page loads, ${seen.retries} recovery clicks; ${seen.successes} success displays checked against the mock, ${caused.size} successes of the session's own writes)`,
      );
      expect(counts.slowed).toBeGreaterThan(0);
      expect(counts.serverErrors).toBeGreaterThan(0);
      expect(counts.dropped).toBeGreaterThan(0);
      expect(
        caused.size,
        `successes of the session's own writes: ${[...caused].join(', ')}`,
      ).toBeGreaterThanOrEqual(OWN_SUCCESSES);
      expect(steps.sends).toBeGreaterThan(0);
      expect(steps.approvals + steps.rejections).toBeGreaterThan(2);
    } finally {
      vi.useRealTimers();
    }
  }, 180_000);
});
