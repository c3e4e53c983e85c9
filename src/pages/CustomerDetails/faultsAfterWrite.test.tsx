// A scripted office session against a GHC API that fails AFTER it applied a
// write, as real servers do: the injector hands each write to the real mock
// handlers (msw's getResponse), so the change is committed, and then, seeded,
// passes the answer on, drops the connection, answers 500 or holds the answer
// past the app's 15 s timeout. Right after such a fault the refetch that
// follows may drop too. On the submitted move the user approves the move
// (Send to Prime), then approves and rejects its shipments; on the move
// waiting for approvals they decide the service item the Prime asked for and
// the shipments; on both they edit the customer's phone, the orders' report
// by date and the TIO remarks, clicking whatever the page offers to recover.
//
// No colleague takes part and every fault strikes after the write was
// applied, so the page may never say that someone else changed a record or
// that nothing was saved. The real server's writes save more than the record
// they answer with (approving a shipment saves its move, saving the orders
// saves the customer...): a later write on such a record with the eTag from
// before would be refused (412) and fail the test. Every change must land on
// the server exactly once.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { handlers } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { seededRandom } from '../../../mocks/random';
import { seededMove } from '../../../mocks/testApi';
import { REQUEST_TIMEOUT_MS } from '../../api/request';
import { formatDate } from '../../components/format';
import { selectCustomerById } from '../../entities/customers/customersSlice';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectServiceItemIdsOfMove } from '../../entities/serviceItems/serviceItemsSlice';
import { selectShipmentIdsOfMove } from '../../entities/shipments/shipmentsSlice';
import {
  applyThenFail,
  clickRecoveries,
  expectFreshData,
  expectNoStuckButton,
  injectedServerError,
  itemStatusLabel,
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
import { findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';
import {
  chooseCounseling,
  openApprovedMove,
  openMove,
  openSubmittedMove,
} from '../../test/submittedMove';

const FAULT_SEED = 20260307;
const SCRIPT_SEED = 5;
/** Share of applied writes whose answer gets through. */
const PASS = 0.25;
/** Chance that the request after a fault (the app's refetch) drops too. */
const REFETCH_DROP = 0.4;
const DONE_UNCONFIRMED = 'Done, though the server did not confirm it';

const FAULTS = ['dropped', 'serverError', 'timedOut'] as const;
type Fault = (typeof FAULTS)[number];
type Operation = 'send' | 'review' | 'edit';

interface AppliedWrite {
  operation: Operation;
  recordID: string;
  ifMatch: string;
  /** The record's eTag on the server just before the write was applied. */
  eTagBefore: string | undefined;
  eTag: string;
  fault: Fault | null;
}

/** Which user action a write path belongs to. */
function operationOf(path: string): Operation {
  if (/\/move-task-orders\/[^/]+\/status$/.test(path)) return 'send';
  if (/\/(shipments\/[^/]+\/(approve|reject)|service-items\/[^/]+\/status)$/.test(path)) {
    return 'review';
  }
  return 'edit';
}

/** Every record of the session's moves by id, with its eTag on the server now. */
function eTagsNow(locators: readonly string[]): Map<string, string | undefined> {
  return new Map(
    locators.flatMap((locator) => {
      const { move, order, customer, shipments, serviceItems } = seededMove(locator);
      return [move, order, customer, ...shipments, ...serviceItems].map(
        (record) => [record.id!, record.eTag] as const,
      );
    }),
  );
}

/**
 * A catch-all in front of the mock's handlers. Reads pass (or, right after a
 * fault, may drop); every write is applied by the real handlers first, and
 * only an applied one (2xx) may then lose its answer.
 */
function installAfterApplyInjector(seed: number, locators: readonly string[]) {
  const random = seededRandom(seed).next;
  const counts = { requests: 0, writes: 0, refused: 0, refetchesDropped: 0 };
  const faults: Record<Fault, number> = { dropped: 0, serverError: 0, timedOut: 0 };
  const faultsOn: Record<Operation, number> = { send: 0, review: 0, edit: 0 };
  const applied: AppliedWrite[] = [];
  const refusals: string[] = [];
  let on = true;
  let justFaulted = false;
  // Answers held on the (fake) clock until after the app gave up.
  let parked = 0;

  server.use(
    http.all('*/ghc/v1/*', async ({ request }) => {
      counts.requests += 1;
      if (request.method === 'GET') {
        const dropNow = on && justFaulted && random() < REFETCH_DROP;
        justFaulted = false;
        if (!dropNow) return undefined;
        counts.refetchesDropped += 1;
        return HttpResponse.error();
      }
      counts.writes += 1;
      const before = eTagsNow(locators);
      const path = new URL(request.url).pathname;
      const response = await getResponse(handlers, request);
      if (!response?.ok) {
        counts.refused += 1;
        refusals.push(
          `${request.method} ${path}: ${response?.status} ${await response?.clone().text()}`,
        );
        return response;
      }
      const record = (await response.clone().json()) as { id: string; eTag: string };
      const write: AppliedWrite = {
        operation: operationOf(path),
        recordID: record.id,
        ifMatch: (request.headers.get('If-Match') ?? '').replace(/^"|"$/g, ''),
        eTagBefore: before.get(record.id),
        eTag: record.eTag,
        fault: null,
      };
      applied.push(write);
      if (!on || random() < PASS) return response;
      write.fault = FAULTS[Math.floor(random() * FAULTS.length)];
      faults[write.fault] += 1;
      faultsOn[write.operation] += 1;
      justFaulted = true;
      if (write.fault === 'dropped') return HttpResponse.error();
      if (write.fault === 'serverError') return injectedServerError();
      // Applied, but the answer comes after the app gave up.
      parked += 1;
      await delay(REQUEST_TIMEOUT_MS + 1000);
      parked -= 1;
      return response;
    }),
  );
  return {
    counts,
    parked: () => parked,
    faults,
    faultsOn,
    applied,
    refusals,
    switchOff: () => {
      on = false;
    },
    switchOn: () => {
      on = true;
    },
  };
}

/** What the user set out to do in one round, and how the mock shows it done. */
interface Intent {
  what: string;
  /** Where the page shows this record and what became of the action. */
  scope: () => HTMLElement;
  doneOnServer: () => boolean;
  shownDone: () => boolean;
  /** What the page says once the latest version shows a change the server never confirmed. */
  confirmation: string;
  /** The page said "Not confirmed" on the way. */
  unconfirmed: boolean;
}

type Step = 'send' | 'shipment' | 'item' | 'phone' | 'remarks' | 'orders';

/** The session: each move's page, and what the user does on it. */
const SESSION: { locator: string; plan: Step[] }[] = [
  {
    locator: SEED_LOCATORS.submitted,
    plan: [
      'send',
      'shipment',
      'remarks',
      'phone',
      'shipment',
      'orders',
      'phone',
      'remarks',
      'shipment',
      'remarks',
      'phone',
    ],
  },
  {
    locator: SEED_LOCATORS.approvalsRequested,
    plan: [
      'shipment',
      'remarks',
      'item',
      'remarks',
      'orders',
      'phone',
      'shipment',
      'remarks',
      'phone',
      'orders',
      'phone',
    ],
  },
];
const LOCATORS = SESSION.map(({ locator }) => locator);

const dbMove = (locator: string) => db.moveByLocator(locator)!;
const dbOrder = (locator: string) => db.find('order', dbMove(locator).ordersId)!;
const dbCustomer = (locator: string) => db.find('customer', dbOrder(locator).serviceMemberId)!;

describe('a session whose faults strike after the server applied the write', () => {
  it('tells the truth about every change, applies each once and leaves nothing stuck', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const inFlight = trackRequestsInFlight();
      const injector = installAfterApplyInjector(FAULT_SEED, LOCATORS);
      const script = seededRandom(SCRIPT_SEED);
      let view: ReturnType<typeof renderRoute> | undefined;
      let locator = LOCATORS[0];
      const store = () => view!.store;
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const intents: Intent[] = [];
      let current: Intent | null = null;
      const typed = { phone: '', remarks: '', reportBy: '' };
      const seen = { retries: 0, confirmedAfterFault: { send: 0, review: 0, edit: 0 } };
      let writesBefore = 0;
      const steps = {
        sends: 0,
        approvals: 0,
        rejections: 0,
        phoneEdits: 0,
        remarksEdits: 0,
        ordersEdits: 0,
      };

      // 1. No false claim: nothing is said that the mock does not hold.
      const checkClaims = (when: string) => {
        const page = document.body.textContent ?? '';
        expect(page, `${when}: no colleague in this session`).not.toMatch(/Someone else changed/);
        expect(page, `${when}: every fault came after the write was applied`).not.toMatch(
          /nothing (of yours )?was saved/i,
        );
        const mto = region('Move task order');
        if (
          /The move was approved/.test(mto.textContent!) ||
          shownField(mto, 'Approved') !== 'Not yet'
        ) {
          expect(dbMove(locator).approvedAt, `${when}: move approved`).not.toBeNull();
        }
        if (/Move task order saved\./.test(mto.textContent!)) {
          expect(dbMove(locator).tioRemarks, `${when}: remarks saved`).toBe(typed.remarks);
        }
        if (/Customer info saved\./.test(region('Customer info').textContent!)) {
          expect(dbCustomer(locator).phone, `${when}: customer saved`).toBe(typed.phone);
        }
        if (/Orders saved\./.test(region('Orders').textContent!)) {
          expect(formatDate(dbOrder(locator).reportByDate), `${when}: orders saved`).toBe(
            typed.reportBy,
          );
        }
        const moveID = dbMove(locator).id;
        const shipmentIDs = selectShipmentIdsOfMove(store().getState(), moveID);
        shipmentCards().forEach((card, index) => {
          const shown = shownField(card, 'Status');
          const status = db.find('shipment', shipmentIDs[index])?.status;
          if (shown === 'Approved' || shown === 'Rejected') {
            expect(shipmentStatusLabel(status), `${when}: shipment`).toBe(shown);
          }
        });
        const itemIDs = selectServiceItemIdsOfMove(store().getState(), moveID);
        serviceItemRows().forEach((row, index) => {
          const shown = shownItemStatus(row);
          const status = db.find('serviceItem', itemIDs[index])?.status;
          if (shown !== 'Requested') expect(itemStatusLabel(status), `${when}: item`).toBe(shown);
        });
        if (current && current.scope().textContent?.includes(DONE_UNCONFIRMED)) {
          expect(current.doneOnServer(), `${when}: ${current.what} done`).toBe(true);
        }
        // The draft of an open form is never lost.
        const phone = screen.queryByRole('form', { name: 'Edit customer' });
        if (phone) {
          expect(within(phone).getByRole('textbox', { name: /^Phone/ })).toHaveValue(typed.phone);
        }
        const remarks = screen.queryByRole('form', { name: 'Edit move' });
        if (remarks) {
          expect(within(remarks).getByLabelText('TIO remarks')).toHaveValue(typed.remarks);
        }
        const orders = screen.queryByRole('form', { name: 'Edit orders' });
        if (orders) {
          expect(within(orders).getByLabelText(/^Report by date/)).toHaveValue(typed.reportBy);
        }
      };

      const afterStep = async (when: string) => {
        await settle(inFlight, injector.parked);
        checkClaims(when);
        // 2. Nothing stays busy or disabled once every request has answered.
        expectNoStuckButton(store(), when);
        if (current && document.body.textContent?.includes('Not confirmed')) {
          current.unconfirmed = true;
        }
      };

      const sendToPrime = async (): Promise<Intent | null> => {
        const send = within(region('Move task order')).queryByRole('button', {
          name: 'Send to Prime',
        });
        // Offered with nothing to send (no shipment chosen): not a step of this session.
        if (send?.getAttribute('aria-disabled') === 'true') return null;
        if (!send) return null;
        steps.sends += 1;
        // Counseling too, so that a resend would show as a second CS.
        const counseling = within(region('Move task order')).queryByRole('checkbox', {
          name: 'Counseling (CS)',
        });
        if (counseling && !(counseling as HTMLInputElement).checked) await user.click(counseling);
        await user.click(send);
        const moveLocator = locator;
        return {
          what: 'Send to Prime',
          confirmation: DONE_UNCONFIRMED,
          unconfirmed: false,
          scope: () => region('Move task order'),
          doneOnServer: () => dbMove(moveLocator).approvedAt !== null,
          shownDone: () => shownField(region('Move task order'), 'Approved') !== 'Not yet',
        };
      };

      const review = async (kind: 'shipment' | 'service item'): Promise<Intent | null> => {
        const isShipment = kind === 'shipment';
        const moveID = dbMove(locator).id;
        const ids = () =>
          isShipment
            ? selectShipmentIdsOfMove(store().getState(), moveID)
            : selectServiceItemIdsOfMove(store().getState(), moveID);
        const scopes = () => (isShipment ? shipmentCards() : serviceItemRows());
        const open = scopes().filter(
          (candidate) =>
            within(candidate).queryAllByRole('button', { name: /^(Approve|Reject) / }).length > 0,
        );
        if (open.length === 0) return null;
        const scope = script.pick(open);
        const approveButton = within(scope).queryByRole('button', { name: /^Approve / });
        const rejectButton = within(scope).queryByRole('button', { name: /^Reject / });
        const name = ((approveButton ?? rejectButton)!.textContent ?? '').replace(
          /^(Approve|Reject)\s*/,
          '',
        );
        const recordID = ids()[scopes().indexOf(scope)];
        const scopeNow = () => scopes()[ids().indexOf(recordID)];
        const approve = approveButton !== null && (rejectButton === null || script.chance(0.5));
        const status = approve ? 'APPROVED' : 'REJECTED';
        if (approve) {
          steps.approvals += 1;
          await user.click(approveButton);
        } else {
          steps.rejections += 1;
          await user.click(rejectButton!);
          await user.type(
            within(scope).getByLabelText(`Reason for rejecting this ${kind}`),
            'Not authorized by the orders',
          );
          await user.click(within(scope).getByRole('button', { name: 'Confirm rejection' }));
        }
        const label = isShipment ? shipmentStatusLabel(status) : itemStatusLabel(status);
        return {
          what: `${approve ? 'Approve' : 'Reject'} ${name}`,
          confirmation: DONE_UNCONFIRMED,
          unconfirmed: false,
          scope: scopeNow,
          doneOnServer: () =>
            (isShipment ? db.find('shipment', recordID) : db.find('serviceItem', recordID))
              ?.status === status,
          shownDone: () =>
            (isShipment ? shownField(scopeNow(), 'Status') : shownItemStatus(scopeNow())) === label,
        };
      };

      const EDITS = {
        phone: {
          section: 'Customer info',
          button: 'Edit customer info',
          form: 'Edit customer',
          shown: 'Phone',
          input: (form: HTMLElement) => within(form).getByRole('textbox', { name: /^Phone/ }),
          next: () => `210-555-${String(100 + ++steps.phoneEdits).padStart(4, '0')}`,
          held: () => dbCustomer(locator).phone,
        },
        remarks: {
          section: 'Move task order',
          button: 'Edit TIO remarks',
          form: 'Edit move',
          shown: 'TIO remarks',
          input: (form: HTMLElement) => within(form).getByLabelText('TIO remarks'),
          next: () => `Remark ${++steps.remarksEdits}: call before pickup`,
          held: () => dbMove(locator).tioRemarks,
        },
        orders: {
          section: 'Orders',
          button: 'Edit orders',
          form: 'Edit orders',
          shown: 'Report by date',
          input: (form: HTMLElement) => within(form).getByLabelText(/^Report by date/),
          // Typed as the page writes dates.
          next: () => formatDate(`2027-0${1 + (++steps.ordersEdits % 9)}-15`),
          held: () => formatDate(dbOrder(locator).reportByDate),
        },
      } as const;

      const edit = async (field: keyof typeof EDITS): Promise<Intent> => {
        const spec = EDITS[field];
        const section = region(spec.section);
        await user.click(within(section).getByRole('button', { name: spec.button }));
        const form = await within(section).findByRole('form', { name: spec.form });
        const value = spec.next();
        typed[field === 'orders' ? 'reportBy' : field] = value;
        const input = spec.input(form);
        await user.clear(input);
        await user.type(input, value);
        await user.click(within(form).getByRole('button', { name: 'Save' }));
        return {
          what: `edit ${spec.shown}`,
          confirmation: `${spec.section} saved.`,
          unconfirmed: false,
          scope: () => region(spec.section),
          doneOnServer: () => spec.held() === value,
          shownDone: () =>
            screen.queryByRole('form', { name: /^Edit / }) === null &&
            shownField(region(spec.section), spec.shown) ===
              (field === 'orders' ? formatDate(value) : value),
        };
      };

      for (const { locator: next, plan } of SESSION) {
        locator = next;
        view?.unmount();
        view = renderRoute(`/moves/${locator}/details`);
        await afterStep(`page load of ${locator}`);
        for (const [round, step] of plan.entries()) {
          const when = `${locator} round ${round + 1} (${step})`;
          current =
            step === 'send'
              ? await sendToPrime()
              : step === 'shipment'
                ? await review('shipment')
                : step === 'item'
                  ? await review('service item')
                  : await edit(step);
          current ??= await edit('phone');
          intents.push(current);
          await afterStep(when);
          seen.retries += await clickRecoveries(user, afterStep, when);
          // 3. Once nothing more is offered, the change is on the server and on the page,
          // applied once; if its answer was lost, the page says what the latest version shows.
          expect(current.doneOnServer(), `${when}: ${current.what} on the server`).toBe(true);
          expect(current.shownDone(), `${when}: ${current.what} on the page`).toBe(true);
          const writes = injector.applied.slice(writesBefore);
          expect(writes, `${when}: writes applied`).toHaveLength(1);
          writesBefore = injector.applied.length;
          if (writes[0].fault) {
            seen.confirmedAfterFault[writes[0].operation] += 1;
            expect(current.scope(), `${when}: after a lost answer`).toHaveTextContent(
              current.confirmation,
            );
          }
        }
        injector.switchOff();
        await afterStep(`${locator}: faults off`);
        await refreshEverything(user, afterStep);
        expectFreshData(store(), locator);
        injector.switchOn();
      }

      // 4. Each change was applied exactly once, each on the version just before it.
      const { applied, counts, faults, faultsOn, refusals } = injector;
      expect(refusals, 'writes refused (a resend with an old eTag is 412 or 409)').toEqual([]);
      expect(applied).toHaveLength(intents.length);
      for (const write of applied) {
        expect(write.ifMatch, `${write.operation} on ${write.recordID}`).toBe(write.eTagBefore);
        expect(write.eTag, `${write.operation} on ${write.recordID} changed it`).not.toBe(
          write.eTagBefore,
        );
      }
      // Send to Prime created the move's fees once: CS is created anew each time it is asked for.
      expect(
        db
          .serviceItemsOf(dbMove(LOCATORS[0]).id)
          .map((item) => item.reServiceCode)
          .filter((code) => code === 'MS' || code === 'CS')
          .sort(),
      ).toEqual(['CS', 'MS']);

      const afterApply = faults.dropped + faults.serverError + faults.timedOut;
      const { confirmedAfterFault } = seen;
      const unconfirmed = intents.filter((intent) => intent.unconfirmed).length;
      console.log(
        `Faults after the write was applied: ${counts.requests} requests, ${counts.writes} writes, ${afterApply} answers lost after the write was applied (${faults.dropped} dropped, ${faults.serverError} server errors, ${faults.timedOut} timed out; ${faultsOn.send} on Send to Prime, ${faultsOn.review} on approvals and rejections, ${faultsOn.edit} on edits), ${counts.refetchesDropped} refetches dropped too; every change applied once, ${refusals.length} refused, no false claim, no stuck button`,
      );
      console.log(
        `  (session on ${LOCATORS.join(' and ')}: ${steps.sends} Send to Prime, ${steps.approvals} approvals, ${steps.rejections} rejections, ${steps.phoneEdits} phone edits, ${steps.remarksEdits} remarks edits, ${steps.ordersEdits} orders edits; ${seen.retries} recovery clicks; after a lost answer the latest version confirmed ${confirmedAfterFault.send + confirmedAfterFault.review} actions ("${DONE_UNCONFIRMED}") and ${confirmedAfterFault.edit} form saves; ${unconfirmed} said "Not confirmed" first and checked before resending)`,
      );
      expect(faults.dropped).toBeGreaterThan(0);
      expect(faults.serverError).toBeGreaterThan(0);
      expect(faults.timedOut).toBeGreaterThan(0);
      expect(faultsOn.send).toBeGreaterThan(0);
      expect(faultsOn.review).toBeGreaterThan(0);
      expect(faultsOn.edit).toBeGreaterThan(0);
      expect(counts.refetchesDropped).toBeGreaterThan(0);
      expect(confirmedAfterFault).toEqual(faultsOn);
      expect(unconfirmed).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  }, 240_000);
});

const mtoRegion = () => region('Move task order');
const shipmentCard = (number: number) => region(new RegExp(`^Shipment ${number}:`));

describe('a write the server applied but whose answer was lost', () => {
  it('says Send to Prime was done, shows the move approved and its new service items, and offers no resend', async () => {
    const requests = recordRequests();
    const write = applyThenFail('patch', 'move-task-orders/:id/status', 'dropped');
    const { user } = await openSubmittedMove();

    await chooseCounseling(user);
    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
    await write.expectApplied();

    const alert = await findAlert(DONE_UNCONFIRMED);
    expect(alert).toHaveTextContent('The connection failed before the server answered.');
    expect(alert).toHaveTextContent("Status: 'New move' → 'Move approved'");
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(within(mtoRegion()).queryByText('The move was approved')).toBeNull();
    expect(shownField(mtoRegion(), 'Status')).toBe('Move approved');
    // No resend: Send to Prime is left only to approve shipments, once chosen.
    expect(screen.getByRole('button', { name: 'Send to Prime' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    // The MS and CS service items the server created are fetched too.
    const items = within(region('Service items'));
    expect(await items.findByRole('rowheader', { name: 'Move management (MS)' })).toBeVisible();
    expect(items.getByRole('rowheader', { name: 'Counseling (CS)' })).toBeVisible();
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('loads the latest version before resending when it could not be loaded after the failure, and the move the approval saved', async () => {
    const requests = recordRequests();
    const { user, store } = await openApprovedMove();
    const write = applyThenFail('post', 'shipments/:id/approve', 'serverError');
    // The refetch after the failure drops too.
    server.use(
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const card = shipmentCard(1);

    await user.click(within(card).getByRole('button', { name: 'Approve shipment 1' }));
    await write.expectApplied();

    const alert = await findAlert(
      'Not confirmed: the approval may or may not have gone through',
      card,
    );
    expect(alert).toHaveTextContent('The server failed (500) while answering.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await findAlert(DONE_UNCONFIRMED, card)).toBeInTheDocument();
    expect(shownField(card, 'Status')).toBe('Approved');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The approval saved the move too (available to the Prime now): the page holds its new eTag.
    const move = seededMove(SEED_LOCATORS.submitted).move;
    await waitFor(() =>
      expect(selectMoveTaskOrderById(store.getState(), move.id!)?.eTag).toBe(move.eTag),
    );
    expect(shownField(mtoRegion(), 'Available to the Prime')).toMatch(/^Since /);
  });

  it('shows the shipment and the move a service item decision saved, though its answer was lost', async () => {
    const { user, store } = await openMove(SEED_LOCATORS.approvalsRequested);
    const { serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested);
    const item = serviceItems.find((candidate) => candidate.status === 'SUBMITTED')!;
    const write = applyThenFail(
      'patch',
      'move-task-orders/:id/service-items/:itemID/status',
      'dropped',
    );

    await user.click(
      screen.getByRole('button', { name: `Approve ${item.reServiceName}, shipment 1` }),
    );
    await write.expectApplied();

    await findAlert(DONE_UNCONFIRMED, region('Service items'));
    const { move, shipments } = seededMove(SEED_LOCATORS.approvalsRequested);
    expect(shipments[0].status).toBe('APPROVED');
    await waitFor(() => expect(shownField(shipmentCard(1), 'Status')).toBe('Approved'));
    await waitFor(() =>
      expect(selectMoveTaskOrderById(store.getState(), move.id!)?.eTag).toBe(move.eTag),
    );
  });

  it('closes the edit form as saved when the latest version has the change', async () => {
    const requests = recordRequests();
    const write = applyThenFail('patch', 'customer/:id', 'serverError');
    const { user } = renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);
    const customer = await screen.findByRole('region', { name: 'Customer info' });
    await user.click(within(customer).getByRole('button', { name: 'Edit customer info' }));
    const form = await within(customer).findByRole('form', { name: 'Edit customer' });
    const phone = within(form).getByRole('textbox', { name: /^Phone/ });
    await user.clear(phone);
    await user.type(phone, '210-555-0177');

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await write.expectApplied();

    await findStatus('Customer info saved.', customer);
    expect(shownField(customer, 'Phone')).toBe('210-555-0177');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(dbCustomer(SEED_LOCATORS.submitted).phone).toBe('210-555-0177');
  });

  it('fetches the customer the orders saved with them, though the answer was lost', async () => {
    const write = applyThenFail('patch', 'orders/:id', 'dropped');
    const { user, store } = await openSubmittedMove();
    const orders = region('Orders');
    await user.click(within(orders).getByRole('button', { name: 'Edit orders' }));
    const form = await within(orders).findByRole('form', { name: 'Edit orders' });
    const reportBy = within(form).getByLabelText(/^Report by date/);
    await user.clear(reportBy);
    await user.type(reportBy, '20 Feb 2027');

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await write.expectApplied();

    await findStatus('Orders saved.', orders);
    const customer = seededMove(SEED_LOCATORS.submitted).customer;
    await waitFor(() =>
      expect(selectCustomerById(store.getState(), customer.id!)?.eTag).toBe(customer.eTag),
    );
  });
});
