/**
 * JSON Schema (draft 2020-12) checks per dialect, compiled once with ajv (strict, allErrors).
 * Every ajv error is mapped through its instancePath to the value's span (source/ajv-errors.ts),
 * so it prints as file:line:col. Codes are `schema/<ajv keyword>`.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { Dialect, Rule } from '../../rule/model.ts';
import { mapAjvError } from '../../source/ajv-errors.ts';

type SchemaName = 'elastic' | 'escu' | 'car' | 'sigma' | 'sigma-correlation' | 'tests';

function loadSchema(name: SchemaName): object {
  return JSON.parse(readFileSync(new URL(`../../rule/schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;
}

let compiled: Map<SchemaName, ValidateFunction> | undefined;

/** Compiles all schemas once per process (ajv caches by $id, we cache the functions). */
function validators(): Map<SchemaName, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  ajv.addSchema(loadSchema('tests'));
  const m = new Map<SchemaName, ValidateFunction>();
  for (const n of ['elastic', 'escu', 'car', 'sigma', 'sigma-correlation'] as const) m.set(n, ajv.compile(loadSchema(n)));
  compiled = m;
  return m;
}

export function schemaFor(dialect: Dialect, doc: Readonly<Record<string, unknown>>): SchemaName {
  if (dialect === 'sigma') return 'correlation' in doc ? 'sigma-correlation' : 'sigma';
  return dialect;
}

/** Checks a loaded rule's document against its dialect's schema. */
export function checkSchema(rule: Rule): Diagnostic[] {
  const v = validators().get(schemaFor(rule.dialect, rule.document));
  if (!v || v(rule.document)) return [];
  // anyOf/if wrappers repeat their branches' errors; the branches say more.
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'if' && !(e.keyword === 'anyOf' && v.errors!.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'anyOf')));
  return errors.map((e) => mapAjvError(e, rule.locate, rule.file, rule.id || undefined));
}
