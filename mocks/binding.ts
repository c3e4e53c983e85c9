// What the real server's framework (go-openapi, generated from the document)
// does with a request before any handler sees it, here driven by our copy of
// the document (apiDocument.ts): the content type, then each parameter in the
// operation's bind order, the body decoded into its model and validated. The
// first problem found is the answer, an F body (GHC.md, "Framework
// validation"): 415 for a body that is not JSON, 400 for one that does not
// parse or does not fit the model's types, 422 for a missing parameter or a
// value the schema refuses. Unknown fields are ignored, as the real decoder
// ignores them.
import { apiDocument } from './apiDocument';
import { framework } from './http';
import { mockProfile } from './profile';

type Json = Record<string, unknown>;
type Schema = Json;

export interface Bound {
  /** Path parameters, by name. */
  path: Record<string, string>;
  /** Query parameters as bound: integers, strings, string arrays; absent ones left out. */
  query: Record<string, string | number | string[]>;
  /**
   * The If-Match header as sent. Several headers of one name reach the
   * handlers joined with commas (fetch's Headers), where the real server
   * takes the last: such a value never matches, in either profile.
   */
  ifMatch: string | null;
  /** The decoded body, when the operation takes one. */
  body: unknown;
}

export interface Binding {
  operationId: string;
  /**
   * The parameters, 'body' for the request body, in the order the generated
   * binder reads them (GHC.md gives it per operation); the document's order
   * when left out.
   */
  bindOrder?: readonly string[];
  /** The body parameter's name in the reference, which its messages use ('body' unless told). */
  bodyName?: string;
  /** Top-level body fields the real binder does not validate (allOf wrappers). */
  unvalidated?: readonly string[];
}

export type BindResult = { bound: Bound; response?: undefined } | { response: Response };

interface OperationInfo {
  parameters: Json[];
  body: { required: boolean; schema: Schema } | null;
}

const operations = new Map<string, OperationInfo>();

function resolve(schema: Schema): Schema {
  let node = schema;
  const seen = new Set<string>();
  while (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (seen.has(ref)) throw new Error(`Circular $ref ${ref}`);
    seen.add(ref);
    node = ref
      .split('/')
      .slice(1)
      .reduce<Json>((at, key) => at[key] as Json, apiDocument);
  }
  return node;
}

function operationInfo(operationId: string): OperationInfo {
  const known = operations.get(operationId);
  if (known) return known;
  for (const item of Object.values(apiDocument.paths as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Json;
      if (method === 'parameters' || operation.operationId !== operationId) continue;
      const parameters = [
        ...((item.parameters as Json[] | undefined) ?? []),
        ...((operation.parameters as Json[] | undefined) ?? []),
      ].map(resolve);
      const requestBody = operation.requestBody as Json | undefined;
      const content = requestBody?.content as Record<string, Json> | undefined;
      const info: OperationInfo = {
        parameters,
        body: content
          ? {
              required: requestBody?.required === true,
              schema: content['application/json'].schema as Schema,
            }
          : null,
      };
      operations.set(operationId, info);
      return info;
    }
  }
  throw new Error(`The API document has no operation ${operationId}`);
}

/** A schema with its $ref followed and its allOf parts merged into one. */
function flatten(schema: Schema): Schema {
  const own = resolve(schema);
  if (!Array.isArray(own.allOf)) return own;
  const merged: Json = { ...own, properties: { ...(own.properties as Json | undefined) } };
  const required = new Set((own.required as string[] | undefined) ?? []);
  for (const part of own.allOf as Schema[]) {
    const flat = flatten(part);
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'properties') Object.assign(merged.properties as Json, value);
      else if (key === 'required') (value as string[]).forEach((name) => required.add(name));
      else if (!(key in own)) merged[key] = value;
    }
  }
  merged.required = [...required];
  delete merged.allOf;
  return merged;
}

/** The schema's name, for the decoder's messages: 'UpdateCustomerPayload'. */
const modelName = (schema: Schema) =>
  typeof schema.$ref === 'string' ? schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1) : 'body';

const jsonTypeOf = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'boolean'
        ? 'bool'
        : typeof value;

const GO_TYPES: Record<string, string> = {
  string: 'string',
  boolean: 'bool',
  integer: 'int64',
  number: 'float64',
};

