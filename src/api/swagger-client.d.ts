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
  export function execute(options: {
    spec: object;
    operationId: string;
    parameters?: Record<string, unknown>;
    requestBody?: unknown;
    baseURL?: string;
    userFetch?: (url: string, init: RequestInit) => Promise<Response>;
  }): Promise<ExecuteResponse>;
}
