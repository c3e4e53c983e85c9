// Build-time only (vite.config.ts): the built app ships a Content-Security-
// Policy with no inline scripts allowed. Connections go to this origin and,
// when VITE_API_BASE_URL points elsewhere, to that API's origin only. The dev
// server gets none: Vite's dev client needs inline scripts.
import type { Plugin } from 'vite';

/** The policy of the built app; a server sends it as a header too (scripts/serve.ts). */
export function cspPolicy(apiBaseUrl: string | undefined): string {
  const apiOrigin = apiBaseUrl && /^https?:\/\//.test(apiBaseUrl) ? new URL(apiBaseUrl).origin : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function contentSecurityPolicy(apiBaseUrl: string | undefined): Plugin {
  const policy = cspPolicy(apiBaseUrl);
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}
