/**
 * Functions callable from the IR (`CallExpr.fn`), registered by the name the IR uses, namespaced
 * per language ('eql.add', 'spl.lower') because languages disagree on semantics of same-named
 * functions. A definition carries its signature (for front-end type checks) and its
 * implementation (for the runtime). Registering a name twice throws.
 *
 * Adding a function: put its definition in the language's file (functions/eql.ts, …) inside the
 * array that file passes to `registerFunctions`; index.ts imports every language's file.
 */
import type { FieldValue } from '../values.ts';

export type ValueType = 'string' | 'number' | 'boolean' | 'ip' | 'any';

export interface FunctionDef {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Accepted types of argument i (for type checks); 'any' accepts all. */
  readonly argType: (i: number) => readonly ValueType[];
  readonly returns: ValueType;
  /** Whether a case-insensitive (`~`) variant exists. */
  readonly caseVariant: boolean;
  /** Evaluates on already-evaluated arguments; null in → usually null out, as the language says. */
  readonly run: (args: readonly FieldValue[], caseInsensitive: boolean) => FieldValue;
}

const registry = new Map<string, FunctionDef>();

export function registerFunctions(defs: readonly FunctionDef[]): void {
  for (const d of defs) {
    if (registry.has(d.name)) throw new Error(`function ${d.name} registered twice`);
    registry.set(d.name, d);
  }
}

export function getFunction(name: string): FunctionDef | undefined {
  return registry.get(name);
}

export function functionNames(prefix = ''): string[] {
  return [...registry.keys()].filter((k) => k.startsWith(prefix)).sort();
}
