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
  readonly text: string;
  /** 1-based. */
  readonly line: number;
}

/** Splits decoded text into lines (without the \n, and without a trailing \r). */
export async function* splitLines(input: AsyncIterable<string>): AsyncIterable<Line> {
  let carry = '';
  let line = 1;
  for await (const chunk of input) {
    const text = carry ? carry + chunk : chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: text.slice(start, end), line };
      line++;
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry) yield { text: carry.endsWith('\r') ? carry.slice(0, -1) : carry, line };
}

export function headText(head: Uint8Array): string {
  const { decoder, skip } = decoderFor(head);
  return decoder.decode(head.subarray(skip), { stream: true });
}
