/**
 * Backtick macro expansion, done on text before lexing (as Splunk does). A call is `name` or
 * `name(a, b)`; it is looked up as `name` or `name(2)` (ESCU's naming) and `$arg$` in the
 * definition is replaced by the argument given for the macro's `arguments` entry. Surrounding
 * double quotes on an argument are removed (`drop_dm_object_name("Processes")` works like the
 * unquoted form, which is what ESCU's searches rely on).
 *
 * Spans: the expanded text keeps a segment map, so an offset anywhere inside an expansion maps
 * back to the whole macro call site in the original text (nested macros map to the outermost call).
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { MacroDefinition } from '../../rule/model.ts';

export type MacroErrorCode = 'unknown-macro' | 'unterminated-macro' | 'macro-arguments' | 'macro-cycle';
export interface MacroError { readonly code: MacroErrorCode; readonly message: string; readonly span: Span }

interface Segment { readonly expStart: number; readonly expEnd: number; readonly orig: Span; readonly verbatim: boolean }

export interface Expanded {
  readonly text: string;
  readonly errors: readonly MacroError[];
  /** Maps a span of the expanded text to the original text. */
  readonly toOriginal: (s: Span) => Span;
  /** Names of the macros used (each once), for reports. */
  readonly used: readonly string[];
}

const MAX_DEPTH = 20;

export function expandMacros(text: string, macros: ReadonlyMap<string, MacroDefinition> | undefined): Expanded {
  const errors: MacroError[] = [];
  const segments: Segment[] = [];
  const used = new Set<string>();
  let out = '';

  // Expands `src` (a macro body or the query); every error and segment points at `site` when nested.
  const expand = (src: string, site: Span | undefined, stack: readonly string[]): void => {
    let i = 0;
    while (i < src.length) {
      const tick = src.indexOf('`', i);
      const upto = tick < 0 ? src.length : tick;
      if (upto > i) push(src.slice(i, upto), site ?? { start: i, end: upto }, site === undefined);
      if (tick < 0) return;
      const close = src.indexOf('`', tick + 1);
      const callSpan = site ?? { start: tick, end: close < 0 ? src.length : close + 1 };
      if (close < 0) {
        errors.push({ code: 'unterminated-macro', message: 'unbalanced backtick: the macro call has no closing `', span: site ?? { start: tick, end: tick + 1 } });
        return;
      }
      const call = parseCall(src.slice(tick + 1, close).trim());
      if (!call) {
        errors.push({ code: 'macro-arguments', message: `cannot read the macro call \`${src.slice(tick + 1, close)}\``, span: callSpan });
      } else {
        const key = call.args.length ? `${call.name}(${call.args.length})` : call.name;
        const def = macros?.get(key);
        if (!def) {
          errors.push({ code: 'unknown-macro', message: `unknown macro \`${key}\``, span: callSpan });
        } else if (stack.includes(key) || stack.length >= MAX_DEPTH) {
          errors.push({ code: 'macro-cycle', message: `macro \`${key}\` expands into itself (${[...stack, key].join(' → ')})`, span: callSpan });
        } else {
          used.add(key);
          let body = def.definition;
          def.arguments.forEach((name, k) => { body = body.split(`$${name}$`).join(call.args[k] ?? ''); });
          // Padding keeps the body from gluing onto neighbouring words, as Splunk's expansion does not.
          push(' ', callSpan, false);
          expand(body, callSpan, [...stack, key]);
          push(' ', callSpan, false);
        }
      }
      i = close + 1;
    }
  };

  const push = (s: string, orig: Span, verbatim: boolean): void => {
    segments.push({ expStart: out.length, expEnd: out.length + s.length, orig, verbatim });
    out += s;
  };

  expand(text, undefined, []);

  const mapOffset = (k: number, side: 'start' | 'end'): number => {
    for (const seg of segments) {
      const inside = side === 'start' ? k >= seg.expStart && k < seg.expEnd : k > seg.expStart && k <= seg.expEnd;
      if (!inside) continue;
      if (seg.verbatim) return seg.orig.start + (k - seg.expStart);
      return side === 'start' ? seg.orig.start : seg.orig.end;
    }
    return side === 'start' ? text.length : text.length;
  };
  const toOriginal = (s: Span): Span => {
    const start = mapOffset(s.start, 'start');
    const end = s.end > s.start ? mapOffset(s.end, 'end') : start;
    return { start, end: Math.max(start, end) };
  };
  return { text: out, errors, toOriginal, used: [...used] };
}

/** `name` or `name(arg, "arg, with comma")` → name and raw args (outer quotes removed). */
function parseCall(s: string): { name: string; args: string[] } | undefined {
  const m = /^([A-Za-z0-9_.:-]+)\s*(?:\(([\s\S]*)\))?$/.exec(s);
  if (!m) return undefined;
  const name = m[1]!;
  if (m[2] === undefined) return { name, args: [] };
  const args: string[] = [];
  let cur = '';
  let inQuote = false;
  let depth = 0;
  for (let i = 0; i < m[2].length; i++) {
    const c = m[2][i]!;
    if (c === '\\' && inQuote) { cur += c + (m[2][i + 1] ?? ''); i++; continue; }
    if (c === '"') inQuote = !inQuote;
    if (!inQuote && c === '(') depth++;
    if (!inQuote && c === ')') depth--;
    if (!inQuote && depth === 0 && c === ',') { args.push(cur); cur = ''; continue; }
    cur += c;
  }
  args.push(cur);
  return { name, args: args.map(unquote) };
}

function unquote(a: string): string {
  const t = a.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
