// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  eTagOf,
  formatStamp,
  isoDate,
  jsonDateTime,
  microsecondsOf,
  nextStamp,
  rfc3339Nano,
  timestampOf,
} from './clock';

describe('the clock, as the database keeps time', () => {
  it('stores an instant with exactly six fractional digits, as Postgres keeps microseconds', () => {
    expect(timestampOf(Date.UTC(2025, 5, 27, 19, 14, 10, 123), 456)).toBe(
      '2025-06-27T19:14:10.123456Z',
    );
    expect(timestampOf(Date.UTC(2025, 5, 27, 19, 14, 10, 0))).toBe('2025-06-27T19:14:10.000000Z');
    expect(formatStamp(1_751_051_650_123_456n)).toBe('2025-06-27T19:14:10.123456Z');
    expect(formatStamp(1_751_051_650_000_001n)).toBe('2025-06-27T19:14:10.000001Z');
  });

  it('agrees with Date on every part of the stored form, midnight and leap days included', () => {
    for (const ms of [
      0,
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 7, 8, 9, 10),
      Date.UTC(2026, 0, 1, 0, 0, 0, 0),
    ]) {
      expect(timestampOf(ms, 42)).toBe(new Date(ms).toISOString().replace('Z', '042Z'));
      expect(formatStamp(microsecondsOf(ms) + 42n)).toBe(timestampOf(ms, 42));
    }
  });

  it('shows an instant in a JSON body with milliseconds only, as strfmt prints it', () => {
    expect(jsonDateTime('2025-06-27T19:14:10.123456Z')).toBe('2025-06-27T19:14:10.123Z');
    expect(jsonDateTime('2025-06-27T19:14:10.000999Z')).toBe('2025-06-27T19:14:10.000Z');
  });

  it("writes Go's RFC3339Nano: trailing zeros of the fraction dropped, no fraction when it is zero", () => {
    expect(rfc3339Nano('2025-06-27T19:14:10.123456Z')).toBe('2025-06-27T19:14:10.123456Z');
    expect(rfc3339Nano('2025-06-27T19:14:10.123400Z')).toBe('2025-06-27T19:14:10.1234Z');
    expect(rfc3339Nano('2025-06-27T19:14:10.100000Z')).toBe('2025-06-27T19:14:10.1Z');
    expect(rfc3339Nano('2025-06-27T19:14:10.000001Z')).toBe('2025-06-27T19:14:10.000001Z');
    expect(rfc3339Nano('2025-06-27T19:14:10.000000Z')).toBe('2025-06-27T19:14:10Z');
  });

  it("derives the eTag as the server does: base64 of updated_at in RFC3339Nano (GHC.md's example)", () => {
    expect(eTagOf('2025-06-27T19:14:10.123456Z')).toBe('MjAyNS0wNi0yN1QxOToxNDoxMC4xMjM0NTZa');
    // Padding stays: standard base64, not the URL-safe kind.
    expect(eTagOf('2025-06-27T19:14:10.123400Z')).toBe('MjAyNS0wNi0yN1QxOToxNDoxMC4xMjM0Wg==');
    expect(eTagOf('2025-06-27T19:14:10.000000Z')).toBe('MjAyNS0wNi0yN1QxOToxNDoxMFo=');
  });

  it('gives two saves within one millisecond the same JSON updatedAt but different eTags', () => {
    const first = '2025-06-27T19:14:10.123001Z';
    const second = '2025-06-27T19:14:10.123002Z';
    expect(jsonDateTime(first)).toBe(jsonDateTime(second));
    expect(eTagOf(first)).not.toBe(eTagOf(second));
  });

  it('stamps a save with the current microsecond, or one past the last stamp when the clock lags', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 26, 9, 0, 0, 0));
    const now = microsecondsOf(Date.UTC(2026, 10, 26, 9, 0, 0, 0));
    expect(nextStamp(0n)).toBe(now);
    expect(nextStamp(now - 1n)).toBe(now);
    // A stamp already issued at this very microsecond, or one from a clock running ahead.
    expect(nextStamp(now)).toBe(now + 1n);
    expect(nextStamp(now + 60_000_000n)).toBe(now + 60_000_001n);
  });

  it('names the UTC day of an instant', () => {
    expect(isoDate(Date.UTC(2026, 0, 5, 23, 59, 59, 999))).toBe('2026-01-05');
    expect(isoDate(Date.UTC(2026, 0, 6))).toBe('2026-01-06');
  });
});