class DecodeError extends Error {}

/**
 * What Go's JSON decoder makes of a value for a field of this schema:
 * a value of the wrong JSON type is an error (a 400); null leaves a plain
 * field unset and a nullable one nil.
 */
function decode(schema: Schema, value: unknown, path: string, model: string): void {
  if (value === null) return;
  const flat = flatten(schema);
  const goType =
    flat.type === 'object' ? `ghcmessages.${modelName(schema)}` : GO_TYPES[flat.type as string];
  const refuse = (): never => {
    const where = path ? `Go struct field ${model}.${path}` : `Go value`;
    // Go names a number's value only when it does not fit the integer it was meant for.
    const shown =
      typeof value === 'number' && flat.type === 'integer' ? `number ${value}` : jsonTypeOf(value);
    throw new DecodeError(
      `json: cannot unmarshal ${shown} into ${where} of type ${goType ?? 'interface'}`,
    );
  };
  switch (flat.type) {
    case 'string':
      if (typeof value !== 'string') refuse();
      // strfmt's Date and DateTime parse themselves while the body is decoded:
      // a value that is no date is the decoder's error (a 400), not a schema one.
      if (!parsesAsTime(flat.format, value as string)) {
        const layout = flat.format === 'date' ? '2006-01-02' : '2006-01-02T15:04:05.000Z07:00';
        const quoted = JSON.stringify(value);
        throw new DecodeError(
          `parsing time ${quoted} as "${layout}": cannot parse ${quoted} as "2006"`,
        );
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') refuse();
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) refuse();
      return;
    case 'number':
      if (typeof value !== 'number') refuse();
      return;
    case 'array':
      if (!Array.isArray(value)) refuse();
      (value as unknown[]).forEach((item, index) =>
        decode(flat.items as Schema, item, `${path}.${index}`, model),
      );
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) refuse();
      const properties = (flat.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, field] of Object.entries(value as Json)) {
        if (Object.hasOwn(properties, key)) {
          decode(properties[key], field, path ? `${path}.${key}` : key, model);
        }
      }
      return;
    }
  }
}

/** Go counts bytes: text with any other character never has the lengths asked for. */
const isAscii = (text: string) => [...text].every((char) => char.charCodeAt(0) < 0x80);
const HEX = /^[0-9a-f]*$/i;

/** The 32 hex digits of an 8-4-4-4-12 text or of a bare 32-digit one, or null. */
function hexDigits(text: string): string | null {
  const digits =
    text.length === 36 && [8, 13, 18, 23].every((at) => text[at] === '-')
      ? text.slice(0, 8) +
        text.slice(9, 13) +
        text.slice(14, 18) +
        text.slice(19, 23) +
        text.slice(24)
      : text.length === 32
        ? text
        : null;
  return digits !== null && HEX.test(digits) ? digits : null;
}

/**
 * strfmt's "uuid" check: strfmt v0.23.0's IsUUID (default.go:114) is
 * google/uuid v1.6.0's Parse (uuid.go:68-117), which counts bytes: the
 * 8-4-4-4-12 form in either case, 32 bare digits, the 8-4-4-4-12 form
 * behind "urn:uuid:" in any case, or with one byte either side that it
 * never looks at ("{…}", but "(…)" too). Not "{32 digits}" nor
 * "urn:uuid:32 digits".
 */
function isStrfmtUUID(value: string): boolean {
  if (!isAscii(value)) return false;
  if (value.length === 45 && value.slice(0, 9).toLowerCase() !== 'urn:uuid:') return false;
  const core =
    value.length === 45 ? value.slice(9) : value.length === 38 ? value.slice(1, 37) : value;
  return (core.length === 36 || value.length === 32) && hexDigits(core) !== null;
}

const utf8 = new TextEncoder();
const byteText = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const isHexByte = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) ||
  (byte >= 0x41 && byte <= 0x46) ||
  (byte >= 0x61 && byte <= 0x66);
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const GO_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

/**
 * A lead byte's sequence width and the range its second byte must fall in,
 * as Go's utf8 package has them (no overlong forms, surrogates or runes past
 * U+10FFFF); null for a byte that leads no sequence.
 */
