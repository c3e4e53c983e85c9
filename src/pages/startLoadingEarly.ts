import { matchPath } from 'react-router';
import type { AppDispatch } from '../app/store';
import { queueApi } from '../entities/queue/queueApi';
import { DETAILS_PATH, startLoadingMoveDetails } from './CustomerDetails/route';
import { toQuery, viewOf } from './MovesQueue/useQueueView';

/**
 * Starts what the page at `location` will load, before React's first
 * render (main.tsx), so that it is on its way while the page is built: the
 * queue's rows, or a move's records and the details page's code. Each page
 * takes what was started for it instead of asking again: the queue finds its
 * view's request in RTK Query's cache, on its way or answered.
 */
export function startLoadingEarly(
  dispatch: AppDispatch,
  location: { pathname: string; search: string },
): void {
  if (location.pathname === '/') {
    const query = toQuery(viewOf(new URLSearchParams(location.search)));
    dispatch(queueApi.util.prefetch('getMovesQueue', query, { force: true }));
    return;
  }
  const locator = matchPath(`/${DETAILS_PATH}`, location.pathname)?.params.locator;
  // Upper-cased as the page does (CustomerDetails.tsx): the same load, not a second.
  if (locator) startLoadingMoveDetails(dispatch, locator.toUpperCase());
}
