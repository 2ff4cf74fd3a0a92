/** Time helpers for SPL functions: `_time` as epoch seconds, and strftime in UTC (Splunk's ctime). */
import type { FieldValue } from '../values.ts';

/** Epoch seconds from an ECS @timestamp (ISO string) or a number (ms above 1e11, else seconds). */
export function toEpochSeconds(v: FieldValue): number | null {
  if (typeof v === 'number') return v > 1e11 ? v / 1000 : v;
  if (typeof v === 'string') {
    if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : ms / 1000;
  }
  return null;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formats epoch seconds with a strftime format, in UTC (dac has no local time zone). */
export function strftimeUtc(epochSeconds: number, format: string): string {
  const d = new Date(Math.floor(epochSeconds * 1000));
  const frac = epochSeconds - Math.floor(epochSeconds);
  const y = d.getUTCFullYear(), mo = d.getUTCMonth(), day = d.getUTCDate();
  const h = d.getUTCHours(), mi = d.getUTCMinutes(), s = d.getUTCSeconds();
  const yday = Math.floor((Date.UTC(y, mo, day) - Date.UTC(y, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) { out += c; continue; }
    let f = format[++i]!;
    // Splunk's subsecond forms: %3N, %6N, %9N (digits of the fraction), %N = %9N.
    let digits = 9;
    if (/\d/.test(f) && format[i + 1] === 'N') { digits = Number(f); f = format[++i]!; }
    switch (f) {
      case 'Y': out += pad(y, 4); break;
      case 'y': out += pad(y % 100); break;
      case 'm': out += pad(mo + 1); break;
      case 'd': out += pad(day); break;
      case 'e': out += String(day).padStart(2, ' '); break;
      case 'H': out += pad(h); break;
      case 'I': out += pad(((h + 11) % 12) + 1); break;
      case 'p': out += h < 12 ? 'AM' : 'PM'; break;
      case 'M': out += pad(mi); break;
      case 'S': out += pad(s); break;
      case 'j': out += pad(yday, 3); break;
      case 'a': out += DAYS[d.getUTCDay()]!.slice(0, 3); break;
      case 'A': out += DAYS[d.getUTCDay()]!; break;
      case 'b': out += MONTHS[mo]!.slice(0, 3); break;
      case 'B': out += MONTHS[mo]!; break;
      case 'F': out += `${pad(y, 4)}-${pad(mo + 1)}-${pad(day)}`; break;
      case 'T': out += `${pad(h)}:${pad(mi)}:${pad(s)}`; break;
      case 'z': out += '+0000'; break;
      case 'Z': out += 'UTC'; break;
      case 's': out += String(Math.floor(epochSeconds)); break;
      case 'N': out += frac.toFixed(9).slice(2, 2 + digits); break;
      case 'Q': out += frac.toFixed(3).slice(2); break;
      case '%': out += '%'; break;
      default: out += `%${f}`;
    }
  }
  return out;
}
