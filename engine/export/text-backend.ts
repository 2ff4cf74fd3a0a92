/**
 * The one IR walker for text query languages a back-end writes from scratch (KQL today). A
 * back-end is mostly a table of tokens and templates; the walk, precedence and parentheses live
 * here once. Stages, in order:
 *
 *   1. convertQuery(q)        dispatch on the query kind; the back-end writes event, sequence and
 *                             pipeline shapes (convertEvent / convertSequence / convertPipeline)
 *   2. convertPredicate(p)    and / or / not with the back-end's tokens and minimal parentheses
 *   3. convertAtom(p)         one test (compare, glob, in, regex, cidr, exists, keyword, truthy)
 *                             through the back-end's templates
 *   4. convertExpr(e)         a field (the back-end's field table), a literal (its quoting), a call
 *                             (its function table)
 *   5. finalizeQuery(text)    wraps the text (source table, header lines)
 *
 * Writing a back-end: subclass, fill `tokens`, implement the atom and expression stages, the
 * query shapes it supports, and `finalizeQuery`. Anything the target cannot say throws
 * Unexpressible with the reason; callers turn it into an "unsupported" result, never a guess.
 */
import type { EventQuery, Expr, IrQuery, PipelineQuery, Predicate, SampleQuery, SequenceQuery } from '../ir/types.ts';

export class Unexpressible extends Error {}

export interface Tokens {
  readonly and: string;
  readonly or: string;
  /** Template for a negation: `{x}` is the operand. */
  readonly not: string;
  readonly groupOpen: string;
  readonly groupClose: string;
  readonly true: string;
  readonly false: string;
}

export type Atom = Exclude<Predicate, { kind: 'and' } | { kind: 'or' } | { kind: 'not' } | { kind: 'const' }>;

export abstract class TextBackend {
  protected abstract readonly tokens: Tokens;

  /** Stage 1. */
  convertQuery(q: IrQuery): string {
    switch (q.kind) {
      case 'event': return this.finalizeQuery(this.convertEvent(q));
      case 'sequence': return this.finalizeQuery(this.convertSequence(q));
      case 'sample': return this.finalizeQuery(this.convertSample(q));
      case 'pipeline': return this.finalizeQuery(this.convertPipeline(q));
    }
  }

  protected abstract convertEvent(q: EventQuery): string;
  protected convertSequence(_q: SequenceQuery): string { throw new Unexpressible('sequences are not supported by this target'); }
  protected convertSample(_q: SampleQuery): string { throw new Unexpressible('samples are not supported by this target'); }
  protected convertPipeline(_q: PipelineQuery): string { throw new Unexpressible('pipelines are not supported by this target'); }

  /** Stage 2. Precedence: or 1, and 2, not/atom 3. */
  convertPredicate(p: Predicate, min = 0): string {
    const t = this.tokens;
    const wrap = (prec: number, s: string) => (prec < min ? `${t.groupOpen}${s}${t.groupClose}` : s);
    switch (p.kind) {
      case 'or': return wrap(1, p.args.map((a) => this.convertPredicate(a, 2)).join(` ${t.or} `));
      case 'and': return wrap(2, p.args.map((a) => this.convertPredicate(a, 3)).join(` ${t.and} `));
      case 'not': return t.not.replace('{x}', this.convertPredicate(p.arg, t.not.includes('(') ? 0 : 3));
      case 'const': return p.value ? t.true : t.false;
      default: return this.convertAtom(p);
    }
  }

  /** Stage 3. */
  protected abstract convertAtom(p: Atom): string;

  /** Stage 4. */
  protected abstract convertExpr(e: Expr): string;

  /** Stage 5. */
  protected finalizeQuery(text: string): string { return text; }
}
