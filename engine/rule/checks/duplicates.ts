/** Ids and names are unique across the repo; each repeat is reported where it appears, naming the first. */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { Rule } from '../model.ts';
import { at, type RuleCheck } from './types.ts';

export function duplicatesCheck(): RuleCheck {
  const seen: Rule[] = [];
  return {
    name: 'duplicates',
    validate(rule) { seen.push(rule); return []; },
    finalize() {
      const out: Array<{ rule: Rule; diagnostic: Diagnostic }> = [];
      const ids = new Map<string, Rule>();
      const names = new Map<string, Rule>();
      for (const r of seen) {
        const idPath = r.dialect === 'elastic' ? ['rule', 'rule_id'] : ['id'];
        const namePath = r.dialect === 'elastic' ? ['rule', 'name'] : r.dialect === 'escu' ? ['name'] : ['title'];
        const where = (o: Rule) => `${o.file}${o.docIndex > 0 ? ` (document ${o.docIndex + 1})` : ''}`;
        if (r.id) {
          const first = ids.get(r.id.toLowerCase());
          if (first) out.push({ rule: r, diagnostic: at(r, idPath, { code: 'rule/duplicate-id', severity: 'error', message: `id '${r.id}' is also used by ${where(first)}` }) });
          else ids.set(r.id.toLowerCase(), r);
        }
        if (r.name) {
          const first = names.get(r.name);
          if (first) out.push({ rule: r, diagnostic: at(r, namePath, { code: 'rule/duplicate-name', severity: 'error', message: `name '${r.name}' is also used by ${where(first)}` }) });
          else names.set(r.name, r);
        }
      }
      return out;
    },
  };
}
