/**
 * Sigma placeholder values (`|expand` with `%name%`, as SigmaHQ's rules-placeholder use them),
 * read from a YAML file: each key a placeholder name, each value a string or a list of strings.
 * The repo's file is `sigma-placeholders.yml` at its root; `dac run --placeholders FILE` names
 * another. A rule that expands a name the file lacks gets a located sigma/unknown-placeholder error.
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import { parseYamlSource } from '../source/yaml-source.ts';

export const PLACEHOLDER_FILE = 'sigma-placeholders.yml';

export interface LoadedPlaceholders {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly diagnostics: readonly Diagnostic[];
}

const scalar = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

export function loadPlaceholderSource(text: string, file: string): LoadedPlaceholders {
  const parsed = parseYamlSource(text, file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const values = new Map<string, readonly string[]>();
  const bad = (message: string, path: (string | number)[]): void => {
    diagnostics.push({ code: 'rule/placeholder-invalid', severity: 'error', file, span: parsed.docs[0]?.locate(path), message });
  };
  const doc = parsed.docs[0]?.value;
  if (parsed.docs.length === 0 || doc === null || doc === undefined) return { values, diagnostics };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    bad('a placeholder file is a map: placeholder name → value or list of values', []);
    return { values, diagnostics };
  }
  for (const [name, v] of Object.entries(doc as Record<string, unknown>)) {
    const list = Array.isArray(v) ? v : [v];
    const strs = list.map(scalar);
    const i = strs.findIndex((s) => s === undefined);
    if (i >= 0) { bad(`placeholder '${name}': values must be strings or numbers`, Array.isArray(v) ? [name, i] : [name]); continue; }
    values.set(name, strs as string[]);
  }
  return { values, diagnostics };
}
