// @vitest-environment node
// Property tests of the If-Match evaluation: the rfc9110 profile against a
// small reference model of RFC 9110 §13.1.1 written here, independently of
// mocks/ifMatch.ts; the ghc profile against the real server's plain string
// comparison; and the hand-written scanner against the regular expressions
// it replaced, which backtracked on long runs of blanks.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { eTagOf, formatStamp, microsecondsOf } from './clock';
import { ifMatchHolds, rfc9110Holds } from './ifMatch';
import { setMockProfile } from './profile';

const SEED = 20260105;
const NUM_RUNS = 12_000;

// ---------------------------------------------------------------------------
// Reference model (RFC 9110):
//   If-Match    = "*" / #entity-tag
//   entity-tag  = [ weak ] opaque-tag ; weak = %s"W/"
//   opaque-tag  = DQUOTE *etagc DQUOTE
//   etagc       = %x21 / %x23-7E / obs-text ; obs-text = %x80-FF
//   #rule       : comma-separated, OWS around commas, empty members allowed
//   OWS         = *( SP / HTAB ); a field value has no leading/trailing OWS.
// Strong comparison: a weak tag never matches; the quotes belong to the tag.
// The profile also takes the bare unquoted eTag MilMove's clients send.
// Anything malformed never matches.
// ---------------------------------------------------------------------------
const isOws = (c: string) => c === ' ' || c === '\t';

function isEtagc(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 0x21 || (code >= 0x23 && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
}

function stripOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isOws(value[start])) start++;
  while (end > start && isOws(value[end - 1])) end--;
  return value.slice(start, end);
}

/** The tags of a well-formed list, or null when the value is malformed. */
function parseList(value: string): { weak: boolean; tag: string }[] | null {
  const tags: { weak: boolean; tag: string }[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && isOws(value[i])) i++;
    if (i === n) break;
    if (value[i] === ',') {
      i++; // an empty member
      continue;
    }
    let weak = false;
    if (value.startsWith('W/', i)) {
      weak = true;
      i += 2;
    }
    if (value[i] !== '"') return null;
    i++;
    const start = i;
    while (i < n && value[i] !== '"') {
      if (!isEtagc(value[i])) return null;
      i++;
    }
    if (i === n) return null; // unterminated
    tags.push({ weak, tag: value.slice(start, i) });
    i++;
    while (i < n && isOws(value[i])) i++;
    if (i < n) {
      if (value[i] !== ',') return null; // two tags without a comma, junk after a tag
      i++;
    }
  }
  return tags;
}

function referenceHolds(header: string, currentETag: string): boolean {
  const value = stripOws(header);
  if (value === '') return false;
  if (value === '*') return true; // the record exists
  if (value === currentETag) return true; // the bare eTag
  const tags = parseList(value);
  if (tags === null) return false;
  return tags.some(({ weak, tag }) => !weak && tag === currentETag);
}

// The regular-expression version mocks/ifMatch.ts had before its scanner,
// kept as it was: the scanner must read every ordinary header as it did.
// ---------------------------------------------------------------------------
const OLD_MEMBER = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|$)/y;
const OLD_BARE = /^[\x21\x23-\x2b\x2d-\x7e]+$/;

function regexHolds(header: string, eTag: string): boolean {
  const value = header.replace(/^[ \t]+|[ \t]+$/g, '');
  if (value === '*') return true;
  if (!value.includes('"'))
    return OLD_BARE.test(value) && !value.startsWith('W/') && value === eTag;
  const strongTags: string[] = [];
  OLD_MEMBER.lastIndex = 0;
  while (OLD_MEMBER.lastIndex < value.length) {
    const match = OLD_MEMBER.exec(value);
    if (!match) return false;
    if (match[2] !== undefined && !match[1]) strongTags.push(match[2]);
  }
  return strongTags.includes(eTag);
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------
// The server's clock, in microseconds: 2000 to 2099.
const MIN_US = microsecondsOf(Date.UTC(2000, 0, 1));
const MAX_US = microsecondsOf(Date.UTC(2099, 11, 31));

/** An eTag as the server derives it: base64 of a microsecond updated_at in RFC3339Nano. */
const eTagArb = fc.bigInt({ min: MIN_US, max: MAX_US }).map((us) => eTagOf(formatStamp(us)));

const etagcChar = fc.oneof(
  fc.constantFrom('!', '#', '+', '/', '=', ',', 'W', '*', '\x80', '\xff', 'é'),
  fc.integer({ min: 0x23, max: 0x7e }).map((code) => String.fromCharCode(code)),
);
const etagcString = fc.string({ unit: etagcChar, maxLength: 12 });

// Characters that look like whitespace or delimiters but are not OWS, plus OWS.
const oddChar = fc.constantFrom(
  ' ',
  '\t',
  '\xa0',
  '\v',
  '\f',
  '\r',
  '\n',
  '\u2028',
  '\ufeff',
  '"',
  '\\',
  ',',
  '\x00',
  '\x7f',
  '\u0100',
);
const ows = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });
const edgeSpace = fc.oneof(
  { weight: 4, arbitrary: ows },
  { weight: 1, arbitrary: fc.string({ unit: oddChar, maxLength: 2 }) },
);

