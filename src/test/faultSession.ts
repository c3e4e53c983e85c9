// What the scripted fault sessions (src/pages/CustomerDetails/faults*.test.tsx)
// share: a seeded PRNG, the requests the mock is still working on, letting
// the page settle under fake timers, reading the details page, and the checks
// that end every step and the session.
import { setTimeout as realDelay } from 'node:timers/promises';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { getResponse, http, HttpResponse } from 'msw';
import { expect, onTestFinished, vi } from 'vitest';
import { handlers } from '../../mocks/handlers';
import { noBody } from '../../mocks/http';
import { server } from '../../mocks/node';
import { seededMove } from '../../mocks/testApi';
import type { Customer, Move, MTOServiceItem, MTOShipment } from '../api/models';
import type { AppStore } from '../app/store';
import type { DisplayField } from '../writes/changes';
import { labelOf, SERVICE_ITEM_STATUS_LABELS, SHIPMENT_STATUS_LABELS } from '../components/labels';
import { selectServiceItemIdsOfMove } from '../entities/serviceItems/serviceItemsSlice';
import { selectShipmentIdsOfMove } from '../entities/shipments/shipmentsSlice';
import { customerFields, moveFields } from '../pages/CustomerDetails/displayFields';
// The page and its edit form are loaded lazily; load their modules now so
// that under fake timers a session waits on the API, not on module loading.
import '../writes/ui/EditRecordForm';
import '../pages/CustomerDetails/CustomerDetails';
import { moveHeading } from './submittedMove';

/** An injected 500, as the real server's handlers answer one: no body (N). */
export const injectedServerError = () => noBody(500);

/** How many requests the mock API is still working on. */
export function trackRequestsInFlight() {
  const inFlight = new Set<string>();
  const end = ({ requestId }: { requestId: string }) => void inFlight.delete(requestId);
  // msw announces no end for a request the app gave up on (its timeout).
  const start = ({ request, requestId }: { request: Request; requestId: string }) => {
    inFlight.add(requestId);
    request.signal.addEventListener('abort', () => end({ requestId }));
  };
  server.events.on('request:start', start);
  server.events.on('request:end', end);
  server.events.on('unhandledException', end);
  onTestFinished(() => {
    server.events.removeListener('request:start', start);
    server.events.removeListener('request:end', end);
    server.events.removeListener('unhandledException', end);
  });
  return () => inFlight.size;
}