function leadOf(first: number): [width: number, low: number, high: number] | null {
  if (first >= 0xc2 && first <= 0xdf) return [2, 0x80, 0xbf];
  if (first === 0xe0) return [3, 0xa0, 0xbf];
  if (first === 0xed) return [3, 0x80, 0x9f];
  if (first >= 0xe1 && first <= 0xef) return [3, 0x80, 0xbf];
  if (first === 0xf0) return [4, 0x90, 0xbf];
  if (first >= 0xf1 && first <= 0xf3) return [4, 0x80, 0xbf];
  if (first === 0xf4) return [4, 0x80, 0x8f];
  return null;
}

/**
 * The rune UTF-8 encodes at bytes[at], and its width, as Go's
 * utf8.DecodeRune reads it: null for a byte that starts no valid encoding
 * (a stray continuation byte, a truncated, overlong or surrogate sequence).
 */
function decodeRune(bytes: Uint8Array, at: number): { rune: number; width: number } | null {
  const first = bytes[at];
  if (first < 0x80) return { rune: first, width: 1 };
  const lead = leadOf(first);
  if (!lead) return null;
  const [width, low, high] = lead;
  if (at + width > bytes.length) return null;
  if (bytes[at + 1] < low || bytes[at + 1] > high) return null;
  let rune = first & (0xff >> (width + 1));
  for (let index = 1; index < width; index++) {
    const byte = bytes[at + index];
    if (index > 1 && (byte < 0x80 || byte > 0xbf)) return null;
    rune = (rune << 6) | (byte & 0x3f);
  }
  return { rune, width };
}

/**
 * Go's %q of a string, strconv.Quote, over its bytes: in double quotes, `"`
 * and `\` escaped with a backslash, printable runes as they are, \a \b
 * \f \n \r \t \v, other ASCII controls and each byte that is no valid
 * UTF-8 as \xNN, other non-printable runes as \uNNNN or \UNNNNNNNN.
 * Printable is unicode.IsPrint, taken here as JavaScript's Unicode
 * categories L, M, N, P and S plus the ASCII space: right but for code
 * points the two Unicode versions assign differently.
 */
export function goQuote(bytes: Uint8Array): string {
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  let quoted = '"';
  for (let at = 0; at < bytes.length;) {
    const decoded = decodeRune(bytes, at);
    if (!decoded) {
      quoted += `\\x${hex(bytes[at], 2)}`;
      at += 1;
      continue;
    }
    const { rune, width } = decoded;
    at += width;
    const char = String.fromCodePoint(rune);
    if (rune === 0x22 || rune === 0x5c) quoted += `\\${char}`;
    else if (
      rune === 0x20 ||
      (rune > 0x20 && rune < 0x7f) ||
      (rune >= 0x80 && PRINTABLE.test(char))
    )
      quoted += char;
    else if (GO_ESCAPES[rune]) quoted += GO_ESCAPES[rune];
    else if (rune < 0x20 || rune === 0x7f) quoted += `\\x${hex(rune, 2)}`;
    else if (rune < 0x10000) quoted += `\\u${hex(rune, 4)}`;
    else quoted += `\\U${hex(rune, 8)}`;
  }
  return `${quoted}"`;
}

export type GofrsParse = { id: string; error?: undefined } | { id?: undefined; error: string };

/**
 * gofrs/uuid v4.4.0's FromString (codec.go:63-111, Parse), over the text's UTF-8
 * bytes as Go counts them: 32 hex digits, the 8-4-4-4-12 form, either in
 * braces (34 or 38 bytes) or behind "urn:uuid:" in lower case (41 or 45),
 * digits in either case. Answers the canonical form (lower case, the
 * store's ids), or the error's text word for word. Text a JavaScript
 * string cannot hold (bytes that are no UTF-8) never reaches it.
 */
