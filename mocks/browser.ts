import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { DEFAULT_MOVES } from './db';
import { catchUpWithOtherTabs, enablePersistence } from './persistence';

export { actAsAnotherUser, resetMockData } from './devControls';
export { subscribeToMockChanges, type MockChange } from './persistence';

// In the browser the mock acts as one server for every tab of the origin, and
// keeps its data across reloads (see README, "Mock data in the browser").
// VITE_MOCK_MOVES=10000 seeds a long queue; without it the seed is the default.
enablePersistence({ moves: Number(import.meta.env.VITE_MOCK_MOVES) || DEFAULT_MOVES });

export const worker = setupWorker(catchUpWithOtherTabs, ...handlers);
