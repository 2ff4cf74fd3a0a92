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

export function docLogsourceSpec(doc: SigmaDoc): Logsource {
  const v = doc.value as Record<string, unknown>;
  const ls = isMap(v.logsource) ? v.logsource : {};
  const pick = (k: string): string | undefined => (typeof ls[k] === 'string' ? (ls[k] as string) : undefined);
  const product = pick('product');
  const category = pick('category');
  const service = pick('service');
  return { ...(product ? { product } : {}), ...(category ? { category } : {}), ...(service ? { service } : {}) };
}

export function docLogsource(doc: SigmaDoc, report: Report): readonly SelectedSource[] | undefined {
  const r = resolveLogsource(docLogsourceSpec(doc));
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
  const same = dets.every((d) => d === first);
  const span = doc.locate(['detection']);
  const at2 = span ? { span } : {};
  if (sources.every((s) => !s.windows)) {
    // The selection is the query's event source (ir/source.ts); the filter is the detection alone,
    // unless the sources name a field differently (then each branch keeps its own selection).
    const select = or(sources.map((s) => s.select));
    const filter = same ? first : or(sources.map((s, i) => and([s.select, dets[i]])));
    return { query: { kind: 'event', source: { origin: { lang: 'sigma', ...docLogsourceSpec(doc) }, select }, filter, logic: 'boolean', ...at2 }, sources, diagnostics };
  }
  const filter = same
    ? and([or(sources.map((s) => s.select)), first].filter((p) => !(p.kind === 'const' && p.value)))
    : or(sources.map((s, i) => and([s.select, dets[i]])));
  return { query: { kind: 'event', filter, logic: 'boolean', ...at2 }, sources, diagnostics };
}
