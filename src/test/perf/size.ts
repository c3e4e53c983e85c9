// `npm run size`: the JavaScript a production build (mocking off) loads
// before first render, the entry and its static imports, against the budget,
// and every lazy chunk; and its stylesheet, pruned to the rules the code
// names (src/api/pruneCssPlugin.ts), against its own. Bytes are exact, so the
// budgets are enforced: over one, this exits 1 and CI fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 225_000;
/** USWDS's whole stylesheet is about 67 KB gzip; the pruned one about 14 KB. */
const CSS_BUDGET_GZIP_BYTES = 20_000;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  beforeFirstRender: boolean;
}

/** Sizes of every JavaScript chunk of a build in `dist`, marking those loaded before first render. */
function measureBuild(dist: string): ChunkSize[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.file.endsWith('.js'))
    .map(([key, chunk]) => {
      const content = readFileSync(join(dist, chunk.file));
      return {
        file: chunk.file,
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
        beforeFirstRender: initial.has(key),
      };
    })
    .sort(
      (a, b) =>
        Number(b.beforeFirstRender) - Number(a.beforeFirstRender) || b.gzipBytes - a.gzipBytes,
    );
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function main() {
  const chunks = measureBuild('dist');
  console.table(
    chunks.map((chunk) => ({
      chunk: chunk.file,
      loaded: chunk.beforeFirstRender ? 'before first render' : 'lazily',
      size: kb(chunk.bytes),
      gzip: kb(chunk.gzipBytes),
    })),
  );
  const initialGzip = chunks
    .filter((chunk) => chunk.beforeFirstRender)
    .reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const verdict = initialGzip <= BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(
    `JavaScript before first render: ${initialGzip} bytes gzip (${kb(initialGzip)}), ${verdict} the budget of ${kb(BUDGET_GZIP_BYTES)}`,
  );
  const cssGzip = readdirSync(join('dist', 'assets'))
    .filter((file) => file.endsWith('.css'))
    .reduce(
      (sum, file) =>
        sum + gzipSync(readFileSync(join('dist', 'assets', file)), { level: 9 }).length,
      0,
    );
  const cssVerdict = cssGzip <= CSS_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(
    `Stylesheet: ${cssGzip} bytes gzip (${kb(cssGzip)}), ${cssVerdict} the budget of ${kb(CSS_BUDGET_GZIP_BYTES)}`,
  );
  if (initialGzip > BUDGET_GZIP_BYTES || cssGzip > CSS_BUDGET_GZIP_BYTES) process.exit(1);
}

main();
