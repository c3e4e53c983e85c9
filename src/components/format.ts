import type { Address } from '../api/models';
import { toDate, ZERO } from '../writes/dates';

// One date format for the whole app, forms included: writes/dates.ts.
export { formatDate } from '../writes/dates';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** "shipment 2 was" → "Shipment 2 was": the start of a sentence. */
export const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "26 Nov 2026, 07:02 UTC" */
export function formatDateTime(value: string): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** When a record's version was saved, if it says: the customer and orders carry no time. */
export function savedAt(record: { updatedAt?: string }): string | null {
  return record.updatedAt && !ZERO.test(record.updatedAt) ? record.updatedAt : null;
}

export function formatAddress(address: Address | null | undefined): string {
  if (!address) return '';
  return [
    address.streetAddress1,
    address.streetAddress2,
    address.streetAddress3,
    `${address.city}, ${address.state ?? ''} ${address.postalCode}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** "Martinez, Emily": last name first, as the office app lists people. */
export function formatName(person: { first_name?: string; last_name?: string }): string {
  return [person.last_name, person.first_name].filter(Boolean).join(', ');
}
