import { delay, http } from 'msw';
import { API } from './http';

/**
 * Holds every API request for `ms` milliseconds before the mock answers it,
 * as a server across a network would (0: answers at once). The browser mock
 * puts it first when VITE_MOCK_LATENCY_MS is set, so loading states and the
 * app's early requests can be seen at work.
 */
export function latency(ms: number) {
  return http.all(`${API}/*`, async () => {
    if (ms > 0) await delay(ms);
  });
}

/** The latency an environment value asks for: a whole number of milliseconds, 0 if unset. */
export function latencyFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`VITE_MOCK_LATENCY_MS must be a whole number of milliseconds, got '${raw}'.`);
  }
  return ms;
}
