// The API base URL is configurable so the same build can talk to a real GHC
// server: VITE_API_BASE_URL at build time, relative to the page by default.
const configured = import.meta.env.VITE_API_BASE_URL || '/ghc/v1';

export const apiBaseUrl = new URL(
  configured,
  globalThis.location?.href ?? 'http://localhost/',
).href.replace(/\/$/, '');