export function parseGofrsUUID(value: string): GofrsParse {
  let bytes = utf8.encode(value);
  const wrongFormat = (shown: Uint8Array) => ({
    error: `uuid: incorrect UUID format in string ${goQuote(shown)}`,
  });
  switch (bytes.length) {
    case 32:
    case 36:
      break;
    case 34:
    case 38:
      if (bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d) return wrongFormat(bytes);
      bytes = bytes.subarray(1, -1);
      break;
    case 41:
    case 45:
      if (byteText(bytes.subarray(0, 9)) !== 'urn:uuid:') return wrongFormat(bytes.subarray(0, 9));
      bytes = bytes.subarray(9);
      break;
    default:
      return {
        error: `uuid: incorrect UUID length ${bytes.length} in string ${goQuote(bytes)}`,
      };
  }
  let digits = bytes;
  if (bytes.length === 36) {
    if ([8, 13, 18, 23].some((at) => bytes[at] !== 0x2d)) return wrongFormat(bytes);
    digits = bytes.filter((_, at) => ![8, 13, 18, 23].includes(at));
  }
  if (!digits.every(isHexByte)) return { error: 'uuid: invalid UUID format' };
  const text = byteText(digits).toLowerCase();
  return {
    id: [
      text.slice(0, 8),
      text.slice(8, 12),
      text.slice(12, 16),
      text.slice(16, 20),
      text.slice(20),
    ].join('-'),
  };
}

/** gofrs' FromString error text for the value, or null when it parses. */
export function gofrsUUIDError(value: string): string | null {
  return parseGofrsUUID(value).error ?? null;
}

/**
 * What the handlers make of a UUID text (gofrs' FromString, parseGofrsUUID):
 * its canonical form, or null where it fails.
 */
export function gofrsUUID(value: string): string | null {
  return parseGofrsUUID(value).id ?? null;
}

// strfmt.ParseDateTime's layouts, near enough; its last one is a bare date.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** go-openapi's strfmt formats; any other format name (telephone, x-email, zip) checks nothing. */
const FORMATS: Record<string, { name: string; goType: string; test: (value: string) => boolean }> =
  {
    uuid: { name: 'uuid', goType: 'strfmt.UUID', test: isStrfmtUUID },
    date: { name: 'date', goType: 'strfmt.Date', test: isDate },
    'date-time': {
      name: 'date-time',
      goType: 'strfmt.DateTime',
      test: (value) => DATE_TIME.test(value),
    },
  };

/** Whether a body's date or date-time parses as strfmt parses it ("" is the zero date-time). */
function parsesAsTime(format: unknown, value: string): boolean {
  if (format === 'date') return isDate(value);
  if (format === 'date-time') return value === '' || DATE_TIME.test(value);
  return true;
}

class SchemaError extends Error {}

// Go's regexp syntax for these patterns is JavaScript's.
const patterns = new Map<string, RegExp>();
const patternOf = (source: string) => {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
};

