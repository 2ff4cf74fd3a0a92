/**
 * Front-end isolation and nesting limit (issue 15 item 4): every front-end is wrapped so that
 *   - a query nesting brackets deeper than MAX_NESTING is refused with a located `<lang>/too-deep`
 *     error before it is parsed (recursive-descent parsers and tree walkers stay far from the
 *     stack limit);
 *   - anything a front-end still throws (a stack overflow on some other deep shape, a bug) becomes
 *     that rule's located error, never the run's end.
 * The limit is read once from DAC_MAX_NESTING (default 256) so an operator can raise it.
 */
import type { Diagnostic, DiagnosticCode } from '../diag/diagnostic.ts';
import type { Rule } from '../rule/model.ts';
import type { CompileEnv, CompileResult, FrontEnd } from './types.ts';

export const MAX_NESTING = positiveInt(process.env.DAC_MAX_NESTING, 256);

function positiveInt(v: string | undefined, dflt: number): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : dflt;
}

/** Offset of the bracket that first goes deeper than `max`, or -1. Quoted text is skipped. */
export function tooDeepAt(text: string, max = MAX_NESTING): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') { if (++depth > max) return i; }
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export function guardFrontEnd(fe: FrontEnd): FrontEnd {
  const code = (name: string) => `${fe.language}/${name}` as DiagnosticCode;
  const tooDeep = (start: number, file: string, ruleId?: string): Diagnostic => ({
    code: code('too-deep'), severity: 'error', file, span: { start, end: start + 1 }, ...(ruleId ? { ruleId } : {}),
    message: `brackets nest deeper than ${MAX_NESTING} levels`, hint: 'flatten the condition (or raise DAC_MAX_NESTING)',
  });
  const crashed = (e: unknown, file: string, start: number | undefined, ruleId?: string): CompileResult => ({
    diagnostics: [{
      code: code(isStackOverflow(e) ? 'too-deep' : 'front-end-failed'), severity: 'error', file, ...(ruleId ? { ruleId } : {}),
      ...(start !== undefined ? { span: { start, end: start + 1 } } : {}),
      message: isStackOverflow(e) ? 'the query nests too deeply to compile' : `the ${fe.language} front-end failed on this query: ${e instanceof Error ? e.message : String(e)}`,
    }],
  });
  return {
    ...fe,
    compileRule(rule: Rule, env: CompileEnv): CompileResult {
      const q = rule.query;
      const start = q.kind === 'text' ? q.toFileOffset(0) : undefined;
      if (q.kind === 'text') {
        const at = tooDeepAt(q.text);
        if (at >= 0) return { diagnostics: [tooDeep(q.toFileOffset(at), rule.file, rule.id)] };
      }
      try { return fe.compileRule(rule, env); } catch (e) { return crashed(e, rule.file, start, rule.id); }
    },
    compileText(text: string, origin: string, env: CompileEnv): CompileResult {
      const at = tooDeepAt(text);
      if (at >= 0) return { diagnostics: [tooDeep(at, origin)] };
      try { return fe.compileText(text, origin, env); } catch (e) { return crashed(e, origin, 0); }
    },
  };
}