/** Waits until the mock API has answered everything and nothing new started for a moment. */
export const untilNoRequests = (inFlight: () => number) =>
  vi.waitFor(
    async () => {
      expect(inFlight()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(inFlight()).toBe(0);
    },
    { timeout: 10_000 },
  );

export const region = (name: string | RegExp) => screen.getByRole('region', { name });
export const shipmentCards = () =>
  within(region('Requested shipments')).queryAllByRole('region', { name: /^Shipment \d+:/ });
export const serviceItemRows = () => within(region('Service items')).queryAllByRole('row').slice(1); // the first is the header

/** What a record's details list shows for one label. */
export function shownField(scope: HTMLElement, label: string): string {
  const terms = within(scope).getAllByRole('term');
  const definitions = within(scope).getAllByRole('definition');
  const index = terms.findIndex((term) => term.textContent === label);
  if (index < 0) throw new Error(`Nothing shows ${label}`);
  return definitions[index].textContent ?? '';
}

/** The status a service item row shows: "Approved", "Rejected" or "Requested". */
export const shownItemStatus = (row: HTMLElement) =>
  /^(Approved|Rejected|Requested)/.exec(within(row).getAllByRole('cell')[1].textContent ?? '')?.[1];

/** How the page names a shipment's or a service item's status, for comparing with the mock's. */
export const shipmentStatusLabel = (status: string | undefined) =>
  labelOf(SHIPMENT_STATUS_LABELS, status as keyof typeof SHIPMENT_STATUS_LABELS);
export const itemStatusLabel = (status: string | undefined) =>
  labelOf(SERVICE_ITEM_STATUS_LABELS, status as keyof typeof SERVICE_ITEM_STATUS_LABELS);

const stillLoading = () =>
  screen
    .queryAllByRole('status')
    .some((status) => /^(Loading|Opening)/.test(status.textContent ?? ''));

export const pageLoaded = (locator: string) =>
  screen.queryByRole('heading', { level: 1, name: moveHeading(locator) }) !== null;

/** The longest a step waits in real time for the mock's work before the clock moves on. */
const REAL_WAIT_MS = 250;

/**
 * Lets every request (slowed ones too) answer and the page catch up, under
 * fake timers. `parked` counts the requests held on a fake timer (a slowed
 * answer): only the clock frees those. The others are at work in the mock in
 * real time, and the clock waits for them, so on a busy machine the app's
 * 15 s timeout never outruns a request that is merely slow to compute.
 */
export async function settle(inFlight: () => number, parked: () => number = () => 0) {
  let quiet = 0;
  for (let step = 0; step < 1000 && quiet < 3; step += 1) {
    if (inFlight() === 0 && stillLoading()) {
      // A lazy module is loading: that takes real time, not timers.
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
      quiet = 0;
      continue;
    }
    // The mock's CSRF layer signs and checks its cookies with WebCrypto,
    // which answers in real time, off the fake clock: a request gets some
    // before the clock moves on, or the app's 15 s timeout would outrun it.
    if (inFlight() > 0) await act(() => realDelay(2));
    for (let waited = 0; inFlight() > parked() && waited < REAL_WAIT_MS; waited += 5) {
      await act(() => realDelay(5));
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    // A fetch the app retries after a wait (app/listeners.ts) is still to come
    // while its timer runs: the page is settled once no timer is left either.
    quiet = inFlight() === 0 && !stillLoading() && vi.getTimerCount() === 0 ? quiet + 1 : 0;
  }
  if (quiet < 3) throw new Error('The session did not settle');
}

const BUSY_LABEL = /^(Sending to Prime…|Approving…|Saving…|Rejecting…|Working…|Reloading…)/;

/** Nothing stays busy or disabled once every request has answered. */
export function expectNoStuckButton(store: AppStore, when: string) {
  const stuck = screen
    .queryAllByRole('button')
    .filter(
      (button) => BUSY_LABEL.test(button.textContent ?? '') || button.hasAttribute('disabled'),
    )
    .map(
      (button) => `${button.textContent} (disabled: ${String(button.hasAttribute('disabled'))})`,
    );
  expect(stuck, `${when}: busy or disabled buttons`).toEqual([]);
  expect(Object.keys(store.getState().writes.inFlight), `${when}: writes in flight`).toEqual([]);
}

/** Recovery clicks per step before the user gives up on it. */
const MAX_RETRIES = 12;

/**
 * Clicks what the page offers to redo a failed step (Try again, Send to Prime
 * again, Save in an open edit form) until it offers nothing or the user gives
 * up; `afterStep` runs after each. Returns the clicks made.
 */
export async function clickRecoveries(
  user: UserEvent,
  afterStep: (when: string) => Promise<void>,
  when: string,
): Promise<number> {
  for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
    const forms = screen.queryAllByRole('form', { name: /^Edit / });
    const retry =
      screen
        .queryAllByRole('button', { name: /^(Try again|.+ again)$/ })
        .find((button) => !button.hasAttribute('disabled')) ??
      forms
        .flatMap((form) =>
          within(form).queryAllByRole('button', { name: /^Save( my changes on top of theirs)?$/ }),
        )
        .find((button) => !button.hasAttribute('disabled'));
    if (!retry) return attempt;
    await user.click(retry);
    await afterStep(`${when}, retry ${attempt + 1}`);
  }
  return MAX_RETRIES;
}

/** The user comes back to the tab and reloads every record the page marks as changed. */
export async function refreshEverything(
  user: UserEvent,
  afterStep: (when: string) => Promise<void>,
) {
  fireEvent.focus(window);
  await afterStep('refresh');
  for (let reloads = 0; reloads < 20; reloads += 1) {
    const reload = screen
      .queryAllByRole('button', { name: 'Reload' })
      .find((button) => !button.hasAttribute('disabled'));
    if (!reload) break;
    await user.click(reload);
    await afterStep('reload a record');
  }
  expect(screen.queryAllByRole('button', { name: 'Reload' })).toEqual([]);
}

/** The page lists the records the mock lists, each with the status the mock holds. */
function expectListShown(
  kind: string,
  shownIDs: string[],
  held: { id: string; status: string }[],
  statuses: (string | undefined)[],
  label: (status: string | undefined) => string,
) {
  const byID = new Map(held.map((record) => [record.id, record.status]));
  expect([...shownIDs].sort(), `${kind}s`).toEqual([...byID.keys()].sort());
  expect(statuses.map((status, index) => [shownIDs[index], status])).toEqual(
    shownIDs.map((id) => [id, label(byID.get(id))]),
  );
}

/** Every field of a record's section shows what the mock holds now. */
function expectFieldsShown<R>(scope: HTMLElement, fields: DisplayField<R>[], held: R) {
  expect(fields.map(({ label }) => [label, shownField(scope, label)])).toEqual(
    fields.map(({ label, show }) => [label, show(held) || '—']),
  );
}

/** The page shows what the mock holds: the move, the customer, every shipment and service item. */
export function expectFreshData(store: AppStore, locator: string) {
  // The mock's payloads are the API's models, which always carry these records' key fields.
  const held = seededMove(locator);
  const move = held.move as Move;
  expectFieldsShown(region('Move task order'), moveFields, move);
  expectFieldsShown(region('Customer info'), customerFields, held.customer as Customer);
  const state = store.getState();
  expectListShown(
    'shipment',
    selectShipmentIdsOfMove(state, move.id),
    held.shipments as MTOShipment[],
    shipmentCards().map((card) => shownField(card, 'Status')),
    shipmentStatusLabel,
  );
  expectListShown(
    'service item',
    selectServiceItemIdsOfMove(state, move.id),
    held.serviceItems as MTOServiceItem[],
    serviceItemRows().map(shownItemStatus),
    itemStatusLabel,
  );
}

/**
 * The next write to `path` is applied by the mock, then its answer is lost as
 * `fault` says. A write the mock refuses gets the mock's answer as it is. The
 * test checks what the mock answered with `expectApplied`: an assertion in
 * the handler would fail no test, only turn into a 500 for the app.
 */
export function applyThenFail(
  method: 'patch' | 'post',
  path: string,
  fault: 'dropped' | 'serverError',
) {
  // The status of each answer the mock gave to the write (0: no handler took it).
  const answers: number[] = [];
  server.use(
    http[method](
      `*/ghc/v1/${path}`,
      async ({ request }) => {
        const response = await getResponse(handlers, request);
        answers.push(response?.status ?? 0);
        if (!response?.ok) return response;
        return fault === 'dropped' ? HttpResponse.error() : injectedServerError();
      },
      { once: true },
    ),
  );
  return {
    /** Waits for the write to reach the mock; it must have been applied (200), once. */
    expectApplied: () =>
      waitFor(() => expect(answers, 'the mock’s answers to the write').toEqual([200])),
  };
}

/**
 * Holds the mock's answer to the next `method` request to `path` (under
 * /ghc/v1/, MSW's path syntax) until `answer()`: the test looks at the page
 * while the write is under way.
 */
export function holdNextAnswer(method: 'patch' | 'post', path: string) {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  server.use(
    http[method](
      `*/ghc/v1/${path}`,
      async ({ request }) => {
        await answered;
        return getResponse(handlers, request);
      },
      { once: true },
    ),
  );
  return { answer };
}
