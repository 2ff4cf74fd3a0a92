/** ajv checks of export output against the schemas in export/schemas (compiled once each). */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const cache = new Map<string, ValidateFunction>();
const ajv = new Ajv({ allErrors: true, strict: false });

export type ExportSchema = 'kibana-rule' | 'navigator-layer' | 'sentinel-rule';

/** Problems as "instancePath message" strings; empty when the value is valid. */
export function checkSchema(schema: ExportSchema, value: unknown): string[] {
  let v = cache.get(schema);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(new URL(`./schemas/${schema}.schema.json`, import.meta.url), 'utf8')) as object);
    cache.set(schema, v);
  }
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
