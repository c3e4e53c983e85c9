// The one way the app calls the GHC API: by `tag.operationId`, as the
// reference front end does, through swagger-client on the document resolved
// at build time: its `buildRequest` and `http`, the two halves of its
// `execute`. Returns plain response bodies; failures are thrown as
// swagger-client raises them and turned into ApiError by the thunks (see
// writes/thunks.ts).
import {
  buildRequest,
  type ExecuteRequest,
  type ParameterBuilder,
} from 'swagger-client/es/execute/index.js';
import * as oas3Builders from 'swagger-client/es/execute/oas3/parameter-builders.js';
import stylize from 'swagger-client/es/execute/oas3/style-serializer.js';
import http from 'swagger-client/es/http/index.js';
import spec from 'virtual:ghc-spec';
import { toApiError } from './ApiError';
import { apiBaseUrl } from './config';
import { CSRF_HEADER, csrfToken, freshCsrfToken } from './csrf';
import type { operations } from './ghc';

export type OperationId = keyof operations;

type Part<T> = [T] extends [undefined] ? unknown : NonNullable<T>;
type ParamsOf<Id extends OperationId> = operations[Id]['parameters'];

export type OperationParams<Id extends OperationId> = Part<ParamsOf<Id>['path']> &
  Part<ParamsOf<Id>['query']> &
  Part<ParamsOf<Id>['header']>;

export type OperationBody<Id extends OperationId> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : undefined;

export type OperationResult<Id extends OperationId> = operations[Id]['responses'] extends {
  200: { content: { 'application/json': infer Result } };
}
  ? Result
  : never;

type BodyArgs<Id extends OperationId> =
  OperationBody<Id> extends undefined ? [] : [OperationBody<Id>];

interface SpecOperation {
  operationId: string;
  tags?: string[];
}

const tagsByOperation = new Map<string, string[]>(
  Object.values(spec.paths as Record<string, Record<string, SpecOperation>>)
    .flatMap((item) => Object.values(item))
    .map((operation) => [operation.operationId, operation.tags ?? []]),
);

/**
 * swagger-client's own builders, but a path parameter with a plain value
 * in the default style goes in by its name, encoded as swagger-client
 * encodes it (request.test.ts compares the two on every path of the
 * document). Its builder parses the path template with a grammar on every
 * request: about half a millisecond per parameter, the most of building a
 * request, paid before each write leaves.
 */
export const parameterBuilders: Record<string, ParameterBuilder> = {
  ...oas3Builders,
  path: (options) => {
    const { req, value, parameter } = options;
    // (An empty value goes to swagger-client's, which leaves later names unfilled.)
    const plain =
      (typeof value === 'string' && value !== '') ||
      typeof value === 'number' ||
      typeof value === 'boolean';
    if (!plain || parameter.content || (parameter.style ?? 'simple') !== 'simple') {
      oas3Builders.path(options);
      return;
    }
    const { name, explode = false } = parameter;
    const encoded = stylize({ key: name, value, style: 'simple', explode, escape: 'reserved' });
    req.url = req.url.replaceAll(`{${name}}`, encoded);
  },
};

/** A request that has not answered by then gives up, so no button stays busy for ever. */
export const REQUEST_TIMEOUT_MS = 15_000;

// A timer of our own rather than AbortSignal.timeout, so tests can drive it
// with fake timers.
async function fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new DOMException(`No answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`, 'TimeoutError'),
      ),
    REQUEST_TIMEOUT_MS,
  );
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

// A GHC API on another origin (npm run mock-server, a real server) sets its
// CSRF cookie only on requests that carry credentials, and needs it back.
const credentials: RequestCredentials =
  new URL(apiBaseUrl).origin === globalThis.location?.origin ? 'same-origin' : 'include';

/** As the reference's client does: every write echoes the CSRF cookie in X-CSRF-Token. */
function withCsrfToken(request: ExecuteRequest, token: string | undefined): ExecuteRequest {
  request.credentials = credentials;
  if (token) request.headers[CSRF_HEADER] = token;
  else delete request.headers[CSRF_HEADER];
  return request;
}

/**
 * Sends a request; a write the CSRF layer refused goes once more if the
 * cookie now holds another token than the one sent (the write went in the
 * moment before the browser told of a renewed cookie). The CSRF layer runs
 * before anything is read or saved (GHC.md, 1.1), so nothing was done.
 */
async function send(built: ExecuteRequest) {
  // Reads need no token, and reading the cookie costs a call to the browser.
  if (built.method.toUpperCase() === 'GET') return http(withCsrfToken(built, undefined));
  const sent = csrfToken();
  try {
    return await http(withCsrfToken(built, sent));
  } catch (error) {
    const fresh = toApiError(error).kind === 'csrf' ? freshCsrfToken() : sent;
    if (fresh === sent) throw error;
    return http(withCsrfToken(built, fresh));
  }
}

const isPlainObject = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

export async function request<Id extends OperationId>(
  operation: `${string}.${Id}`,
  parameters: OperationParams<Id>,
  ...[body]: BodyArgs<Id>
): Promise<OperationResult<Id>> {
  const [tag, operationId] = operation.split('.');
  if (!tagsByOperation.get(operationId)?.includes(tag)) {
    throw new Error(`The GHC API has no operation ${operation}`);
  }
  // What `execute` does, with the token set before `http` instead of by its
  // request interceptor, which `http` awaits: fetch is then called in the
  // same task as the dispatch that asked for it, not after the microtasks
  // already queued (React's render of that dispatch among them).
  const built = buildRequest({
    spec,
    operationId,
    parameters: parameters as Record<string, unknown>,
    requestBody: body,
    baseURL: apiBaseUrl,
    userFetch: fetchWithTimeout,
    parameterBuilders,
  });
  if (isPlainObject(built.body) || Array.isArray(built.body)) {
    built.body = JSON.stringify(built.body);
  }
  const response = await send(built);
  return response.body as OperationResult<Id>;
}
