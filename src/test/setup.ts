import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from '../../mocks/node';
import { db } from '../../mocks/db';
import { clearCsrfCookie } from '../../mocks/testApi';

// findBy*/waitFor give up after 1 s by default; a loaded shared machine needs more.
configure({ asyncUtilTimeout: 5000 });

// MSW's 'error' strategy only rejects the fetch, which a thunk would swallow;
// record every unhandled request and fail the test that made it.
const unhandled: string[] = [];

// Requests the mock API has not answered yet. A test's listeners may still
// fetch after its last assertion (they defer their refetches a tick); they
// finish inside the test that started them, not in the next one's session.
const inFlight = new Set<string>();
server.events.on('request:start', ({ requestId }) => void inFlight.add(requestId));
server.events.on('request:end', ({ requestId }) => void inFlight.delete(requestId));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function settleRequests(): Promise<void> {
  for (let turn = 0, quiet = 0; turn < 200 && quiet < 2; turn += 1) {
    await tick();
    quiet = inFlight.size === 0 ? quiet + 1 : 0;
  }
}

beforeAll(() => {
  server.listen({
    onUnhandledRequest(request, print) {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  });
});

beforeEach(() => {
  db.reset();
  // A new session too: no CSRF cookie until the test's first read hands one out.
  clearCsrfCookie();
});

afterEach(async () => {
  // Fake timers would hold the tick: only settle on real ones.
  if (!vi.isFakeTimers()) await settleRequests();
  // Vitest runs without globals, so Testing Library cannot unmount by itself.
  if (typeof document !== 'undefined') cleanup();
  server.resetHandlers();
  const missed = unhandled.splice(0);
  if (missed.length > 0) {
    throw new Error(`Unhandled request(s) reached the mock API:\n${missed.join('\n')}`);
  }
});

afterAll(() => {
  server.close();
});
