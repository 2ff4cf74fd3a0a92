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
  const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
  // Date.UTC rolls over (month 13, day 45, hour 99): such a time is refused, not moved (issue 15).
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 60) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(sec, 59), frac);
  const z = m[8];
  if (z && z !== 'Z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) return undefined;
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return inDateRange(ms) ? ms : undefined;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** ECMAScript Dates cover ±8.64e15 ms; beyond, toISOString throws. */
export function inDateRange(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** Epoch seconds (Zeek `ts`, possibly fractional) → ms. */
export function fromEpochSeconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  const ms = Math.round(n * 1000);
  // Zeek `ts` of 1e300 is a number but no date: refused here, not thrown later by iso().
  return inDateRange(ms) ? ms : undefined;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
