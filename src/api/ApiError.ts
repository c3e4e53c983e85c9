// Every failure of an API call becomes one plain, serializable ApiError, so a
// rejected thunk carries it into Redux and the UI can tell a stale eTag (412)
// from any other problem. The real server answers in five body shapes
// (GHC.md, "Error body shapes"), all read here: plain text from its
// middleware ('Forbidden - CSRF token invalid'), the framework's
// {title, instance, detail}, a handler's {message}, a ValidationError
// {title, detail, instance, invalid_fields}, or no body at all.

export type ApiErrorKind =
  | 'conflict' // 412: someone changed the record since it was loaded
  | 'preconditionRequired' // a write without If-Match (422 here, 428 by RFC 9110): a bug of ours
  | 'csrf' // 403 from the CSRF layer: the session's token was missing or stale; nothing was saved
  | 'permission' // 403 otherwise: this user may not do that
  | 'unauthorized' // 401: the session has ended
  | 'notFound' // 404
  | 'validation' // 400 or 422
  | 'businessRule' // 409: the change is not allowed in the record's state
  | 'notImplemented' // 501: the server does not do this (yet)
  | 'network' // no answer at all
  | 'timeout' // no answer in time: the change may or may not have been made
  | 'server' // other 5xx
  | 'unexpected'; // anything else, a malformed answer included

export interface ApiError {
  kind: ApiErrorKind;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  title: string;
  /** What the server said: the framework's detail, a handler's message, a text answer. */
  detail: string;
  /** The server's trace id for this answer, to quote to its operators. */
  traceId: string | null;
  invalidFields: Record<string, string>;
}

const kindByStatus: Record<number, ApiErrorKind> = {
  400: 'validation',
  401: 'unauthorized',
  404: 'notFound',
  409: 'businessRule',
  412: 'conflict',
  422: 'validation',
  428: 'preconditionRequired',
  501: 'notImplemented',
};

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function kindOf(
  status: number | null,
  failure: Record<string, unknown>,
  detail: string,
): ApiErrorKind {
  // A DOMException is not an Error everywhere (jsdom), so go by its name.
  if (status === null) {
    if (failure.name === 'MalformedAnswer') return 'unexpected';
    return failure.name === 'TimeoutError' ? 'timeout' : 'network';
  }
  if (status === 403) return detail.includes('CSRF') ? 'csrf' : 'permission';
  if (status === 422 && /^If-Match in header is required/.test(detail))
    return 'preconditionRequired';
  if (status >= 500 && status !== 501) return 'server';
  return kindByStatus[status] ?? 'unexpected';
}

function headerOf(response: Record<string, unknown>, name: string): string | null {
  const headers = response.headers;
  if (!isRecord(headers)) return null;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}

/**
 * swagger-client throws an Error carrying `status` and `response` (`body`
 * parsed from JSON, `text` as sent, `headers`) for an HTTP error, and a
 * plain Error (no status) when fetch itself fails. Its message is not
 * reliable, so only those fields are read.
 */
export function toApiError(error: unknown): ApiError {
  const failure =
    isRecord(error) || error instanceof Error ? (error as Record<string, unknown>) : {};
  const status = typeof failure.status === 'number' ? failure.status : null;
  const response = isRecord(failure.response) ? failure.response : {};
  const body = isRecord(response.body) ? response.body : {};
  // Text answers (T), and the JSON string a 501 carries.
  const text =
    typeof response.body === 'string'
      ? response.body
      : typeof response.text === 'string' && !isRecord(response.body)
        ? response.text
        : '';
  const detail =
    stringField(body, 'detail') ??
    stringField(body, 'message') ??
    (text.trim().replace(/^"|"$/g, '') ||
      (status === null ? (stringField(failure, 'message') ?? '') : ''));
  return {
    kind: kindOf(status, failure, detail),
    status,
    title:
      stringField(body, 'title') ??
      (status !== null
        ? (STATUS_TITLES[status] ?? `Request failed (${status})`)
        : failure.name === 'MalformedAnswer'
          ? "The server's answer could not be read"
          : 'No response from the server'),
    detail,
    traceId: stringField(body, 'instance') ?? headerOf(response, 'X-MILMOVE-TRACE-ID'),
    invalidFields: stringMap(body.invalid_fields),
  };
}
