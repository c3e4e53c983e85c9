import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { catchUpWithOtherTabs, enablePersistence } from './persistence';

export { actAsAnotherUser, resetMockData } from './devControls';
export { subscribeToMockChanges, type MockChange } from './persistence';

// In the browser the mock acts as one server for every tab of the origin, and
// keeps its data across reloads (see README, "Mock data in the browser").
enablePersistence();

export const worker = setupWorker(catchUpWithOtherTabs, ...handlers);
