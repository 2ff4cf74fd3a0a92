/**
 * YAML text → plain values plus a locator, per document (a Sigma file may hold a rule and a
 * correlation). Positions come from the `yaml` package's node ranges; values carry none.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Span } from '../diag/diagnostic.ts';
import type { KeyPath, Locator } from '../rule/model.ts';

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

/** Parses every YAML document in `text`. Syntax errors become `yaml/<name>` diagnostics with spans. */
export function parseYamlSource(text: string, file: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const docs: SourceDoc[] = [];
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(parsed) ? parsed : [];
  for (const doc of list) {
    let bad = false;
    for (const e of doc.errors) {
      bad = true;
      diagnostics.push({ code: yamlCode(e.code), severity: 'error', message: e.message, file, span: { start: e.pos[0], end: Math.max(e.pos[0] + 1, e.pos[1]) } });
    }
    for (const w of doc.warnings) {
      diagnostics.push({ code: yamlCode(w.code), severity: 'warning', message: w.message, file, span: { start: w.pos[0], end: Math.max(w.pos[0] + 1, w.pos[1]) } });
    }
    const span: Span = { start: doc.range[0], end: doc.range[2] };
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
    docs.push({ value, locate: yamlLocator(doc.contents as YamlNode | null, span), span });
  }
  return { docs, diagnostics };
}
