import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// The details page's code is on its way and never arrives: what is asked
// for meanwhile is asked for by the click, not by the page.
vi.mock('../CustomerDetails/pageChunk', () => ({
  loadCustomerDetailsPage: () => new Promise(() => undefined),
  loadedCustomerDetailsPage: () => null,
  preloadCustomerDetailsPageWhenIdle: () => () => undefined,
}));

describe('opening a move from the queue', () => {
  it('asks for the move with the click, while the page’s code is still on its way', async () => {
    const requests = recordRequests();
    const { user, location } = renderRoute('/');
    const link = await screen.findByRole('link', { name: SEED_LOCATORS.submitted });

    await user.click(link);

    expect(location.current?.pathname).toBe(`/moves/${SEED_LOCATORS.submitted}/details`);
    expect(screen.getByText('Loading the move…')).toBeInTheDocument();
    expect(document.title).toBe(`Loading move ${SEED_LOCATORS.submitted} – TOO office`);
    await waitFor(() =>
      expect(requests.map((request) => request.path)).toContain(
        `/ghc/v1/move/${SEED_LOCATORS.submitted}`,
      ),
    );
  });

  it('asks for all of the move’s records but its orders with the move, by the ids its row shows: two round trips', async () => {
    const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
    const order = db.find('order', move.ordersId)!;
    // The move's answer (which names its orders) is held until the test lets it go.
    let releaseMove = () => undefined as void;
    const moveHeld = new Promise<void>((resolve) => (releaseMove = resolve));
    server.use(
      http.get(`*/ghc/v1/move/${SEED_LOCATORS.submitted}`, async () => {
        await moveHeld;
      }),
    );
    const requests = recordRequests();
    const { user } = renderRoute('/');

    await user.click(await screen.findByRole('link', { name: SEED_LOCATORS.submitted }));

    // With the move: its shipments, its service items and its customer, by
    // the move's and the customer's ids the queue row carries.
    const withTheMove = [
      '/ghc/v1/queues/moves',
      `/ghc/v1/move/${SEED_LOCATORS.submitted}`,
      `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
      `/ghc/v1/move_task_orders/${move.id}/mto_service_items`,
      `/ghc/v1/customer/${order.serviceMemberId}`,
    ];
    await waitFor(() =>
      expect(requests.map((request) => request.path).sort()).toEqual([...withTheMove].sort()),
    );
    // The orders only once the move has named them: the second round trip.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(withTheMove.length);
    releaseMove();
    await waitFor(() =>
      expect(requests.map((request) => request.path)).toContain(`/ghc/v1/orders/${order.id}`),
    );
    expect(requests).toHaveLength(withTheMove.length + 1);
  });
});
