// The real server's request pipeline, in its order (GHC.md, "Request
// pipeline"), shared by every operation the mock plays, after the limits of
// limits.ts (431 for headers over 1 MB, 413 for a body over 1 MB):
//   1. CSRF (csrf.ts): a write without the right token is a 403 text answer;
//   2. the route: an unknown path or method is a 400 text answer (unknown());
//   3. no caching of any API answer;
//   4. the framework's binding (binding.ts): F answers;
//   5. the handler, in one exclusive step (persistence.ts), so a write is
//      judged and applied with nothing in between, across tabs too.
// The mock plays one signed-in TOO with every permission, so the session's
// 401s and the permission checks' 403s never happen.
import { http, HttpResponse, passthrough, type HttpResponseResolver, type PathParams } from 'msw';
import { bind, type Binding, type Bound } from './binding';
import { csrfCheck } from './csrf';
import { API, ok, text, TRACE_HEADER, withHeaders } from './http';
import { BodyTooLarge, bodyTooLarge, limitedText, refusedFromHeaders } from './limits';
import { exclusive } from './persistence';
import { mockProfile } from './profile';

const NO_CACHE: [string, string] = ['Cache-Control', 'no-cache, no-store, must-revalidate'];

type Method = 'get' | 'post' | 'patch';

interface Handler extends Binding {
  method: Method;
  /** The path under /ghc/v1, in msw's syntax: '/customer/:customerID'. */
  path: string;
  /** Answers the bound request; runs in one exclusive step. */
  handle: (bound: Bound) => Response;
}

/**
 * A handler that throws is a bug of the mock's; the real server's recovery
 * middleware answers a panic with its P body, and so does the mock.
 */
function recovered(handle: Handler['handle'], bound: Bound): Response {
  try {
    return handle(bound);
  } catch (error) {
    console.error(error);
    const instance = crypto.randomUUID();
    return new HttpResponse(
      JSON.stringify({
        title: 'Internal Server Error',
        instance,
        detail: 'An unexpected server error has occurred.',
      }),
      { status: 500, headers: { 'Content-Type': 'application/json', [TRACE_HEADER]: instance } },
    );
  }
}

/** An operation of the API, through the whole pipeline. */
export function operation({ method, path, handle, ...binding }: Handler) {
  const resolver: HttpResponseResolver<PathParams> = async ({ request, params, cookies }) => {
    const limited = refusedFromHeaders(request);
    if (limited) return limited;
    let body: string;
    try {
      body = await limitedText(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) return bodyTooLarge();
      throw error;
    }
    const csrf = await csrfCheck(request, cookies);
    if (csrf.refusal) return withHeaders(csrf.refusal, csrf.headers);
    // The only awaits come first: from here on the request is judged and
    // answered in one step.
    const bound = bind(binding, request, params, body);
    const response = bound.response ?? (await exclusive(() => recovered(handle, bound.bound)));
    return withHeaders(response, [...csrf.headers, NO_CACHE]);
  };
  return http[method](`${API}${path}`, resolver);
}

/**
 * 200 with one record. In the rfc9110 profile its eTag also goes in the
 * ETag header, quoted, as that standard has it; the real server sends none.
 */
export function record(body: { eTag?: string }): Response {
  const response = ok(body);
  return mockProfile() === 'rfc9110' && body.eTag
    ? withHeaders(response, [['ETag', `"${body.eTag}"`]])
    : response;
}

/**
 * Last among the handlers: any other request under /ghc/v1 is refused as the
 * real server's permission layer refuses a route it does not know, with a
 * 400 text answer (after the CSRF check, which runs first). The document
 * itself, which the dev server serves, goes through.
 */
export const unknown = http.all(`${API}/*`, async ({ request, cookies }) => {
  const { pathname } = new URL(request.url);
  if (request.method === 'GET' && pathname.endsWith('/ghc/v1/swagger.yaml')) return passthrough();
  const limited = refusedFromHeaders(request);
  if (limited) return limited;
  const csrf = await csrfCheck(request, cookies);
  // The permissions layer refuses it after the no-cache layer; a CSRF refusal comes before both.
  return csrf.refusal
    ? withHeaders(csrf.refusal, csrf.headers)
    : withHeaders(text(400), [...csrf.headers, NO_CACHE]);
});
