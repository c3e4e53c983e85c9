import { matchPath } from 'react-router';
import { queueApi } from '../entities/queue/queueApi';
import { loadMoveDetailsEarly, type MoveHints } from '../pages/CustomerDetails/loadMoveDetails';
import { toQuery, viewOf } from '../pages/MovesQueue/useQueueView';
import { loadCustomerDetailsPage } from './pageChunks';
import type { AppDispatch } from './store';

/** The details page's route, under '/'. */
export const DETAILS_PATH = 'moves/:locator/details';

/** The address of a move's details page. */
export const detailsPath = (locator: string) => `/moves/${encodeURIComponent(locator)}/details`;

/**
 * Starts what the page at `location` will load, before it renders, so that
 * it is on its way while the page is built: the queue's rows; or a move's
 * records and the details page's code, side by side. main.tsx calls it
 * before React's first render, the queue when a move is opened from it
 * (with what its row tells of the move). Each page takes what was started
 * for it instead of asking again: the queue finds its view's request in
 * RTK Query's cache, on its way or answered.
 */
export function startLoadingEarly(
  dispatch: AppDispatch,
  location: { pathname: string; search: string },
  moveHints?: MoveHints,
): void {
  if (location.pathname === '/') {
    const query = toQuery(viewOf(new URLSearchParams(location.search)));
    dispatch(queueApi.util.prefetch('getMovesQueue', query, { force: true }));
    return;
  }
  const locator = matchPath(`/${DETAILS_PATH}`, location.pathname)?.params.locator;
  if (locator) {
    void loadCustomerDetailsPage().catch(() => undefined);
    loadMoveDetailsEarly(dispatch, locator, moveHints);
  }
}
