import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { expectNoAxeViolations } from '../../test/axe';
import { expectNoAlert, findAlert } from '../../test/liveRegions';
import { recordRequests } from '../../test/recordRequests';
import { draftMove, openDraftMove } from '../../test/draftMove';
import { renderRoute } from '../../test/renderWithProviders';

const locator = SEED_LOCATORS.draft;

const mtoRegion = (container?: HTMLElement) =>
  (container ? within(container) : screen).getByRole('region', { name: 'Move task order' });

describe('recovering from a colleague’s change', () => {
  it('names what changed, shows the latest version and sends to the Prime again in one click', async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();
    const loadedETag = draftMove().eTag;
    const colleagues = db.colleagueUpdate('move', draftMove().id, {
      tioRemarks: 'Hold until orders are amended',
    });

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('Someone else changed this move');
    expect(alert).toHaveTextContent("TIO remarks: (empty) → 'Hold until orders are amended'");
    expect(alert).toHaveTextContent(/saved \d{2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    // Focus lands on the alert, for keyboard and screen-reader users.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Someone else changed this move' })).toHaveFocus(),
    );
    // The page shows the latest version.
    expect(within(mtoRegion()).getByText('Hold until orders are amended')).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(within(alert).getByRole('button', { name: 'Send to Prime again' }));

    expect(await within(mtoRegion()).findByText(/Available to Prime since/)).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.ifMatch)).toEqual([loadedETag, colleagues.eTag]);
    // The colleague's remark survived.
    expect(draftMove().tioRemarks).toBe('Hold until orders are amended');
    expectNoAlert();
  });

  it('does not offer Send to Prime again when a colleague already sent the move', async () => {
    const { user, container } = await openDraftMove();
    const { container: colleaguesPage, user: colleague } = renderRoute(`/moves/${locator}/details`);
    await colleague.click(
      await within(colleaguesPage).findByRole('button', { name: 'Send to Prime' }),
    );
    await within(colleaguesPage).findByText(/Available to Prime since/);

    await user.click(within(mtoRegion(container)).getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('already sent to the Prime', container);
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(alert).toHaveTextContent("Status: 'Draft' → 'Available to Prime since");
    expect(
      within(mtoRegion(container)).getByText(/^Available to Prime since/, { selector: 'dd' }),
    ).toBeInTheDocument();
  });

  it('approves a shipment again on its latest version after a colleague edited it', async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();
    const shipments = db.shipmentsOf(draftMove().id);
    const index = shipments.findIndex((s) => s.status === 'SUBMITTED');
    const changed = db.colleagueUpdate('shipment', shipments[index].id, {
      customerRemarks: 'Call before arriving',
    });

    await user.click(screen.getByRole('button', { name: `Approve shipment ${index + 1}` }));

    const card = screen.getByRole('region', { name: new RegExp(`^Shipment ${index + 1}:`) });
    const alert = await findAlert('Someone else changed this shipment', card);
    expect(alert).toHaveTextContent("Customer remarks: (empty) → 'Call before arriving'");
    await user.click(within(alert).getByRole('button', { name: 'Approve again' }));

    expect(await within(card).findByText('Approved', { selector: 'dd' })).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.ifMatch).toBe(changed.eTag);
    expect(db.find('shipment', shipments[index].id)?.status).toBe('APPROVED');
  });

  it('says so when a colleague already decided on the service item', async () => {
    const { user } = await openDraftMove();
    const item = db.serviceItemsOf(draftMove().id).find((s) => s.status === 'SUBMITTED')!;
    db.colleagueUpdate('serviceItem', item.id, { status: 'APPROVED' });
    const number = db.shipmentsOf(draftMove().id).findIndex((s) => s.id === item.mtoShipmentID) + 1;

    await user.click(
      screen.getByRole('button', { name: `Approve ${item.reServiceName}, shipment ${number}` }),
    );

    const alert = await findAlert('It is approved already');
    expect(alert).toHaveTextContent("Status: 'Submitted' → 'Approved'");
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('tells a network failure apart and succeeds when the user tries again', async () => {
    server.use(
      http.patch('*/ghc/v1/move-task-orders/:id/status', () => HttpResponse.error(), {
        once: true,
      }),
    );
    const { user } = await openDraftMove();

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
    const alert = await findAlert('The server could not be reached');
    expect(draftMove().availableToPrimeAt).toBeNull();
    // Said only once the latest version, fetched after the failure, shows it.
    expect(alert).toHaveTextContent(
      'The latest version of the move, loaded just now, does not have the change: nothing was saved.',
    );

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(mtoRegion()).findByText(/Available to Prime since/)).toBeInTheDocument();
  });

  it('gives up after 15 seconds without an answer and frees the button', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      server.use(
        http.patch('*/ghc/v1/move-task-orders/:id/status', () => new Promise<never>(() => {}), {
          once: true,
        }),
      );
      const { user } = await openDraftMove();
      await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
      expect(screen.getByRole('button', { name: 'Sending to Prime…' })).toBeDisabled();

      await vi.advanceTimersByTimeAsync(15_000);

      const alert = await findAlert('The server did not answer in time');
      expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
      expect(screen.queryByText(/Available to Prime since/)).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a server error apart', async () => {
    server.use(
      http.post('*/ghc/v1/shipments/:id/approve', () =>
        HttpResponse.json(
          { title: 'Internal Server Error', detail: 'boom', instance: crypto.randomUUID() },
          { status: 500 },
        ),
      ),
    );
    const { user } = await openDraftMove();
    const index = db.shipmentsOf(draftMove().id).findIndex((s) => s.status === 'SUBMITTED');

    await user.click(screen.getByRole('button', { name: `Approve shipment ${index + 1}` }));

    expect(await findAlert('The server had a problem')).toHaveTextContent('(500)');
  });

  it('reports a missing If-Match loudly and never retries it blindly', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    server.use(
      http.patch('*/ghc/v1/move-task-orders/:id/status', () =>
        HttpResponse.json(
          {
            title: 'Precondition Required',
            detail: 'Send If-Match.',
            instance: crypto.randomUUID(),
          },
          { status: 428 },
        ),
      ),
    );
    const { user } = await openDraftMove();

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));

    const alert = await findAlert('The app sent an incomplete request');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringContaining('without If-Match (428)'),
      expect.anything(),
    );
  });

  it('sends one request for a double click', async () => {
    const requests = recordRequests();
    const { user } = await openDraftMove();

    await user.dblClick(screen.getByRole('button', { name: 'Send to Prime' }));

    await within(mtoRegion()).findByText(/Available to Prime since/);
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expectNoAlert();
  });
});
