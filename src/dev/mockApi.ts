// The mock GHC API in the browser: its service worker, and its notices of
// changes made in another tab (another "office user"). main.tsx imports
// this module only when mocking is on, so a build with mocking off carries
// none of it.
import { subscribeToMockChanges, worker } from '../../mocks/browser';
import { serverMayHaveChanged } from '../app/serverChanges';
import { mockLogOn } from './mockLog';

export async function startMockApi(): Promise<void> {
  subscribeToMockChanges(serverMayHaveChanged);
  await worker.start({
    quiet: !mockLogOn(window.localStorage, import.meta.env.VITE_MOCK_LOG),
    onUnhandledRequest(request, print) {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/ghc/v1/') && pathname !== '/ghc/v1/swagger.yaml') print.error();
    },
  });
}
