/**
 * Clock formats. Times inside the generator are milliseconds since the epoch (activity time) plus
 * a sub-millisecond tick count (0..9999, units of 100 ns) where Windows records finer times.
 */

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Sysmon's UtcTime / CreationUtcTime: 'YYYY-MM-DD HH:MM:SS.mmm'. */
export function sysmonUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** <TimeCreated SystemTime=…>: ISO-8601 with nine fraction digits, 100 ns resolution, as in the samples. */
export function systemTime(ms: number, ticks: number): string {
  const iso = new Date(ms).toISOString(); // 2026-10-05T09:14:07.123Z
  return `${iso.slice(0, 23)}${pad(ticks, 4)}00Z`;
}

/** Task Scheduler XML dates: local-less 'YYYY-MM-DDTHH:MM:SS' (seconds only). */
export function taskDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Zeek JSON 'ts' as written (a JSON number): epoch seconds with six fraction digits. */
export function zeekTs(ms: number, micros: number): string {
  return `${Math.floor(ms / 1000)}.${pad((ms % 1000) * 1000 + micros, 6)}`;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad time literal ${iso}`);
  return ms;
}
