// A small seeded PRNG, so that the seed data is the same on every reset.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  digits(count: number): string;
  /** A version 4 UUID built from the generator's bytes. */
  uuid(): string;
}

// mulberry32: tiny, fast and good enough for realistic-looking test data.
// Answers an unsigned 32-bit integer.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

// Table lookups: toString(16) dominated the time of a 10,000-move seed.
const HEX4 = Array.from({ length: 0x10000 }, (_, n) => n.toString(16).padStart(4, '0'));
const hex8 = (word: number) => HEX4[word >>> 16] + HEX4[word & 0xffff];

export function seededRandom(seed: number): Random {
  const word = mulberry32(seed);
  const next = () => word() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (probability) => next() < probability,
    digits: (count) => String(int(0, 10 ** count - 1)).padStart(count, '0'),
    uuid() {
      // Version 4 in the 13th hex digit, variant 10xx in the 17th.
      const hex =
        hex8(word()) +
        hex8((word() & 0xffff0fff) | 0x4000) +
        hex8((word() & 0x3fffffff) | 0x80000000) +
        hex8(word());
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
