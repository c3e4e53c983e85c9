// Every answer the app stores is checked once, here, for the fields the app
// keys it by (see models.ts): an answer without them is a broken contract,
// and rejects like any failed request instead of corrupting the store.

export class MalformedAnswer extends Error {
  override name = 'MalformedAnswer';
}

type Keys<T> = readonly (keyof T & string)[];

function check(value: unknown, what: string, keys: readonly string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedAnswer(`The server's ${what} is not an object.`);
  }
  const missing = keys.filter((key) => {
    const field = (value as Record<string, unknown>)[key];
    return field === undefined || field === null || field === '';
  });
  if (missing.length > 0) {
    throw new MalformedAnswer(`The server's ${what} lacks ${missing.join(', ')}.`);
  }
}

/** The answer as a T, once it has the fields K. */
export function expectRecord<T>(what: string, keys: Keys<T>) {
  return (value: unknown): T => {
    check(value, what, keys);
    return value as T;
  };
}

/** A list answer (an absent list is empty), each item checked. */
export function expectRecords<T>(what: string, keys: Keys<T>) {
  return (value: unknown): T[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value))
      throw new MalformedAnswer(`The server's ${what} list is not a list.`);
    value.forEach((item) => check(item, what, keys));
    return value as T[];
  };
}
