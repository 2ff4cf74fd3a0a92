/**
 * Nested JSON → flat dotted keys ("process.parent.name"), as dac holds ECS documents. Arrays of
 * scalars stay arrays; arrays of objects (e.g. dns.answers) become parallel arrays per leaf key,
 * which is how ECS queries address them (dns.answers.data).
 */
import type { EcsFields, FieldValue, Scalar } from '../types.ts';

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function put(out: Record<string, FieldValue>, key: string, v: Scalar | readonly Scalar[]): void {
  const prev = out[key];
  if (prev === undefined) { out[key] = v; return; }
  const a = Array.isArray(prev) ? [...(prev as Scalar[])] : [prev as Scalar];
  if (Array.isArray(v)) a.push(...(v as Scalar[])); else a.push(v as Scalar);
  out[key] = a;
}

function walk(out: Record<string, FieldValue>, prefix: string, v: unknown): void {
  if (isScalar(v)) { put(out, prefix, v); return; }
  if (Array.isArray(v)) {
    if (v.every(isScalar)) { put(out, prefix, v as Scalar[]); return; }
    for (const item of v) walk(out, prefix, item);
    return;
  }
  if (typeof v === 'object') {
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k === '__proto__') continue;
      walk(out, prefix ? `${prefix}.${k}` : k, child);
    }
  }
}

export function flatten(doc: Record<string, unknown>): EcsFields {
  const out: Record<string, FieldValue> = {};
  walk(out, '', doc);
  return out;
}
