// swagger-client ships no type declarations; these cover the parts we use.
declare module 'swagger-client' {
  const SwaggerClient: {
    resolve(options: {
      spec: object;
    }): Promise<{ spec: Record<string, unknown>; errors: unknown[] }>;
  };
  export default SwaggerClient;
}

declare module 'swagger-client/es/execute/index.js' {
  export interface ExecuteResponse {
    ok: boolean;
    status: number;
    body: unknown;
    headers: Record<string, string>;
  }
  /** The request as swagger-client hands it to fetch: URL plus fetch's init. */
  export interface ExecuteRequest {
    url: string;
    method: string;
    headers: Record<string, string>;
    credentials: RequestCredentials;
  }
  /** The request `execute` sends, built without sending it: its body not yet serialized. */
  export function buildRequest(options: {
    spec: object;
    operationId: string;
    parameters?: Record<string, unknown>;
    requestBody?: unknown;
    baseURL?: string;
    userFetch?: (url: string, init: RequestInit) => Promise<Response>;
  }): ExecuteRequest & { body?: unknown };
}

declare module 'swagger-client/es/http/index.js' {
  import type { ExecuteRequest, ExecuteResponse } from 'swagger-client/es/execute/index.js';
  /** Sends a built request (with its `userFetch`) and reads the answer, as `execute` does. */
  export default function http(request: ExecuteRequest): Promise<ExecuteResponse>;
}
