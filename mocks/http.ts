// The HTTP pieces every handler shares: the API prefix, error bodies, record
// responses, path-id lookups and the CSRF cookie of reads.
import { HttpResponse, type HttpResponseResolver, type PathParams } from 'msw';
import { csrfCookieToSet } from './csrf';
import { db } from './db';
import { KIND_LABELS, type Kind, type RecordOf } from './records';
import type { InvalidFields } from './validation';

/** The API on any origin: the browser, jsdom (http://localhost:3000) and plain Node. */
export const API = '*/ghc/v1';

const TITLES = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  500: 'Internal Server Error',
} as const;

export type ErrorStatus = keyof typeof TITLES;

/** The one error body: {title, detail, instance}, plus invalid_fields on a 422. */
export function problem(status: ErrorStatus, detail: string, invalidFields?: InvalidFields) {
  return HttpResponse.json(
    {
      title: TITLES[status],
      detail,
      instance: crypto.randomUUID(),
      ...(invalidFields ? { invalid_fields: invalidFields } : {}),
    },
    { status },
  );
}

export function invalid(invalidFields: InvalidFields) {
  return problem(422, 'One or more fields are invalid.', invalidFields);
}

/** A response about one record carries its eTag in the ETag header too, quoted. */
export function recordResponse<T extends { eTag: string }>(record: T) {
  return HttpResponse.json(record, {
    // A real cross-origin server needs the expose header, or browsers hide ETag.
    headers: { ETag: `"${record.eTag}"`, 'Access-Control-Expose-Headers': 'ETag' },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function param(params: PathParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}

export type Lookup<K extends Kind> =
  { record: RecordOf[K]; response?: undefined } | { response: Response; record?: undefined };

/** Finds the record a path id names: a malformed id is 400, an unknown one 404. */
export function lookup<K extends Kind>(kind: K, params: PathParams, name: string): Lookup<K> {
  const id = param(params, name);
  if (!UUID.test(id)) return { response: problem(400, `${name} must be a UUID, got '${id}'.`) };
  const record = db.find(kind, id.toLowerCase());
  if (!record) return { response: problem(404, `There is no ${KIND_LABELS[kind]} ${id}.`) };
  return { record };
}

type ResolverInfo = Parameters<HttpResponseResolver<PathParams>>[0];

/**
 * Every GET handler is built on this: its answer, 404s included, also hands a
 * client without a valid CSRF token the cookie its writes must echo. msw
 * passes a Set-Cookie only from the init of an HttpResponse on to the page,
 * so the answer is built again with it.
 */
export function read(resolver: (info: ResolverInfo) => Response): HttpResponseResolver<PathParams> {
  return (info) => {
    const response = resolver(info);
    const cookie = csrfCookieToSet(info.cookies);
    if (!cookie) return response;
    const headers = new Headers(response.headers);
    headers.append('Set-Cookie', cookie);
    const { status, statusText, body } = response;
    return new HttpResponse(body, { status, statusText, headers });
  };
}

/** GET one record by its path id. */
export function readOne<K extends Kind>(
  kind: K,
  idParam: string,
): HttpResponseResolver<PathParams> {
  return read(({ params }) => {
    const found = lookup(kind, params, idParam);
    return found.response ?? recordResponse(found.record);
  });
}

/** GET the children of a move task order; each carries its own eTag, so no ETag header. */
export function listOfMove(
  children: (moveId: string) => unknown[],
): HttpResponseResolver<PathParams> {
  return read(({ params }) => {
    const found = lookup('move', params, 'moveTaskOrderID');
    return found.response ?? HttpResponse.json(children(found.record.id));
  });
}
