// Whether a write's If-Match names the record's version, in each profile
// (profile.ts). The real server compares the raw header with the eTag as
// plain strings. RFC 9110 §13.1.1 evaluates quoted tags, lists and `*`; that
// profile also takes the bare unquoted eTag MilMove's clients send. Anything
// malformed never matches: a client that cannot state which version it saw
// must not win a write.
import { eTagOf } from './clock';
import { mockProfile } from './profile';

// One list member (empty ones are allowed, RFC 9110 §5.6.1): an optional weak
// prefix and a quoted opaque tag, then a comma or the end of the value.
const MEMBER = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|$)/y;
// The bare form: etagc characters only, no quotes, commas or whitespace.
const BARE = /^[\x21\x23-\x2b\x2d-\x7e]+$/;

export function ifMatchHolds(header: string, eTag: string): boolean {
  return mockProfile() === 'ghc' ? header === eTag : rfc9110Holds(header, eTag);
}

/** RFC 9110's strong comparison, plus the bare tag. */
export function rfc9110Holds(header: string, eTag: string): boolean {
  // Only OWS (SP / HTAB) surrounds a field value; String#trim would also drop
  // \v, \f, NBSP and other characters that make the value malformed.
  const value = header.replace(/^[ \t]+|[ \t]+$/g, '');
  if (value === '*') return true;
  if (!value.includes('"')) return BARE.test(value) && !value.startsWith('W/') && value === eTag;

  const strongTags: string[] = [];
  MEMBER.lastIndex = 0;
  while (MEMBER.lastIndex < value.length) {
    const match = MEMBER.exec(value);
    if (!match) return false;
    // Strong comparison: a weak tag never matches.
    if (match[2] !== undefined && !match[1]) strongTags.push(match[2]);
  }
  return strongTags.includes(eTag);
}

/** Whether a write's If-Match names the row's current version. */
export function namesVersion(ifMatch: string | null, row: { updatedAt: string }): boolean {
  return ifMatch !== null && ifMatchHolds(ifMatch, eTagOf(row.updatedAt));
}
