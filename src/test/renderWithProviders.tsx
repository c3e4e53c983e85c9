import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'react-redux';
import { useEffect } from 'react';
import { BrowserRouter, useLocation, type Location } from 'react-router';
import { AppRoutes } from '../pages/routes';
import { setupStore, type AppStore, type RootState } from '../app/store';
import { askBeforeLeavingByHistory } from '../writes/ui/useHoldDraft';

interface RenderOptions {
  preloadedState?: Partial<RootState>;
  store?: AppStore;
}

/** Tells `onChange` each location the router moves to. */
function TrackLocation({ onChange }: { onChange: (location: Location) => void }) {
  const location = useLocation();
  useEffect(() => onChange(location), [onChange, location]);
  return null;
}

/**
 * Renders the app's real routes at `path` with a real store (a fresh one
 * unless given), under the router main.tsx uses, on jsdom's own history:
 * the queue writes its history entries there itself, as in a browser.
 */
export function renderRoute(path: string, options: RenderOptions = {}) {
  const store = options.store ?? setupStore(options.preloadedState);
  // The router's location, for tests to read.
  const location: { current: Location | null } = { current: null };
  const track = (next: Location) => {
    location.current = next;
  };
  // A fresh entry, in no router's shape: each test starts as a page load does.
  window.history.replaceState(null, '', path);
  // As main.tsx does, before the router listens.
  askBeforeLeavingByHistory();
  const user = userEvent.setup();
  const view = render(
    <Provider store={store}>
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
        <TrackLocation onChange={track} />
      </BrowserRouter>
    </Provider>,
  );
  return { ...view, store, location, user };
}
