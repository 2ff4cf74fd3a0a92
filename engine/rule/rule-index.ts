/** Rules by id, name or file stem: how a Sigma correlation names the rules it counts. */
import type { Rule, RuleIndex } from './model.ts';

export function ruleIndex(rules: readonly Rule[]): RuleIndex {
  const by = new Map<string, Rule>();
  for (const r of rules) {
    if (r.id && !by.has(r.id)) by.set(r.id, r);
    if (r.name && !by.has(r.name)) by.set(r.name, r);
    const stem = r.file.split('/').pop()?.replace(/\.[^.]+$/, '');
    if (stem && !by.has(stem)) by.set(stem, r);
  }
  return { rules, byIdOrName: (key) => by.get(key) };
}
