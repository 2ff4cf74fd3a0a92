/**
 * One Sigma detection document → an EventQuery whose source is the log source (origin: product,
 * category, service; select: the OR of its event sources' selectors) and whose filter is the
 * detection, written once when every event source names its fields alike, else paired with each
 * source's selector.
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';
import type { EventQuery, Predicate, SourceOrigin } from '../../ir/types.ts';
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
  return { product: pick('product'), category: pick('category'), service: pick('service') };
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
  const spec = docLogsourceSpec(doc);
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
  // The log source is the query's source. When a source names the detection's fields differently
  // (Security 4688's raw names), each source keeps its own detection and the filter pairs them.
  const select = or(sources.map((s) => s.select));
  const filter = dets.every((d) => d === first) ? first : or(sources.map((s, i) => and([s.select, dets[i]])));
  const origin: SourceOrigin = { lang: 'sigma', ...(spec.product ? { product: spec.product } : {}), ...(spec.category ? { category: spec.category } : {}), ...(spec.service ? { service: spec.service } : {}) };
  const span = doc.locate(['detection']);
  return { query: { kind: 'event', source: { origin, select }, filter, logic: 'boolean', ...(span ? { span } : {}) }, sources, diagnostics };
}
