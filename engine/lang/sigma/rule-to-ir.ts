/**
 * One Sigma detection document → an EventQuery: for every event source of its log source, the
 * source's selector AND the detection (with that source's field names); sources are OR'ed, and
 * when the detection reads the same fields everywhere it is written once.
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';
import type { EventQuery, Predicate } from '../../ir/types.ts';
import type { KeyPath, Locator } from '../../rule/model.ts';
import { sigmaDiag, type Report } from './codes.ts';
import { compileDetection } from './detection.ts';
import { and, or } from './detection-item.ts';
import { resolveLogsource, type Logsource, type SelectedSource } from './logsources.ts';

export interface SigmaDoc {
  readonly value: unknown;
  readonly locate: Locator;
  /** The text of the file the document is in (spans point into it). */
  readonly source: string;
  readonly file: string;
}

export interface DocResult { readonly query?: EventQuery; readonly sources?: readonly SelectedSource[]; readonly diagnostics: Diagnostic[] }

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function reporter(doc: SigmaDoc, into: Diagnostic[]): Report {
  const seen = new Set<string>();
  return (code, message, span, hint) => {
    const key = `${code}|${span?.start}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    into.push(sigmaDiag(code, message, doc.file, span, hint));
  };
}

export function docLogsource(doc: SigmaDoc, report: Report): readonly SelectedSource[] | undefined {
  const v = doc.value as Record<string, unknown>;
  const ls = isMap(v.logsource) ? v.logsource : {};
  const pick = (k: string): string | undefined => (typeof ls[k] === 'string' ? (ls[k] as string) : undefined);
  const spec: Logsource = { product: pick('product'), category: pick('category'), service: pick('service') };
  const r = resolveLogsource(spec);
  if ('error' in r) { report('unknown-logsource', r.error, doc.locate(['logsource', r.key])); return undefined; }
  return r.sources;
}

export function compileDetectionDoc(doc: SigmaDoc, placeholders?: ReadonlyMap<string, readonly string[]>): DocResult {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(doc, diagnostics);
  const v = doc.value;
  if (!isMap(v) || !('detection' in v)) {
    report('not-a-rule', 'a Sigma rule needs a detection (or a correlation)', doc.locate([]));
    return { diagnostics };
  }
  const sources = docLogsource(doc, report);
  if (!sources) return { diagnostics };
  const at = (path: KeyPath, which?: 'key' | 'value'): Span | undefined => doc.locate(path, which);
  // Compile with the first source's names, noting the fields read; the other sources reuse the
  // result unless they name one of those fields differently (Security 4688's raw names).
  const used = new Set<string>();
  const compileFor = (src: SelectedSource, track: boolean): Predicate | undefined => compileDetection(v.detection, {
    mapField: track ? (f) => { used.add(f); return src.mapField(f); } : src.mapField,
    report, at, source: doc.source, ...(placeholders ? { placeholders } : {}),
  });
  const first = compileFor(sources[0], true);
  if (!first) return { diagnostics };
  const dets: Predicate[] = [first];
  for (const src of sources.slice(1)) {
    const same = [...used].every((f) => src.mapField(f) === sources[0].mapField(f));
    const d = same ? first : compileFor(src, false);
    if (!d) return { diagnostics };
    dets.push(d);
  }
  const filter = dets.every((d) => d === first)
    ? and([or(sources.map((s) => s.select)), first].filter((p) => !(p.kind === 'const' && p.value)))
    : or(sources.map((s, i) => and([s.select, dets[i]])));
  const span = doc.locate(['detection']);
  return { query: { kind: 'event', filter, logic: 'boolean', ...(span ? { span } : {}) }, sources, diagnostics };
}
