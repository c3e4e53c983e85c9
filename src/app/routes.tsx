import { lazy, Suspense } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { Layout } from '../components/Layout';
import { Loading } from '../components/Loading';
import { MovesQueue } from '../pages/MovesQueue/MovesQueue';
import { NotFound } from '../pages/NotFound/NotFound';

// The queue is where users land; the details page (with its edit and
// conflict views) loads when it is first opened, to keep start-up small.
const CustomerDetails = lazy(() =>
  import('../pages/CustomerDetails/CustomerDetails').then((module) => ({
    default: module.CustomerDetails,
  })),
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <MovesQueue /> },
      {
        path: 'moves/:locator/details',
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
