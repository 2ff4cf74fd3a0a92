/** The repo's ATT&CK coverage: technique → rules mapping it, and which of those pass everything. */
import type { CoverageEntry, RuleResult } from './types.ts';

export interface TechniqueInfo { readonly name: string; readonly tactics: readonly string[] }

/** `passes`: whether a rule counts as passing (a correlation's base rules pass through it). */
export function coverage(results: readonly RuleResult[], lookup: (id: string) => TechniqueInfo | undefined, passes: (r: RuleResult) => boolean): CoverageEntry[] {
  const by = new Map<string, { rules: Set<string>; passing: Set<string> }>();
  for (const r of results) {
    const ok = passes(r);
    for (const t of r.attack.techniques) {
      let e = by.get(t);
      if (!e) { e = { rules: new Set(), passing: new Set() }; by.set(t, e); }
      e.rules.add(r.id);
      if (ok) e.passing.add(r.id);
    }
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([technique, e]) => {
      const info = lookup(technique);
      return { technique, name: info?.name ?? '(not in the bundled catalogue)', tactics: info?.tactics ?? [], rules: [...e.rules].sort(), passing: [...e.passing].sort() };
    });
}
