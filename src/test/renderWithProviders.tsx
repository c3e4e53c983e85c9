import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'react-redux';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../app/routes';
import { setupStore, type AppStore, type RootState } from '../app/store';

interface RenderOptions {
  preloadedState?: Partial<RootState>;
  store?: AppStore;
}

/** Renders the app's real routes at `path` with a real store (a fresh one unless given). */
export function renderRoute(path: string, options: RenderOptions = {}) {
  const store = options.store ?? setupStore(options.preloadedState);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <Provider store={store}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return { ...view, store, router, user };
}
