import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { serverMayHaveChanged } from '../../app/serverChanges';
import { findStatus } from '../../test/liveRegions';
import { draftMove, openDraftMove } from '../../test/draftMove';
import { renderRoute } from '../../test/renderWithProviders';

const mtoRegion = () => screen.getByRole('region', { name: 'Move task order' });

// The page listens from an effect that runs after the page is on screen;
// act() runs pending effects, so no event is fired before anyone listens.
// The act is needed for its flush, which the lint rule cannot see.
// eslint-disable-next-line testing-library/no-unnecessary-act
const listening = () => act(async () => {});

describe('noticing a colleague’s change before the user acts', () => {
  it('says the move was updated by someone else when the user comes back to the tab, and reloads it', async () => {
    const { user } = await openDraftMove();
    await listening();
    db.colleagueUpdate('move', draftMove().id, { tioRemarks: 'Hold until orders are amended' });

    fireEvent.focus(window);

    const notice = await findStatus('Updated by someone else', mtoRegion());
    // Nothing changed under the user's eyes: the page still shows what they loaded.
    expect(
      within(mtoRegion()).queryByText('Hold until orders are amended'),
    ).not.toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Reload' }));

    expect(
      await within(mtoRegion()).findByText('Hold until orders are amended'),
    ).toBeInTheDocument();
    expect(within(notice).queryByText(/Updated by someone else/)).not.toBeInTheDocument();
  });

  it('checks again when the tab becomes visible and marks only the records that changed', async () => {
    await openDraftMove();
    await listening();
    const shipment = db.shipmentsOf(draftMove().id)[0];
    db.colleagueUpdate('shipment', shipment.id, { customerRemarks: 'Call before arriving' });

    fireEvent(document, new Event('visibilitychange'));

    const card = screen.getByRole('region', { name: /^Shipment 1:/ });
    expect(await findStatus('Updated by someone else', card)).toBeInTheDocument();
    expect(within(mtoRegion()).queryByText(/Updated by someone else/)).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Customer info' })).queryByText(
        /Updated by someone else/,
      ),
    ).not.toBeInTheDocument();
  });

  it('checks on a change notice from another tab, and a write on the old version still recovers', async () => {
    const { user } = await openDraftMove();
    await listening();
    db.colleagueUpdate('move', draftMove().id, { tioRemarks: 'Weight verified' });

    act(() => serverMayHaveChanged());
    await findStatus('Updated by someone else', mtoRegion());

    await user.click(screen.getByRole('button', { name: 'Send to Prime' }));
    await waitFor(() =>
      expect(within(mtoRegion()).getByText('Weight verified')).toBeInTheDocument(),
    );
    // Once the page shows the latest version the notice has nothing left to say.
    expect(within(mtoRegion()).queryByText(/Updated by someone else/)).not.toBeInTheDocument();
  });

  it('refreshes the queue when the user comes back to it', async () => {
    renderRoute('/');
    const row = () => screen.getByRole('row', { name: new RegExp(`^${SEED_LOCATORS.draft} `) });
    await screen.findByRole('link', { name: SEED_LOCATORS.draft });
    await listening();
    expect(within(row()).getByText('No')).toBeInTheDocument();
    db.colleagueUpdate('move', draftMove().id, {
      availableToPrimeAt: '2026-11-26T07:00:00.000000000Z',
      status: 'APPROVED',
    });

    fireEvent.focus(window);

    expect(await within(row()).findByText(/^Yes, /)).toBeInTheDocument();
  });
});
