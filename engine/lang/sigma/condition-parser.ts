/**
 * Sigma conditions → an AST, with the specification's precedence, loosest first:
 * or < and < not < `1 of` / `all of` < parentheses. Every node keeps its offsets in the condition.
 */
import { lexCondition, type CondToken } from './condition-lexer.ts';

export type CondNode =
  | { readonly kind: 'and' | 'or'; readonly left: CondNode; readonly right: CondNode; readonly start: number; readonly end: number }
  | { readonly kind: 'not'; readonly arg: CondNode; readonly start: number; readonly end: number }
  | { readonly kind: 'ident'; readonly name: string; readonly start: number; readonly end: number }
  /** `1 of x*` / `all of them`: pattern undefined means `them`. */
  | { readonly kind: 'of'; readonly quantifier: 'one' | 'all'; readonly pattern?: string; readonly start: number; readonly end: number };

export interface CondError { readonly error: string; readonly start: number; readonly end: number; readonly deprecated?: boolean }

export function parseCondition(text: string): CondNode | CondError {
  const lexed = lexCondition(text);
  if ('error' in lexed) return lexed;
  const toks = lexed.tokens;
  let pos = 0;
  const peek = (): CondToken | undefined => toks[pos];
  const fail = (msg: string, t?: CondToken): CondError => ({ error: msg, start: t?.start ?? text.length, end: t?.end ?? text.length });

  function primary(): CondNode | CondError {
    const t = toks[pos++];
    if (!t) return fail('condition ends where an identifier was expected');
    if (t.kind === 'lparen') {
      const inner = orExpr();
      if ('error' in inner) return inner;
      const close = toks[pos++];
      if (close?.kind !== 'rparen') return fail("missing ')'", close ?? t);
      return inner;
    }
    if (t.kind === 'one-of' || t.kind === 'all-of') {
      const target = toks[pos++];
      if (!target || (target.kind !== 'ident' && target.kind !== 'them')) return fail(`'${t.text}' needs an identifier pattern or 'them'`, target ?? t);
      return { kind: 'of', quantifier: t.kind === 'one-of' ? 'one' : 'all', ...(target.kind === 'ident' ? { pattern: target.text } : {}), start: t.start, end: target.end };
    }
    if (t.kind === 'ident') return { kind: 'ident', name: t.text, start: t.start, end: t.end };
    if (t.kind === 'number') return fail(`'${t.text}' here: only '1 of' is a quantifier (use '1 of' or 'all of')`, t);
    return fail(`unexpected '${t.text}'`, t);
  }

  function notExpr(): CondNode | CondError {
    const t = peek();
    if (t?.kind === 'not') {
      pos++;
      const arg = notExpr();
      if ('error' in arg) return arg;
      return { kind: 'not', arg, start: t.start, end: arg.end };
    }
    return primary();
  }

  function binary(kind: 'and' | 'or', next: () => CondNode | CondError): CondNode | CondError {
    let left = next();
    if ('error' in left) return left;
    while (peek()?.kind === kind) {
      pos++;
      const right = next();
      if ('error' in right) return right;
      left = { kind, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  const andExpr = (): CondNode | CondError => binary('and', notExpr);
  const orExpr = (): CondNode | CondError => binary('or', andExpr);

  const root = orExpr();
  if ('error' in root) return root;
  const rest = peek();
  if (rest?.kind === 'pipe') return { error: "Sigma 1 aggregations ('| count() by …') are replaced by correlation rules in Sigma 2", start: rest.start, end: text.length, deprecated: true };
  if (rest) return fail(`unexpected '${rest.text}' after a complete condition`, rest);
  return root;
}
