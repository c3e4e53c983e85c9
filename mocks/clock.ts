// The eTag rules. JavaScript dates stop at milliseconds, so time is kept as a
// BigInt count of nanoseconds: every stamp issued is strictly later than the
// one before, and two writes in one millisecond still get different eTags.

const NS_PER_MS = 1_000_000n;

/** RFC 3339 with nine fractional digits, e.g. '2026-01-05T14:00:00.123456789Z'. */
export function formatTimestamp(ns: bigint): string {
  return timestampOf(Number(ns / NS_PER_MS), Number(ns % NS_PER_MS));
}

const DAY_MS = 86_400_000;
// 'YYYY-MM-DDT' per day number: Date#toISOString was the seed's hottest call.
const dayPrefixes = new Map<number, string>();
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The same format from milliseconds plus the nanoseconds within that millisecond. */
export function timestampOf(ms: number, nanosWithinMs: number): string {
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
  return `${prefix}${hours}:${minutes}:${seconds}.${pad(within % 1000, 3)}${pad(nanosWithinMs, 6)}Z`;
}

/** The eTag names one version of a record: base64 of its updatedAt, as the reference derives it. */
export function eTagOf(updatedAt: string): string {
  return btoa(updatedAt);
}

/** The stamp to give the next write, given the last stamp issued. */
export function nextStamp(last: bigint): bigint {
  const now = BigInt(Date.now()) * NS_PER_MS;
  return now > last ? now : last + 1n;
}

export function nanosecondsOf(ms: number): bigint {
  return BigInt(ms) * NS_PER_MS;
}
