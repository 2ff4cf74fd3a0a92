/**
 * The one place diagnostics become text: `file:line:col: severity code: message`, then the
 * neighbouring source line(s) with a caret as wide as the offending token, then the hint.
 */
import type { Diagnostic } from './diagnostic.ts';
import { LineCounter } from './line-counter.ts';

export interface SourceLookup { (file: string): string | undefined }

const counters = new WeakMap<object, Map<string, LineCounter>>();

function counterFor(lookup: SourceLookup, file: string): LineCounter | undefined {
  let byFile = counters.get(lookup);
  if (!byFile) { byFile = new Map(); counters.set(lookup, byFile); }
  let lc = byFile.get(file);
  if (!lc) {
    const text = lookup(file);
    if (text === undefined) return undefined;
    lc = new LineCounter(text);
    byFile.set(file, lc);
  }
  return lc;
}

/** `file:line:col` (or just `file`, or nothing) for a diagnostic. */
export function location(d: Diagnostic, lookup: SourceLookup): string {
  if (!d.file) return '';
  const lc = d.span ? counterFor(lookup, d.file) : undefined;
  if (!lc || !d.span) return d.file;
  const p = lc.linePos(d.span.start);
  return `${d.file}:${p.line}:${p.col}`;
}

/** Line and column of the diagnostic's start, when it has a file and span. */
export function lineCol(d: Diagnostic, lookup: SourceLookup): { line: number; col: number } | undefined {
  if (!d.file || !d.span) return undefined;
  return counterFor(lookup, d.file)?.linePos(d.span.start);
}

/** One line: `file:line:col: error schema/required: message [rule id]`. */
export function formatOneLine(d: Diagnostic, lookup: SourceLookup): string {
  const loc = location(d, lookup);
  const rule = d.ruleId ? ` [${d.ruleId}]` : '';
  return `${loc ? loc + ': ' : ''}${d.severity} ${d.code}: ${d.message}${rule}`;
}

/** Full rendering with the source excerpt and a caret under the span. */
export function formatWithExcerpt(d: Diagnostic, lookup: SourceLookup): string {
  const out = [formatOneLine(d, lookup)];
  const lc = d.file && d.span ? counterFor(lookup, d.file) : undefined;
  if (lc && d.span) {
    const a = lc.linePos(d.span.start);
    const b = lc.linePos(Math.max(d.span.start, d.span.end - 1));
    const gutter = String(a.line + 1).length;
    const show = (n: number) => `${String(n).padStart(gutter)} | ${lc.lineText(n)}`;
    if (a.line > 1) out.push(show(a.line - 1));
    out.push(show(a.line));
    const width = b.line === a.line ? Math.max(1, b.col - a.col + 1) : Math.max(1, lc.lineText(a.line).length - a.col + 1);
    out.push(`${' '.repeat(gutter)} | ${' '.repeat(a.col - 1)}${'^'.repeat(width)}`);
    if (a.line < lc.lineCount) out.push(show(a.line + 1));
  }
  if (d.hint) out.push(`  hint: ${d.hint}`);
  return out.join('\n');
}