/** The generated Validate methods: the first rule a value breaks, as go-openapi words it. */
function check(
  schema: Schema,
  value: unknown,
  path: string,
  where: string,
  readOnlyPass: boolean,
): void {
  const flat = flatten(schema);
  // A custom Go type (x-go-type), even one wrapped in allOf beside length
  // rules (ntsTac), validates itself: these take any string or null.
  if (flat['x-go-type']) return;
  if (value === null || value === undefined) return;
  // readOnly is ContextValidate's, which runs after every Validate rule.
  if (readOnlyPass) {
    if (flat.readOnly === true && !isZero(value)) {
      throw new SchemaError(`${path} in ${where} is readOnly`);
    }
  } else if (typeof value === 'string') {
    if (typeof flat.minLength === 'number' && [...value].length < flat.minLength) {
      throw new SchemaError(`${path} in ${where} should be at least ${flat.minLength} chars long`);
    }
    if (typeof flat.maxLength === 'number' && [...value].length > flat.maxLength) {
      throw new SchemaError(`${path} in ${where} should be at most ${flat.maxLength} chars long`);
    }
    if (typeof flat.pattern === 'string' && !patternOf(flat.pattern).test(value)) {
      throw new SchemaError(`${path} in ${where} should match '${flat.pattern}'`);
    }
    if (Array.isArray(flat.enum) && !flat.enum.includes(value)) {
      const values = flat.enum.filter((member) => member !== null).join(' ');
      throw new SchemaError(`${path} in ${where} should be one of [${values}]`);
    }
    const format = FORMATS[flat.format as string];
    if (format && !format.test(value)) {
      throw new SchemaError(`${path} in ${where} must be of type ${format.name}: "${value}"`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      check(flat.items as Schema, item, `${path}.${index}`, where, readOnlyPass),
    );
    return;
  }
  if (typeof value === 'object') checkObject(schema, value, path, where, [], readOnlyPass);
}

function checkObject(
  schema: Schema,
  value: unknown,
  path: string,
  where: string,
  skip: readonly string[],
  readOnlyPass: boolean,
) {
  const flat = flatten(schema);
  if (flat.type !== 'object' || typeof value !== 'object' || value === null) return;
  const body = value as Json;
  const properties = (flat.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((flat.required as string[] | undefined) ?? []);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  // The generated model checks its properties in the order of their names.
  for (const [key, field] of Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (skip.includes(key)) continue;
    const present = Object.hasOwn(body, key) && body[key] !== null;
    if (!readOnlyPass && required.has(key) && !present) {
      throw new SchemaError(`${at(key)} in ${where} is required`);
    }
    if (Object.hasOwn(body, key) && !plainZero(field, body[key], required.has(key))) {
      check(field, body[key], at(key), where, readOnlyPass);
    }
  }
}

/**
 * An empty string in a field Go holds as a plain string (neither required
 * nor nullable, so no pointer): its zero value, which every rule lets pass.
 */
function plainZero(schema: Schema, value: unknown, required: boolean): boolean {
  if (value !== '' || required) return false;
  const flat = flatten(schema);
  return flat.nullable !== true && !(Array.isArray(flat.enum) && flat.enum.includes(null));
}

/** Go's zero values, which readOnly lets through: false, 0, "" for plain fields. */
function isZero(value: unknown): boolean {
  return value === false || value === 0;
}

function queryValue(search: URLSearchParams, parameter: Json): { raw: string[] } | undefined {
  const name = parameter.name as string;
  const all = search.getAll(name);
  if (all.length === 0) return undefined;
  const schema = resolve(parameter.schema as Schema);
  const last = all[all.length - 1];
  // An empty value passes every check: it is as if the parameter were absent.
  if (schema.type !== 'array') return last === '' ? undefined : { raw: [last] };
  // `multi` takes every value; csv (explode false) only the last one, split at
  // commas with the empty parts dropped (swag.SplitByFormat).
  if (parameter.explode === true) return { raw: all };
  const parts = last
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 ? { raw: parts } : undefined;
}

function bindQuery(parameter: Json, raw: string[]): string | number | string[] {
  const name = parameter.name as string;
  const schema = resolve(parameter.schema as Schema);
  const scalar = (value: string, item: Schema, label: string): string | number => {
    if (item.type === 'integer') {
      if (!/^[+-]?\d+$/.test(value)) {
        throw new SchemaError(`${label} in query must be of type int64: "${value}"`);
      }
      return Number(value);
    }
    if (Array.isArray(item.enum) && !item.enum.includes(value)) {
      throw new SchemaError(`${label} in query should be one of [${item.enum.join(' ')}]`);
    }
    const format = FORMATS[item.format as string];
    if (format && !format.test(value)) {
      throw new SchemaError(`${label} in query must be of type ${format.goType}: "${value}"`);
    }
    return value;
  };
  if (schema.type !== 'array') return scalar(raw[0], schema, name);
  const items = resolve(schema.items as Schema);
  const values = raw.map((value, index) => String(scalar(value, items, `${name}.${index}`)));
  if (schema.uniqueItems === true && new Set(values).size !== values.length) {
    throw new SchemaError(`${name} in query shouldn't contain duplicates`);
  }
  return values;
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get('Content-Type') ?? 'application/octet-stream')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/**
 * The first JSON value of the text, as Go's decoder reads it: what follows
 * that value is never looked at. Throws when there is no whole value.
 */
function firstJsonValue(text: string): unknown {
  const start = text.length - text.trimStart().length;
  const opening = text[start];
  if (opening !== '{' && opening !== '[') {
    // A string, number, literal: up to the first white space after it.
    const token = /^("(?:[^"\\]|\\.)*"|[^\s]+)/.exec(text.slice(start));
    return JSON.parse(token ? token[0] : text);
  }
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return JSON.parse(text.slice(start, index + 1));
    }
  }
  return JSON.parse(text);
}

