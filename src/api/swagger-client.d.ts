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
    parameterBuilders?: Record<string, ParameterBuilder>;
  }): ExecuteRequest & { body?: unknown };
  /** Puts one parameter's value into the request being built. */
  export type ParameterBuilder = (options: {
    req: ExecuteRequest;
    value: unknown;
    parameter: { name: string; in: string; style?: string; explode?: boolean; content?: object };
    baseURL: string;
  }) => void;
}

declare module 'swagger-client/es/execute/oas3/parameter-builders.js' {
  import type { ParameterBuilder } from 'swagger-client/es/execute/index.js';
  export const path: ParameterBuilder;
  export const query: ParameterBuilder;
  export const header: ParameterBuilder;
  export const cookie: ParameterBuilder;
}

declare module 'swagger-client/es/execute/oas3/style-serializer.js' {
  /** A parameter's value as its style puts it in the request, `escape`d. */
  export default function stylize(config: {
    key: string;
    value: unknown;
    style: string;
    explode: boolean;
    escape: 'reserved' | boolean;
  }): string;
}

declare module 'swagger-client/es/http/index.js' {
  import type { ExecuteRequest, ExecuteResponse } from 'swagger-client/es/execute/index.js';
  /** Sends a built request (with its `userFetch`) and reads the answer, as `execute` does. */
  export default function http(request: ExecuteRequest): Promise<ExecuteResponse>;
}
