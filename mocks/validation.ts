// Request-body validation that mirrors the OpenAPI payload schemas. A test
// (validation.test.ts) checks these rules against swagger.yaml so they cannot drift.
import type { Schemas } from './records';

export type Rule =
  | {
      type: 'string';
      nullable?: true;
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      format?: 'email' | 'date';
    }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'object'; fields: Record<string, Rule>; required: readonly string[] };

export interface BodySchema<B> {
  fields: { [K in keyof B]-?: Rule };
  required?: readonly (keyof B & string)[];
}

/** Each bad field's name mapped to a message. */
export type InvalidFields = Record<string, string>;

export type JsonObject = Record<string, unknown>;

/** Every member of a generated enum type, and only those: the compiler checks both ways. */
export function enumRule<T extends string>(members: Record<T, true>): Rule {
  return { type: 'enum', values: Object.keys(members) };
}

export const rules = {
  phone: { type: 'string', pattern: /^[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}$/ },
  email: { type: 'string', format: 'email', maxLength: 255 },
  date: { type: 'string', format: 'date' },
} satisfies Record<string, Rule>;

export const backupContactRule: Rule = {
  type: 'object',
  fields: { name: { type: 'string', maxLength: 200 }, email: rules.email, phone: rules.phone },
  required: ['name', 'email', 'phone'] satisfies (keyof Schemas['BackupContact'])[],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(rule: Extract<Rule, { type: 'string' }>, value: string): string | undefined {
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    return rule.minLength === 1
      ? 'must not be empty'
      : `must be at least ${rule.minLength} characters`;
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters`;
  }
  if (rule.pattern && !rule.pattern.test(value)) return `must match ${rule.pattern.source}`;
  if (rule.format === 'email' && !EMAIL.test(value)) return 'must be an email address';
  if (rule.format === 'date' && !isDate(value)) return 'must be a date (YYYY-MM-DD)';
  return undefined;
}

function checkValue(rule: Rule, value: unknown, path: string, invalid: InvalidFields): void {
  switch (rule.type) {
    case 'string':
      if (value === null) {
        if (!rule.nullable) invalid[path] = 'must not be null';
      } else if (typeof value !== 'string') {
        invalid[path] = 'must be a string';
      } else {
        const message = checkString(rule, value);
        if (message) invalid[path] = message;
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') invalid[path] = 'must be a boolean';
      return;
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value)) {
        invalid[path] = `must be one of ${rule.values.join(', ')}`;
      }
      return;
    case 'object':
      if (!isJsonObject(value)) {
        invalid[path] = 'must be an object';
        return;
      }
      checkObject(rule.fields, rule.required, value, `${path}.`, invalid, {});
      return;
  }
}

function checkObject(
  fields: Record<string, Rule>,
  required: readonly string[],
  body: JsonObject,
  prefix: string,
  invalid: InvalidFields,
  record: object,
): void {
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(fields, key)) checkValue(fields[key], body[key], prefix + key, invalid);
    else invalid[prefix + key] = Object.hasOwn(record, key) ? 'read-only' : 'unknown field';
  }
  for (const key of required) {
    if (!Object.hasOwn(body, key)) invalid[prefix + key] = 'is required';
  }
}

/**
 * Checks a parsed body against its schema. Fields of the record that the
 * payload does not offer (id, eTag, updatedAt, edipi, ...) are 'read-only';
 * anything else not in the schema, `__proto__` included, is an 'unknown field'.
 */
export function validateBody<B>(
  body: JsonObject,
  schema: BodySchema<B>,
  record: object,
): { value: B } | { invalid: InvalidFields } {
  // No prototype: `invalid['__proto__'] = ...` on a plain object would set its
  // prototype instead of recording the field, and the body would pass.
  const invalid: InvalidFields = Object.create(null) as InvalidFields;
  checkObject(schema.fields, schema.required ?? [], body, '', invalid, record);
  // Every key was checked against a rule mirroring B, so the body now is a B.
  return Object.keys(invalid).length > 0 ? { invalid } : { value: body as B };
}
