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
  /** The JSON body sent, once read (it is read as the request starts); undefined without one. */
  body?: unknown;
}

/** What the mock API received during a test, in order. */
export function recordRequests(): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      ifMatch: request.headers.get('If-Match'),
      csrfToken: request.headers.get(CSRF_HEADER),
    };
    requests.push(recorded);
    if (request.body !== null) {
      void request
        .clone()
        .text()
        .then((text) => {
          try {
            recorded.body = text === '' ? undefined : JSON.parse(text);
          } catch {
            recorded.body = text;
          }
        });
    }
  };
  server.events.on('request:start', listener);
  // setup.ts resets handlers after each test, but not listeners.
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return requests;
}
