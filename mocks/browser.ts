import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { DEFAULT_MOVES } from './db';
import { latency, latencyFromEnv } from './latency';
import { catchUpWithOtherTabs, enablePersistence } from './persistence';
import { profileFromEnv, setMockProfile } from './profile';

export { actAsAnotherUser, resetMockData } from './devControls';
export { subscribeToMockChanges, type MockChange } from './persistence';

// In the browser the mock acts as one server for every tab of the origin, and
// keeps its data across reloads (see README, "Mock data in the browser").
// VITE_MOCK_MOVES=10000 seeds a long queue; without it the seed is the default.
enablePersistence({ moves: Number(import.meta.env.VITE_MOCK_MOVES) || DEFAULT_MOVES });

// VITE_MOCK_PROFILE=rfc9110 reads If-Match as RFC 9110 does (see profile.ts).
setMockProfile(profileFromEnv(import.meta.env.VITE_MOCK_PROFILE, 'VITE_MOCK_PROFILE'));

// VITE_MOCK_LATENCY_MS=300 answers every request 300 ms late, as a server
// across a network would.
export const worker = setupWorker(
  latency(latencyFromEnv(import.meta.env.VITE_MOCK_LATENCY_MS)),
  catchUpWithOtherTabs,
  ...handlers,
);
