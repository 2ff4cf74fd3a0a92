/**
 * Bytes → text for the text formats: UTF-8 by default, UTF-16 when a byte-order mark says so
 * (wevtutil writes UTF-16LE exports), and a line splitter that keeps 1-based line numbers.
 */
import { TextDecoder } from 'node:util';

function decoderFor(head: Uint8Array): { decoder: TextDecoder; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: new TextDecoder('utf-8'), skip: 3 };
  return { decoder: new TextDecoder('utf-8'), skip: 0 };
}

/** Decodes a byte stream to string chunks; a character split across chunks is kept whole. */
export async function* decodeText(input: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  let dec: TextDecoder | undefined;
  for await (const chunk of input) {
    let bytes = chunk;
    if (!dec) {
      const d = decoderFor(chunk);
      dec = d.decoder;
      bytes = chunk.subarray(d.skip);
    }
    const s = dec.decode(bytes, { stream: true });
    if (s) yield s;
  }
  if (dec) {
    const tail = dec.decode();
    if (tail) yield tail;
  }
}

export interface Line {
  /** The line, or '' when it was longer than the limit (see `tooLong`). */
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** Set when the line exceeded maxChars: its length; its text was dropped, not kept. */
  readonly tooLong?: number;
}

/** Longest line kept, in UTF-16 units (DAC_MAX_LINE_CHARS; default 64 Mi). */
export const MAX_LINE_CHARS = Number(process.env.DAC_MAX_LINE_CHARS) > 0 ? Number(process.env.DAC_MAX_LINE_CHARS) : 64 * 1024 * 1024;

/**
 * Splits decoded text into lines (without the \n, and without a trailing \r). Each chunk is
 * scanned once (a partial line is kept as a list of pieces, not re-scanned: one 100 MB line is
 * linear), and a line longer than `maxChars` is reported as `tooLong` and skipped to its end
 * instead of being held in memory (issue 15 item 6).
 */
export async function* splitLines(input: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncIterable<Line> {
  let pieces: string[] = [];
  let pending = 0;
  let skipping = false;
  let line = 1;
  const finish = (last: string): Line => {
    if (skipping) return { text: '', line, tooLong: pending + last.length };
    const text = pieces.length ? pieces.join('') + last : last;
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, line };
  };
  for await (const chunk of input) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      yield finish(chunk.slice(start, nl));
      pieces = []; pending = 0; skipping = false;
      line++;
      start = nl + 1;
    }
    const rest = chunk.slice(start);
    pending += rest.length;
    if (pending > maxChars) { skipping = true; pieces = []; } else if (rest) pieces.push(rest);
  }
  if (pending > 0) yield finish('');
}

export function headText(head: Uint8Array): string {
  const { decoder, skip } = decoderFor(head);
  return decoder.decode(head.subarray(skip), { stream: true });
}
