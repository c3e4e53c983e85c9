import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { server } from '../../../mocks/node';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// The details page's code is on its way and never arrives: what is asked
// for meanwhile is asked for by the click, not by the page.
vi.mock('../../app/pageChunks', () => ({
  loadCustomerDetailsPage: () => new Promise(() => undefined),
  loadedCustomerDetailsPage: () => null,
  preloadCustomerDetailsPageWhenIdle: () => () => undefined,
}));

describe('opening a move from the queue', () => {
  it('asks for the move with the click, while the page’s code is still on its way', async () => {
    const requests = recordRequests();
    const { user, location } = renderRoute('/');
    const link = await screen.findByRole('link', { name: SEED_LOCATORS.draft });

    await user.click(link);

    expect(location.current?.pathname).toBe(`/moves/${SEED_LOCATORS.draft}/details`);
    expect(screen.getByText('Loading the move…')).toBeInTheDocument();
    expect(document.title).toBe(`Loading move ${SEED_LOCATORS.draft} – TOO office`);
    await waitFor(() =>
      expect(requests.map((request) => request.path)).toContain(
        `/ghc/v1/move/${SEED_LOCATORS.draft}`,
      ),
    );
  });

  it('asks for all of the move’s records but its order with the move, by the ids its row shows', async () => {
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    const order = db.find('order', move.orderID)!;
    // The order's answer is held until the test lets it go.
    let releaseOrder = () => undefined as void;
    const orderHeld = new Promise<void>((resolve) => (releaseOrder = resolve));
    server.use(
      http.get('*/ghc/v1/orders/:id', async () => {
        await orderHeld;
      }),
    );
    const requests = recordRequests();
    const { user } = renderRoute('/');

    await user.click(await screen.findByRole('link', { name: SEED_LOCATORS.draft }));

    // The customer is asked for without waiting for the order, which names it.
    await waitFor(() =>
      expect(requests.map((request) => request.path).sort()).toEqual(
        [
          '/ghc/v1/queues/moves',
          `/ghc/v1/move/${SEED_LOCATORS.draft}`,
          `/ghc/v1/move-task-orders/${move.id}`,
          `/ghc/v1/move_task_orders/${move.id}/mto_shipments`,
          `/ghc/v1/move_task_orders/${move.id}/mto_service_items`,
          `/ghc/v1/customer/${order.customerID}`,
          `/ghc/v1/orders/${order.id}`,
        ].sort(),
      ),
    );
    releaseOrder();
  });
});
