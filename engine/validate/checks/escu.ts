/**
 * contentctl's rules for ESCU detections that a schema cannot say: name length, file name derived
 * from the name, the `<file_stem>_filter` macro, rba for TTP/Anomaly, and v4 → v5 migration.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { asRecord, str } from '../../source/values.ts';
import { at, type RuleCheck } from './types.ts';

export const ESCU_NAME_MAX = 67;
const V4_TAGS = ['confidence', 'impact', 'risk_score', 'message', 'observable'] as const;

/**
 * contentctl's file name for a detection name (contentNameToFileName): each space, `-`, `.` and `/`
 * becomes `_` (so `A - B` gives `a___b`), then lower case; nothing else changes.
 */
export function escuFileStem(name: string): string {
  return name.replace(/[ \-./]/g, '_').toLowerCase();
}

const stemOf = (file: string): string => (file.split('/').pop() ?? file).replace(/\.ya?ml$/i, '');

export const escuCheck: RuleCheck = {
  name: 'escu',
  validate(rule) {
    if (rule.dialect !== 'escu') return [];
    const out: Diagnostic[] = [];
    const doc = rule.document;
    const name = str(doc.name);
    const stem = stemOf(rule.file);
    if (name !== undefined) {
      if (name.length > ESCU_NAME_MAX) out.push(at(rule, ['name'], { code: 'rule/escu-name-too-long', severity: 'error', message: `name is ${name.length} characters; contentctl allows at most ${ESCU_NAME_MAX}` }));
      const want = escuFileStem(name);
      if (want !== stem) out.push(at(rule, ['name'], { code: 'rule/escu-file-name', severity: 'error', message: `file name '${stem}' does not match the name; contentctl expects '${want}.yml'` }));
    }
    const search = str(doc.search);
    if (search !== undefined && !search.includes(`\`${stem}_filter\``)) {
      out.push(at(rule, ['search'], {
        code: 'rule/escu-missing-filter', severity: 'error', message: `search does not use the \`${stem}_filter\` macro`,
        hint: `end the search with | \`${stem}_filter\` and define it in rules/macros/${stem}_filter.yml as 'search *'`,
      }));
    }
    const tags = asRecord(doc.tags) ?? {};
    const v4 = V4_TAGS.filter((k) => k in tags);
    if (v4.length > 0) {
      out.push(at(rule, ['tags', v4[0]], {
        code: 'rule/escu-v4', severity: 'warning', message: `contentctl v4 tags (${v4.map((k) => `tags.${k}`).join(', ')}) are read, but v5 replaced them`,
        hint: 'migrate: tags.message → rba.message; each tags.observable with a role of victim → rba.risk_objects {field, type, score: tags.risk_score}, attacker roles → rba.threat_objects; drop confidence and impact',
      }, 'key'));
    } else if ((doc.type === 'TTP' || doc.type === 'Anomaly') && doc.rba === undefined) {
      out.push(at(rule, [], { code: 'rule/escu-rba-missing', severity: 'error', message: `a ${String(doc.type)} detection needs an rba section (message, risk_objects)` }));
    }
    return out;
  },
};
