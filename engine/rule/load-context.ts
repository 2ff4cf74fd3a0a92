/** What every dialect loader receives: one parsed document and where it came from. */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { KeyPath, Locator, Rule, RuleQuery } from './model.ts';
import { offsetMapper } from '../source/string-offsets.ts';
import type { Doc } from '../source/values.ts';

export interface LoadContext {
  readonly file: string;
  readonly source: string;
  readonly docIndex: number;
  readonly doc: Doc;
  readonly locate: Locator;
}

export interface LoadResult { readonly rule: Rule; readonly diagnostics: Diagnostic[] }

/** A text query at `path`, with offsets mapped into the file. */
export function textQuery(ctx: LoadContext, language: Exclude<RuleQuery['language'], 'sigma' | 'none'>, text: string, path: KeyPath): RuleQuery {
  const toFileOffset = offsetMapper(ctx.source, ctx.locate(path), text);
  return { kind: 'text', language, text, path, toFileOffset };
}
