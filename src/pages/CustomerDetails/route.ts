// How the details page is reached: its route, a move's address, and what
// opening it starts before it renders.
import type { AppDispatch } from '../../app/store';
import { loadMoveDetailsEarly, type MoveHints } from './loadMoveDetails';
import { loadCustomerDetailsPage } from './pageChunk';

/** The details page's route, under '/'. */
export const DETAILS_PATH = 'moves/:locator/details';

/** The address of a move's details page. */
export const detailsPath = (locator: string) => `/moves/${encodeURIComponent(locator)}/details`;

/**
 * Starts, side by side, what a move's page will need: its code (a lazy
 * chunk) and the move's records, for the page to take instead of asking
 * again. The app calls it when it opens on a move, and the queue when a
 * move is opened from it (with what its row tells of the move).
 */
export function startLoadingMoveDetails(
  dispatch: AppDispatch,
  locator: string,
  moveHints?: MoveHints,
): void {
  void loadCustomerDetailsPage().catch(() => undefined);
  loadMoveDetailsEarly(dispatch, locator, moveHints);
}
