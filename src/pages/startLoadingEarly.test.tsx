import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../mocks/db';
import { seedQueueOf45 } from '../test/queueSeed';
import { recordRequests, type RecordedRequest } from '../test/recordRequests';
import { renderRoute } from '../test/renderWithProviders';
import { startLoadingEarly } from './startLoadingEarly';
import { setupStore } from '../app/store';
import { moveHeading } from '../test/submittedMove';

/** The paths of the GET requests the mock received, in order. */
const gets = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method === 'GET').map((request) => request.path);

/** Starts what `path` loads, as main.tsx does before the first render, then renders it. */
async function openEarly(path: string, requests: RecordedRequest[]) {
  const store = setupStore();
  const [pathname, search = ''] = path.split('?');
  startLoadingEarly(store.dispatch, { pathname, search: search && `?${search}` });
  // On its way before anything is rendered.
  await waitFor(() => expect(requests.length).toBeGreaterThan(0));
  return renderRoute(path, { store });
}

describe('what the app starts loading before its first render', () => {
  it('a move’s records, each asked for once, for the details page opened on it', async () => {
    const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
    const requests = recordRequests();

    await openEarly(`/moves/${SEED_LOCATORS.submitted}/details`, requests);

    expect(
      await screen.findByRole('heading', { level: 1, name: moveHeading(SEED_LOCATORS.submitted) }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send to Prime' })).toBeInTheDocument();
    const order = db.find('order', move.ordersId)!;
    expect(gets(requests).sort()).toEqual(
      [
        `/ghc/v1/move/${SEED_LOCATORS.submitted}`,
        `/ghc/v1/orders/${order.id}`,
        `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
        `/ghc/v1/move_task_orders/${move.id}/mto_service_items`,
        `/ghc/v1/customer/${order.serviceMemberId}`,
      ].sort(),
    );
  });

  it('a failed load, which the details page shows as it shows its own', async () => {
    const requests = recordRequests();

    await openEarly('/moves/NOPE00/details', requests);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Move NOPE00 not found' }),
    ).toBeInTheDocument();
    expect(gets(requests)).toEqual(['/ghc/v1/move/NOPE00']);
  });

  it('the queue view its address names, asked for once', async () => {
    seedQueueOf45();
    const requests = recordRequests();

    await openEarly('/?page=3', requests);

    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(gets(requests)).toEqual(['/ghc/v1/queues/moves']);
    // In MilMove's default order, as the queue's own first request would be.
    expect(requests[0].search).toBe('?page=3&perPage=20&sort=status&order=desc');
  });

  it('nothing for a page that loads nothing', async () => {
    const requests = recordRequests();
    const store = setupStore();

    startLoadingEarly(store.dispatch, { pathname: '/no/such/page', search: '' });
    renderRoute('/no/such/page', { store });

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(/not found/i);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });
});
