// @vitest-environment node
// The production build, with mocking off and on, from a copy of public/ with
// one file the app would need whatever the mode.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_PUBLIC_FILES } from './mockFilesPlugin';

const root = fileURLToPath(new URL('../..', import.meta.url));
let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mock-files-'));
  await cp(join(root, 'public'), join(work, 'public'), { recursive: true });
  await writeFile(join(work, 'public/robots.txt'), 'User-agent: *\nDisallow: /\n');
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Builds the app with VITE_MOCK_API=`mockApi` and lists the files of the output. */
async function buildWith(mockApi: 'on' | 'off'): Promise<{ outDir: string; files: string[] }> {
  const outDir = join(work, `dist-${mockApi}`);
  const before = process.env.VITE_MOCK_API;
  process.env.VITE_MOCK_API = mockApi;
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      publicDir: join(work, 'public'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, minify: false },
    });
  } finally {
    if (before === undefined) delete process.env.VITE_MOCK_API;
    else process.env.VITE_MOCK_API = before;
  }
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1));
  return { outDir, files };
}

describe('the production build', () => {
  it('carries no mock files with mocking off, and still the rest of public/', async () => {
    const { outDir, files } = await buildWith('off');

    expect(MOCK_PUBLIC_FILES).toEqual(['mockServiceWorker.js', 'ghc/v1/swagger.yaml']);
    for (const mockFile of MOCK_PUBLIC_FILES) expect(files).not.toContain(mockFile);
    expect(files).toContain('robots.txt');
    expect(await readFile(join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    // Nor does any script of it name the worker or hold the mock's handlers.
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await readFile(join(outDir, script), 'utf8');
      expect(code, script).not.toContain('mockServiceWorker');
      expect(code, script).not.toContain('setupWorker');
    }
  });

  it('carries the worker and the API document with mocking on', async () => {
    const { outDir, files } = await buildWith('on');

    for (const mockFile of MOCK_PUBLIC_FILES) expect(files).toContain(mockFile);
    expect(files).toContain('robots.txt');
    expect(await readFile(join(outDir, 'ghc/v1/swagger.yaml'), 'utf8')).toBe(
      await readFile(join(root, 'public/ghc/v1/swagger.yaml'), 'utf8'),
    );
    // The script that starts the worker names it: the search above can find it.
    const scripts = files.filter((file) => file.endsWith('.js'));
    const named = await Promise.all(
      scripts.map(async (script) =>
        (await readFile(join(outDir, script), 'utf8')).includes('mockServiceWorker'),
      ),
    );
    expect(named).toContain(true);
  });
});
