import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
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
    await waitFor(() =>
      expect(requests.map((request) => request.path)).toContain(
        `/ghc/v1/move/${SEED_LOCATORS.draft}`,
      ),
    );
  });
});
