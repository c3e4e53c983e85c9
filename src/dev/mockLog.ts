// Whether the mock in the browser logs each request to the console, as MSW
// does by default. Quiet unless asked for: with the log on, every request is
// a console group, which buries what a developer is looking for. On with
// VITE_MOCK_LOG=on at build time, or the developer controls' checkbox (kept in
// localStorage, read when the mock starts).

export const MOCK_LOG_KEY = 'too-office:mock-log';

export function mockLogOn(
  storage: Pick<Storage, 'getItem'> | undefined,
  env: string | undefined,
): boolean {
  return env === 'on' || storage?.getItem(MOCK_LOG_KEY) === 'on';
}
