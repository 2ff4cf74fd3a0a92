/** Substitution values for the EVTX writer, one helper per value type (arrays via `array`). */
import { ARRAY_FLAG, VT } from '../engine/events/evtx/binxml-tokens.ts';
import type { WNode, WValue } from './evtx-writer.ts';

function le(width: number, set: (dv: DataView) => void): Uint8Array {
  const b = new Uint8Array(width);
  set(new DataView(b.buffer));
  return b;
}
const v = (type: number, bytes: Uint8Array): WValue => ({ type, bytes });

export const nul = (): WValue => v(VT.Null, new Uint8Array(0));
export function utf16le(s: string): Uint8Array {
  return le(2 * s.length, (dv) => { for (let i = 0; i < s.length; i++) dv.setUint16(2 * i, s.charCodeAt(i), true); });
}
export const wstr = (s: string): WValue => v(VT.WString, utf16le(s));
export const ansi = (s: string): WValue => v(VT.AnsiString, Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff));
export const i8 = (n: number) => v(VT.Int8, le(1, (d) => d.setInt8(0, n)));
export const u8 = (n: number) => v(VT.UInt8, le(1, (d) => d.setUint8(0, n)));
export const i16 = (n: number) => v(VT.Int16, le(2, (d) => d.setInt16(0, n, true)));
export const u16 = (n: number) => v(VT.UInt16, le(2, (d) => d.setUint16(0, n, true)));
export const i32 = (n: number) => v(VT.Int32, le(4, (d) => d.setInt32(0, n, true)));
export const u32 = (n: number) => v(VT.UInt32, le(4, (d) => d.setUint32(0, n, true)));
export const i64 = (n: bigint) => v(VT.Int64, le(8, (d) => d.setBigInt64(0, n, true)));
export const u64 = (n: bigint) => v(VT.UInt64, le(8, (d) => d.setBigUint64(0, n, true)));
export const real32 = (n: number) => v(VT.Real32, le(4, (d) => d.setFloat32(0, n, true)));
export const real64 = (n: number) => v(VT.Real64, le(8, (d) => d.setFloat64(0, n, true)));
export const bool = (b: boolean) => v(VT.Bool, le(4, (d) => d.setUint32(0, b ? 1 : 0, true)));
export const binary = (b: Uint8Array) => v(VT.Binary, b);
export const sizet = (n: bigint) => v(VT.SizeT, le(8, (d) => d.setBigUint64(0, n, true)));
export const hex32 = (n: number) => v(VT.HexInt32, le(4, (d) => d.setUint32(0, n, true)));
export const hex64 = (n: bigint) => v(VT.HexInt64, le(8, (d) => d.setBigUint64(0, n, true)));

/** "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" → the 16 bytes Windows stores (first three fields LE). */
export function guidBytes(s: string): Uint8Array {
  const h = s.replace(/[{}-]/g, '');
  const b = Uint8Array.from({ length: 16 }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
  return Uint8Array.from([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.slice(8)]);
}
export const guid = (s: string) => v(VT.Guid, guidBytes(s));

/** ISO-8601 (up to 7 fractional digits) → FILETIME ticks. */
export function filetimeTicks(iso: string): bigint {
  const m = /^(.*?)(?:\.(\d{1,7}))?Z$/.exec(iso);
  if (!m) throw new Error(`not an ISO UTC time: ${iso}`);
  const ms = Date.parse(m[1] + 'Z');
  return (BigInt(ms) / 1000n + 11_644_473_600n) * 10_000_000n + BigInt((m[2] ?? '').padEnd(7, '0'));
}
export const filetime = (iso: string) => v(VT.FileTime, le(8, (d) => d.setBigUint64(0, filetimeTicks(iso), true)));
export function systime(iso: string): WValue {
  const d = new Date(iso);
  const f = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDay(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
  return v(VT.SysTime, le(16, (dv) => f.forEach((x, i) => dv.setUint16(2 * i, x, true))));
}

/** "S-1-5-21-…" → revision, count, 6-byte big-endian authority, little-endian sub-authorities. */
export function sidBytes(s: string): Uint8Array {
  const [, rev, auth, ...subs] = s.split('-');
  return le(8 + 4 * subs.length, (d) => {
    d.setUint8(0, Number(rev)); d.setUint8(1, subs.length);
    d.setUint16(2, Math.floor(Number(auth) / 2 ** 32)); d.setUint32(4, Number(auth) >>> 0);
    subs.forEach((x, i) => d.setUint32(8 + 4 * i, Number(x), true));
  });
}
export const sid = (s: string) => v(VT.Sid, sidBytes(s));

/** An array value: the items' bytes back to back (strings NUL-terminated), type | 0x80. */
export function array(items: readonly WValue[]): WValue {
  const first = items[0] as { type: number; bytes: Uint8Array };
  const str = first.type === VT.WString || first.type === VT.AnsiString;
  const parts = items.map((x) => {
    const b = (x as { bytes: Uint8Array }).bytes;
    if (!str) return b;
    const z = new Uint8Array(b.length + (first.type === VT.WString ? 2 : 1));
    z.set(b);
    return z;
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return v(first.type | ARRAY_FLAG, out);
}

/** A value of any type byte (tests use it for types the reader must reject). */
export const rawValue = (type: number, bytes: Uint8Array): WValue => v(type, bytes);
export const binxml = (fragment: readonly WNode[]): WValue => ({ type: 0x21, fragment });
