/**
 * Strict UTF-8 decoding: invalid bytes in a rule or manifest are a located error (issue 15 minor
 * item), not U+FFFD silently put in a query. A leading BOM is dropped, as editors write one.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Utf8Result =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly byteOffset: number; readonly charOffset: number };

/** Length of the valid sequence starting at i, or 0 when the bytes there are not UTF-8. */
function seqLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0; // overlong, surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const n = seqLength(b, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const byteOffset = Math.max(0, firstInvalidUtf8(bytes));
    const charOffset = new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset)).length;
    return { ok: false, byteOffset, charOffset };
  }
}
