import { lazy, Suspense } from 'react';
import { matchPath, useRoutes, type RouteObject } from 'react-router';
import { Layout } from '../components/Layout';
import { Loading } from '../components/Loading';
import { loadMoveDetailsEarly } from '../pages/CustomerDetails/loadMoveDetails';
import { requestQueueEarly } from '../pages/MovesQueue/earlyRequest';
import { MovesQueue } from '../pages/MovesQueue/MovesQueue';
import { NotFound } from '../pages/NotFound/NotFound';
import { loadCustomerDetailsPage } from './pageChunks';
import type { AppDispatch } from './store';

// The queue is where users land; the details page is a lazy chunk.
const CustomerDetails = lazy(() =>
  loadCustomerDetailsPage().then((module) => ({ default: module.CustomerDetails })),
);

const DETAILS_PATH = 'moves/:locator/details';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <MovesQueue /> },
      {
        path: DETAILS_PATH,
        element: (
          <Suspense fallback={<Loading label="Loading the move…" />}>
            <CustomerDetails />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/** The app's pages for the current URL, under whichever router holds it. */
export function AppRoutes() {
  return useRoutes(routes);
}

/**
 * Starts what the page at `location` will load, before React's first render
 * (main.tsx), so that it is on its way while the app is built: the queue's
 * rows; or a move's records and the details page's code, side by side. Each
 * page takes what was started for it instead of asking again.
 */
export function startLoadingEarly(
  dispatch: AppDispatch,
  location: { pathname: string; search: string },
): void {
  if (location.pathname === '/') {
    requestQueueEarly(dispatch, location.search);
    return;
  }
  const locator = matchPath(`/${DETAILS_PATH}`, location.pathname)?.params.locator;
  if (locator) {
    void loadCustomerDetailsPage();
    loadMoveDetailsEarly(dispatch, locator);
  }
}
