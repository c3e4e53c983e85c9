import { describe, expect, it } from 'vitest';
import { formatDate, formatServerDates, parseDate } from './dates';

describe('the one date format', () => {
  it('reads back every day it writes, for a whole leap year', () => {
    for (let day = 0; day < 366; day += 1) {
      const iso = new Date(Date.UTC(2028, 0, 1 + day)).toISOString().slice(0, 10);
      expect(parseDate(formatDate(iso)), formatDate(iso)).toBe(iso);
    }
  });

  it('takes what a user types for a day: short or full month names, any case, or an ISO date', () => {
    expect(parseDate('5 jan 2026')).toBe('2026-01-05');
    expect(parseDate(' 05 January 2026 ')).toBe('2026-01-05');
    expect(parseDate('17 Sept 2026')).toBe('2026-09-17');
    expect(parseDate('17 sep. 2026')).toBe('2026-09-17');
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
  });

  it('takes no day that does not exist, and nothing that is not a day', () => {
    for (const text of [
      '31 Feb 2026',
      '29 Feb 2027',
      '2026-13-01',
      '00 Jan 2026',
      '5 Ja 2026',
      '5 Janvier 2026',
      '01/05/2026',
      'tomorrow',
      '',
    ]) {
      expect(parseDate(text), text).toBeNull();
    }
  });

  it('writes the queue’s list of requested dates, as the server sends it, the page’s way', () => {
    expect(formatServerDates('Mar 2 2027, Mar 5 2027, Apr 10 2027')).toBe(
      '02 Mar 2027, 05 Mar 2027, 10 Apr 2027',
    );
    expect(formatServerDates('Sep 30 2026')).toBe(formatDate('2026-09-30'));
    // What it cannot read stays as the server wrote it.
    expect(formatServerDates('Feb 30 2027, soon')).toBe('Feb 30 2027, soon');
  });
});
