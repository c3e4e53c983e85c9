import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isoDate } from '../../../mocks/clock';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { API, framework, message, noBody, text, validation } from '../../../mocks/http';
import { server } from '../../../mocks/node';
import { setMockProfile, type MockProfile } from '../../../mocks/profile';
import { seededMove, send } from '../../../mocks/testApi';
import { formatDate } from '../../components/format';
import { expectNoAxeViolations } from '../../test/axe';
import { region, shownField } from '../../test/faultSession';
import { expectNoAlert, findAlert, findStatus } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import {
  chooseCounseling,
  openApprovedMove,
  openMove,
  openSubmittedMove,
  submittedMove,
} from '../../test/submittedMove';
import { renderRoute } from '../../test/renderWithProviders';
import { PROGRESS_DELAY_MS } from './useSendToPrime';

const locator = SEED_LOCATORS.submitted;

const mtoRegion = (container?: HTMLElement) =>
  (container ? within(container) : screen).getByRole('region', { name: 'Move task order' });
const shipmentCard = (number: number) => region(new RegExp(`^Shipment ${number}:`));

describe.each<MockProfile>(['ghc', 'rfc9110'])(
  'recovering from a colleague’s change (%s If-Match)',
  (profile) => {
    beforeEach(() => setMockProfile(profile));
    afterEach(() => setMockProfile('ghc'));

    it('names what changed, shows the latest version and sends the move again in one click', async () => {
      const requests = recordRequests();
      const { user } = await openSubmittedMove();
      const loaded = submittedMove();
      db.save('move', loaded.id, { tioRemarks: 'Hold until orders are amended' });
      const colleagues = submittedMove();

      await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

      const alert = await findAlert('Someone else changed this move');
      expect(alert).toHaveTextContent("TIO remarks: (empty) → 'Hold until orders are amended'");
      expect(alert).toHaveTextContent(/saved \d{2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
      // Focus lands on the alert, for keyboard and screen-reader users.
      await waitFor(() =>
        expect(
          screen.getByRole('region', { name: 'Someone else changed this move' }),
        ).toHaveFocus(),
      );
      // The page shows the latest version.
      expect(shownField(mtoRegion(), 'TIO remarks')).toBe('Hold until orders are amended');
      expect(submittedMove().status).toBe('SUBMITTED');
      await expectNoAxeViolations();

      await user.click(within(alert).getByRole('button', { name: 'Send to Prime again' }));

      expect(await findStatus('The move was approved')).toBeInTheDocument();
      expect(shownField(mtoRegion(), 'Status')).toBe('Move approved');
      const patches = requests.filter((r) => r.method === 'PATCH');
      expect(patches.map((r) => r.ifMatch)).toEqual([loaded.eTag, colleagues.eTag]);
      // The colleague's remark survived.
      expect(submittedMove()).toMatchObject({
        status: 'APPROVED',
        tioRemarks: 'Hold until orders are amended',
      });
      expectNoAlert();
    });
  },
);

describe('recovering from a colleague’s change', () => {
  it('does not offer Send to Prime again when a colleague already approved the move', async () => {
    const { user, container } = await openSubmittedMove();
    const { container: colleaguesPage, user: colleague } = renderRoute(`/moves/${locator}/details`);
    const colleaguesButton = await within(colleaguesPage).findByRole('button', {
      name: 'Send to Prime',
    });
    await chooseCounseling(colleague, colleaguesPage);
    await colleague.click(colleaguesButton);
    await findStatus('The move was approved', colleaguesPage);

    await user.click(within(mtoRegion(container)).getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('Someone else changed this move', container);
    expect(alert).toHaveTextContent(
      `It was already approved on ${formatDate(submittedMove().approvedAt)}, so there is nothing more to do here.`,
    );
    expect(alert).toHaveTextContent("Status: 'New move' → 'Move approved'");
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(shownField(mtoRegion(container), 'Status')).toBe('Move approved');
    // The colleague's approval created the move's fees once.
    expect(
      db
        .serviceItemsOf(submittedMove().id)
        .map((item) => item.reServiceCode)
        .sort(),
    ).toEqual(['CS', 'MS']);
  });

  it('approves a shipment again on its latest version after a colleague edited it', async () => {
    const requests = recordRequests();
    const { user } = await openApprovedMove();
    const shipment = seededMove(locator).shipments[0];
    db.save('shipment', shipment.id!, { counselorRemarks: 'Call before arriving' });
    const changed = seededMove(locator).shipments[0];

    await user.click(within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }));

    const alert = await findAlert('Someone else changed this shipment', shipmentCard(1));
    expect(alert).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    await user.click(within(alert).getByRole('button', { name: 'Approve again' }));

    expect(await within(shipmentCard(1)).findByText('Approved', { selector: 'dd' })).toBeVisible();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.ifMatch)).toEqual([
      shipment.eTag,
      changed.eTag,
    ]);
    expect(db.find('shipment', shipment.id!)).toMatchObject({
      status: 'APPROVED',
      counselorRemarks: 'Call before arriving',
    });
  });

  it('says so when a colleague already decided on the service item', async () => {
    const { user } = await openMove(SEED_LOCATORS.approvalsRequested);
    const { serviceItems } = seededMove(SEED_LOCATORS.approvalsRequested);
    const item = serviceItems.find((candidate) => candidate.status === 'SUBMITTED')!;
    // A colleague approves it through the API, with everything that comes with it.
    const colleagues = await send(
      'PATCH',
      `/move-task-orders/${item.moveTaskOrderID}/service-items/${item.id}/status`,
      { ifMatch: item.eTag, body: { status: 'APPROVED' } },
    );
    expect(colleagues.status).toBe(200);

    await user.click(
      screen.getByRole('button', { name: `Approve ${item.reServiceName}, shipment 1` }),
    );

    const alert = await findAlert('Someone else changed this service item');
    expect(alert).toHaveTextContent("Status: 'Requested' → 'Approved'");
    expect(alert).toHaveTextContent('It is approved now, so there is nothing more to do.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('tells a network failure apart and succeeds when the user tries again', async () => {
    server.use(
      http.patch('*/ghc/v1/move-task-orders/:id/status', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const { user } = await openSubmittedMove();

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
    const alert = await findAlert('The server could not be reached');
    expect(submittedMove().status).toBe('SUBMITTED');
    // Said only once the latest version, fetched after the failure, shows it.
    expect(alert).toHaveTextContent(
      'The latest version of the move, loaded just now, does not show the approval of the move. The move was not sent to the Prime.',
    );

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await findStatus('The move was approved')).toBeInTheDocument();
    expect(submittedMove().status).toBe('APPROVED');
  });

  it('gives up after 15 seconds without an answer and frees the button', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      server.use(
        http.patch('*/ghc/v1/move-task-orders/:id/status', () => new Promise<never>(() => {}), {
          once: true,
        }),
      );
      const { user } = await openSubmittedMove();
      await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
      // Its progress shows once the quiet moment has passed.
      await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS);
      expect(screen.getByRole('button', { name: 'Sending to Prime…' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );

      await vi.advanceTimersByTimeAsync(15_000);

      const alert = await findAlert('The server did not answer in time');
      expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
      expect(shownField(mtoRegion(), 'Status')).toBe('New move');
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a server error apart', async () => {
    const { user } = await openApprovedMove();
    server.use(http.post('*/ghc/v1/shipments/:id/approve', () => noBody(500)));

    await user.click(within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }));

    const alert = await findAlert('The server had a problem', shipmentCard(1));
    expect(alert).toHaveTextContent('The server failed (500) while answering.');
    expect(shownField(shipmentCard(1), 'Status')).toBe('Requested');
  });

  it('says why the server will not approve a shipment whose pickup date has come', async () => {
    const { user } = await openApprovedMove();
    const shipment = seededMove(locator).shipments[0];
    // The calendar moves on, not the record: its eTag stays.
    db.touch('shipment', shipment.id!, { requestedPickupDate: isoDate(Date.now()) });

    await user.click(within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }));

    const alert = await findAlert('Check what you entered', shipmentCard(1));
    expect(alert).toHaveTextContent(
      "error validating mto shipment: RequestedPickupDate must be greater than or equal to tomorrow's date.",
    );
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(db.find('shipment', shipment.id!)?.status).toBe('SUBMITTED');
  });

  it('says why the server will not approve a move none of whose shipments has a pickup date, and that the move is still there', async () => {
    const { user } = await openSubmittedMove();
    // No date to price the move's fees by: the server's 404 has no body.
    for (const shipment of seededMove(locator).rows.shipments) {
      db.touch('shipment', shipment.id, { requestedPickupDate: null });
    }

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('The move was not approved');
    expect(alert).toHaveTextContent('no requested pickup date');
    expect(alert).not.toHaveTextContent('no longer exists');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(shownField(mtoRegion(), 'Status')).toBe('New move');
    expect(submittedMove().approvedAt).toBeUndefined();
  });

  it.each([
    ['the real server’s 422', () => framework(422, 'If-Match in header is required')],
    ['RFC 9110’s 428', () => framework(428, 'If-Match is required.')],
  ])(
    'reports a write sent without If-Match (%s) loudly and never retries it blindly',
    async (_, answer) => {
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      server.use(http.patch('*/ghc/v1/move-task-orders/:id/status', answer));
      const { user } = await openSubmittedMove();

      await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

      const alert = await findAlert('The app sent an incomplete request');
      expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
      expect(consoleError).toHaveBeenCalledWith(
        expect.stringContaining('a write was sent without If-Match'),
        expect.anything(),
      );
    },
  );

  it('sends one request for a double click', async () => {
    const requests = recordRequests();
    // Hold the server's answer until both clicks are done, as a server across
    // a network would: the second click lands while the first write runs.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(http.patch(`${API}/move-task-orders/:id/status`, () => answered));
    const { user, sendButton } = await openSubmittedMove();

    await user.dblClick(sendButton);
    expect(submittedMove().status).toBe('SUBMITTED');
    answer();

    await findStatus('The move was approved');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expectNoAlert();
  });
});

