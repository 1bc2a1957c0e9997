// Seeded randomness for the generator. Everything random comes from here (never Math.random), so
// the same (seed, customer index) always yields the same customer on every machine.

/** Murmur3's 32-bit finaliser: a cheap, well-mixed bijection on 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes integers and short strings into one 32-bit value (order matters). */
export function hashParts(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    if (typeof p === "number") {
      // Whole numbers beyond 32 bits (seeds) contribute both halves.
      const lo = p >>> 0;
      const hi = Math.floor(p / 0x1_0000_0000) >>> 0;
      h = fmix32(h ^ lo) + 0x632be5ab;
      h = fmix32(h ^ hi) + 0x1b873593;
    } else {
      for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193) >>> 0;
      h = fmix32(h ^ p.length);
    }
  }
  return fmix32(h);
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128-bit state. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = fmix32(seed ^ 0x243f6a88);
    this.b = fmix32(seed ^ 0x85a308d3);
    this.c = fmix32(seed ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A generator for one named concern, e.g. `Rng.for(seed, index, "card", 0)`. */
  static for(...parts: ReadonlyArray<number | string>): Rng {
    return new Rng(hashParts(...parts));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform whole number in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffled(items).slice(0, Math.max(0, Math.min(count, items.length)));
  }

  /** Roughly normal (Irwin–Hall of 4), mean 0, sd 1, bounded to ±3.5. */
  gauss(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508075688772;
  }

  /** A positive amount around `median`, spread multiplicatively (log-normal-ish). */
  around(median: number, spread: number): number {
    return median * Math.exp(spread * this.gauss());
  }
}
