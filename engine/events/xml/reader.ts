/**
 * Windows event XML reader: finds each <Event …>…</Event> in the text stream, whether one per
 * line (Splunk XmlWinEventLog), concatenated, pretty-printed over many lines, or wrapped in
 * <Events>. Text between events that is not XML markup (e.g. classic WinEventLog text in a
 * Splunk .raw file) is reported as skipped with its lines, never silently dropped.
 */
import type { EventReader, ReaderItem } from '../types.ts';
import { decodeText, headText } from '../text.ts';
import { parseElement, XmlError } from './element.ts';
import { toWinEvent } from './event.ts';

const CLOSE = '</Event>';
/** Longest event kept while waiting for its </Event> (DAC_MAX_EVENT_CHARS, default 4 Mi chars). */
export const MAX_EVENT_CHARS = Number(process.env.DAC_MAX_EVENT_CHARS) > 0 ? Number(process.env.DAC_MAX_EVENT_CHARS) : 4 * 1024 * 1024;
/** When no event start is in the buffer, keep this much for a start split across chunks. */
const KEEP = 512;

function countNl(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Start of the next `<Event` element (not `<Events>`) at or after `from`, or -1. */
function findStart(s: string, from: number): number {
  for (let i = s.indexOf('<Event', from); i !== -1; i = s.indexOf('<Event', i + 6)) {
    const c = s.charCodeAt(i + 6);
    if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13 || c === 47) return i;
    if (Number.isNaN(c)) return i; // split at the end of the buffer: decide when more arrives
  }
  return -1;
}

/** Markup allowed between events: prolog, comments, the <Events> wrapper. */
const MARKUP = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/?Events(?:\s[^>]*)?>/g;

function gapContent(text: string): string {
  return text.replace(MARKUP, '').trim();
}

export async function* readXml(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  let buf = '';
  let line = 1; // line number of buf[0]
  let gap: { line: number; endLine: number; sample: string } | undefined;
  let record = 0;

  const noteGap = (text: string, startLine: number): void => {
    const content = gapContent(text);
    if (!content) return;
    const first = startLine + countNl(text, 0, text.indexOf(content.slice(0, 1)));
    const endLine = startLine + countNl(text, 0, text.length);
    if (gap) gap.endLine = endLine;
    else gap = { line: first, endLine, sample: content.slice(0, 60).replace(/\s+/g, ' ') };
  };
  const flushGap = function* (): Iterable<ReaderItem> {
    if (!gap) return;
    const reason = `text outside <Event> elements skipped (lines ${gap.line}-${gap.endLine}): "${gap.sample}…"`;
    yield { ok: false, skipped: true, loc: { file, line: gap.line }, reason };
    gap = undefined;
  };

  for await (const chunk of decodeText(input)) {
    buf = buf ? buf + chunk : chunk;
    let pos = 0;
    for (;;) {
      const start = findStart(buf, pos);
      if (start === -1 || start + 7 > buf.length) {
        const keepFrom = start === -1 ? Math.max(pos, buf.length - KEEP) : start;
        if (keepFrom > pos) {
          noteGap(buf.slice(pos, keepFrom), line);
          line += countNl(buf, pos, keepFrom);
          pos = keepFrom;
        }
        break;
      }
      let end = buf.indexOf(CLOSE, start);
      // Another event starting before this one's </Event>: this one is unterminated. Reject it
      // and go on from the next (it used to swallow the next event).
      const next = findStart(buf, start + 6);
      const nextBeforeEnd = next !== -1 && (end === -1 ? next + 6 < buf.length : next < end);
      // An event open for more than MAX_EVENT_CHARS is rejected and dropped (memory stays bounded);
      // what follows is read as usual, up to the next <Event (issue 15 item 6).
      const openTooLong = end === -1 && !nextBeforeEnd && buf.length - start > MAX_EVENT_CHARS;
      if (nextBeforeEnd || openTooLong) {
        if (start > pos) noteGap(buf.slice(pos, start), line);
        line += countNl(buf, pos, start);
        yield* flushGap();
        record++;
        const resume = nextBeforeEnd ? next : buf.length;
        const reason = nextBeforeEnd ? 'malformed event XML: <Event> not closed before the next <Event>' : `malformed event XML: <Event> open for more than ${MAX_EVENT_CHARS} characters (raise DAC_MAX_EVENT_CHARS)`;
        yield { ok: false, loc: { file, line, record }, reason };
        line += countNl(buf, start, resume);
        pos = resume;
        continue;
      }
      if (end === -1) {
        if (start > pos) {
          noteGap(buf.slice(pos, start), line);
          line += countNl(buf, pos, start);
          pos = start;
        }
        break;
      }
      if (start > pos) noteGap(buf.slice(pos, start), line);
      line += countNl(buf, pos, start);
      yield* flushGap();
      const stop = end + CLOSE.length;
      const text = buf.slice(start, stop);
      record++;
      try {
        const win = toWinEvent(parseElement(text));
        if (typeof win === 'string') yield { ok: false, loc: { file, line, record }, reason: `malformed event XML: ${win}` };
        else yield { ok: true, record: { kind: 'win', win }, loc: { file, line, record } };
      } catch (e) {
        if (!(e instanceof XmlError)) throw e;
        const at = line + countNl(text, 0, e.offset);
        yield { ok: false, loc: { file, line: at, record }, reason: `malformed event XML: ${e.message}` };
      }
      line += countNl(buf, start, stop);
      pos = stop;
    }
    buf = buf.slice(pos);
  }
  if (buf) {
    const start = findStart(buf, 0);
    if (start !== -1) {
      noteGap(buf.slice(0, start), line);
      const at = line + countNl(buf, 0, start);
      yield* flushGap();
      yield { ok: false, loc: { file, line: at, record: record + 1 }, reason: 'malformed event XML: input ends inside an <Event> (missing </Event>)' };
    } else {
      noteGap(buf, line);
    }
  }
  yield* flushGap();
}

export const xmlReader: EventReader = {
  format: 'xml',
  detect(head) {
    const text = headText(head).trimStart();
    return text.startsWith('<') && /<(?:\w+:)?Event[\s>]/.test(text);
  },
  read: readXml,
};
