/**
 * KQL (Kibana Query Language, "kuery") syntax tree. Values keep what matching needs: the
 * unescaped text, whether it was quoted (a phrase: no wildcards) and its glob parts (unquoted `*`).
 * Spans are offsets into the query text.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { Glob } from '../../ir/types.ts';

export interface KqlValue {
  /** Unescaped text (wildcards kept as `*` for messages). */
  readonly text: string;
  readonly quoted: boolean;
  /** Unquoted values: literal runs and `*` wildcards. Quoted: one literal run. */
  readonly glob: Glob;
  readonly hasWildcard: boolean;
  readonly span: Span;
}

export type RangeOp = '<' | '<=' | '>' | '>=';

/** A condition on the values of one field: `(a or b and not c)` lists nest. */
export type ValueList =
  | { readonly kind: 'value'; readonly value: KqlValue }
  | { readonly kind: 'or' | 'and'; readonly args: readonly ValueList[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: ValueList; readonly span: Span };

export interface FieldRef { readonly name: string; readonly span: Span }

export type KqlNode =
  | { readonly kind: 'or' | 'and'; readonly args: readonly KqlNode[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: KqlNode; readonly span: Span }
  /** `field:list` (`field:*` is an exists test, kept as a value with only a wildcard). */
  | { readonly kind: 'match'; readonly field: FieldRef; readonly values: ValueList; readonly span: Span }
  | { readonly kind: 'range'; readonly field: FieldRef; readonly op: RangeOp; readonly value: KqlValue; readonly span: Span }
  /** `field:{ subquery }`: the subquery's fields are relative to `field` (a nested object). */
  | { readonly kind: 'nested'; readonly field: FieldRef; readonly query: KqlNode; readonly span: Span }
  /** A value with no field: Kibana matches it against every field. */
  | { readonly kind: 'any-field'; readonly values: ValueList; readonly span: Span };
