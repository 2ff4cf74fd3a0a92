/** CAR pseudocode syntax: assignments of searches and filters, and one `output`. */
import type { Span } from '../../diag/diagnostic.ts';

export type CarCompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type CarExpr =
  | { readonly kind: 'and' | 'or'; readonly args: readonly CarExpr[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: CarExpr; readonly span: Span }
  | { readonly kind: 'cmp'; readonly field: string; readonly fieldSpan: Span; readonly op: CarCompareOp; readonly value: string | number; readonly span: Span }
  | { readonly kind: 'in'; readonly field: string; readonly fieldSpan: Span; readonly values: readonly (string | number)[]; readonly span: Span };

export type CarStatement =
  | { readonly kind: 'search'; readonly name: string; readonly object: string; readonly action: string; readonly objectSpan: Span; readonly span: Span }
  | { readonly kind: 'filter'; readonly name: string; readonly input: string; readonly inputSpan: Span; readonly where: CarExpr; readonly span: Span }
  | { readonly kind: 'output'; readonly name: string; readonly span: Span };

export interface CarProgram { readonly statements: readonly CarStatement[] }