/** Go's JSON syntax errors, near enough: the first character that cannot start a value. */
function syntaxError(text: string): string {
  const first = text.trimStart()[0];
  if (first === undefined || '{["-0123456789tfn'.includes(first)) return 'unexpected EOF';
  return `invalid character '${first}' looking for beginning of value`;
}

/**
 * Binds the request as the generated server would, or answers the framework's
 * refusal. `text` is the body as sent (the caller reads it once).
 */
export function bind(
  binding: Binding,
  request: Request,
  pathParams: Record<string, string | readonly string[] | undefined>,
  text: string,
): BindResult {
  const info = operationInfo(binding.operationId);
  const order = binding.bindOrder ?? [
    ...info.parameters.map((parameter) => parameter.name as string),
    ...(info.body ? ['body'] : []),
  ];
  const bound: Bound = { path: {}, query: {}, ifMatch: null, body: undefined };
  // A body of white space only has a length (so its content type is
  // looked at) but no value: the decoder meets its end at once.
  const hasBody = text.length > 0;
  const hasValue = text.trim().length > 0;

  // The content type of a body is looked at before any parameter.
  if (hasBody && mediaTypeOf(request) !== 'application/json') {
    return {
      response: framework(
        415,
        `unsupported media type "${mediaTypeOf(request)}", only [application/json] are allowed`,
      ),
    };
  }

  const search = new URL(request.url).searchParams;
  try {
    for (const name of order) {
      if (name === 'body') {
        const bodyName = binding.bodyName ?? 'body';
        const body = info.body;
        if (!body) continue;
        if (!hasValue) {
          if (body.required) throw new SchemaError(`${bodyName} in body is required`);
          continue;
        }
        let value: unknown;
        try {
          value = firstJsonValue(text);
        } catch {
          return {
            response: framework(
              400,
              `parsing ${bodyName} body from "" failed, because ${syntaxError(text)}`,
            ),
          };
        }
        try {
          decode(body.schema, value, '', modelName(body.schema));
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error;
          return {
            response: framework(
              400,
              `parsing ${bodyName} body from "" failed, because ${error.message}`,
            ),
          };
        }
        // null decodes into the model as nothing at all: an empty object.
        if (value === null) value = {};
        checkObject(body.schema, value, '', 'body', binding.unvalidated ?? [], false);
        checkObject(body.schema, value, '', 'body', binding.unvalidated ?? [], true);
        bound.body = value;
        continue;
      }
      const parameter = info.parameters.find((candidate) => candidate.name === name);
      if (!parameter) throw new Error(`${binding.operationId} has no parameter ${name}`);
      switch (parameter.in) {
        case 'header': {
          const value = request.headers.get(name);
          if ((value === null || value === '') && parameter.required === true) {
            // RFC 9110's reading (profile.ts): a write without If-Match is 428 Precondition Required.
            if (name === 'If-Match' && mockProfile() === 'rfc9110') {
              return { response: framework(428, `${name} in header is required`) };
            }
            throw new SchemaError(`${name} in header is required`);
          }
          if (name === 'If-Match') bound.ifMatch = value;
          break;
        }
        case 'path': {
          const raw = pathParams[name];
          const value = typeof raw === 'string' ? decodeURIComponent(raw) : '';
          const format = resolve(parameter.schema as Schema).format;
          if (format === 'uuid' && !isStrfmtUUID(value)) {
            throw new SchemaError(`${name} in path must be of type strfmt.UUID: "${value}"`);
          }
          // The handlers read such an id with gofrs' FromString(OrNil) (e.g.
          // mto_shipment.go:591, customer.go:60, orders.go:40): they get its
          // canonical form. Text strfmt takes and gofrs does not ("(…)") stays
          // as it is and names no record, as the nil UUID names none.
          bound.path[name] = format === 'uuid' ? (gofrsUUID(value) ?? value) : value;
          break;
        }
        case 'query': {
          const raw = queryValue(search, parameter);
          if (raw) bound.query[name] = bindQuery(parameter, raw.raw);
          break;
        }
      }
    }
  } catch (error) {
    if (error instanceof SchemaError) return { response: framework(422, error.message) };
    throw error;
  }
  return { bound };
}
