/** Lenient readers over parsed documents: loaders never throw on wrong types (the schema reports them). */
export type Doc = Readonly<Record<string, unknown>>;

export function asRecord(v: unknown): Doc | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

export function strList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return list(v).filter((x): x is string => typeof x === 'string');
}

/** `"A, B"` or `["A", "B"]` → ['A', 'B']. */
export function authorList(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/\s*,\s*/).filter((s) => s.length > 0);
  return strList(v);
}
