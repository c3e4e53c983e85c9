import '@trussworks/react-uswds/lib/uswds.css';
import '@trussworks/react-uswds/lib/index.css';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/routes';
import { serverMayHaveChanged } from './app/serverChanges';
import { startLoadingEarly } from './app/startLoadingEarly';
import { setupStore } from './app/store';

// The mock GHC API is loaded only when mocking is on, so a build with mocking
// off carries none of it.
async function startMockApi() {
  if (import.meta.env.VITE_MOCK_API !== 'on') return;
  const { worker, subscribeToMockChanges } = await import('../mocks/browser');
  // Another tab (another "office user") changed the mock's data.
  subscribeToMockChanges(serverMayHaveChanged);
  await worker.start({
    onUnhandledRequest(request, print) {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/ghc/v1/') && pathname !== '/ghc/v1/swagger.yaml') print.error();
    },
  });
}

startMockApi().then(() => {
  const store = setupStore();
  // What the page opened on shows is asked for now, not after the first render.
  startLoadingEarly(store.dispatch, window.location);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Provider store={store}>
        {/* A plain router: the app uses no loaders, actions or blockers, and
            the data router would add 17 KB gzip and its navigation work.
            Without transitions, a navigation (a link, Back, Forward) renders
            in the task of the event that caused it. */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes />
        </BrowserRouter>
      </Provider>
    </StrictMode>,
  );
});
