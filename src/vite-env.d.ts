/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
  /** 'on' or 'off'; set by vite.config.ts (on in dev and tests, off in builds). */
  readonly VITE_MOCK_API: string;
  /** How many moves the browser mock seeds (default 12). */
  readonly VITE_MOCK_MOVES?: string;
  /** How many milliseconds the browser mock holds each request before answering (default 0). */
  readonly VITE_MOCK_LATENCY_MS?: string;
  /** rfc9110 makes the mock read If-Match as RFC 9110 does (mocks/profile.ts). */
  readonly VITE_MOCK_PROFILE?: string;
  /** on: the mock in the browser logs each request to the console (src/dev/mockLog.ts). */
  readonly VITE_MOCK_LOG?: string;
}
