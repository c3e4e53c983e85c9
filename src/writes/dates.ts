// The one way the app writes a date, on screen and in its forms: "05 Jan
// 2026", the reference office app's style. A form's date field shows and
// takes that text; the API gets and gives ISO dates (2026-01-05).

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

// The zero time and date the server prints for a value it never set.
export const ZERO = /^0001-01-01/;

/** A date or an RFC 3339 time as a Date; a date alone is a day, not a midnight in some zone. */
export function toDate(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** "05 Jan 2026". Accepts dates and RFC 3339 times; '—' for none. */
export function formatDate(value: string | null | undefined): string {
  if (!value || ZERO.test(value)) return '—';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** How a form asks for a date. */
export const DATE_HINT = 'Day, month and year, like 05 Jan 2026';

/**
 * The ISO date a user typed as "05 Jan 2026" ("5 jan 2026", "05 January
 * 2026" too), or as an ISO date; null when it names no real day.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const written = /^(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})$/i.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (written) {
    const name = written[2].toLowerCase();
    // "Jan", "Sept", "January": the start of its name, three letters or more, any case.
    const index = MONTHS.findIndex((month) => month.startsWith(name));
    if (index < 0) return null;
    [year, month, day] = [Number(written[3]), index + 1, Number(written[1])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** A form's text for an ISO date: "05 Jan 2026"; '' for none. */
export const dateText = (value: string) => (value === '' ? '' : formatDate(value));

/** What the API takes for a form's date text: the ISO date, or the text itself when it names no day. */
export const isoDateOf = (text: string) => parseDate(text) ?? text;

/**
 * A list of dates as the server writes it in the queue ("Mar 2 2027, Mar 5
 * 2027": Go's "Jan 2 2006"), written as the page writes dates: "02 Mar
 * 2027, 05 Mar 2027". A part it cannot read is kept as it came.
 */
export function formatServerDates(list: string): string {
  return list
    .split(',')
    .map((part) => {
      const written = /^([a-z]{3,9})\.?\s+(\d{1,2})\s+(\d{4})$/i.exec(part.trim());
      const day = written && parseDate(`${written[2]} ${written[1]} ${written[3]}`);
      return day ? formatDate(day) : part.trim();
    })
    .join(', ');
}
