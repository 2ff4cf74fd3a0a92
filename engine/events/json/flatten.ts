/**
 * Nested JSON → flat dotted keys ("process.parent.name"), as dac holds ECS documents. Arrays of
 * scalars stay arrays; arrays of objects (e.g. dns.answers) become parallel arrays per leaf key,
 * which is how ECS queries address them (dns.answers.data).
 */
import type { EcsFields, FieldValue, Scalar } from '../types.ts';

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Deepest nesting kept (DAC_MAX_JSON_DEPTH, default 100): ECS documents are a few levels deep. */
export const MAX_JSON_DEPTH = Number(process.env.DAC_MAX_JSON_DEPTH) > 0 ? Number(process.env.DAC_MAX_JSON_DEPTH) : 100;

/** Thrown for a document nested deeper than MAX_JSON_DEPTH; readers turn it into a rejection. */
export class TooDeepError extends Error {}

function put(out: Record<string, FieldValue>, key: string, v: Scalar | readonly Scalar[]): void {
  // `out` has no prototype, so `constructor` or `__proto__` are plain keys (issue 15 item 7).
  const prev = out[key];
  if (prev === undefined) { out[key] = v; return; }
  const a = Array.isArray(prev) ? [...(prev as Scalar[])] : [prev as Scalar];
  // A loop, not push(...v): a spread of a 200k-element array overflows the stack.
  if (Array.isArray(v)) for (const x of v as Scalar[]) a.push(x); else a.push(v as Scalar);
  out[key] = a;
}

function walk(out: Record<string, FieldValue>, prefix: string, v: unknown, depth: number): void {
  if (depth > MAX_JSON_DEPTH) throw new TooDeepError(`nested deeper than ${MAX_JSON_DEPTH} levels (raise DAC_MAX_JSON_DEPTH)`);
  if (isScalar(v)) { put(out, prefix, v); return; }
  if (Array.isArray(v)) {
    if (v.every(isScalar)) { put(out, prefix, v as Scalar[]); return; }
    for (const item of v) walk(out, prefix, item, depth + 1);
    return;
  }
  if (typeof v === 'object') {
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(out, prefix ? `${prefix}.${k}` : k, child, depth + 1);
  }
}

export function flatten(doc: Record<string, unknown>): EcsFields {
  const out = Object.create(null) as Record<string, FieldValue>;
  walk(out, '', doc, 0);
  return out;
}
