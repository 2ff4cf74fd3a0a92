/** SPL syntax tree: one node per command of the supported subset. Spans are expanded-text offsets. */
import type { Span } from '../../diag/diagnostic.ts';

/** A search-language value: a bare word (wildcards count) or a quoted string (wildcards count too). */
export interface Value { readonly text: string; readonly quoted: boolean; readonly span: Span }
export interface FieldRef { readonly name: string; readonly span: Span }

export type SearchOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** `search` / tstats `where` terms. Implicit AND binds loosest, then OR, then NOT (Splunk's order). */
export type SearchExpr =
  | { readonly kind: 'and' | 'or'; readonly args: readonly SearchExpr[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: SearchExpr; readonly span: Span }
  | { readonly kind: 'cmp'; readonly field: FieldRef; readonly op: SearchOp; readonly value: Value; readonly span: Span }
  | { readonly kind: 'in'; readonly field: FieldRef; readonly values: readonly Value[]; readonly span: Span }
  | { readonly kind: 'term'; readonly value: Value; readonly span: Span };

export type EvalBinaryOp = 'OR' | 'AND' | 'XOR' | '=' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '.' | 'LIKE';

/** `eval` / `where` expressions. */
export type EvalExpr =
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'null'; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly EvalExpr[]; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: EvalBinaryOp; readonly left: EvalExpr; readonly right: EvalExpr; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: EvalExpr; readonly span: Span }
  | { readonly kind: 'neg'; readonly arg: EvalExpr; readonly span: Span };

export type AggName = 'count' | 'values' | 'dc' | 'min' | 'max' | 'latest' | 'earliest' | 'sum' | 'avg';
export const AGG_NAMES: ReadonlySet<string> = new Set<AggName>(['count', 'values', 'dc', 'min', 'max', 'latest', 'earliest', 'sum', 'avg']);

export interface Agg {
  readonly fn: AggName;
  readonly arg?: FieldRef;
  /** Column name: the `as` name, else Splunk's default (`count`, `values(x)`). */
  readonly as: string;
  readonly span: Span;
}

export type Command =
  | { readonly kind: 'search'; readonly expr?: SearchExpr; readonly span: Span }
  | {
      readonly kind: 'tstats'; readonly options: ReadonlyMap<string, string>; readonly aggs: readonly Agg[];
      readonly model: string; readonly dataset: string; readonly modelSpan: Span;
      readonly where?: SearchExpr; readonly by: readonly FieldRef[]; readonly span: Span;
    }
  | { readonly kind: 'stats'; readonly aggs: readonly Agg[]; readonly by: readonly FieldRef[]; readonly span: Span }
  | { readonly kind: 'where'; readonly expr: EvalExpr; readonly span: Span }
  | { readonly kind: 'eval'; readonly assignments: readonly { readonly name: string; readonly expr: EvalExpr; readonly span: Span }[]; readonly span: Span }
  | { readonly kind: 'rename'; readonly pairs: readonly { readonly from: string; readonly to: string; readonly span: Span }[]; readonly span: Span }
  | { readonly kind: 'table'; readonly fields: readonly FieldRef[]; readonly span: Span }
  | { readonly kind: 'fields'; readonly remove: boolean; readonly fields: readonly FieldRef[]; readonly span: Span }
  | { readonly kind: 'dedup'; readonly fields: readonly FieldRef[]; readonly span: Span }
  | {
      readonly kind: 'convert'; readonly timeformat: string;
      readonly conversions: readonly { readonly fn: 'ctime'; readonly field: FieldRef; readonly as?: string; readonly span: Span }[];
      readonly span: Span;
    }
  | { readonly kind: 'head' | 'tail'; readonly n: number; readonly span: Span }
  | { readonly kind: 'sort'; readonly keys: readonly { readonly field: FieldRef; readonly desc: boolean }[]; readonly span: Span };

export interface Pipeline { readonly commands: readonly Command[] }
