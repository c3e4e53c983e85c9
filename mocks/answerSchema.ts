// Test helper: whether an answer fits the schema our document gives its
// operation's 200 response, strictly. Every field must be declared (the
// document is the contract, so a field it does not name is a defect), of
// its type, format, enum and pattern, null only where nullable, required ones
// present. Date-times must be in the real server's strfmt layout, with
// milliseconds. It knows the OpenAPI subset our document uses: $ref, allOf,
// nullable, enum, pattern, formats, items, required, additionalProperties.
import { apiDocument } from './apiDocument';

type Json = Record<string, unknown>;

function resolve(schema: Json): Json {
  let node = schema;
  while (typeof node.$ref === 'string') {
    node = node.$ref
      .split('/')
      .slice(1)
      .reduce<Json>((at, key) => at[key] as Json, apiDocument);
  }
  return node;
}

/** The schema with its $ref followed and its allOf parts merged in. */
function flatten(schema: Json): Json {
  const own = resolve(schema);
  if (!Array.isArray(own.allOf)) return own;
  const merged: Json = { ...own, properties: { ...(own.properties as Json | undefined) } };
  const required = new Set((own.required as string[] | undefined) ?? []);
  for (const part of (own.allOf as Json[]).map(flatten)) {
    Object.assign(merged.properties as Json, part.properties);
    ((part.required as string[] | undefined) ?? []).forEach((name) => required.add(name));
    for (const key of ['type', 'additionalProperties'] as const) {
      if (!(key in merged) && key in part) merged[key] = part[key];
    }
  }
  merged.required = [...required];
  return merged;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// strfmt's MarshalFormat, 2006-01-02T15:04:05.000Z07:00, in UTC.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const validDay = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

const FORMATS: Record<string, (value: string) => boolean> = {
  uuid: (value) => UUID.test(value),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && validDay(value),
  'date-time': (value) => DATE_TIME.test(value) && validDay(value.slice(0, 10)),
};

function problemsOf(schema: Json, value: unknown, path: string): string[] {
  const flat = flatten(schema);
  const at = path || '(answer)';
  if (value === null) {
    const allowed =
      flat.nullable === true || (Array.isArray(flat.enum) && flat.enum.includes(null));
    return allowed ? [] : [`${at} is null, which its schema does not allow`];
  }
  if (Array.isArray(flat.enum) && !flat.enum.includes(value)) {
    return [`${at} is ${JSON.stringify(value)}, not one of its enum`];
  }
  switch (flat.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${at} is not a string`];
      const format = FORMATS[flat.format as string];
      if (format && !format(value)) return [`${at} ${JSON.stringify(value)} is no ${flat.format}`];
      if (typeof flat.pattern === 'string' && !new RegExp(flat.pattern).test(value)) {
        return [`${at} ${JSON.stringify(value)} does not match ${flat.pattern}`];
      }
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at} is not a number`];
    case 'array':
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, index) =>
        problemsOf(flat.items as Json, item, `${path}[${index}]`),
      );
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const properties = (flat.properties as Record<string, Json> | undefined) ?? {};
      const extra = flat.additionalProperties as Json | undefined;
      const field = (key: string) => (path ? `${path}.${key}` : key);
      return [
        ...((flat.required as string[] | undefined) ?? [])
          .filter((key) => !Object.hasOwn(value, key))
          .map((key) => `${field(key)} is required but absent`),
        ...Object.entries(value).flatMap(([key, item]) => {
          if (Object.hasOwn(properties, key)) return problemsOf(properties[key], item, field(key));
          if (extra) return problemsOf(extra, item, field(key));
          return [`${field(key)} is not in the document`];
        }),
      ];
    }
    default:
      throw new Error(`The answer schema at ${at} has no type this helper knows`);
  }
}

function successSchema(operationId: string): Json {
  for (const item of Object.values(apiDocument.paths as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      if (operation?.operationId !== operationId) continue;
      const ok = (operation.responses as Record<string, Json>)['200'];
      const content = resolve(ok).content as Record<string, Json>;
      return content['application/json'].schema as Json;
    }
  }
  throw new Error(`The API document has no operation ${operationId}`);
}

/** What in a 200 answer's body does not fit the document's schema for it: [] when it all fits. */
export function misfits(operationId: string, body: unknown): string[] {
  return problemsOf(successSchema(operationId), body, '');
}
