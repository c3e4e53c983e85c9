// Time as the real server's database keeps it, and the two ways it shows it.
//
// A row's `updated_at` has microsecond precision. Its eTag is standard base64
// of that instant in Go's RFC3339Nano layout (trailing zeros of the fraction
// dropped, no fraction at all when it is zero): '2025-06-27T19:14:10.123456Z'
// -> 'MjAyNS0wNi0yN1QxOToxNDoxMC4xMjM0NTZa'. JSON bodies carry timestamps with
// milliseconds only ('2025-06-27T19:14:10.123Z'), so two versions saved in one
// millisecond share an `updatedAt` but never an eTag, and an eTag cannot be
// rebuilt from a body.
//
// The mock stores every instant as the database would: an RFC 3339 string with
// exactly six fractional digits. The clock is the last one issued, as a BigInt
// count of microseconds, so no two writes ever share one.

const US_PER_MS = 1000n;
const DAY_MS = 86_400_000;

// 'YYYY-MM-DDT' per day number: Date#toISOString was the seed's hottest call.
const dayPrefixes = new Map<number, string>();
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The stored form of an instant: milliseconds plus the microseconds within it. */
export function timestampOf(ms: number, microsWithinMs = 0): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const within = ms - day * DAY_MS;
  const hours = pad(Math.floor(within / 3_600_000), 2);
  const minutes = pad(Math.floor(within / 60_000) % 60, 2);
  const seconds = pad(Math.floor(within / 1000) % 60, 2);
  return `${prefix}${hours}:${minutes}:${seconds}.${pad(within % 1000, 3)}${pad(microsWithinMs, 3)}Z`;
}

/** The stored form of a microsecond stamp. */
export function formatStamp(us: bigint): string {
  return timestampOf(Number(us / US_PER_MS), Number(us % US_PER_MS));
}

/** A stored instant as JSON bodies show it: strfmt's millisecond layout. */
export function jsonDateTime(stored: string): string {
  return `${stored.slice(0, 23)}Z`;
}

/** A stored instant in Go's RFC3339Nano layout: no trailing zeros in the fraction. */
export function rfc3339Nano(stored: string): string {
  const fraction = stored.slice(20, 26).replace(/0+$/, '');
  return `${stored.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** The eTag of a row saved at `updatedAt` (its stored form). */
export function eTagOf(updatedAt: string): string {
  return btoa(rfc3339Nano(updatedAt));
}

/** The stamp to give the next save, given the last one issued. */
export function nextStamp(last: bigint): bigint {
  const now = BigInt(Date.now()) * US_PER_MS;
  return now > last ? now : last + 1n;
}

export function microsecondsOf(ms: number): bigint {
  return BigInt(ms) * US_PER_MS;
}

/** The UTC day (YYYY-MM-DD) of an instant in milliseconds. */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
