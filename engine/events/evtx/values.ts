/**
 * Substitution values rendered as text the way evtxexport (libevtx) prints them, checked against it
 * value type by value type: GUIDs braced and upper-case, hex types as 0x plus zero-padded lower-case
 * digits, SIDs as S-1-…, FILETIMEs as ISO-8601 with the 100 ns digits followed by "00", SYSTEMTIMEs
 * with milliseconds, size_t in decimal, reals as %e, binary as upper-case hex. Where evtxexport
 * 20181227 misprints (negative int8 and int64) dac prints the true value (docs/evtx.md).
 * Nested BinXML (0x21) is not handled here: the parser owns recursion.
 */
import { ARRAY_FLAG, FIXED_SIZE, VT } from './binxml-tokens.ts';

export class DecodeError extends Error {}

const utf16 = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('windows-1252');

/** UTF-16LE text of `bytes[start, end)`; short strings skip the decoder's call overhead. */
export function utf16At(b: Uint8Array, start: number, end: number): string {
  const n = (end - start) >> 1;
  if (n < 24) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(b[start + 2 * i] | (b[start + 2 * i + 1] << 8));
    return s;
  }
  return utf16.decode(b.subarray(start, start + 2 * n));
}

function cutAtNul(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEXU = HEX.map((h) => h.toUpperCase());

function hexFwd(b: Uint8Array, at: number, end: number): string {
  let s = '';
  for (let i = at; i < end; i++) s += HEXU[b[i]];
  return s;
}

function hexLE(b: Uint8Array, at: number, width: number, table: readonly string[]): string {
  let s = '';
  for (let i = width - 1; i >= 0; i--) s += table[b[at + i]];
  return s;
}

export function guidAt(b: Uint8Array, at: number): string {
  const d4 = (i: number) => HEXU[b[at + i]];
  return `{${hexLE(b, at, 4, HEXU)}-${hexLE(b, at + 4, 2, HEXU)}-${hexLE(b, at + 6, 2, HEXU)}-${d4(8)}${d4(9)}-${d4(10)}${d4(11)}${d4(12)}${d4(13)}${d4(14)}${d4(15)}}`;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** FILETIME (100 ns ticks since 1601-01-01 UTC) → "YYYY-MM-DDTHH:MM:SS.fffffff00Z". */
export function filetimeAt(dv: DataView, at: number): string {
  const ticks = dv.getBigUint64(at, true);
  const secs = Number(ticks / 10_000_000n);
  const frac = Number(ticks % 10_000_000n);
  const d = new Date((secs - 11_644_473_600) * 1000);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(y)) throw new DecodeError('FILETIME out of range');
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(frac).padStart(7, '0')}00Z`;
}

/** Reals as evtxexport prints them: printf %e with a three-digit exponent ("1.500000e+000"). */
function real(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [m, e] = x.toExponential(6).split('e');
  return `${m}e${e[0]}${e.slice(1).padStart(3, '0')}`;
}

/** SYSTEMTIME: eight little-endian u16 (year, month, weekday, day, hour, minute, second, ms). */
export function systemtimeAt(dv: DataView, at: number): string {
  const w = (i: number) => dv.getUint16(at + 2 * i, true);
  return `${String(w(0)).padStart(4, '0')}-${pad2(w(1))}-${pad2(w(3))}T${pad2(w(4))}:${pad2(w(5))}:${pad2(w(6))}.${String(w(7)).padStart(3, '0')}Z`;
}

/** SID → "S-rev-authority-sub…"; returns the text and its byte length (8 + 4 per sub-authority). */
export function sidAt(b: Uint8Array, dv: DataView, at: number, end: number): [string, number] {
  if (at + 8 > end) throw new DecodeError('SID truncated');
  const count = b[at + 1];
  const len = 8 + 4 * count;
  if (at + len > end) throw new DecodeError('SID sub-authorities run past the value');
  const auth = dv.getUint16(at + 2) * 2 ** 32 + dv.getUint32(at + 4);
  let s = `S-${b[at]}-${auth < 2 ** 32 ? auth : '0x' + hexFwd(b, at + 2, at + 8)}`;
  for (let i = 0; i < count; i++) s += '-' + dv.getUint32(at + 8 + 4 * i, true);
  return [s, len];
}

/** One scalar of a fixed-size type at `at` (caller checked the width). */
function scalarAt(type: number, b: Uint8Array, dv: DataView, at: number): string {
  switch (type) {
    case VT.Int8: return String(dv.getInt8(at));
    case VT.UInt8: return String(b[at]);
    case VT.Int16: return String(dv.getInt16(at, true));
    case VT.UInt16: return String(dv.getUint16(at, true));
    case VT.Int32: return String(dv.getInt32(at, true));
    case VT.UInt32: return String(dv.getUint32(at, true));
    case VT.Int64: return String(dv.getBigInt64(at, true));
    case VT.UInt64: return String(dv.getBigUint64(at, true));
    case VT.Real32: return real(dv.getFloat32(at, true));
    case VT.Real64: return real(dv.getFloat64(at, true));
    case VT.Bool: return dv.getUint32(at, true) !== 0 ? 'true' : 'false';
    case VT.Guid: return guidAt(b, at);
    case VT.FileTime: return filetimeAt(dv, at);
    case VT.SysTime: return systemtimeAt(dv, at);
    case VT.HexInt32: return '0x' + hexLE(b, at, 4, HEX);
    case VT.HexInt64: return '0x' + hexLE(b, at, 8, HEX);
    default: throw new DecodeError(`value type 0x${type.toString(16)} is not a fixed-size type`);
  }
}

/**
 * Renders a non-BinXML value of `size` bytes at `at`: a string, a list for array types, or null
 * for the Null type and empty values.
 */
export function renderValue(type: number, b: Uint8Array, dv: DataView, at: number, size: number): string | string[] | null {
  const end = at + size;
  if (end > b.length) throw new DecodeError('value runs past the chunk');
  if (type & ARRAY_FLAG) return renderArray(type & ~ARRAY_FLAG, b, dv, at, end);
  switch (type) {
    case VT.Null: return null;
    case VT.WString: return cutAtNul(utf16At(b, at, end));
    case VT.AnsiString: return cutAtNul(latin1.decode(b.subarray(at, end)));
    case VT.Binary: return hexFwd(b, at, end);
    case VT.Sid: return size === 0 ? null : sidAt(b, dv, at, end)[0];
    case VT.SizeT: return size === 4 ? String(dv.getUint32(at, true)) : size >= 8 ? String(dv.getBigUint64(at, true)) : null;
    case VT.EvtHandle: return '0x' + hexLE(b, at, size >= 8 ? 8 : size, HEX);
    case VT.EvtXml: return cutAtNul(utf16At(b, at, end));
    default: {
      const w = FIXED_SIZE[type];
      if (w === undefined) throw new DecodeError(`unknown substitution value type 0x${type.toString(16)}`);
      if (size === 0) return null;
      if (size < w) throw new DecodeError(`value of type 0x${type.toString(16)} needs ${w} bytes, has ${size}`);
      return scalarAt(type, b, dv, at);
    }
  }
}

function renderArray(base: number, b: Uint8Array, dv: DataView, at: number, end: number): string[] {
  const out: string[] = [];
  if (base === VT.WString || base === VT.AnsiString) {
    const text = base === VT.WString ? utf16At(b, at, end) : latin1.decode(b.subarray(at, end));
    const parts = text.split('\0');
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
  if (base === VT.Sid) {
    for (let p = at; p < end; ) {
      const [s, len] = sidAt(b, dv, p, end);
      out.push(s);
      p += len;
    }
    return out;
  }
  if (base === VT.SizeT || base === VT.EvtHandle) {
    for (let p = at; p + 8 <= end; p += 8) out.push(base === VT.SizeT ? String(dv.getBigUint64(p, true)) : '0x' + hexLE(b, p, 8, HEX));
    return out;
  }
  const w = FIXED_SIZE[base];
  if (w === undefined) throw new DecodeError(`unknown array element type 0x${base.toString(16)}`);
  for (let p = at; p + w <= end; p += w) out.push(scalarAt(base, b, dv, p));
  return out;
}
