/**
 * The reference parser cases that concern the Elasticsearch dialect (dialect: elastic), and the
 * verifier cases (must be rejected with a semantic/type error). Cases that depend on a reference
 * feature flag dac does not model, or on Endgame-endpoint functions, are excluded with reasons.
 */
import { expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { compileEql } from '../../../engine/lang/eql/index.ts';
import type { FieldCatalog, FieldType } from '../../../engine/ir/fields.ts';
import { describeShared } from '../../support/shared.ts';
import { readShared } from './support.ts';

interface ParserCase { source: string; kind: string; text: string; expect: string; flags: string[]; dialect: string }
interface Verifier { expression: string }

/** A reference schema ({event_type: {field: type | nested}}) as one flat catalogue. */
function schemaCatalog(schema: Record<string, Record<string, unknown>>): FieldCatalog {
  const table = new Map<string, FieldType>();
  const add = (prefix: string, v: unknown) => {
    if (typeof v === 'string') table.set(prefix, v === 'number' ? 'long' : v === 'boolean' ? 'boolean' : 'keyword');
    else if (Array.isArray(v)) add(prefix, v[0]);
    else if (v && typeof v === 'object') {
      table.set(prefix, 'object');
      for (const [k, x] of Object.entries(v)) add(`${prefix}.${k}`, x);
    }
  };
  for (const fields of Object.values(schema)) for (const [k, v] of Object.entries(fields)) add(k, v);
  return { name: 'reference-schema', typeOf: (f) => table.get(f) };
}

const SEMANTIC = new Set(['unknown-function', 'arg-count', 'type-mismatch', 'unknown-field', 'bad-runs', 'bad-sequence', 'bad-maxspan', 'endgame-only']);

function exclusion(c: ParserCase): string | undefined {
  if (c.flags.includes('elastic_endpoint_syntax')) return 'Elastic Endpoint dialect (arraySearch, $variables), not Elasticsearch';
  if (c.flags.includes('elasticsearch_validate_optional_fields')) return 'reference flag that also checks ?optional fields; Elasticsearch exempts them';
  if (c.text.startsWith('sample') && !c.flags.includes('allow_sample') && c.expect !== 'ok' && !c.text.includes('!')) return 'reference flag allow_sample off; Elasticsearch has sample';
  if (c.text === 'sequence [process where process.name != null]') return 'one-query sequence: Elasticsearch requires two or more (runs count)';
  return undefined;
}

describeShared('EQL parser cases (Elasticsearch dialect)', ['eql', 'json', 'parser_cases.json'], () => {
  const data = readShared<{ schemas: Record<string, Record<string, Record<string, unknown>>>; cases: ParserCase[] }>('eql', 'json', 'parser_cases.json');
  const es = data.cases.filter((c) => c.dialect === 'elastic');
  const fields = schemaCatalog(data.schemas.elasticsearch_flag);
  const run = es.filter((c) => !exclusion(c));

  it.each(run.map((c) => [`${c.expect}: ${c.text}`, c] as const))('%s', (_n, c) => {
    const r = compileEql(c.text, c.flags.includes('schema') ? { fields } : {});
    if (c.expect === 'ok') expect(r.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    else {
      expect(r.query).toBeUndefined();
      // the reference's syntax/semantic split is its own; a rejection is what must hold, and the
      // semantic cases must not be mere syntax errors
      if (c.expect === 'EqlSemanticError') expect(SEMANTIC.has(r.errors[0].code)).toBe(true);
    }
  });

  it('counts', () => {
    process.stdout.write(`[eql parser cases] elastic dialect: ${run.length} run, ${es.length - run.length} excluded\n`);
    expect(run.length).toBe(42);
  });
});

describeShared('EQL verifier cases', ['eql', 'json', 'verifier_failures.json'], () => {
  const cases = readShared<Verifier[]>('eql', 'json', 'verifier_failures.json');
  // Endgame single quotes are translated to Elasticsearch double quotes so the type check is what is tested.
  it.each(cases.map((c, i) => [i, c.expression, c] as const))('%i %s', (_i, _x, c) => {
    const r = compileEql(`any where ${c.expression.replace(/'([^']*)'/g, '"$1"')}`);
    expect(r.query).toBeUndefined();
    expect(['unknown-function', 'arg-count', 'type-mismatch']).toContain(r.errors[0].code);
  });
});
