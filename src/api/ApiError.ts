// Every failure of an API call becomes one plain, serializable ApiError, so a
// rejected thunk carries it into Redux and the UI can tell a stale eTag (412)
// from any other problem.

export type ApiErrorKind =
  | 'conflict' // 412: someone changed the record since it was loaded
  | 'preconditionRequired' // 428: the app forgot If-Match (a bug of ours)
  | 'forbidden' // 403: the write lacked a valid CSRF token; nothing was saved
  | 'notFound' // 404
  | 'validation' // 400 or 422
  | 'businessRule' // 409: the change is not allowed in the record's state
  | 'network' // no answer at all
  | 'timeout' // no answer in time: the change may or may not have been made
  | 'server' // 5xx
  | 'unexpected'; // anything else

export interface ApiError {
  kind: ApiErrorKind;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  title: string;
  detail: string;
  instance: string | null;
  invalidFields: Record<string, string>;
}

const kindByStatus: Record<number, ApiErrorKind> = {
  400: 'validation',
  403: 'forbidden',
  404: 'notFound',
  409: 'businessRule',
  412: 'conflict',
  422: 'validation',
  428: 'preconditionRequired',
};

function kindOf(status: number | null, failure: Record<string, unknown>): ApiErrorKind {
  // A DOMException is not an Error everywhere (jsdom), so go by its name.
  if (status === null) return failure.name === 'TimeoutError' ? 'timeout' : 'network';
  if (status >= 500) return 'server';
  return kindByStatus[status] ?? 'unexpected';
}

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

/**
 * swagger-client throws an Error carrying `status` and `response.body` for an
 * HTTP error, and a plain Error (no status) when fetch itself fails. Its
 * message is not reliable, so only those fields are read.
 */
export function toApiError(error: unknown): ApiError {
  const failure =
    isRecord(error) || error instanceof Error ? (error as Record<string, unknown>) : {};
  const status = typeof failure.status === 'number' ? failure.status : null;
  const response = isRecord(failure.response) ? failure.response : {};
  const body = isRecord(response.body) ? response.body : {};
  const kind = kindOf(status, failure);
  return {
    kind,
    status,
    title:
      stringField(body, 'title') ??
      (status === null ? 'No response from the server' : `Request failed (${status})`),
    detail:
      stringField(body, 'detail') ??
      (status === null ? (stringField(failure, 'message') ?? '') : ''),
    instance: stringField(body, 'instance'),
    invalidFields: stringMap(body.invalid_fields),
  };
}
