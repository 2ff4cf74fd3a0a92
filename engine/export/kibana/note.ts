/**
 * The text fields of a Kibana rule as detection-rules writes them (rule.py to_api_format):
 * - whitespace: every string is cleaned (trimmed, lines trimmed and joined by one space) except
 *   `query` values and the Markdown fields `note` and `setup` (rule_formatter.nested_normalize);
 * - `[transform]`: each osquery/investigate entry becomes `!{plugin<json>}` (keys sorted, compact,
 *   ASCII-only like Python's json.dumps) and replaces `$plugin_N` / `${plugin_N}` in the note with
 *   the semantics of Python's string.Template.safe_substitute (`$$` → `$`, unknown names kept);
 * - `setup`: a `## Setup` section inside the note moves to `setup` when the rule has none
 *   (_convert_add_setup), rendered as detection-rules renders it (markup dropped, see renderBlocks).
 */

type Json = unknown;
const MARKDOWN_KEYS = new Set(['note', 'setup']);

const cleanup = (s: string): string => s.trim().split(/\r\n|\r|\n/).map((l) => l.trim()).join(' ');

/** rule_formatter.nested_normalize on a JSON value (a fresh copy; input untouched). */
export function nestedNormalize(v: Json, skip = false): Json {
  if (typeof v === 'string') return skip ? v : cleanup(v);
  if (Array.isArray(v)) return v.map((x) => nestedNormalize(x));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
    for (const [k, x] of Object.entries(v)) out[k] = k === 'query' ? x : nestedNormalize(x, MARKDOWN_KEYS.has(k));
    return out;
  }
  return v;
}

/** JSON with sorted keys, no spaces, non-ASCII escaped: Python's json.dumps(sort_keys=True, separators=(',', ':')). */
export function pythonJson(v: Json): string {
  const sorted = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(sorted);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, Json>)[k])]));
    return x;
  };
  return JSON.stringify(sorted(v)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The placeholders a [transform] table defines: osquery_0, investigate_0 … (plugin order osquery, investigate). */
export function transformPlaceholders(transform: Json): Map<string, string> {
  const out = new Map<string, string>();
  if (!transform || typeof transform !== 'object') return out;
  for (const plugin of ['osquery', 'investigate']) {
    const entries = (transform as Record<string, Json>)[plugin];
    if (!Array.isArray(entries)) continue;
    entries.forEach((e, i) => out.set(`${plugin}_${i}`, `!{${plugin}${pythonJson(e)}}`));
  }
  return out;
}

/** Python string.Template(text).safe_substitute(values). */
export function safeSubstitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\}|)/g, (all, esc: string | undefined, named: string | undefined, braced: string | undefined) => {
    if (esc) return '$';
    const name = named ?? braced;
    if (name === undefined) return all;
    return values.get(name) ?? all;
  });
}

/** Inline Markdown as detection-rules' setup renderer leaves it: code spans kept, emphasis and link markup dropped. */
function renderInline(s: string): string {
  const spans: string[] = [];
  let t = s.replace(/(`+)([\s\S]*?)\1/g, (m) => { spans.push(m); return `\u0000${spans.length - 1}\u0000`; });
  t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<(https?:[^>\s]+)>/g, '$1');
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2').replace(/(\*|_)(?=\S)([\s\S]*?\S)\1/g, '$2');
  t = t.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return t.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => spans[Number(i)]!);
}

/** Blocks after a heading, rendered until the next heading of level ≥ 2 (rule.py _convert_get_setup_content). */
function renderBlocks(lines: readonly string[]): string {
  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => { if (para.length) { out.push(`${renderInline(para.join('\n'))}\n`); para = []; } };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) { flush(); if (heading[1]!.length >= 2) break; out.push(renderInline(heading[2]!)); continue; }
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) body.push(lines[i]!);
      out.push(`\`\`\`\n${body.map((b) => `${b}\n`).join('')}\n\`\`\``, '\n');
      continue;
    }
    if (!line.trim()) { flush(); out.push('\n'); continue; }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) { flush(); para.push(item[1]!); continue; }
    para.push(line.trim());
  }
  flush();
  return out.join('').trim();
}

/** Moves a `Setup` section out of the note: [note, setup], or undefined when the note has none. */
export function splitSetup(note: string): { note: string; setup: string } | undefined {
  const lines = note.split('\n');
  // detection-rules moves the section only when a heading reads "setup" (its note check), then
  // takes the first heading whose text contains "Setup".
  if (!lines.some((l) => /^ {0,3}#{1,6}\s+setup\s*#*\s*$/i.test(l))) return undefined;
  const at = lines.findIndex((l) => /^ {0,3}#{1,6}\s/.test(l) && l.includes('Setup'));
  if (at < 0) return undefined;
  const setup = renderBlocks(lines.slice(at + 1));
  return { note: note.replace('## Setup\n\n', '').replace(setup, '').trim(), setup };
}
