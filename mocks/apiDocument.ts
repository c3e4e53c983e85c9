// The API document (public/ghc/v1/swagger.yaml), parsed: the mock binds and
// checks requests against it as the real server's framework does against its
// own. Under Vite (the browser mock, the tests) src/api/specPlugin.ts serves
// this module parsed at build time instead, so no YAML parser and no file
// access reach the browser; run by plain Node (npm run mock-server), it reads
// the file itself.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const apiDocument: Record<string, unknown> = parse(
  readFileSync(new URL('../public/ghc/v1/swagger.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
