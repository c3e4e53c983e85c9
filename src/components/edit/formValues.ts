// Pure form logic for editing a record: its fields as strings, the PATCH
// body of the changed ones, and the three-way merge after a 412.

export interface EditField {
  /** Path in the record: 'phone', or 'backupContact.name' for a nested field. */
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select';
  /** value -> label, for a select. */
  options?: Record<string, string>;
  /** An empty input is sent as null. */
  nullable?: boolean;
  required?: boolean;
  hint?: string;
  maxLength?: number;
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

export function valuesOf(record: object, fields: EditField[]): Values {
  return Object.fromEntries(
    fields.map(({ name }) => {
      const value = valueAt(record, name);
      return [name, value === null || value === undefined ? '' : String(value)];
    }),
  );
}

/** The names of the fields whose draft differs from the version it is based on. */
export function changedNames(draft: Values, base: Values, fields: EditField[]): string[] {
  return fields.map(({ name }) => name).filter((name) => draft[name] !== base[name]);
}

/**
 * A partial PATCH body of the named fields. A nested object is sent whole, as
 * the API wants it, built on the latest version so other parts of it survive.
 */
export function payloadOf(
  names: string[],
  draft: Values,
  latest: object,
  fields: EditField[],
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const name of names) {
    const field = fields.find((f) => f.name === name);
    const value = field?.nullable && draft[name] === '' ? null : draft[name];
    const [top, sub] = name.split('.');
    if (sub === undefined) {
      payload[top] = value;
    } else {
      const nested = (payload[top] ?? valueAt(latest, top) ?? {}) as Record<string, unknown>;
      payload[top] = { ...nested, [sub]: value };
    }
  }
  return payload;
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