describe('the server’s answer shapes, worded for the user', () => {
  const moveID = () => submittedMove().id;
  // Each of the real server's five body shapes (GHC.md 1.2), as Send to Prime can meet it.
  it.each([
    {
      shape: 'E {message}, 409',
      answer: () =>
        message(
          409,
          `ID: ${moveID()} is in a conflicting state A move can only be approved if it's in one of these states: ["SUBMITTED" "APPROVALS REQUESTED" "SERVICE COUNSELING COMPLETED"]. However, its current status is: CANCELED: INVALID_TRANSITION`,
        ),
      heading: 'This move cannot be changed that way now',
      says: "A move can only be approved if it's in one of these states",
    },
    {
      shape: 'F {title, instance, detail}, 422',
      answer: () => framework(422, 'serviceItemCodes in body is required'),
      heading: 'Check what you entered',
      says: 'serviceItemCodes in body is required',
    },
    {
      shape: 'V ValidationError, 422',
      answer: () =>
        validation(
          'Unable to complete request',
          `Invalid input for ID: ${submittedMove().ordersId}. OrdersTypeDetail cannot be blank.\nDepartmentIndicator cannot be blank.`,
        ),
      heading: 'The orders lack what approval needs',
      says: 'its orders have no orders type detail, no department indicator',
    },
    {
      shape: 'T text, 401',
      answer: () => text(401),
      heading: 'Your session has ended',
      says: 'Sign in again, then try again.',
    },
    {
      shape: 'T text, 403',
      answer: () => text(403),
      heading: 'You may not do that',
      says: 'Your role does not allow this change to the move',
    },
    {
      shape: 'N no body, 500',
      answer: () => noBody(500),
      heading: 'The server had a problem',
      says: 'The server failed (500) while answering.',
    },
  ])('words $shape without raw data', async ({ answer, heading, says }) => {
    server.use(http.patch('*/ghc/v1/move-task-orders/:id/status', answer, { once: true }));
    const { user } = await openSubmittedMove();

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert(heading);
    expect(alert).toHaveTextContent(says);
    expect(alert.textContent).not.toMatch(/undefined|null|NaN|\[object|[{}]|"(message|title)"/);
    expect(submittedMove().status).toBe('SUBMITTED');
  });
});
