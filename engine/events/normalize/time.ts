/**
 * Timestamps as Windows sources write them → epoch milliseconds.
 *
 * Accepted: `2021-01-14T23:41:40.145335200Z` (System/TimeCreated, 100 ns digits), `2021-01-14
 * 23:41:39.938` (Sysmon UtcTime, NXLog EventTime), with an optional `Z` or `±hh:mm` offset.
 * Without an offset the time is read as UTC: that is right for UtcTime, and for collector-local
 * times (NXLog EventTime, some TimeCreated) there is no offset to know — which is one reason the
 * default replay clock is Sysmon's UtcTime (see ./clock.ts).
 */
const RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const m = RE.exec(s.trim());
  if (!m) return undefined;
  const frac = m[7] ? Number((m[7] + '000').slice(0, 3)) : 0;
  let ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, frac);
  const z = m[8];
  if (z && z !== 'Z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/** Epoch seconds (Zeek `ts`, possibly fractional) → ms. */
export function fromEpochSeconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.round(n * 1000) : undefined;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
