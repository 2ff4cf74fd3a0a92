/**
 * YAML text → plain values plus a locator, per document (a Sigma file may hold a rule and a
 * correlation). Positions come from the `yaml` package's node ranges; values carry none.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Span } from '../diag/diagnostic.ts';
import type { KeyPath, Locator } from './locator.ts';

export interface SourceDoc {
  readonly value: unknown;
  readonly locate: Locator;
  /** The document's own range in the file. */
  readonly span: Span;
}

export interface ParsedSource {
  readonly docs: SourceDoc[];
  readonly diagnostics: Diagnostic[];
}

/** `BAD_INDENT` → `yaml/bad-indent`. */
function yamlCode(code: string): `yaml/${string}` {
  return `yaml/${code.toLowerCase().replace(/_/g, '-')}`;
}

function rangeSpan(node: { range?: readonly [number, number, number] | null } | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : undefined;
}

function keyMatches(key: unknown, seg: string | number): boolean {
  const k = isScalar(key) ? key.value : key;
  return String(k) === String(seg);
}

/** Walks `path` from `root`; on a missing step returns the deepest node reached (key span first). */
export function yamlLocator(root: YamlNode | null, docSpan: Span): Locator {
  return (path: KeyPath, which: 'key' | 'value' = 'value') => {
    let node: unknown = root;
    let keySpan: Span | undefined;
    let valueSpan: Span | undefined = rangeSpan(root as YamlNode) ?? docSpan;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      let nextKey: Span | undefined;
      let next: unknown;
      let found = false;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, seg));
        if (pair) { found = true; nextKey = rangeSpan(pair.key as YamlNode); next = pair.value; }
      } else if (isSeq(node) && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
        found = true; next = node.items[seg];
      }
      // Missing: the nearest ancestor, by its key when it has one (e.g. `rule:` for a missing child).
      if (!found) return keySpan ?? valueSpan;
      const nextValue = rangeSpan(next as YamlNode);
      keySpan = nextKey;
      // `key:` with no value: the key stands for the value.
      valueSpan = nextValue ?? nextKey ?? valueSpan;
      node = next;
    }
    return which === 'key' ? keySpan ?? valueSpan : valueSpan;
  };
}

/**
 * Parses every YAML document in `text`. Syntax errors become `yaml/<name>` diagnostics with spans.
 * One leniency, because PyYAML (which contentctl and Sigma tooling use) accepts it and the `yaml`
 * package does not: a quoted value of a top-level key whose continuation lines start in column 0
 * (security_content's macros/base64decode.yml). When the strict parse fails and indenting those
 * lines by one space (which does not change a folded flow scalar's value) parses cleanly, that
 * reading is used, with every position mapped back to the file as written.
 */
export function parseYamlSource(text: string, file: string): ParsedSource {
  const strict = parseYamlStrict(text, file, (k) => k);
  if (!strict.diagnostics.some((d) => d.severity === 'error')) return strict;
  const relaxed = indentFlowContinuations(text);
  if (!relaxed) return strict;
  const lenient = parseYamlStrict(relaxed.text, file, relaxed.back);
  return lenient.diagnostics.some((d) => d.severity === 'error') ? strict : lenient;
}

/**
 * Top-level `key: '…'` / `key: "…"` values whose continuation lines start in column 0, indented by
 * one space; `back` maps an offset of the new text to the original. Undefined when there are none.
 */
export function indentFlowContinuations(text: string): { text: string; back: (k: number) => number } | undefined {
  const inserted: number[] = []; // original offsets before which a space goes
  const head = /^[A-Za-z_][\w-]*:[ \t]+(['"])/gm;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const q = m[1]!;
    let j = m.index + m[0].length;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (q === '"' && c === '\\') { j++; continue; }
      if (c === q) { if (q === "'" && text[j + 1] === "'") { j++; continue; } break; }
      if (c === '\n' && j + 1 < text.length && !/[\s]/.test(text[j + 1]!)) inserted.push(j + 1);
    }
    head.lastIndex = Math.max(head.lastIndex, j + 1);
  }
  if (!inserted.length) return undefined;
  let out = '';
  let prev = 0;
  for (const at of inserted) { out += text.slice(prev, at) + ' '; prev = at; }
  out += text.slice(prev);
  // New offset k lies after `n` inserted spaces, where inserted[n-1] + (n-1) < k.
  const back = (k: number): number => {
    let n = 0;
    while (n < inserted.length && inserted[n]! + n < k) n++;
    return k - n;
  };
  return { text: out, back };
}

function parseYamlStrict(text: string, file: string, back: (k: number) => number): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const docs: SourceDoc[] = [];
  const mapSpan = (s: Span): Span => ({ start: back(s.start), end: back(s.end) });
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(parsed) ? parsed : [];
  for (const doc of list) {
    let bad = false;
    for (const e of doc.errors) {
      bad = true;
      diagnostics.push({ code: yamlCode(e.code), severity: 'error', message: e.message, file, span: mapSpan({ start: e.pos[0], end: Math.max(e.pos[0] + 1, e.pos[1]) }) });
    }
    for (const w of doc.warnings) {
      diagnostics.push({ code: yamlCode(w.code), severity: 'warning', message: w.message, file, span: mapSpan({ start: w.pos[0], end: Math.max(w.pos[0] + 1, w.pos[1]) }) });
    }
    const span: Span = mapSpan({ start: doc.range[0], end: doc.range[2] });
    // A trailing `---` yields an empty document: it is not content, so it is not a rule either.
    if (!bad && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.source === ''))) continue;
    if (bad) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push({ code: 'yaml/resolve', severity: 'error', message: e instanceof Error ? e.message : String(e), file, span });
      continue;
    }
    const locate = yamlLocator(doc.contents as YamlNode | null, { start: doc.range[0], end: doc.range[2] });
    docs.push({ value, locate: (path, which) => { const r = locate(path, which); return r && mapSpan(r); }, span });
  }
  return { docs, diagnostics };
}
