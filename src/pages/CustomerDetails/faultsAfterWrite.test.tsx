// A scripted office session against a GHC API that fails AFTER it applied a
// write, as real servers do: the injector hands each write to the real mock
// handlers (msw's getResponse), so the change is committed, and then, seeded,
// passes the answer on, drops the connection, answers 500 or holds the answer
// past the app's 15 s timeout. Right after such a fault the refetch that
// follows may drop too. The user sends the move to the Prime, approves and
// rejects shipments and service items and edits the customer's phone and the
// TIO remarks, clicking whatever the page offers to recover.
//
// No colleague takes part and every fault strikes after the write was
// applied, so the page may never say that someone else changed a record or
// that nothing was saved; a resend with an old eTag would be refused (412 or
// 409) and fail the test; every change must land on the server exactly once.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { handlers } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { seededRandom } from '../../../mocks/random';
import { REQUEST_TIMEOUT_MS } from '../../api/request';
import { formatEnum } from '../../components/format';
import { selectServiceItemIdsOfMove } from '../../entities/serviceItems/serviceItemsSlice';
import { selectShipmentIdsOfMove } from '../../entities/shipments/shipmentsSlice';
import {
  clickRecoveries,
  expectFreshData,
  expectNoStuckButton,
  injectedServerError,
  refreshEverything,
  region,
  serviceItemRows,
  settle,
  shipmentCards,
  shownField,
  shownItemStatus,
  trackRequestsInFlight,
} from '../../test/faultSession';
import { findAlert, findStatus } from '../../test/liveRegions';
import { draftMove, openDraftMove } from '../../test/draftMove';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

const locator = SEED_LOCATORS.draft;
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
  eTag: string;
  body: Record<string, unknown>;
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

/**
 * A catch-all in front of the mock's handlers. Reads pass (or, right after a
 * fault, may drop); every write is applied by the real handlers first, and
 * only an applied one (2xx) may then lose its answer.
 */
function installAfterApplyInjector(seed: number) {
  const random = seededRandom(seed).next;
  const counts = { requests: 0, writes: 0, refused: 0, refetchesDropped: 0 };
  const faults: Record<Fault, number> = { dropped: 0, serverError: 0, timedOut: 0 };
  const faultsOn: Record<Operation, number> = { send: 0, review: 0, edit: 0 };
  const applied: AppliedWrite[] = [];
  let on = true;
  let justFaulted = false;

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
      const text = await request.clone().text();
      const response = await getResponse(handlers, request);
      if (!response?.ok) {
        counts.refused += 1;
        return response;
      }
      const record = (await response.clone().json()) as { id: string; eTag: string };
      const write: AppliedWrite = {
        operation: operationOf(new URL(request.url).pathname),
        recordID: record.id,
        ifMatch: (request.headers.get('If-Match') ?? '').replace(/^"|"$/g, ''),
        eTag: record.eTag,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
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
      await delay(REQUEST_TIMEOUT_MS + 1000);
      return response;
    }),
  );
  return {
    counts,
    faults,
    faultsOn,
    applied,
    switchOff: () => {
      on = false;
    },
  };
}

/** What the user set out to do in one round, and how the mock shows it done. */
interface Intent {
  what: string;
  recordID: string;
  /** Where the page shows this record and what became of the action. */
  scope: () => HTMLElement;
  doneOnServer: () => boolean;
  shownDone: () => boolean;
  /** What the page says once the latest version shows a change the server never confirmed. */
  confirmation: string;
  /** The page said "Not confirmed" on the way. */
  unconfirmed: boolean;
}

const dbMove = () => db.moveByLocator(locator)!;
const dbCustomer = () => db.find('customer', db.find('order', dbMove().orderID)!.customerID)!;

