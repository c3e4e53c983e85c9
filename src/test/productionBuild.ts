// A production build of the app for tests and benchmarks in Chromium, in a
// folder of its own, served by vite preview on a free port of 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export interface ServedBuild {
  outDir: string;
  server: PreviewServer;
  /** The app's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  close: () => Promise<void>;
}

/**
 * Builds the app with `env` set while Vite reads it (vite.config.ts reads
 * VITE_MOCK_API, VITE_API_BASE_URL, PRUNE_CSS when the build starts), then
 * puts the environment back. One build at a time: they share it.
 */
export async function buildProduction(env: Record<string, string>): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'too-office-build-'));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  // Vitest runs with NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the
  // build would bundle React's development build, several times slower.
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env = saved;
  }
  return outDir;
}

/** Serves a build's folder; `close` stops the server and removes the folder. */
export async function serveBuild(outDir: string): Promise<ServedBuild> {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  return {
    outDir,
    server,
    url: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '',
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
