// @vitest-environment node
// The app's layers (eslint.config.js): the linter refuses an import that
// crosses one the wrong way, and no two folders of production code import
// each other, however many steps apart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The layer rule's messages for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

describe('the linter', () => {
  it.each([
    // The client knows no store.
    ['src/api/example.ts', "import { setupStore } from '../app/store';", 'api may not import app'],
    // State knows no screen.
    [
      'src/writes/example.ts',
      "import { RecoveryAlert } from './ui/RecoveryAlert';",
      'writes may not import writes-ui',
    ],
    [
      'src/entities/example.ts',
      "import { MovesQueue } from '../pages/MovesQueue/MovesQueue';",
      'entities may not import pages',
    ],
    [
      'src/app/example.ts',
      "import { Loading } from '../components/Loading';",
      'app may not import components',
    ],
    // Generic components know no store and no page.
    [
      'src/components/example.ts',
      "import { useAppSelector } from '../app/hooks';",
      'components may not import app',
    ],
    // Production code reaches the mock only through src/dev, and that only lazily.
    ['src/pages/example.ts', "import { db } from '../../mocks/db';", 'pages may not import mocks'],
    [
      'src/pages/example.ts',
      "import { DevControls } from '../dev/DevControls';",
      'pages may not import dev',
    ],
  ])('refuses, in %s, %s', async (path, code, message) => {
    expect(await layerErrors(path, `${code}\nexport {};\n`)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('takes the imports each layer may make', async () => {
    expect(
      await layerErrors(
        'src/pages/example.ts',
        [
          "import { setupStore } from '../app/store';",
          "import { RecoveryAlert } from '../writes/ui/RecoveryAlert';",
          "export const devControls = () => import('../dev/DevControls');",
          'export { setupStore, RecoveryAlert };',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'src/dev/example.ts',
        "import { db } from '../../mocks/db';\nexport { db };",
      ),
    ).toEqual([]);
  });
});

/** Production source files under src/, by path from the project root. */
function productionFiles(dir = 'src'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === 'src/test' ? [] : productionFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Folder -> the folders its files import from (relative imports, static or lazy). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of productionFiles()) {
    const folder = dirname(file);
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = dirname(normalize(join(folder, specifier)));
      if (target === folder) continue;
      if (!graph.has(folder)) graph.set(folder, new Set());
      graph.get(folder)!.add(relative('.', target));
    }
  }
  return graph;
}

/** A cycle of folders, if there is one: each imports the next, the last the first. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string): string[] | null => {
    if (state.get(folder) === 'done') return null;
    if (state.get(folder) === 'open') return [...path.slice(path.indexOf(folder)), folder];
    state.set(folder, 'open');
    path.push(folder);
    for (const next of graph.get(folder) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(folder, 'done');
    return null;
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return null;
}

describe('the folders of production code', () => {
  it('import each other one way only', () => {
    const graph = folderGraph();
    // The graph is real: the pages reach the store, the store the entities.
    expect(graph.get('src/pages/CustomerDetails')).toContain('src/app');
    expect(graph.get('src/app')).toContain('src/entities/moveTaskOrders');
    expect(findCycle(graph)).toBeNull();
  });

  it('would show a cycle if there were one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
