import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, createCsrfTokenReader } from './csrf';

type ChangeListener = Parameters<
  NonNullable<Parameters<typeof createCsrfTokenReader>[1]>['addEventListener']
>[1];

/** document.cookie, counting its reads, and a browser that tells of changes when asked. */
function page(cookie: string) {
  const jar = { cookie, reads: 0 };
  const listeners: ChangeListener[] = [];
  return {
    jar,
    readCookies: () => {
      jar.reads += 1;
      return jar.cookie;
    },
    changes: {
      addEventListener: (_type: 'change', listener: ChangeListener) => listeners.push(listener),
    },
    /** The cookie changes, and the browser tells of it. */
    tell(value: string | null) {
      jar.cookie = value === null ? 'other=1' : `${CSRF_COOKIE}=${value}; other=1`;
      for (const listener of listeners) {
        listener(
          value === null
            ? { changed: [], deleted: [{ name: CSRF_COOKIE }] }
            : { changed: [{ name: CSRF_COOKIE, value }], deleted: [] },
        );
      }
    },
  };
}

describe('the CSRF token reader', () => {
  it('reads the cookie on every call where the browser tells of no changes', () => {
    const { jar, readCookies } = page(`${CSRF_COOKIE}=one`);
    const reader = createCsrfTokenReader(readCookies);
    expect(reader.read()).toBe('one');
    jar.cookie = `${CSRF_COOKIE}=two`;
    expect(reader.read()).toBe('two');
    expect(jar.reads).toBe(2);
  });

  it('keeps the token it read until an answer comes, then reads the cookie again', () => {
    const { jar, readCookies, changes } = page(`other=1; ${CSRF_COOKIE}=one`);
    const reader = createCsrfTokenReader(readCookies, changes);
    expect(reader.read()).toBe('one');
    expect(reader.read()).toBe('one');
    expect(jar.reads).toBe(1);
    // An answer renewed the cookie before the browser told of it.
    jar.cookie = `${CSRF_COOKIE}=two`;
    reader.answered();
    expect(reader.read()).toBe('two');
    expect(jar.reads).toBe(2);
  });

  it('takes the token the browser tells of, and forgets a deleted one', () => {
    const { jar, readCookies, changes, tell } = page(`${CSRF_COOKIE}=one`);
    const reader = createCsrfTokenReader(readCookies, changes);
    expect(reader.read()).toBe('one');
    tell('renewed by another tab');
    expect(reader.read()).toBe('renewed by another tab');
    tell(null);
    expect(reader.read()).toBeUndefined();
    expect(jar.reads).toBe(1);
  });

  it('after an answer, reads the cookie before it trusts what the browser tells', () => {
    const { jar, readCookies, changes, tell } = page(`${CSRF_COOKIE}=one`);
    const reader = createCsrfTokenReader(readCookies, changes);
    expect(reader.read()).toBe('one');
    reader.answered();
    // Told of an older change after the answer: the cookie is read all the same.
    tell('two');
    jar.cookie = `${CSRF_COOKIE}=three`;
    expect(reader.read()).toBe('three');
    expect(jar.reads).toBe(2);
  });
});
