/**
 * Seeded PRNG for the dataset generator. Every random choice in a dataset comes from a stream
 * derived from (seed, label), so one dataset's bytes never depend on how many numbers another
 * dataset drew.
 */

/** FNV-1a over the label: a stable 32-bit number per stream name. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number, label = '') {
    this.state = (seed ^ hashLabel(label)) >>> 0 || 0x9e3779b9;
  }

  /** A child stream: independent of how much this one has been used afterwards. */
  fork(label: string): Rng {
    return new Rng(this.state, label);
  }

  /** mulberry32: small, fast, good enough for synthetic logs. Returns [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by weight: entries are [item, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of entries) {
      r -= w;
      if (r < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** n lowercase hex digits. */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }

  /** A random GUID in registry form: {xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}, upper case. */
  guid(): string {
    const y = (8 + Math.floor(this.next() * 4)).toString(16);
    return `{${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${y}${this.hex(3)}-${this.hex(12)}}`.toUpperCase();
  }
}