describe('a session whose faults strike after the server applied the write', () => {
  it('tells the truth about every change, applies each once and leaves nothing stuck', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const inFlight = trackRequestsInFlight();
      const injector = installAfterApplyInjector(FAULT_SEED);
      const script = seededRandom(SCRIPT_SEED);
      const moveID = dbMove().id;
      const seedETags = new Map<string, string>(
        [dbMove(), dbCustomer(), ...db.shipmentsOf(moveID), ...db.serviceItemsOf(moveID)].map(
          (record) => [record.id, record.eTag],
        ),
      );
      const view = renderRoute(`/moves/${locator}/details`);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const intents: Intent[] = [];
      let current: Intent | null = null;
      const typed = { phone: '', remarks: '' };
      const seen = { retries: 0, confirmedAfterFault: { send: 0, review: 0, edit: 0 } };
      let writesBefore = 0;
      const steps = { sends: 0, approvals: 0, rejections: 0, phoneEdits: 0, remarksEdits: 0 };

      // 1. No false claim: nothing is said that the mock does not hold.
      const checkClaims = (when: string) => {
        const page = document.body.textContent ?? '';
        expect(page, `${when}: no colleague in this session`).not.toMatch(/Someone else changed/);
        expect(page, `${when}: every fault came after the write was applied`).not.toMatch(
          /nothing (of yours )?was saved/i,
        );
        const mto = region('Move task order');
        if (/The move was sent to the Prime\.|Available to Prime since/.test(mto.textContent!)) {
          expect(dbMove().availableToPrimeAt, `${when}: sent to the Prime`).not.toBeNull();
        }
        if (/Move task order saved\./.test(mto.textContent!)) {
          expect(dbMove().tioRemarks, `${when}: remarks saved`).toBe(typed.remarks);
        }
        if (/Customer info saved\./.test(region('Customer info').textContent!)) {
          expect(dbCustomer().phone, `${when}: customer saved`).toBe(typed.phone);
        }
        const shipmentIDs = selectShipmentIdsOfMove(view.store.getState(), moveID);
        shipmentCards().forEach((card, index) => {
          const shown = shownField(card, 'Status');
          const status = db.find('shipment', shipmentIDs[index])?.status;
          if (shown !== 'Submitted') expect(formatEnum(status), `${when}: shipment`).toBe(shown);
        });
        const itemIDs = selectServiceItemIdsOfMove(view.store.getState(), moveID);
        serviceItemRows().forEach((row, index) => {
          const shown = shownItemStatus(row);
          const status = db.find('serviceItem', itemIDs[index])?.status;
          if (shown !== 'Submitted')
            expect(formatEnum(status), `${when}: service item`).toBe(shown);
        });
        if (current && current.scope().textContent?.includes(DONE_UNCONFIRMED)) {
          expect(current.doneOnServer(), `${when}: ${current.what} done`).toBe(true);
        }
        // The draft of an open form is never lost.
        const phone = screen.queryByRole('form', { name: 'Edit customer' });
        if (phone) expect(within(phone).getByLabelText(/^Phone/)).toHaveValue(typed.phone);
        const remarks = screen.queryByRole('form', { name: 'Edit move' });
        if (remarks)
          expect(within(remarks).getByLabelText('TIO remarks')).toHaveValue(typed.remarks);
      };

      const afterStep = async (when: string) => {
        await settle(inFlight);
        checkClaims(when);
        // 2. Nothing stays busy or disabled once every request has answered.
        expectNoStuckButton(view.store, when);
        if (current && document.body.textContent?.includes('Not confirmed')) {
          current.unconfirmed = true;
        }
      };

      const sendToPrime = async (): Promise<Intent | null> => {
        const mto = region('Move task order');
        const send = within(mto).queryByRole('button', { name: 'Send to Prime' });
        if (!send) return null;
        steps.sends += 1;
        await user.click(send);
        return {
          what: 'Send to Prime',
          confirmation: DONE_UNCONFIRMED,
          unconfirmed: false,
          recordID: moveID,
          scope: () => region('Move task order'),
          doneOnServer: () => dbMove().availableToPrimeAt !== null,
          shownDone: () =>
            shownField(region('Move task order'), 'Status').startsWith('Available to Prime since'),
        };
      };

      const review = async (kind: 'shipment' | 'service item'): Promise<Intent | null> => {
        const isShipment = kind === 'shipment';
        const ids = () =>
          isShipment
            ? selectShipmentIdsOfMove(view.store.getState(), moveID)
            : selectServiceItemIdsOfMove(view.store.getState(), moveID);
        const scopes = () => (isShipment ? shipmentCards() : serviceItemRows());
        const open = scopes().filter((candidate) =>
          within(candidate).queryByRole('button', { name: /^Approve / }),
        );
        if (open.length === 0) return null;
        const scope = script.pick(open);
        const approveButton = within(scope).getByRole('button', { name: /^Approve / });
        const name = (approveButton.textContent ?? '').replace(/^Approve\s*/, '');
        const recordID = ids()[scopes().indexOf(scope)];
        const scopeNow = () => scopes()[ids().indexOf(recordID)];
        const approve = script.chance(0.5);
        const status = approve ? 'APPROVED' : 'REJECTED';
        if (approve) {
          steps.approvals += 1;
          await user.click(approveButton);
        } else {
          steps.rejections += 1;
          await user.click(within(scope).getByRole('button', { name: `Reject ${name}` }));
          await user.type(
            within(scope).getByLabelText(`Reason for rejecting this ${kind}`),
            'Not authorized by the orders',
          );
          await user.click(within(scope).getByRole('button', { name: 'Confirm rejection' }));
        }
        return {
          what: `${approve ? 'Approve' : 'Reject'} ${name}`,
          confirmation: DONE_UNCONFIRMED,
          unconfirmed: false,
          recordID,
          scope: scopeNow,
          doneOnServer: () =>
            (isShipment ? db.find('shipment', recordID) : db.find('serviceItem', recordID))
              ?.status === status,
          shownDone: () =>
            (isShipment ? shownField(scopeNow(), 'Status') : shownItemStatus(scopeNow())) ===
            formatEnum(status),
        };
      };

      const edit = async (field: 'phone' | 'remarks'): Promise<Intent> => {
        const isPhone = field === 'phone';
        const section = region(isPhone ? 'Customer info' : 'Move task order');
        await user.click(
          within(section).getByRole('button', {
            name: isPhone ? 'Edit customer info' : 'Edit TIO remarks',
          }),
        );
        const form = await within(section).findByRole('form', {
          name: isPhone ? 'Edit customer' : 'Edit move',
        });
        const input = within(form).getByLabelText(isPhone ? /^Phone/ : 'TIO remarks');
        if (isPhone) {
          steps.phoneEdits += 1;
          typed.phone = `210-555-${String(100 + steps.phoneEdits).padStart(4, '0')}`;
        } else {
          steps.remarksEdits += 1;
          typed.remarks = `Remark ${steps.remarksEdits}: call before pickup`;
        }
        const value = isPhone ? typed.phone : typed.remarks;
        await user.clear(input);
        await user.type(input, value);
        await user.click(within(form).getByRole('button', { name: 'Save' }));
        const label = isPhone ? 'Phone' : 'TIO remarks';
        return {
          what: `edit ${label}`,
          confirmation: `${isPhone ? 'Customer info' : 'Move task order'} saved.`,
          unconfirmed: false,
          recordID: isPhone ? dbCustomer().id : moveID,
          scope: () => region(isPhone ? 'Customer info' : 'Move task order'),
          doneOnServer: () => (isPhone ? dbCustomer().phone : dbMove().tioRemarks) === value,
          shownDone: () =>
            screen.queryByRole('form', { name: /^Edit / }) === null &&
            shownField(region(isPhone ? 'Customer info' : 'Move task order'), label) === value,
        };
      };

      await afterStep('page load');

      const plan = [
        'send',
        'shipment',
        'item',
        'phone',
        'remarks',
        'item',
        'shipment',
        'phone',
        'item',
        'remarks',
        'item',
        'phone',
        'remarks',
        'phone',
        'remarks',
        'phone',
        'remarks',
        'phone',
      ] as const;
      for (const [round, step] of plan.entries()) {
        const when = `round ${round + 1} (${step})`;
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
      await afterStep('faults off');
      await refreshEverything(user, afterStep);
      expectFreshData(view.store, locator);

      // 4. Each change was applied exactly once, each on the version before it.
      const { applied, counts, faults, faultsOn } = injector;
      expect(counts.refused, 'writes refused (a resend with an old eTag is 412 or 409)').toBe(0);
      expect(applied).toHaveLength(intents.length);
      for (const [id, seedETag] of seedETags) {
        let expected = seedETag;
        for (const write of applied.filter((w) => w.recordID === id)) {
          expect(write.ifMatch, `${write.operation} on ${id}`).toBe(expected);
          expect(write.eTag, `${write.operation} on ${id} changed it`).not.toBe(expected);
          expected = write.eTag;
        }
      }
      expect(
        db.serviceItemsOf(moveID).filter((item) => ['MS', 'CS'].includes(item.reServiceCode)),
      ).toHaveLength(2);

      const afterApply = faults.dropped + faults.serverError + faults.timedOut;
      const { confirmedAfterFault } = seen;
      const unconfirmed = intents.filter((intent) => intent.unconfirmed).length;
      console.log(
        `Faults after the write was applied: ${counts.requests} requests, ${counts.writes} writes, ${afterApply} answers lost after the write was applied (${faults.dropped} dropped, ${faults.serverError} server errors, ${faults.timedOut} timed out; ${faultsOn.send} on Send to Prime, ${faultsOn.review} on approvals and rejections, ${faultsOn.edit} on edits), ${counts.refetchesDropped} refetches dropped too; every change applied once, 0 refused, no false claim, no stuck button`,
      );
      console.log(
        `  (session: ${steps.sends} Send to Prime, ${steps.approvals} approvals, ${steps.rejections} rejections, ${steps.phoneEdits} phone edits, ${steps.remarksEdits} remarks edits; ${seen.retries} recovery clicks; after a lost answer the latest version confirmed ${confirmedAfterFault.send + confirmedAfterFault.review} actions ("${DONE_UNCONFIRMED}") and ${confirmedAfterFault.edit} form saves; ${unconfirmed} said "Not confirmed" first and checked before resending)`,
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

/** The next write to `path` is applied by the mock, then its answer is lost as `fault` says. */
function applyThenFail(method: 'patch' | 'post', path: string, fault: 'dropped' | 'serverError') {
  server.use(
    http[method](
      `*/ghc/v1/${path}`,
      async ({ request }) => {
        const response = await getResponse(handlers, request);
        expect(response?.ok, 'the mock applied the write').toBe(true);
        return fault === 'dropped' ? HttpResponse.error() : injectedServerError();
      },
      { once: true },
    ),
  );
}

const mtoRegion = () => screen.getByRole('region', { name: 'Move task order' });

describe('a write the server applied but whose answer was lost', () => {
  it('says Send to Prime was done, shows the move sent and its new service items, and offers no resend', async () => {
    const requests = recordRequests();
    applyThenFail('patch', 'move-task-orders/:id/status', 'dropped');
    const { user } = await openDraftMove();

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert(DONE_UNCONFIRMED);
    expect(alert).toHaveTextContent('The connection failed before the server answered.');
    expect(alert).toHaveTextContent("Status: 'Draft' → 'Available to Prime since");
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(within(mtoRegion()).queryByText('The move was sent to the Prime.')).toBeNull();
    expect(shownField(mtoRegion(), 'Status')).toMatch(/^Available to Prime since/);
    // The MS and CS service items the server created are fetched too.
    const items = within(region('Service items'));
    expect(await items.findByRole('rowheader', { name: /\(MS\)$/ })).toBeInTheDocument();
    expect(items.getByRole('rowheader', { name: /\(CS\)$/ })).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('loads the latest version before resending when it could not be loaded after the failure', async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();
    applyThenFail('post', 'shipments/:id/approve', 'serverError');
    // The refetch after the failure drops too.
    server.use(
      http.get('*/ghc/v1/move_task_orders/:id/mto_shipments', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const index = db.shipmentsOf(draftMove().id).findIndex((s) => s.status === 'SUBMITTED');
    const card = screen.getByRole('region', { name: new RegExp(`^Shipment ${index + 1}:`) });

    await user.click(within(card).getByRole('button', { name: `Approve shipment ${index + 1}` }));

    const alert = await findAlert('Not confirmed: the change may or may not have been saved', card);
    expect(alert).toHaveTextContent('The server failed (500) while answering.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await findAlert(DONE_UNCONFIRMED, card)).toBeInTheDocument();
    expect(shownField(card, 'Status')).toBe('Approved');
    const writes = requests.filter((r) => r.method !== 'GET');
    expect(writes).toHaveLength(1);
  });

  it('closes the edit form as saved when the latest version has the change', async () => {
    const requests = recordRequests();
    applyThenFail('patch', 'customer/:id', 'serverError');
    const { user } = renderRoute(`/moves/${locator}/details`);
    const customer = await screen.findByRole('region', { name: 'Customer info' });
    await user.click(within(customer).getByRole('button', { name: 'Edit customer info' }));
    const form = await within(customer).findByRole('form', { name: 'Edit customer' });
    const phone = within(form).getByLabelText(/^Phone/);
    await user.clear(phone);
    await user.type(phone, '210-555-0177');

    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await findStatus('Customer info saved.', customer);
    expect(shownField(customer, 'Phone')).toBe('210-555-0177');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(dbCustomer().phone).toBe('210-555-0177');
  });
});
