// Starts what the browser tests talk to, once for the whole run, on free
// ports of 127.0.0.1:
// - a Vite dev server with the mock API in a service worker (as `npm run dev`);
// - the mock GHC API as a plain HTTP server (as `npm run mock-server`), with a
//   reset endpoint beside it so each test starts from the seed;
// - a second Vite dev server with mocking off whose API base URL is that
//   server, so the app meets it across origins like a real GHC API (the
//   server is told that origin: it answers no other page);
// - a third Vite dev server whose service worker mock reads If-Match as RFC
//   9110 does (VITE_MOCK_PROFILE=rfc9110). The profile is module state of the
//   mock, so it gets a page (an origin, a worker) of its own.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { db } from '../../../mocks/db';
import { startMockServer } from '../../../mocks/server';
import { launchBrowser } from './browser';

const root = fileURLToPath(new URL('../../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app with the mock API in a service worker, e.g. http://127.0.0.1:41234 */
    mockedAppUrl: string;
    /** The same, with the mock in the rfc9110 profile (quoted ETag headers, 428 without If-Match). */
    rfc9110AppUrl: string;
    /** The app with mocking off, calling the mock HTTP server across origins. */
    networkAppUrl: string;
    /** The mock HTTP server's origin; the API is under /ghc/v1. */
    mockServerUrl: string;
    /** POST here puts the mock HTTP server back on the seed. */
    mockResetUrl: string;
  }
}

async function startApp(name: string, define: Record<string, string>): Promise<ViteDevServer> {
  const server = await createServer({
    root,
    configFile: `${root}/vite.config.ts`,
    // Each server pre-bundles with its own defines; separate caches keep
    // them from overwriting each other's.
    cacheDir: `${root}/node_modules/.vite-e2e/${name}`,
    define,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  await server.listen();
  return server;
}

const urlOf = (server: ViteDevServer) => {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The Vite dev server did not say where it listens.');
  return url.replace(/\/$/, '');
};

/** Resetting the db the mock server answers from: it is this process's module. */
async function startResetEndpoint(): Promise<Server> {
  const server = createHttpServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    // `?moves=N` seeds N moves, as VITE_MOCK_MOVES does.
    const moves = Number(new URL(request.url ?? '/', 'http://reset').searchParams.get('moves'));
    db.reset({ moves: moves > 0 ? moves : undefined });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Opens each app once, so Vite discovers and pre-bundles every dependency
 * (msw's browser build comes through a dynamic import) before the first test:
 * otherwise Vite may reload a page in the middle of one.
 */
async function warmUp(urls: string[]): Promise<void> {
  const browser = await launchBrowser();
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      await page.goto(`${url}/moves/RDY4PR/details`);
      await page.getByRole('button', { name: 'Send to Prime' }).waitFor({ timeout: 90_000 });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

export default async function setup(project: TestProject) {
  const closers: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const mockServer = await startMockServer({ port: 0 });
    closers.push(mockServer.close);
    const reset = await startResetEndpoint();
    closers.push(() => new Promise((resolve) => reset.close(() => resolve())));
    const mockedApp = await startApp('mocked', {
      'import.meta.env.VITE_MOCK_API': JSON.stringify('on'),
    });
    closers.push(() => mockedApp.close());
    const rfc9110App = await startApp('rfc9110', {
      'import.meta.env.VITE_MOCK_API': JSON.stringify('on'),
      'import.meta.env.VITE_MOCK_PROFILE': JSON.stringify('rfc9110'),
    });
    closers.push(() => rfc9110App.close());
    const networkApp = await startApp('network', {
      'import.meta.env.VITE_MOCK_API': JSON.stringify('off'),
      'import.meta.env.VITE_API_BASE_URL': JSON.stringify(`${mockServer.url}/ghc/v1`),
    });
    closers.push(() => networkApp.close());
    // The mock server answers pages of the origins it is told only.
    mockServer.allowOrigin(urlOf(networkApp));

    await warmUp([urlOf(mockedApp), urlOf(rfc9110App), urlOf(networkApp)]);
    // The warm-up wrote nothing, but start the tests from the seed regardless.
    db.reset();

    project.provide('mockedAppUrl', urlOf(mockedApp));
    project.provide('rfc9110AppUrl', urlOf(rfc9110App));
    project.provide('networkAppUrl', urlOf(networkApp));
    project.provide('mockServerUrl', mockServer.url);
    project.provide('mockResetUrl', `http://127.0.0.1:${(reset.address() as AddressInfo).port}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
