/**
 * The 121 function examples of Elasticsearch's EQL function reference: each expression, compiled
 * by dac's front-end and evaluated by the runtime, gives the documented result — except where the
 * documentation is plainly wrong; there dac follows Elasticsearch's Java implementation (listed below).
 */
import { expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { parseExpression } from '../../../engine/lang/eql/parser.ts';
import { expr as toExpr } from '../../../engine/lang/eql/to-ir.ts';
import { Checker } from '../../../engine/lang/eql/check.ts';
import type { EqlError } from '../../../engine/lang/eql/errors.ts';
import { evalExpr } from '../../../engine/runtime/index.ts';
import { describeShared } from '../../support/shared.ts';
import { readShared } from './support.ts';

interface Example { expression: string; doc_result: unknown }

/** Documented results that contradict Elasticsearch's implementation, with what Java computes. */
const DOC_ERRATA: Record<string, { value: unknown; why: string }> = {
  'subtract(-2, 4)': { value: -6, why: '-2 - 4 is -6 (the page says -8)' },
  'subtract(-2, -4)': { value: 2, why: '-2 - (-4) is 2 (the page says 8)' },
  'indexOf~("subdomain.example.com", "D")': { value: 3, why: 'case-insensitively "D" first occurs at index 3, as indexOf(…, "d") documents (the page says 4)' },
  'stringContains~("start regsvr32.exe", "Regsvr32")': { value: true, why: 'the ~ variant ignores case, so "Regsvr32" is contained (the page says false)' },
};

describeShared('Elasticsearch EQL function examples', ['eql', 'elasticsearch', 'docs_function_examples.json'], () => {
  const examples = readShared<Example[]>('eql', 'elasticsearch', 'docs_function_examples.json');

  it('has all 121 examples', () => expect(examples.length).toBe(121));

  it.each(examples.map((e) => [e.expression, e] as const))('%s', (_x, e) => {
    const node = parseExpression(e.expression);
    const errors: EqlError[] = [];
    new Checker(undefined, (x) => errors.push(x)).value(node);
    expect(errors.map((x) => x.message)).toEqual([]);
    const want = DOC_ERRATA[e.expression]?.value ?? e.doc_result;
    expect(evalExpr(toExpr(node), {})).toEqual(want);
  });

  it('lists every documentation erratum it overrides, and each is really in the data', () => {
    const exprs = new Set(examples.map((e) => e.expression));
    for (const k of Object.keys(DOC_ERRATA)) expect(exprs.has(k)).toBe(true);
  });
});
