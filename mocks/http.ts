// The answers of the real server, in its five body shapes (GHC.md, "Error
// body shapes"), each with the trace id the server puts on every response:
//   T text      middleware refusals (CSRF, unknown routes): 'Forbidden - ...\n'
//   F framework go-openapi's binding errors: {title, instance, detail}
//   E message   a handler's own error: {message}
//   V validation a handler's ValidationError: {title, detail, instance, invalid_fields}
//   N no body   a responder without payload (most 404s and 500s)
import { HttpResponse } from 'msw';

/** The API on any origin: the browser, jsdom (http://localhost:3000) and plain Node. */
export const API = '*/ghc/v1';

export const TRACE_HEADER = 'X-MILMOVE-TRACE-ID';

const JSON_TYPE = 'application/json';

// go-openapi's titles (pkg/handlers/errors.go errorAsJSON).
const FRAMEWORK_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found Error',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  415: 'Unsupported Media Type',
  422: 'Validation Error',
  // Only the rfc9110 profile answers it (a write without If-Match).
  428: 'Precondition Required',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

function traced(body: BodyInit | null, status: number, contentType: string, trace: string) {
  return new HttpResponse(body, {
    status,
    headers: { 'Content-Type': contentType, [TRACE_HEADER]: trace },
  });
}

/** 2xx with a JSON body. */
export function ok(body: unknown, status = 200): Response {
  return traced(JSON.stringify(body), status, JSON_TYPE, crypto.randomUUID());
}

/** T: what a middleware refuses with (http.Error): the status text or a reason, and a newline. */
export function text(status: number, message = STATUS_TEXT[status] ?? 'Error'): Response {
  return traced(`${message}\n`, status, 'text/plain; charset=utf-8', crypto.randomUUID());
}

/** A {title, instance, detail} body, the shape of the server's own problems (F, P). */
export function problem(status: number, title: string, detail: string): Response {
  const instance = crypto.randomUUID();
  return traced(JSON.stringify({ title, instance, detail }), status, JSON_TYPE, instance);
}

/** F: a go-openapi binding error. Only the first problem found is ever reported. */
export function framework(status: number, detail: string): Response {
  const title =
    FRAMEWORK_TITLES[status] ?? (status >= 600 ? 'Validation Error' : 'Unknown API Error');
  return problem(status, title, detail);
}

/** E: a handler's {message} body (412, 409 and some 404s and 500s). */
export function message(status: number, text: string): Response {
  return traced(JSON.stringify({ message: text }), status, JSON_TYPE, crypto.randomUUID());
}

/** V: a handler's ValidationError; `invalid_fields` is usually empty. */
export function validation(
  title: string,
  detail: string,
  invalidFields: Record<string, string> = {},
  status = 422,
): Response {
  const instance = crypto.randomUUID();
  return traced(
    JSON.stringify({ title, detail, instance, invalid_fields: invalidFields }),
    status,
    JSON_TYPE,
    instance,
  );
}

/** N: a responder without a payload; the content type still says JSON. */
export function noBody(status: number): Response {
  return traced(null, status, JSON_TYPE, crypto.randomUUID());
}

/** The 412 every write answers to an eTag that is not the record's. */
export function preconditionFailed(id: string): Response {
  return message(
    412,
    `Precondition failed on update to object with ID: '${id}'. The If-Match header value did not match the eTag for this record.`,
  );
}

/** The same response with more headers (cookies, ETag): msw passes only its init's headers on. */
export function withHeaders(response: Response, extra: [string, string][]): Response {
  if (extra.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of extra) headers.append(name, value);
  const { status, statusText, body } = response;
  return new HttpResponse(body, { status, statusText, headers });
}
