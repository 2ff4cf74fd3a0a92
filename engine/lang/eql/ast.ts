/** EQL syntax tree, as written (before case rules and ECS mapping are made explicit in the IR). Every node has its query span. */
import type { Span } from '../../diag/diagnostic.ts';

export type ArithOp = '+' | '-' | '*' | '/' | '%';
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** Pattern operators: `:`, like, like~, regex, regex~. */
export type MatchOp = ':' | 'like' | 'like~' | 'regex' | 'regex~';

export type Node =
  | { readonly kind: 'field'; readonly name: string; readonly optional: boolean; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly float: boolean; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'null'; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly insensitive: boolean; readonly args: readonly Node[]; readonly nameSpan: Span; readonly span: Span }
  | { readonly kind: 'neg'; readonly arg: Node; readonly span: Span }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Node; readonly right: Node; readonly span: Span }
  | { readonly kind: 'cmp'; readonly op: CmpOp; readonly left: Node; readonly right: Node; readonly opSpan: Span; readonly span: Span }
  | { readonly kind: 'match'; readonly op: MatchOp; readonly left: Node; readonly patterns: readonly Node[]; readonly opSpan: Span; readonly span: Span }
  | { readonly kind: 'in'; readonly insensitive: boolean; readonly negated: boolean; readonly left: Node; readonly values: readonly Node[]; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: Node; readonly span: Span }
  | { readonly kind: 'paren'; readonly inner: Node; readonly span: Span };

export interface EventQueryAst {
  readonly kind: 'event';
  /** null for `any`. */
  readonly category: string | null;
  readonly categorySpan: Span;
  readonly cond: Node;
  readonly span: Span;
}

export interface StepAst {
  readonly query: EventQueryAst;
  readonly by: readonly Node[];
  readonly runs: number;
  readonly missing: boolean;
  readonly span: Span;
}

export interface SequenceAst {
  readonly kind: 'sequence' | 'sample';
  readonly by: readonly Node[];
  readonly maxspanMs?: number;
  readonly steps: readonly StepAst[];
  readonly until?: StepAst;
  readonly span: Span;
}

export interface PipeAst { readonly kind: 'head' | 'tail'; readonly n: number; readonly span: Span }

export interface QueryAst {
  readonly body: EventQueryAst | SequenceAst;
  readonly pipes: readonly PipeAst[];
  readonly span: Span;
}
