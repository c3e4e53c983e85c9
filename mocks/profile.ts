// How strictly the mock reads If-Match. `ghc` (the default) is the real
// server: the header must be exactly the record's eTag, a missing one is the
// framework's 422, and no answer carries an ETag header. `rfc9110` is the
// HTTP standard's reading, for trying the app against a server that follows
// it: quoted and weak tags, lists, `*`, 428 when the header is missing, and an
// ETag header on every answer about one record. The app works against both.
export type MockProfile = 'ghc' | 'rfc9110';

let current: MockProfile = 'ghc';

export const mockProfile = (): MockProfile => current;

export function setMockProfile(profile: MockProfile): void {
  current = profile;
}

/** The profile an environment value names: ghc when unset. */
export function profileFromEnv(raw: string | undefined, name: string): MockProfile {
  if (raw === undefined || raw === '' || raw === 'ghc') return 'ghc';
  if (raw === 'rfc9110') return 'rfc9110';
  throw new Error(`${name} must be ghc or rfc9110, got '${raw}'.`);
}
