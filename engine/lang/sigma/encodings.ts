/**
 * Byte-level value transformations behind the base64 / base64offset / utf16 / wide modifiers.
 * Strings flowing through the chain are either text or a "binary string" (one char per byte,
 * 0–255) once a utf16 modifier has encoded them; base64 encodes text as UTF-8 first.
 */
import { Buffer } from 'node:buffer';

export interface Encoded { readonly text: string; readonly binary: boolean }

function toBytes(v: Encoded): Buffer {
  return v.binary ? Buffer.from(v.text, 'latin1') : Buffer.from(v.text, 'utf8');
}

export function utf16(v: Encoded, order: 'le' | 'be', bom: boolean): Encoded {
  const src = v.binary ? v.text : v.text;
  const le = Buffer.from(src, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const withBom = bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
  return { text: withBom.toString('latin1'), binary: true };
}

export function base64(v: Encoded): string {
  return toBytes(v).toString('base64');
}

/**
 * The three encodings of `v` as it can appear inside a longer base64 string, one per byte offset
 * 0, 1 and 2: characters that depend on the unknown neighbouring bytes are cut off both ends.
 */
export function base64Offsets(v: Encoded): string[] {
  const bytes = toBytes(v);
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
    const start = [0, 2, 3][i];
    const cut = [0, 3, 2][(bytes.length + i) % 3];
    out.push(enc.slice(start, enc.length - cut));
  }
  return out;
}
