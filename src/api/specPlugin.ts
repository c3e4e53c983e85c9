// Build-time only: vite.config.ts imports this, the app never does.
// It turns public/ghc/v1/swagger.yaml into `virtual:ghc-spec`, a pre-resolved
// document holding just what swagger-client's `execute` needs, so the app
// neither fetches nor resolves the spec at start-up.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import SwaggerClient from 'swagger-client';
import { parse } from 'yaml';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:ghc-spec';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
export const SPEC_PATH = resolvePath(import.meta.dirname, '../../public/ghc/v1/swagger.yaml');

type Json = Record<string, unknown>;

// Only the request side matters to `execute`: drop responses, prose and schemas.
// A parameter's style and explode stay: they say how a list is sent (the
// queue's `status` is one comma-joined value, which the server needs).
function pruneOperation(operation: Json): Json {
  const { operationId, tags, parameters, requestBody } = operation;
  const params = (parameters as Json[] | undefined)?.map(
    ({ name, in: location, required, style, explode }) => ({
      name,
      in: location,
      required,
      style,
      explode,
    }),
  );
  const body = requestBody as { content?: Json; required?: boolean } | undefined;
  return {
    operationId,
    tags,
    parameters: params,
    ...(body?.content
      ? {
          requestBody: {
            required: body.required,
            content: Object.fromEntries(Object.keys(body.content).map((type) => [type, {}])),
          },
        }
      : {}),
  };
}

export async function loadResolvedSpec(): Promise<Json> {
  const spec = parse(await readFile(SPEC_PATH, 'utf8')) as Json;
  const { spec: resolved, errors } = await SwaggerClient.resolve({ spec });
  if (errors.length > 0) {
    throw new Error(`Cannot resolve ${SPEC_PATH}: ${JSON.stringify(errors)}`);
  }
  const paths = Object.fromEntries(
    Object.entries(resolved.paths as Record<string, Json>).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => [method, pruneOperation(operation as Json)]),
      ),
    ]),
  );
  return { openapi: resolved.openapi, servers: resolved.servers, paths };
}

// mocks/apiDocument.ts, which reads the document from disk in plain Node.
const MOCK_DOCUMENT_MODULE = resolvePath(import.meta.dirname, '../../mocks/apiDocument.ts');

export function ghcSpec(): Plugin {
  return {
    name: 'ghc-spec',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id === RESOLVED_ID) {
        this.addWatchFile(SPEC_PATH);
        return `export default ${JSON.stringify(await loadResolvedSpec())};`;
      }
      if (id === MOCK_DOCUMENT_MODULE) {
        this.addWatchFile(SPEC_PATH);
        const document = parse(await readFile(SPEC_PATH, 'utf8')) as Json;
        return `export const apiDocument = ${JSON.stringify(document)};`;
      }
      return undefined;
    },
  };
}
