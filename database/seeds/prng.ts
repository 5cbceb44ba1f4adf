/**
 * Seeded pseudo-random numbers (sfc32, 128-bit state), so the same options give the same data.
 * Math.random is never used. `fork(label)` derives an independent stream per concern, so adding
 * a field in one phase does not reshuffle the others.
 */

const hashString = (text: string): number => {
  // FNV-1a, 32 bits
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** splitmix32: spreads a 32-bit seed over the 4 words of sfc32's state. */
const splitmix32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
};

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex32 = (n: number) => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number, readonly label = 'root') {
    const mix = splitmix32((seed >>> 0) ^ hashString(label));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 12; i += 1) this.u32();
  }

  /** An independent stream for one concern, e.g. rng.fork('customers'). */
  fork(label: string): Rng {
    return new Rng(this.seed, `${this.label}/${label}`);
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
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
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a key by weight: { a: 3, b: 1 } gives 'a' three times out of four. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let roll = this.next() * total;
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` decimal digits as a string (leading zeros allowed). */
  digits(count: number): string {
    let out = '';
    while (out.length < count) out += String(this.u32() % 1000000000).padStart(9, '0');
    return out.slice(0, count);
  }

  /** A 24-character lowercase alphanumeric id starting with a letter, like Strapi's documentId. */
  documentId(): string {
    let out = ALNUM[this.u32() % 26];
    while (out.length < 24) {
      let n = this.u32();
      for (let i = 0; i < 6 && out.length < 24; i += 1) {
        out += ALNUM[n % 36];
        n = Math.floor(n / 36);
      }
    }
    return out;
  }

  /** A version-4-shaped UUID (the form of a document line's key), from this stream. */
  uuid(): string {
    const a = hex32(this.u32());
    const b = hex32(((this.u32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = hex32(((this.u32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex32(this.u32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
