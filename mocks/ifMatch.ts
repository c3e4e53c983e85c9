// Whether a write's If-Match names the record's version, in each profile
// (profile.ts). The real server compares the raw header with the eTag as
// plain strings. RFC 9110 §13.1.1 evaluates quoted tags, lists and `*`; that
// profile also takes the bare unquoted eTag MilMove's clients send. Anything
// malformed never matches: a client that cannot state which version it saw
// must not win a write.
import { eTagOf } from './clock';
import { mockProfile } from './profile';

// Hand-written scanners, one pass each: a value of any length costs time in
// proportion to it (regular expressions with two adjacent `[ \t]*` backtrack
// quadratically on a long run of blanks).
const isOws = (code: number) => code === 0x20 || code === 0x09;
// etagc = %x21 / %x23-7E / obs-text (%x80-FF)
const isEtagc = (code: number) =>
  code === 0x21 || (code >= 0x23 && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
// The bare form: etagc characters without commas.
const isBareChar = (code: number) => isEtagc(code) && code !== 0x2c && code <= 0x7e;

function isBareTag(value: string): boolean {
  if (value === '') return false;
  for (let index = 0; index < value.length; index++) {
    if (!isBareChar(value.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * Whether a list (RFC 9110 §5.6.1: members separated by commas with OWS
 * around them, empty members allowed) is well formed and names `eTag` as a
 * strong tag. Anything malformed anywhere in the list never matches.
 */
function listNamesStrongly(value: string, eTag: string): boolean {
  const end = value.length;
  let matched = false;
  let at = 0;
  while (at < end) {
    while (at < end && isOws(value.charCodeAt(at))) at++;
    if (at === end) break;
    if (value[at] === ',') {
      at++; // an empty member
      continue;
    }
    const weak = value.startsWith('W/', at);
    if (weak) at += 2;
    if (value[at] !== '"') return false;
    const tagStart = ++at;
    while (at < end && isEtagc(value.charCodeAt(at))) at++;
    if (value[at] !== '"') return false; // unterminated, or a character no tag may hold
    // Strong comparison: a weak tag never matches.
    if (!weak && value.slice(tagStart, at) === eTag) matched = true;
    at++;
    while (at < end && isOws(value.charCodeAt(at))) at++;
    if (at < end && value[at++] !== ',') return false; // junk, or two tags without a comma
  }
  return matched;
}

/** The value without leading or trailing OWS (SP, HTAB), and nothing else. */
function stripOws(header: string): string {
  let start = 0;
  let end = header.length;
  while (start < end && isOws(header.charCodeAt(start))) start++;
  while (end > start && isOws(header.charCodeAt(end - 1))) end--;
  return header.slice(start, end);
}

export function ifMatchHolds(header: string, eTag: string): boolean {
  return mockProfile() === 'ghc' ? header === eTag : rfc9110Holds(header, eTag);
}

/** RFC 9110's strong comparison, plus the bare tag. */
export function rfc9110Holds(header: string, eTag: string): boolean {
  // Only OWS (SP / HTAB) surrounds a field value; String#trim would also drop
  // \v, \f, NBSP and other characters that make the value malformed.
  const value = stripOws(header);
  if (value === '*') return true;
  if (!value.includes('"')) return isBareTag(value) && !value.startsWith('W/') && value === eTag;
  return listNamesStrongly(value, eTag);
}

/** Whether a write's If-Match names the row's current version. */
export function namesVersion(ifMatch: string | null, row: { updatedAt: string }): boolean {
  return ifMatch !== null && ifMatchHolds(ifMatch, eTagOf(row.updatedAt));
}
