// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { eTagOf, formatTimestamp, nextStamp } from './clock';

describe('the eTag clock', () => {
  it('formats RFC 3339 timestamps with nanoseconds', () => {
    expect(formatTimestamp(1_767_621_600_123_456_789n)).toBe('2026-01-05T14:00:00.123456789Z');
    expect(formatTimestamp(1_767_621_600_000_000_001n)).toBe('2026-01-05T14:00:00.000000001Z');
  });

  it('agrees with Date on every part of the timestamp', () => {
    for (const ms of [
      0,
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 7, 8, 9, 10),
    ]) {
      expect(formatTimestamp(BigInt(ms) * 1_000_000n + 42n)).toBe(
        new Date(ms).toISOString().replace('Z', '000042Z'),
      );
    }
  });

  it('derives the eTag as base64 of updatedAt', () => {
    expect(eTagOf('2026-01-05T14:00:00.000000000Z')).toBe(
      'MjAyNi0wMS0wNVQxNDowMDowMC4wMDAwMDAwMDBa',
    );
  });

  it('never issues a stamp that is not strictly later than the last one', () => {
    const future = BigInt(Date.now() + 60_000) * 1_000_000n;
    expect(nextStamp(future)).toBe(future + 1n);
    expect(nextStamp(0n)).toBeGreaterThan(0n);
  });
});
