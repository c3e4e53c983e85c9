import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../../mocks/db';
import { recordRequests } from '../test/recordRequests';
import { renderRoute } from '../test/renderWithProviders';
import { loadCustomerDetailsPage } from './CustomerDetails/pageChunk';
import { moveHeading } from '../test/submittedMove';

describe('the details page’s route', () => {
  it('renders the page at once when its code is here already, without suspending', async () => {
    await loadCustomerDetailsPage();
    const requests = recordRequests();

    renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);

    // The page's own loading state in the first render, not the route's fallback.
    expect(screen.getByText(`Loading move ${SEED_LOCATORS.submitted}…`)).toBeInTheDocument();
    expect(screen.queryByText('Loading the move…')).not.toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: moveHeading(SEED_LOCATORS.submitted) }),
    ).toBeInTheDocument();
    expect(requests.filter((request) => request.path.startsWith('/ghc/v1/move/'))).toHaveLength(1);
  });
});
