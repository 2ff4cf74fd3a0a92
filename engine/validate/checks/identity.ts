/** Ids and dates in the shape each dialect uses: UUIDs (CAR: CAR-YYYY-MM-NNN), calendar dates. */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { Rule } from '../../rule/model.ts';
import { asRecord, str } from '../../source/values.ts';
import { at, type RuleCheck } from './types.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
export const CAR_ID = /^CAR-\d{4}-\d{2}-\d{3}$/;

const SLASH = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const DASH = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Date keys per dialect, with the separator that dialect writes. */
function dateFields(rule: Rule): Array<{ path: string[]; form: RegExp; label: string }> {
  switch (rule.dialect) {
    case 'elastic': return ['creation_date', 'updated_date', 'deprecation_date'].map((k) => ({ path: ['metadata', k], form: SLASH, label: 'YYYY/MM/DD' }));
    case 'car': return ['submission_date', 'update_date'].map((k) => ({ path: [k], form: SLASH, label: 'YYYY/MM/DD' }));
    case 'escu': return [{ path: ['date'], form: DASH, label: 'YYYY-MM-DD' }];
    case 'sigma': return ['date', 'modified'].map((k) => ({ path: [k], form: DASH, label: 'YYYY-MM-DD' }));
  }
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let v = doc;
  for (const p of path) v = asRecord(v)?.[p];
  return v;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const identityCheck: RuleCheck = {
  name: 'identity',
  validate(rule) {
    const out: Diagnostic[] = [];
    const idPath = rule.dialect === 'elastic' ? ['rule', 'rule_id'] : ['id'];
    const id = str(valueAt(rule.document, idPath));
    if (id !== undefined) {
      if (rule.dialect === 'car') {
        if (!CAR_ID.test(id)) out.push(at(rule, idPath, { code: 'rule/bad-car-id', severity: 'error', message: `'${id}' is not a CAR id (CAR-YYYY-MM-NNN)` }));
      } else if (rule.dialect === 'elastic' && !UUID.test(id) && UUID_PREFIX.test(id)) {
        // detection-rules matches its UUID pattern at the start only (definitions.UUID_PATTERN via
        // re.match), so it ships such ids; Kibana takes any rule_id string. Worth fixing, not fatal.
        out.push(at(rule, idPath, { code: 'rule/bad-uuid', severity: 'warning', message: `'${id}' is not a UUID (8-4-4-4-12 hex digits); detection-rules accepts it because it checks only the start` }));
      } else if (!UUID.test(id)) {
        out.push(at(rule, idPath, { code: 'rule/bad-uuid', severity: 'error', message: `'${id}' is not a UUID (8-4-4-4-12 hex digits)` }));
      }
    }
    const seen: number[] = [];
    for (const f of dateFields(rule)) {
      const v = valueAt(rule.document, f.path);
      if (v === undefined) continue;
      const m = typeof v === 'string' ? f.form.exec(v) : null;
      if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        out.push(at(rule, f.path, { code: 'rule/bad-date', severity: 'error', message: `${f.path.join('.')}: '${String(v)}' is not a date written ${f.label}` }));
        continue;
      }
      seen.push(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      if (seen.length === 2 && seen[1] < seen[0]) {
        out.push(at(rule, f.path, { code: 'rule/date-order', severity: 'warning', message: `${f.path.join('.')} is earlier than the creation date` }));
      }
    }
    return out;
  },
};
