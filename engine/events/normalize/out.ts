/**
 * Building a flat ECS document: setters that skip empty values, as Winlogbeat's pipelines do.
 * Windows' `-` placeholder is a value (issue 18): Sigma filters test it.
 */
import type { EcsFields, FieldValue, Scalar } from '../types.ts';

export type Out = Record<string, FieldValue>;

export function set(out: Out, key: string, v: FieldValue | undefined): void {
  if (v === undefined || v === null || v === '') return;
  out[key] = v;
}

/** Sets only if the key is still empty (Winlogbeat's rename into an existing field fails). */
export function setFirst(out: Out, key: string, v: FieldValue | undefined): void {
  if (out[key] === undefined) set(out, key, v);
}

/** Appends to an array field without duplicates (related.*); Windows' `-` placeholder names nothing. */
export function append(out: Out, key: string, v: Scalar | undefined): void {
  if (v === undefined || v === null || v === '' || v === '-') return;
  const prev = out[key];
  if (prev === undefined) { out[key] = [v]; return; }
  const arr = Array.isArray(prev) ? (prev as Scalar[]) : [prev as Scalar];
  if (!arr.includes(v)) out[key] = [...arr, v];
}

export function toLong(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const t = s.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t.slice(2), 16) : /^-?\d+$/.test(t) ? Number(t) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function freeze(out: Out): EcsFields {
  return out;
}
