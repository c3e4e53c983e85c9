import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { server } from '../../mocks/node';
import { db } from '../../mocks/db';
import { clearCsrfCookie } from '../../mocks/testApi';

// findBy*/waitFor give up after 1 s by default; a loaded shared machine needs more.
configure({ asyncUtilTimeout: 5000 });

// MSW's 'error' strategy only rejects the fetch, which a thunk would swallow;
// record every unhandled request and fail the test that made it.
const unhandled: string[] = [];

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

afterEach(() => {
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
