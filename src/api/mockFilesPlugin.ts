// Build-time only (vite.config.ts): public/ holds what the mock API needs in
// the browser, msw's service worker and the API document it serves beside the
// app. A build with mocking off ships neither: the app inlines the document it
// needs (specPlugin.ts) and registers no worker. Anything else in public/ is
// still copied.
import { readdir, readFile } from 'node:fs/promises';
import { relative, resolve as resolvePath, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The files of public/ only a build with the mock API uses, relative to it. */
export const MOCK_PUBLIC_FILES = ['mockServiceWorker.js', 'ghc/v1/swagger.yaml'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, resolvePath(entry.parentPath, entry.name)).split(sep).join('/'));
}

export function mockFilesOnlyWithMock(mockApi: string): Plugin {
  let publicDir = '';
  return {
    name: 'mock-files-only-with-mock',
    apply: 'build',
    // Vite copies public/ whole or not at all: with mocking off it copies
    // nothing and the rest is emitted here instead.
    config: () => (mockApi === 'on' ? undefined : { build: { copyPublicDir: false } }),
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle() {
      if (mockApi === 'on' || !publicDir) return;
      for (const fileName of await filesUnder(publicDir)) {
        if (MOCK_PUBLIC_FILES.includes(fileName)) continue;
        this.emitFile({
          type: 'asset',
          fileName,
          source: await readFile(resolvePath(publicDir, fileName)),
        });
      }
    },
  };
}
