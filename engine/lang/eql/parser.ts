/**
 * Recursive-descent EQL parser (Elasticsearch dialect). Precedence, loosest first:
 * or < and < not < comparison (== != < <= > >=, non-chaining) < pattern/membership predicates
 * (: like regex in) < + - < * / % < unary minus < primary. Old Endgame constructs are recognised
 * and rejected with code eql/endgame-only so authors learn the Elasticsearch spelling.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { ArithOp, CmpOp, EventQueryAst, MatchOp, Node, PipeAst, QueryAst, SequenceAst, StepAst } from './ast.ts';
import { EqlError } from './errors.ts';
import { lex, type Token } from './lexer.ts';
import { table } from '../../source/own.ts';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'like', 'regex', 'where', 'sequence', 'sample', 'join', 'until', 'by', 'with', 'true', 'false', 'null', 'any', 'of', 'maxspan']);
const UNIT_MS: Record<string, number> = table({ ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 });
const ENDGAME_PIPES = new Set(['unique', 'unique_count', 'count', 'filter', 'sort', 'window']);
const LINEAGE = new Set(['descendant', 'child', 'event']);

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

export function parseQuery(text: string): QueryAst {
  const p = new Parser(text);
  return p.query();
}

/** A bare condition (for expression-level tests and `evalExpr`). */
export function parseExpression(text: string): Node {
  const p = new Parser(text);
  const e = p.expr();
  p.expectEof();
  return e;
}

class Parser {
  private readonly toks: Token[];
  private pos = 0;

  constructor(text: string) { this.toks = lex(text); }

