/**
 * Ids and names are unique across the repo. Every rule sharing one is reported where it
 * appears, naming the others, so both the original and the copy show the problem.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { Rule } from '../../rule/model.ts';
import { at, type RuleCheck } from './types.ts';

const where = (o: Rule) => `${o.file}${o.docIndex > 0 ? ` (document ${o.docIndex + 1})` : ''}`;

function groups(rules: readonly Rule[], key: (r: Rule) => string): Rule[][] {
  const m = new Map<string, Rule[]>();
  for (const r of rules) {
    const k = key(r);
    if (k) m.set(k, [...(m.get(k) ?? []), r]);
  }
  return [...m.values()].filter((g) => g.length > 1);
}

export function duplicatesCheck(): RuleCheck {
  const seen: Rule[] = [];
  return {
    name: 'duplicates',
    validate(rule) { seen.push(rule); return []; },
    finalize() {
      const out: Array<{ rule: Rule; diagnostic: Diagnostic }> = [];
      for (const g of groups(seen, (r) => r.id.toLowerCase())) {
        for (const r of g) {
          const others = g.filter((o) => o !== r).map(where).join(', ');
          out.push({ rule: r, diagnostic: at(r, r.dialect === 'elastic' ? ['rule', 'rule_id'] : ['id'], { code: 'rule/duplicate-id', severity: 'error', message: `id '${r.id}' is also used by ${others}` }) });
        }
      }
      for (const g of groups(seen, (r) => r.name)) {
        for (const r of g) {
          const others = g.filter((o) => o !== r).map(where).join(', ');
          const path = r.dialect === 'elastic' ? ['rule', 'name'] : r.dialect === 'escu' ? ['name'] : ['title'];
          out.push({ rule: r, diagnostic: at(r, path, { code: 'rule/duplicate-name', severity: 'error', message: `name '${r.name}' is also used by ${others}` }) });
        }
      }
      return out;
    },
  };
}
