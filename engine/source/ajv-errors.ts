/**
 * ajv errors as located diagnostics: each error's instancePath is followed to the value's span
 * through the document's Locator, so it prints as file:line:col. Codes are `schema/<ajv keyword>`.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { KeyPath, Locator } from './locator.ts';

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