  private get t(): Token { return this.toks[this.pos]; }
  private peek(k = 1): Token { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]; }
  private next(): Token { const t = this.t; if (t.kind !== 'eof') this.pos++; return t; }
  private isOp(v: string, t = this.t): boolean { return t.kind === 'op' && t.value === v; }
  private isKw(v: string, t = this.t): boolean { return t.kind === 'ident' && t.value.toLowerCase() === v; }

  private fail(msg: string, t = this.t, hint?: string): never {
    const what = t.kind === 'eof' ? 'end of query' : JSON.stringify(t.kind === 'string' ? `"${t.value}"` : t.value);
    throw new EqlError('syntax', t.span, `${msg}, found ${what}`, hint);
  }
  private expectOp(v: string, hint?: string): Token {
    if (!this.isOp(v)) this.fail(`expected '${v}'`, this.t, hint);
    return this.next();
  }
  private expectKw(v: string, hint?: string): Token {
    if (!this.isKw(v)) this.fail(`expected '${v}'`, this.t, hint);
    return this.next();
  }
  expectEof(): void {
    if (this.isOp('=')) this.endgameEquals();
    if (this.t.kind !== 'eof') this.fail('expected end of query');
  }

  query(): QueryAst {
    const first = this.t;
    let body: EventQueryAst | SequenceAst;
    if (this.isKw('sequence') || this.isKw('sample')) body = this.sequence();
    else if (this.isKw('join')) throw new EqlError('endgame-only', first.span, '`join` is Endgame EQL; Elasticsearch has no join', 'use `sequence by …` (ordered) or `sample by …` (unordered)');
    else body = this.eventQuery();
    const pipes: PipeAst[] = [];
    while (this.isOp('|')) pipes.push(this.pipe());
    this.expectEof();
    return { body, pipes, span: join(first.span, this.toks[Math.max(0, this.pos - 1)].span) };
  }

  private pipe(): PipeAst {
    const bar = this.next();
    const name = this.t;
    if (name.kind !== 'ident') this.fail('expected a pipe name after |');
    const lname = name.value.toLowerCase();
    if (lname !== 'head' && lname !== 'tail') {
      if (ENDGAME_PIPES.has(lname)) throw new EqlError('endgame-only', name.span, `pipe \`${name.value}\` is Endgame EQL; Elasticsearch supports only head and tail`, 'filter in the where clause, or drop the pipe');
      throw new EqlError('bad-pipe', name.span, `unknown pipe \`${name.value}\``, 'use | head N or | tail N');
    }
    this.next();
    const n = this.t;
    if (n.kind !== 'number' || n.float) this.fail(`expected a whole number after ${lname}`);
    this.next();
    return { kind: lname, n: Number(n.value), span: join(bar.span, n.span) };
  }

  private eventQuery(): EventQueryAst {
    const c = this.t;
    let category: string | null;
    if (c.kind === 'ident' && c.value.toLowerCase() === 'any') category = null;
    else if ((c.kind === 'ident' && !KEYWORDS.has(c.value.toLowerCase())) || c.kind === 'string') category = c.value;
    else if (c.kind === 'quoted') category = c.value;
    else this.fail('expected an event category (e.g. process, network, any)');
    this.next();
    this.expectKw('where', 'write `<category> where <condition>`');
    const cond = this.expr();
    return { kind: 'event', category, categorySpan: c.span, cond, span: join(c.span, cond.span) };
  }

  private sequence(): SequenceAst {
    const kw = this.next();
    const kind = kw.value.toLowerCase() as 'sequence' | 'sample';
    let by: Node[] = [];
    let maxspanMs: number | undefined;
    for (let round = 0; round < 2; round++) {
      if (this.isKw('by') && by.length === 0) { this.next(); by = this.keys(); }
      else if (this.isKw('with') && maxspanMs === undefined) {
        const w = this.next();
        if (kind === 'sample') throw new EqlError('bad-sequence', w.span, '`sample` takes no maxspan', 'remove `with maxspan=…`');
        this.expectKw('maxspan', 'write `with maxspan=5m`');
        this.expectOp('=');
        maxspanMs = this.timeUnit();
      }
    }
    const steps: StepAst[] = [];
    let until: StepAst | undefined;
    while (this.isOp('[') || this.isOp('!')) steps.push(this.step(kind));
    if (this.isKw('until')) {
      const u = this.next();
      if (kind === 'sample') throw new EqlError('bad-sequence', u.span, '`sample` has no until clause');
      until = this.step(kind);
      if (until.runs !== 1 || until.missing) throw new EqlError('bad-sequence', until.span, 'the until query takes no runs and cannot be a missing event');
    }
    const total = steps.reduce((a, s) => a + s.runs, 0);
    const positives = steps.filter((s) => !s.missing).length;
    if (total < 2 || positives < 1) {
      this.fail(`a ${kind} needs at least two queries in brackets`, this.t, `e.g. ${kind} [process where true] [file where true]`);
    }
    const missing = steps.find((s) => s.missing);
    if (missing && maxspanMs === undefined) {
      throw new EqlError('bad-sequence', missing.span, 'a missing event ![…] needs the sequence to have a maxspan', 'add `with maxspan=…` after `sequence`');
    }
    const last = until ?? steps[steps.length - 1];
    return { kind, by, maxspanMs, steps, until, span: join(kw.span, last.span) };
  }

  private step(kind: 'sequence' | 'sample'): StepAst {
    const start = this.t;
    let missing = false;
    if (this.isOp('!')) {
      if (kind === 'sample') throw new EqlError('bad-sequence', start.span, '`sample` cannot have missing events ![…]');
      missing = true; this.next();
    }
    this.expectOp('[', 'each step is an event query in brackets: [process where …]');
    const query = this.eventQuery();
    let end = this.expectOp(']').span;
    let by: Node[] = [];
    let runs = 1;
    if (this.isKw('fork')) throw new EqlError('endgame-only', this.t.span, '`fork` is Endgame EQL', 'remove it');
    if (this.isKw('by')) { this.next(); by = this.keys(); end = by[by.length - 1].span; }
    if (this.isKw('with') && this.isKw('runs', this.peek())) {
      this.next();
      const r = this.next();
      this.expectOp('=');
      const n = this.t;
      if (n.kind !== 'number' || n.float) this.fail('expected a whole number for runs');
      this.next();
      runs = Number(n.value);
      if (runs < 2 || runs > 100) throw new EqlError('bad-runs', join(r.span, n.span), `runs must be between 2 and 100, got ${runs}`, 'write `with runs=2` or more, or drop it for a single match');
      end = n.span;
    }
    return { query, by, runs, missing, span: join(start.span, end) };
  }

  private keys(): Node[] {
    const out = [this.value()];
    while (this.isOp(',')) { this.next(); out.push(this.value()); }
    return out;
  }

  private timeUnit(): number {
    const n = this.t;
    if (n.kind !== 'number') this.fail('expected a duration such as 30s or 5m');
    this.next();
    let unit = '';
    let end = n.span;
    if (this.t.kind === 'ident' && this.t.span.start === n.span.end) { unit = this.t.value; end = this.next().span; }
    const span = join(n.span, end);
    if (n.float) throw new EqlError('bad-maxspan', span, 'maxspan must be a whole number of a unit', 'write 1500ms instead of 1.5s');
    if (!unit) throw new EqlError('bad-maxspan', span, 'maxspan needs a time unit', 'add one of ms, s, m, h, d (e.g. 30s)');
    const mult = UNIT_MS[unit];
    if (mult === undefined) throw new EqlError('bad-maxspan', span, `unknown time unit "${unit}"`, 'use ms, s, m, h or d');
    return Number(n.value) * mult;
  }

  // ---- conditions -------------------------------------------------------------------------

  expr(): Node {
    let left = this.andExpr();
    while (this.isKw('or')) { this.next(); const right = this.andExpr(); left = { kind: 'or', left, right, span: join(left.span, right.span) }; }
    return left;
  }

  private andExpr(): Node {
    let left = this.notExpr();
    while (this.isKw('and')) { this.next(); const right = this.notExpr(); left = { kind: 'and', left, right, span: join(left.span, right.span) }; }
    return left;
  }

  private notExpr(): Node {
    if (this.isKw('not')) {
      const kw = this.next();
      const arg = this.notExpr();
      return { kind: 'not', arg, span: join(kw.span, arg.span) };
    }
    return this.comparison();
  }

  private comparison(): Node {
    const left = this.predicate();
    if (this.isOp('=')) this.endgameEquals();
    const t = this.t;
    if (t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      this.next();
      const right = this.predicate();
      return { kind: 'cmp', op: t.value as CmpOp, left, right, opSpan: t.span, span: join(left.span, right.span) };
    }
    return left;
  }

  private endgameEquals(): never {
    throw new EqlError('endgame-only', this.t.span, '`=` is Endgame EQL; Elasticsearch compares with ==', 'write == (case-sensitive) or : (case-insensitive)');
  }

  private predicate(): Node {
    const left = this.additive();
    const t = this.t;
    if (t.kind === 'op' && t.value === ':') { this.next(); return this.matchTail(':', left, t.span); }
    if (t.kind === 'ident') {
      const w = t.value.toLowerCase();
      const tilde = this.isOp('~', this.peek()) && this.peek().span.start === t.span.end;
      if (w === 'like' || w === 'regex') {
        this.next();
        if (tilde) this.next();
        return this.matchTail((tilde ? `${w}~` : w) as MatchOp, left, join(t.span, this.toks[this.pos - 1].span));
      }
      if (w === 'in') { this.next(); if (tilde) this.next(); return this.inTail(left, tilde, false); }
      if (w === 'not' && this.isKw('in', this.peek())) {
        this.next(); const inTok = this.next();
        const ti = this.isOp('~') && this.t.span.start === inTok.span.end;
        if (ti) this.next();
        return this.inTail(left, ti, true);
      }
      if (w === 'of' && left.kind === 'field' && LINEAGE.has(left.name)) {
        throw new EqlError('endgame-only', join(left.span, t.span), `\`${left.name} of\` (lineage) is Endgame EQL; Elasticsearch has no process-tree joins`, 'use a sequence by process.entity_id instead');
      }
    }
    return left;
  }

  /** Pattern operand(s): a string constant or a parenthesised list of them. */
  private matchTail(op: MatchOp, left: Node, opSpan: Span): Node {
    const patterns: Node[] = [];
    let end: Span;
    if (this.isOp('(')) {
      this.next();
      patterns.push(this.constant(op));
      while (this.isOp(',')) { this.next(); patterns.push(this.constant(op)); }
      end = this.expectOp(')').span;
    } else {
      const c = this.constant(op);
      patterns.push(c); end = c.span;
    }
    return { kind: 'match', op, left, patterns, opSpan, span: join(left.span, end) };
  }

  private constant(op: string): Node {
    const t = this.t;
    if (t.kind === 'number' || this.isKw('true') || this.isKw('false') || this.isKw('null') || (this.isOp('-') && this.peek().kind === 'number')) {
      const n = this.unary();
      throw new EqlError('type-mismatch', n.span, `\`${op}\` needs string patterns`, 'quote the pattern, e.g. "cmd*.exe"');
    }
    if (t.kind === 'string') { this.next(); return { kind: 'string', value: t.value, span: t.span }; }
    this.stringLike(t);
    return this.fail(`\`${op}\` needs a string constant`);
  }

  private inTail(left: Node, insensitive: boolean, negated: boolean): Node {
    this.expectOp('(', 'write `in ("a", "b")`');
    const values = [this.value()];
    while (this.isOp(',')) { this.next(); values.push(this.value()); }
    const end = this.expectOp(')').span;
    return { kind: 'in', insensitive, negated, left, values, span: join(left.span, end) };
  }

  private value(): Node { return this.additive(); }

  private additive(): Node {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().value as ArithOp;
      const right = this.multiplicative();
      left = { kind: 'arith', op, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().value as ArithOp;
      const right = this.unary();
      left = { kind: 'arith', op, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      const m = this.next();
      const arg = this.unary();
      if (arg.kind === 'number') return { kind: 'number', value: -arg.value, float: arg.float, span: join(m.span, arg.span) };
      return { kind: 'neg', arg, span: join(m.span, arg.span) };
    }
    if (this.isOp('+')) { this.next(); return this.unary(); }
    return this.primary();
  }

  /** Rejects Endgame string spellings with a pointed message. */
  private stringLike(t: Token): void {
    if (t.kind === 'sqstring') throw new EqlError('endgame-only', t.span, "single-quoted strings are Endgame EQL; Elasticsearch needs double quotes", `write "${t.value}"`);
    if (t.kind === 'rawstring') throw new EqlError('endgame-only', t.span, '?"raw" strings are Endgame EQL', 'use a """triple-quoted""" string');
  }

  private primary(): Node {
    const t = this.t;
    this.stringLike(t);
    if (t.kind === 'number') { this.next(); return { kind: 'number', value: Number(t.value), float: t.float === true, span: t.span }; }
    if (t.kind === 'string') { this.next(); return { kind: 'string', value: t.value, span: t.span }; }
    if (this.isOp('(')) {
      this.next();
      const inner = this.expr();
      const end = this.expectOp(')').span;
      return { kind: 'paren', inner, span: join(t.span, end) };
    }
    if (t.kind === 'ident') {
      const w = t.value.toLowerCase();
      if (w === 'true' || w === 'false') { this.next(); return { kind: 'bool', value: w === 'true', span: t.span }; }
      if (w === 'null') { this.next(); return { kind: 'null', span: t.span }; }
      const nx = this.peek();
      const tilde = this.isOp('~', nx) && nx.span.start === t.span.end;
      if (this.isOp('(', nx) || (tilde && this.isOp('(', this.peek(2)))) return this.call(tilde);
    }
    if (t.kind === 'ident' || t.kind === 'quoted' || this.isOp('?')) return this.field();
    return this.fail('expected a value (field, string, number, function call)');
  }

  private call(tilde: boolean): Node {
    const name = this.next();
    if (tilde) this.next();
    this.next(); // (
    const args: Node[] = [];
    if (!this.isOp(')')) {
      args.push(this.expr());
      while (this.isOp(',')) { this.next(); args.push(this.expr()); }
    }
    const end = this.expectOp(')', 'close the argument list').span;
    return { kind: 'call', name: name.value, insensitive: tilde, args, nameSpan: name.span, span: join(name.span, end) };
  }

  private field(): Node {
    const start = this.t;
    let optional = false;
    if (this.isOp('?')) { optional = true; this.next(); }
    const parts: string[] = [];
    let end: Span = start.span;
    for (;;) {
      const p = this.t;
      if (p.kind === 'ident' && (parts.length > 0 || !KEYWORDS.has(p.value.toLowerCase()))) parts.push(p.value);
      else if (p.kind === 'quoted') parts.push(p.value);
      else this.fail(parts.length ? 'expected a field name after .' : 'expected a field name');
      end = this.next().span;
      if (this.isOp('[') && this.t.span.start === end.end && this.peek().kind === 'number') {
        const b = this.t;
        throw new EqlError('endgame-only', b.span, 'array indexing field[n] is Endgame EQL', 'match any element instead: array fields match when any element does');
      }
      if (!this.isOp('.') || this.peek().span.start !== this.t.span.end) break;
      this.next();
    }
    return { kind: 'field', name: parts.join('.'), optional, span: join(start.span, end) };
  }
}
