import type { RouteObject } from 'react-router';
import { Layout } from '../components/Layout';
import { CustomerDetails } from '../pages/CustomerDetails/CustomerDetails';
import { MovesQueue } from '../pages/MovesQueue/MovesQueue';
import { NotFound } from '../pages/NotFound/NotFound';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <MovesQueue /> },
      { path: 'moves/:locator/details', element: <CustomerDetails /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
