// Pure form logic for editing a record: its fields as strings, which of them
// changed, the fields a server's refusal names, and the three-way merge after
// a 412. Each record's request body is built from these by its own page
// (pages/CustomerDetails/editFields.ts): the API wants different things of each.
import { dateText } from './dates';

export interface EditField {
  /** Path in the record: 'phone', or 'backup_contact.name' for a nested field. */
  name: string;
  /** Its path in the request body, where that differs ('ordersNumber' for 'order_number'). */
  bodyName?: string;
  label: string;
  /** A checkbox's value is 'true' or 'false'; a date's is written as the page writes dates (dates.ts). */
  type?: 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select' | 'checkbox';
  /** value -> label, for a select. */
  options?: Record<string, string>;
  /** An empty input is sent as null. */
  nullable?: boolean;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  /** What the server requires of a value that is filled in, and how to say it. */
  pattern?: { regex: RegExp; message: string };
}

export type Values = Record<string, string>;

function valueAt(record: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      record,
    );
}

/** A record's fields as the form's strings; the server leaves out a false flag. */
export function valuesOf(record: object, fields: EditField[]): Values {
  return Object.fromEntries(
    fields.map(({ name, type }) => {
      const value = valueAt(record, name);
      if (type === 'checkbox') return [name, String(value === true)];
      const text = value === null || value === undefined ? '' : String(value);
      // A date shows as the page shows dates: "05 Jan 2026".
      return [name, type === 'date' ? dateText(text) : text];
    }),
  );
}

/** The names of the fields whose draft differs from the version it is based on. */
export function changedNames(draft: Values, base: Values, fields: EditField[]): string[] {
  return fields.map(({ name }) => name).filter((name) => draft[name] !== base[name]);
}

/**
 * The form field a server's refusal names: a ValidationError's
 * invalid_fields key, or the field a framework detail starts with
 * ("phone in body should match ..."), by its name in the request body.
 */
export function fieldsNamedBy(
  invalidFields: Record<string, string>,
  detail: string,
  fields: EditField[],
): Record<string, string> {
  const named = Object.entries(invalidFields);
  const framework = /^([\w.]+) in body (.*)$/.exec(detail);
  if (framework) named.push([framework[1], framework[2]]);
  const marked: Record<string, string> = {};
  for (const [key, message] of named) {
    const bodyName = (field: EditField) => field.bodyName ?? field.name;
    const field =
      fields.find((candidate) => bodyName(candidate) === key) ??
      fields.find((candidate) => bodyName(candidate).startsWith(`${key}.`));
    if (field) marked[field.name] = `${field.label}: ${message}.`;
  }
  return marked;
}

export interface FieldConflict {
  name: string;
  label: string;
  loaded: string;
  mine: string;
  theirs: string;
}

export interface Merge {
  /** The draft rebased on the latest version: the user's changes on top of the colleague's. */
  draft: Values;
  /** Fields only the colleague changed: their values are taken. */
  theirs: FieldConflict[];
  /** Fields only the user changed: kept. */
  mine: FieldConflict[];
  /** Fields both changed to different values: the user picks. */
  both: FieldConflict[];
}

/** Rebases the user's draft from the version they loaded onto the latest one. */
export function mergeOnConflict(
  loaded: Values,
  draft: Values,
  latest: Values,
  fields: EditField[],
): Merge {
  const merge: Merge = { draft: { ...latest }, theirs: [], mine: [], both: [] };
  for (const { name, label } of fields) {
    const entry = { name, label, loaded: loaded[name], mine: draft[name], theirs: latest[name] };
    const userChanged = draft[name] !== loaded[name];
    const colleagueChanged = latest[name] !== loaded[name];
    if (userChanged) merge.draft[name] = draft[name];
    if (userChanged && colleagueChanged && draft[name] !== latest[name]) merge.both.push(entry);
    else if (userChanged && draft[name] !== latest[name]) merge.mine.push(entry);
    else if (colleagueChanged && !userChanged) merge.theirs.push(entry);
  }
  return merge;
}
