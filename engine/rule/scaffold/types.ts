/** What a new rule is scaffolded from: the author's choices plus ATT&CK facts looked up by the caller. */
export type ScaffoldDialect = 'elastic' | 'sigma' | 'escu' | 'car';

export interface ScaffoldTactic { readonly id: string; readonly shortname: string; readonly name: string }
export interface ScaffoldTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly ScaffoldTactic[];
  /** For a sub-technique: its parent (Elastic nests them; CAR lists them under it). */
  readonly parent?: { readonly id: string; readonly name: string };
}

export interface ScaffoldInput {
  readonly dialect: ScaffoldDialect;
  readonly name: string;
  /** A fresh UUID (the caller makes it, so the templates stay pure and testable). */
  readonly id: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  readonly techniques: readonly ScaffoldTechnique[];
  /** A dataset the test stub replays (a negative case: the new rule must not fire on it). */
  readonly negativeDataset: string;
}

export interface ScaffoldFile { readonly path: string; readonly text: string }

/** lower_snake_case of a name, as ESCU and the rules/ layout name files. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'new_rule';
}

/** A value inside double quotes in TOML or YAML (both accept JSON string escapes). */
export const quoted = (s: string): string => JSON.stringify(s);
