import { onTestFinished } from 'vitest';
import { server } from '../../mocks/node';
import { CSRF_HEADER } from '../api/csrf';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string as sent, '?' included; '' when there is none. */
  search: string;
  ifMatch: string | null;
  csrfToken: string | null;
}

/** What the mock API received during a test, in order. */
export function recordRequests(): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    requests.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      ifMatch: request.headers.get('If-Match'),
      csrfToken: request.headers.get(CSRF_HEADER),
    });
  };
  server.events.on('request:start', listener);
  // setup.ts resets handlers after each test, but not listeners.
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return requests;
}
