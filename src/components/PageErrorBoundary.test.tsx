import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from '../../mocks/db';
import { findAlert } from '../test/liveRegions';
import { renderRoute } from '../test/renderWithProviders';

// The details page's lazy code fails to arrive, as it does when the
// connection drops or a new release has replaced the chunk.
vi.mock('../pages/CustomerDetails/pageChunk', () => ({
  loadCustomerDetailsPage: () =>
    Promise.reject(
      new TypeError('Failed to fetch dynamically imported module: /assets/CustomerDetails.js'),
    ),
  loadedCustomerDetailsPage: () => null,
  // The queue's idle fetch of the same code: nothing to fetch here.
  preloadCustomerDetailsPageWhenIdle: () => () => undefined,
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a page that cannot be shown', () => {
  it('says so in place of the page, offers a reload, and keeps the way back to the queue', async () => {
    // React and the boundary report the error; the test need not print it.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);

    // In a live region that was on the page before it: announced.
    const region = await findAlert('This page could not be shown');
    expect(
      within(region).getByRole('heading', { level: 1, name: 'This page could not be shown' }),
    ).toBeVisible();
    expect(within(region).getByText(/Reload the page to try again/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeEnabled();
    expect(document.title).toBe('This page could not be shown – TOO office');
    expect(screen.getByRole('link', { name: 'TOO office' })).toBeInTheDocument();
    expect(logged).toHaveBeenCalledWith(
      'A page failed to render',
      expect.any(TypeError),
      expect.any(String),
    );

    await user.click(screen.getByRole('link', { name: 'Back to the moves queue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Moves queue' })).toBeVisible();
    expect(screen.queryByText('This page could not be shown')).not.toBeInTheDocument();
    expect(document.title).toBe('Moves queue – TOO office');
    expect(await screen.findByRole('link', { name: SEED_LOCATORS.submitted })).toBeInTheDocument();
  });
});
