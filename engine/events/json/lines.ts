/** Shared JSON-lines plumbing: one object per non-blank line, with its line number. */
import type { ReaderItem } from '../types.ts';
import { decodeText, MAX_LINE_CHARS, splitLines } from '../text.ts';

export type JsonLine =
  | { readonly ok: true; readonly doc: Record<string, unknown>; readonly line: number; readonly record: number }
  | { readonly ok: false; readonly item: ReaderItem };

export async function* jsonLines(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<JsonLine> {
  let record = 0;
  for await (const { text, line, tooLong } of splitLines(decodeText(input))) {
    if (tooLong !== undefined) {
      record++;
      yield { ok: false, item: { ok: false, loc: { file, line, record }, reason: `line of ${tooLong} characters is longer than the limit (${MAX_LINE_CHARS}; raise DAC_MAX_LINE_CHARS)` } };
      continue;
    }
    const t = text.trim();
    if (!t) continue;
    record++;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      yield { ok: false, item: { ok: false, loc: { file, line, record }, reason: `malformed JSON: ${e instanceof Error ? e.message : String(e)}` } };
      continue;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      yield { ok: false, item: { ok: false, loc: { file, line, record }, reason: 'JSON line is not an object' } };
      continue;
    }
    yield { ok: true, doc: v as Record<string, unknown>, line, record };
  }
}

/** First non-blank line of the head as an object, if it parses. */
export function firstObject(head: string): Record<string, unknown> | undefined {
  for (const l of head.split('\n')) {
    const t = l.trim();
    if (!t) continue;
    try {
      const v: unknown = JSON.parse(t);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
