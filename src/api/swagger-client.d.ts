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
  export function execute(options: {
    spec: object;
    operationId: string;
    parameters?: Record<string, unknown>;
    requestBody?: unknown;
    baseURL?: string;
    userFetch?: (url: string, init: RequestInit) => Promise<Response>;
    requestInterceptor?: (request: ExecuteRequest) => ExecuteRequest;
  }): Promise<ExecuteResponse>;
}
