/**
 * Maps an offset in a decoded string value back to its file offset, so a query error at offset
 * k in `rule.query` lands on the right line/col of the file. The opening delimiter (TOML quotes,
 * YAML block header or quote) is skipped exactly; the body is aligned against the decoded value
 * with escapes decoded as written, so block strings, escapes and indentation all map exactly;
 * YAML folding (a newline read as a space) maps to the nearest source character.
 */
import type { Span } from '../diag/diagnostic.ts';

const SIMPLE: Readonly<Record<string, string>> = {
  b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\', '/': '/',
  '0': '\0', a: '\x07', v: '\v', ' ': ' ', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** Decodes the escape at raw[j] (a backslash): [decoded, raw length], or undefined. */
function escapeAt(raw: string, j: number): [string, number] | undefined {
  const c = raw[j + 1];
  if (c === undefined) return undefined;
  const hex = (n: number): [string, number] | undefined => {
    const h = raw.slice(j + 2, j + 2 + n);
    return /^[0-9a-fA-F]+$/.test(h) && h.length === n ? [String.fromCodePoint(parseInt(h, 16)), 2 + n] : undefined;
  };
  if (c === 'x') return hex(2);
  if (c === 'u') return hex(4);
  if (c === 'U') return hex(8);
  if (c in SIMPLE) return [SIMPLE[c], 2];
  return undefined;
}

/** Where the body starts: after the opening quote(s) or block-scalar header line. */
function bodyStart(raw: string, start: number, end: number): { at: number; escapes: boolean } {
  const head = raw.slice(start, Math.min(end, start + 3));
  const afterNewline = (p: number) => (raw[p] === '\r' && raw[p + 1] === '\n' ? p + 2 : raw[p] === '\n' ? p + 1 : p);
  if (head === '"""') return { at: afterNewline(start + 3), escapes: true };
  if (head === "'''") return { at: afterNewline(start + 3), escapes: false };
  const c = raw[start];
  if (c === '"') return { at: start + 1, escapes: true };
  if (c === "'") return { at: start + 1, escapes: false };
  if (c === '|' || c === '>') {
    const nl = raw.indexOf('\n', start);
    return { at: nl < 0 || nl >= end ? end : nl + 1, escapes: false };
  }
  return { at: start, escapes: false };
}

/**
 * offsets[k] = file offset of decoded character k; offsets[value.length] = end of the body.
 * `span` is the value's span in `raw` (the whole file text), delimiters included.
 */
export function stringOffsets(raw: string, span: Span, value: string): number[] {
  const { at, escapes } = bodyStart(raw, span.start, span.end);
  const out: number[] = new Array<number>(value.length + 1);
  let j = at;
  let i = 0;
  while (i < value.length) {
    if (j >= span.end) { out[i++] = Math.max(at, span.end - 1); continue; }
    if (escapes && raw[j] === '\\') {
      const esc = escapeAt(raw, j);
      if (esc && value.startsWith(esc[0], i)) {
        for (let n = 0; n < esc[0].length; n++) out[i++] = j;
        j += esc[1];
        continue;
      }
      if (!esc) { j++; continue; } // line-ending backslash or escaped newline: not in the value
    }
    if (raw[j] === value[i] || (raw[j] === '\r' && value[i] === '\n' && raw[j + 1] === '\n' && (j++, true))) {
      out[i++] = j++;
    } else if (value[i] === ' ' && (raw[j] === '\n' || raw[j] === '\r')) {
      out[i++] = j++; // YAML folding: a line break read as a space
    } else {
      j++;
    }
  }
  out[value.length] = Math.min(j, span.end);
  return out;
}

/** Builds `toFileOffset` for a string value located at `span` in `raw`. */
export function offsetMapper(raw: string, span: Span | undefined, value: string): (k: number) => number {
  if (!span) return () => 0;
  const offsets = stringOffsets(raw, span, value);
  return (k: number) => offsets[Math.max(0, Math.min(Math.trunc(k), value.length))];
}
