// The mock GHC API as a plain HTTP server (`npm run mock-server`), for running
// the app, curl or another client against it across origins. It feeds each
// request to the same handlers through msw's getResponse: no service worker,
// no interception, and no Express (which @mswjs/http-middleware would bring,
// with a non-GHC 404 body and no CORS of its own).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { db } from './db';
import { handlers } from './handlers';
import { noBody, text, TRACE_HEADER } from './http';
import { profileFromEnv, setMockProfile } from './profile';

const DOCUMENT = new URL('../public/ghc/v1/swagger.yaml', import.meta.url);

/**
 * What lets an app on another origin (Vite on :3000, preview on :4173) call
 * it, read eTags, and keep and send back the CSRF cookie (credentials need
 * the echoed origin, never `*`).
 */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    ...(origin
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
      : {}),
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, If-Match, X-CSRF-Token',
    'Access-Control-Expose-Headers': 'ETag, X-MILMOVE-TRACE-ID',
    // Every write carries If-Match, so every write needs a preflight; let the
    // browser keep its answer for ten minutes instead of asking before each.
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

async function toRequest(incoming: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index], incoming.rawHeaders[index + 1]);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', base), {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function answer(request: Request): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204 });
  const { pathname } = new URL(request.url);
  // The real server serves its document too: clients build themselves from it.
  if (request.method === 'GET' && pathname === '/ghc/v1/swagger.yaml') {
    return new Response(await readFile(DOCUMENT), {
      headers: { 'Content-Type': 'application/yaml', [TRACE_HEADER]: crypto.randomUUID() },
    });
  }
  try {
    // Outside the API the real server has no route this mock plays.
    return (await getResponse(handlers, request)) ?? text(404, 'Not Found');
  } catch (error) {
    console.error(error);
    return noBody(500);
  }
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  base: string,
  latencyMs: number,
) {
  const request = await toRequest(incoming, base);
  // The time a real server's answer spends on the network, before it is worked out.
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const response = await answer(request);
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('Set-Cookie', cookies);
  for (const [name, value] of Object.entries(corsHeaders(incoming.headers.origin))) {
    // An answer that passed the CSRF check varies with the cookie too.
    const vary = name === 'Vary' ? outgoing.getHeader('Vary') : undefined;
    outgoing.setHeader(name, vary ? `${String(vary)}, ${value}` : value);
  }
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export interface MockServer {
  /** The origin, e.g. http://127.0.0.1:8080; the API is under /ghc/v1. */
  url: string;
  /** Delays every answer from now on by this many milliseconds (0: none). */
  setLatency: (latencyMs: number) => void;
  close: () => Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 with a fresh seed; port 0 picks a free port.
 * `latencyMs` delays every answer, as a server across a network would.
 */
export async function startMockServer(
  options: { port?: number; moves?: number; latencyMs?: number } = {},
): Promise<MockServer> {
  db.reset({ moves: options.moves });
  let url = '';
  let latencyMs = options.latencyMs ?? 0;
  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing, url, latencyMs).catch((error: unknown) =>
      outgoing.destroy(error as Error),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    setLatency: (next) => {
      latencyMs = next;
    },
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

function integerFromEnv(
  name: string,
  { min = 1, fallback }: { min?: number; fallback?: number } = {},
) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min) return value;
  throw new Error(`${name} must be an integer of at least ${min}, got '${raw}'.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const moves = integerFromEnv('MOCK_MOVES');
  const latencyMs = integerFromEnv('MOCK_LATENCY_MS', { min: 0, fallback: 0 });
  const port = integerFromEnv('MOCK_PORT', { fallback: 8080 });
  setMockProfile(profileFromEnv(process.env.MOCK_PROFILE, 'MOCK_PROFILE'));
  const { url, close } = await startMockServer({ port, moves, latencyMs });
  const slow = latencyMs ? `, answering after ${latencyMs} ms` : '';
  const profile = process.env.MOCK_PROFILE === 'rfc9110' ? ', If-Match as RFC 9110 reads it' : '';
  console.log(
    `Mock GHC API on ${url}/ghc/v1 (${db.seedMoves()} moves${slow}${profile}). Ctrl+C stops it.`,
  );
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
}
