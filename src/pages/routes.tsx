import { lazy, Suspense, type ComponentType } from 'react';
import { useParams, useRoutes, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { Loading } from '../components/Loading';
import { MovesQueue } from './MovesQueue/MovesQueue';
import { NotFound } from './NotFound/NotFound';
import { loadCustomerDetailsPage, loadedCustomerDetailsPage } from './CustomerDetails/pageChunk';
import { DETAILS_PATH } from './CustomerDetails/route';
import { usePageTitle } from '../components/usePageTitle';

// The queue is where users land; the details page is a lazy chunk. If its
// code is here already, React.lazy gets it through a thenable that answers
// at once, and renders the page without suspending.
const CustomerDetails = lazy((): Promise<{ default: ComponentType }> => {
  const loaded = loadedCustomerDetailsPage();
  if (!loaded) {
    return loadCustomerDetailsPage().then((module) => ({ default: module.CustomerDetails }));
  }
  const page = { default: loaded.CustomerDetails };
  return { then: (resolve: (value: typeof page) => void) => resolve(page) } as Promise<typeof page>;
});

/** While the details page's code is on its way: the tab already names the move. */
function DetailsFallback() {
  usePageTitle(`Loading move ${useParams().locator ?? ''}`);
  return <Loading label="Loading the move…" />;
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <MovesQueue /> },
      {
        path: DETAILS_PATH,
        element: (
          <Suspense fallback={<DetailsFallback />}>
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
