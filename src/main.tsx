import '@trussworks/react-uswds/lib/uswds.css';
import '@trussworks/react-uswds/lib/index.css';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { BrowserRouter } from 'react-router';
import { setupStore } from './app/store';
import { AppRoutes } from './pages/routes';
import { startLoadingEarly } from './pages/startLoadingEarly';
import { askBeforeLeavingByHistory } from './pages/Layout';

// The mock GHC API is loaded only when mocking is on (src/dev is the one way
// in to it), so a build with mocking off carries none of it.
async function startMockApi() {
  if (import.meta.env.VITE_MOCK_API !== 'on') return;
  const { startMockApi: start } = await import('./dev/mockApi');
  await start();
}

startMockApi().then(() => {
  const store = setupStore();
  // What the page opened on shows is asked for now, not after the first render.
  startLoadingEarly(store.dispatch, window.location);
  // Before the router listens: Back and Forward over an unsaved draft ask first.
  askBeforeLeavingByHistory();
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
