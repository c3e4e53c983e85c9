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
import { noBody, problem, text, TRACE_HEADER } from './http';
import {
  BodyTooLarge,
  bodyTooLarge,
  collectLimited,
  declaresTooMuch,
  MAX_HEADER_BYTES,
} from './limits';
import { profileFromEnv, setMockProfile } from './profile';

const DOCUMENT = new URL('../public/ghc/v1/swagger.yaml', import.meta.url);

/**
 * The origins whose pages may call it: the dev server's and preview's own
 * (vite.config.ts), and whatever MOCK_ORIGINS or the `origins` option adds.
 * Only a page of one of these may read its answers (CORS) or write; any
 * other website the developer has open may not.
 */
export const DEFAULT_ORIGINS: readonly string[] = [
  'http://127.0.0.1:3000',
  'http://localhost:3000',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

/** An origin as a browser sends it: scheme, host and port, nothing else; never `null`. */
export function parseOrigin(value: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  if (origin === undefined || origin === 'null' || origin !== value) {
    throw new Error(`'${value}' is not an origin such as http://127.0.0.1:5173.`);
  }
  return origin;
}

/** MOCK_ORIGINS: comma-separated origins, blanks around them ignored. */
export function originsFromEnv(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return parseOrigin(part);
      } catch (error) {
        throw new Error(`MOCK_ORIGINS: ${(error as Error).message}`);
      }
    });
}

/**
 * What lets a page of an allowed origin call it, read eTags, and keep and
 * send back the CSRF cookie (credentials need the origin itself, never `*`).
 * Any other origin gets nothing, so its page can read none of the answers.
 */
function corsHeaders(origin: string | undefined, allowed: boolean): Record<string, string> {
  if (!origin || !allowed) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, If-Match, X-CSRF-Token',
    'Access-Control-Expose-Headers': 'ETag, X-MILMOVE-TRACE-ID',
    // Every write carries If-Match, so every write needs a preflight; let the
    // browser keep its answer for ten minutes instead of asking before each.
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function toRequest(incoming: IncomingMessage, base: string): Promise<Request> {
  // The limit counts what arrives, whatever Content-Length said (chunked
  // bodies have none): past it, reading stops.
  const chunks = await collectLimited(incoming);
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

/** Why a request is answered before its body is read, if it is. */
function refusedUpFront(incoming: IncomingMessage, allowed: boolean): Response | undefined {
  // A write from a page of another website: refused before anything changes.
  if (incoming.headers.origin !== undefined && !allowed) {
    if (!SAFE_METHODS.has(incoming.method ?? 'GET')) {
      return problem(
        403,
        'Forbidden',
        `Origin '${incoming.headers.origin}' may not write to this server; MOCK_ORIGINS lists the origins that may.`,
      );
    }
  }
  if (declaresTooMuch(incoming.headers['content-length'])) return bodyTooLarge();
  return undefined;
}

async function send(outgoing: ServerResponse, response: Response, cors: Record<string, string>) {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('Set-Cookie', cookies);
  for (const [name, value] of Object.entries(cors)) {
    // An answer that passed the CSRF check varies with the cookie too.
    const vary = name === 'Vary' ? outgoing.getHeader('Vary') : undefined;
    outgoing.setHeader(name, vary ? `${String(vary)}, ${value}` : value);
  }
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Answers a request refused before its body was read in full, and closes
 * the connection: the rest of the body is never read, and the connection
 * cannot carry another request after it.
 */
async function refuseAndClose(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  response: Response,
  cors: Record<string, string>,
) {
  incoming.pause();
  outgoing.shouldKeepAlive = false;
  outgoing.setHeader('Connection', 'close');
  // Destroyed a little after the answer has gone out, so the client can read
  // it before the reset that closing with unread data causes.
  const socket = incoming.socket ?? outgoing.socket;
  outgoing.once('finish', () => setTimeout(() => socket?.destroy(), 250).unref());
  await send(outgoing, response, cors);
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  base: string,
  { latencyMs, origins }: { latencyMs: number; origins: ReadonlySet<string> },
) {
  const origin = incoming.headers.origin;
  const allowed = origin !== undefined && origins.has(origin);
  const cors = corsHeaders(origin, allowed);
  const refusal = refusedUpFront(incoming, allowed);
  if (refusal) return refuseAndClose(incoming, outgoing, refusal, cors);
  let request: Request;
  try {
    request = await toRequest(incoming, base);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    return refuseAndClose(incoming, outgoing, bodyTooLarge(), cors);
  }
  // The time a real server's answer spends on the network, before it is worked out.
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  await send(outgoing, await answer(request), cors);
}

export interface MockServer {
  /** The origin, e.g. http://127.0.0.1:8080; the API is under /ghc/v1. */
  url: string;
  /** Delays every answer from now on by this many milliseconds (0: none). */
  setLatency: (latencyMs: number) => void;
  /** Lets pages of one more origin call it from now on, e.g. an app started after it on a free port. */
  allowOrigin: (origin: string) => void;
  close: () => Promise<void>;
}

export interface MockServerOptions {
  /** 0 picks a free port; 8080 by default. */
  port?: number;
  moves?: number;
  /** Delays every answer, as a server across a network would. */
  latencyMs?: number;
  /** Origins whose pages may call it, besides DEFAULT_ORIGINS. */
  origins?: readonly string[];
  /** How long a client may take to send a whole request; 30 s by default. */
  requestTimeoutMs?: number;
}

/** Starts the server on 127.0.0.1 with a fresh seed. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  db.reset({ moves: options.moves });
  let url = '';
  let latencyMs = options.latencyMs ?? 0;
  const origins = new Set([...DEFAULT_ORIGINS, ...(options.origins ?? []).map(parseOrigin)]);
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      // A client that trickles a request in is cut off (408) once this passes;
      // the headers must come within it too. Node checks every so often.
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.min(1000, requestTimeout / 4),
      // Longer headers are a 431 from Node's parser, before any handler runs.
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    (incoming, outgoing) => {
      serve(incoming, outgoing, url, { latencyMs, origins }).catch((error: unknown) =>
        outgoing.destroy(error as Error),
      );
    },
  );
  // A client that asks before sending a body (Expect: 100-continue) hears
  // its answer without sending it when its Content-Length is over the limit.
  server.on('checkContinue', (incoming, outgoing) => {
    if (!declaresTooMuch(incoming.headers['content-length'])) outgoing.writeContinue();
    server.emit('request', incoming, outgoing);
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
    allowOrigin: (origin) => {
      origins.add(parseOrigin(origin));
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
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
  const origins = originsFromEnv(process.env.MOCK_ORIGINS);
  setMockProfile(profileFromEnv(process.env.MOCK_PROFILE, 'MOCK_PROFILE'));
  const { url, close } = await startMockServer({ port, moves, latencyMs, origins });
  const slow = latencyMs ? `, answering after ${latencyMs} ms` : '';
  const profile = process.env.MOCK_PROFILE === 'rfc9110' ? ', If-Match as RFC 9110 reads it' : '';
  console.log(
    `Mock GHC API on ${url}/ghc/v1 (${db.seedMoves()} moves${slow}${profile}). Ctrl+C stops it.`,
  );
  console.log(
    `Pages it answers: ${[...DEFAULT_ORIGINS, ...origins].join(', ')} (MOCK_ORIGINS adds).`,
  );
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
}
