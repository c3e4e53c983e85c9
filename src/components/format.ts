import type { Address, MoveStatus } from '../api/models';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "05 Jan 2026", the reference office app's date style. Accepts dates and RFC 3339 times. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

function toDate(value: string): Date {
  // JavaScript dates stop at milliseconds; the API sends nanoseconds.
  return new Date(value.replace(/(\.\d{3})\d+/, '$1'));
}

/** "26 Nov 2026, 07:02 UTC" */
export function formatDateTime(value: string): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export function formatAddress(address: Address): string {
  return [
    address.streetAddress1,
    address.streetAddress2,
    `${address.city}, ${address.state} ${address.postalCode}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const moveStatusLabels: Record<MoveStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'New move',
  'APPROVALS REQUESTED': 'Approvals requested',
  APPROVED: 'Move approved',
  CANCELED: 'Canceled',
};

export function formatMoveStatus(status: MoveStatus): string {
  return moveStatusLabels[status] ?? status;
}

const ACRONYMS = new Set(['HHG', 'NTS', 'PPM']);

/** "PERMANENT_CHANGE_OF_STATION" -> "Permanent change of station"; HHG, NTS stay upper case. */
export function formatEnum(value: string | null | undefined): string {
  if (!value) return '—';
  return value
    .split('_')
    .map((word, index) => {
      if (ACRONYMS.has(word)) return word;
      if (index > 0) return word.toLowerCase();
      return word[0] + word.slice(1).toLowerCase();
    })
    .join(' ');
}
