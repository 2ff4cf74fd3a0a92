/**
 * JSON Schema (draft 2020-12) checks per dialect, compiled once with ajv (strict, allErrors).
 * Every ajv error is mapped through its instancePath to the value's span, so it prints as
 * file:line:col. Codes are `schema/<ajv keyword>`.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { Dialect, KeyPath, Locator, Rule } from '../../rule/model.ts';

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

/** `/rule/threat/0` → ['rule', 'threat', 0] (JSON Pointer unescaped; digits become indexes). */
export function pointerToPath(pointer: string): KeyPath {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const show = (p: KeyPath): string => (p.length === 0 ? 'the document' : p.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '['));

/** One diagnostic per ajv error, located and worded for a rule author. */
export function mapAjvError(e: ErrorObject, locate: Locator, file: string, ruleId?: string): Diagnostic {
  const path = pointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  let span = locate(path);
  let message = `${show(path)}: ${e.message ?? e.keyword}`;
  let hint: string | undefined;
  switch (e.keyword) {
    case 'required':
      span = locate(path, 'key');
      message = `${show(path)}: missing required property '${String(params.missingProperty)}'`;
      break;
    case 'additionalProperties':
      span = locate([...path, String(params.additionalProperty)], 'key');
      message = `${show(path)}: unknown property '${String(params.additionalProperty)}'`;
      hint = 'check the spelling against the dialect\'s schema (engine/rule/schemas/)';
      break;
    case 'enum':
      message = `${show(path)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'type':
      message = `${show(path)}: must be ${String(params.type)}`;
      break;
    case 'pattern':
      message = `${show(path)}: does not match ${String(params.pattern)}`;
      break;
  }
  return { code: `schema/${e.keyword}`, severity: 'error', message, file, span, ...(ruleId ? { ruleId } : {}), ...(hint ? { hint } : {}) };
}

/** Checks a loaded rule's document against its dialect's schema. */
export function checkSchema(rule: Rule): Diagnostic[] {
  const v = validators().get(schemaFor(rule.dialect, rule.document));
  if (!v || v(rule.document)) return [];
  // anyOf/if wrappers repeat their branches' errors; the branches say more.
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'if' && !(e.keyword === 'anyOf' && v.errors!.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'anyOf')));
  return errors.map((e) => mapAjvError(e, rule.locate, rule.file, rule.id || undefined));
}