function mutate(tag: string) {
  return fc.oneof(
    fc.constant(tag.slice(0, -1)),
    fc.constant(`${tag}=`),
    fc.constant(` ${tag}`),
    fc.constant(tag.toLowerCase()),
    fc.constant(tag.toUpperCase()),
    fc.constant(`${tag.slice(0, 4)}x${tag.slice(5)}`),
  );
}

/** One list member: well-formed, weak, empty or malformed. */
function memberArb(current: string, other: string) {
  const tagText = fc.oneof(
    { weight: 4, arbitrary: fc.constant(current) },
    { weight: 2, arbitrary: fc.constant(other) },
    { weight: 2, arbitrary: etagcString },
    { weight: 1, arbitrary: mutate(current) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: tagText.map((t) => `"${t}"`) },
    { weight: 3, arbitrary: tagText.map((t) => `W/"${t}"`) },
    { weight: 2, arbitrary: fc.constant('') },
    {
      weight: 2,
      arbitrary: tagText.chain((t) =>
        fc.constantFrom(
          t, // bare inside a list
          `w/"${t}"`,
          `W/${t}`,
          `"${t}`,
          `${t}"`,
          `"${t}"x`,
          `"${t}" "${t}"`,
          `"${t.slice(0, 3)}"${t.slice(3)}"`,
          `'${t}'`,
          `W/ "${t}"`,
          `"${t}\\"`,
          '*',
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tagText, fc.string({ unit: oddChar, minLength: 1, maxLength: 2 }), fc.nat(20))
        .map(([t, junk, at]) => {
          const quoted = `"${t}"`;
          const cut = at % (quoted.length + 1);
          return quoted.slice(0, cut) + junk + quoted.slice(cut);
        }),
    },
  );
}

const separator = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(ows, ows).map(([a, b]) => `${a},${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ';', ',,', '\xa0,', ',\n') },
);

function listArb(current: string, other: string) {
  return fc
    .tuple(
      fc.array(fc.tuple(memberArb(current, other), separator), { minLength: 1, maxLength: 5 }),
      edgeSpace,
      edgeSpace,
    )
    .map(([members, lead, trail]) => {
      const body = members.map(([member, sep], i) => (i === 0 ? member : sep + member)).join('');
      return lead + body + trail;
    });
}

function headerArb(current: string, other: string) {
  return fc.oneof(
    { weight: 10, arbitrary: listArb(current, other) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(edgeSpace, fc.constantFrom(current, other, `W/${current}`), edgeSpace)
        .map(([a, t, b]) => a + t + b),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(edgeSpace, edgeSpace).map(([a, b]) => `${a}*${b}`),
    },
    { weight: 1, arbitrary: mutate(current) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', ',', ', ,', '**', '"*"', 'W/*', '*,*') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  );
}

const caseArb = fc
  .tuple(eTagArb, eTagArb)
  .filter(([current, other]) => current !== other)
  .chain(([current, other]) =>
    headerArb(current, other).map((header) => ({ header, current, other })),
  );

afterEach(() => setMockProfile('ghc'));

describe('If-Match in the rfc9110 profile, property-based (RFC 9110 reference model)', () => {
  it('agrees with the reference model on every generated header', () => {
    let cases = 0;
    let holds = 0;
    fc.assert(
      fc.property(caseArb, ({ header, current }) => {
        cases++;
        const expected = referenceHolds(header, current);
        if (expected) holds++;
        expect(rfc9110Holds(header, current)).toBe(expected);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    console.log(`If-Match property: ${cases} cases, seed ${SEED}`);
    expect(cases).toBeGreaterThanOrEqual(10_000);
    // The generators must exercise both answers, not just the refusals.
    expect(holds).toBeGreaterThan(cases * 0.1);
    expect(holds).toBeLessThan(cases * 0.9);
  });

  it('the reference model itself agrees with the RFC examples', () => {
    const t = 'MjAyNi0wMS0wNVQxNDowMDowMC4xMjM0NTZa';
    expect(referenceHolds(`"${t}"`, t)).toBe(true);
    expect(referenceHolds(t, t)).toBe(true);
    expect(referenceHolds('*', t)).toBe(true);
    expect(referenceHolds(`, "a" ,, "${t}",`, t)).toBe(true);
    expect(referenceHolds(`W/"${t}"`, t)).toBe(false);
    expect(referenceHolds(`"a" "${t}"`, t)).toBe(false);
    expect(referenceHolds(`"a", *`, t)).toBe(false);
    expect(referenceHolds(`\xa0"${t}"`, t)).toBe(false);
    expect(referenceHolds(`"${t}`, t)).toBe(false);
  });

  it('a weak-only list never matches, whatever its tags', () => {
    fc.assert(
      fc.property(eTagArb, fc.array(etagcString, { maxLength: 4 }), (current, extra) => {
        const header = [current, ...extra].map((t) => `W/"${t}"`).join(', ');
        expect(rfc9110Holds(header, current)).toBe(false);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('a list of well-formed strong tags matches exactly when it names the current eTag', () => {
    fc.assert(
      fc.property(
        eTagArb,
        fc.array(fc.oneof(etagcString, eTagArb), { maxLength: 5 }),
        fc.boolean(),
        fc.nat(5),
        (current, tags, include, at) => {
          const list = tags.filter((t) => t !== current);
          if (include) list.splice(at % (list.length + 1), 0, current);
          const header = list.map((t) => `"${t}"`).join(' , ');
          expect(rfc9110Holds(header, current)).toBe(include);
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });
});

describe('the If-Match scanner, property-based (the regular expressions it replaced)', () => {
  it('answers every generated header as the regular expressions did', () => {
    let holds = 0;
    fc.assert(
      fc.property(caseArb, ({ header, current }) => {
        const expected = regexHolds(header, current);
        if (expected) holds++;
        expect(rfc9110Holds(header, current)).toBe(expected);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    expect(holds).toBeGreaterThan(NUM_RUNS * 0.1);
  });

  it('answers as they did around long runs of blanks, junk and commas', () => {
    const piece = fc.constantFrom(' ', '\t', ',', '"', 'W/', '\xa0', 'x', '*');
    fc.assert(
      fc.property(
        eTagArb,
        fc.array(fc.tuple(piece, fc.nat(60)), { maxLength: 6 }),
        fc.boolean(),
        (current, runs, quote) => {
          const padding = runs.map(([text, times]) => text.repeat(times)).join('');
          for (const header of [
            padding,
            `${padding}"${current}"${padding}`,
            `"${current}"${padding}`,
            quote ? `${padding}"${current}"` : `${padding}${current}`,
          ]) {
            expect(rfc9110Holds(header, current)).toBe(regexHolds(header, current));
          }
        },
      ),
      { numRuns: 2_000, seed: SEED },
    );
  });
});

describe('If-Match in the ghc profile, property-based', () => {
  it('holds exactly when the header is the eTag, whatever else the RFC would accept', () => {
    let rfcOnly = 0;
    fc.assert(
      fc.property(caseArb, ({ header, current }) => {
        expect(ifMatchHolds(header, current)).toBe(header === current);
        if (header !== current && referenceHolds(header, current)) rfcOnly++;
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    // Quoted tags, lists, `*` and padded values: the RFC takes them, the real server does not.
    expect(rfcOnly).toBeGreaterThan(NUM_RUNS * 0.1);
  });

  it('evaluates the RFC once the rfc9110 profile is on', () => {
    setMockProfile('rfc9110');
    fc.assert(
      fc.property(caseArb, ({ header, current }) => {
        expect(ifMatchHolds(header, current)).toBe(rfc9110Holds(header, current));
      }),
      { numRuns: 2_000, seed: SEED },
    );
  });
});
