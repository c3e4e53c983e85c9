// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ifMatchHolds } from './ifMatch';

const TAG = 'MjAyNi0wMS0wNVQxNDowMDowMC4wMDAwMDAwMDBa';

describe('If-Match evaluation (RFC 9110)', () => {
  it.each([
    ['the quoted eTag', `"${TAG}"`],
    ['the bare eTag the reference clients send', TAG],
    ['the quoted eTag with surrounding whitespace', `  "${TAG}"\t`],
    ['*, since the record exists', '*'],
    ['a list with one matching member', `"old", "${TAG}"`],
    ['a list without spaces', `"old","${TAG}"`],
    ['a list with empty members', `, "old",, "${TAG}" ,`],
  ])('holds for %s', (_, header) => {
    expect(ifMatchHolds(header, TAG)).toBe(true);
  });

  it.each([
    ['a weak tag, which never matches strongly', `W/"${TAG}"`],
    ['a weak tag in a list', `"old", W/"${TAG}"`],
    ['a list with no matching member', '"old", "older"'],
    ['a different eTag', '"c3RhbGU="'],
    ['an unterminated quote', `"${TAG}`],
    ['a quote inside the tag', `"${TAG}"x"`],
    ['two tags without a comma', `"old" "${TAG}"`],
    ['a bare list', `old, ${TAG}`],
    ['a bare weak tag', `W/${TAG}`],
    ['* inside a list', `"old", *`],
    ['a bare eTag with a space inside', `${TAG} x`],
    ['only commas', ', ,'],
    ['an empty quoted tag', '""'],
  ])('fails for %s', (_, header) => {
    expect(ifMatchHolds(header, TAG)).toBe(false);
  });
});
