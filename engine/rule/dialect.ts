/**
 * Recognises a document's dialect from its keys. Each dialect names the keys only it uses
 * (`markers`) and the keys it commonly has (`known`); a document with a marker fits. One that fits
 * none is compared by shared keys, and the error names the closest dialect and what it lacks.
 */
import type { Dialect } from './model.ts';
import { asRecord, type Doc } from '../source/values.ts';

interface DialectKeys { readonly label: string; readonly markers: readonly string[]; readonly known: readonly string[] }

const KEYS: Readonly<Record<Dialect, DialectKeys>> = {
  elastic: { label: 'Elastic TOML', markers: ['rule'], known: ['metadata', 'rule', 'transform', 'tests'] },
  sigma: {
    label: 'Sigma', markers: ['detection', 'correlation', 'logsource'],
    known: ['title', 'id', 'status', 'description', 'references', 'author', 'date', 'modified', 'tags', 'logsource', 'detection', 'falsepositives', 'level', 'related', 'fields', 'name', 'correlation'],
  },
  car: {
    label: 'MITRE CAR', markers: ['implementations', 'coverage', 'information_domain', 'submission_date', 'data_model_references'],
    known: ['id', 'title', 'submission_date', 'update_date', 'information_domain', 'platforms', 'subtypes', 'analytic_types', 'contributors', 'description', 'coverage', 'implementations', 'data_model_references', 'references', 'd3fend_mappings'],
  },
  escu: {
    label: 'Splunk ESCU', markers: ['search'],
    known: ['name', 'id', 'version', 'date', 'author', 'status', 'type', 'description', 'data_source', 'search', 'how_to_implement', 'known_false_positives', 'references', 'drilldown_searches', 'rba', 'tags', 'tests'],
  },
};

/** Order matters only for ties: Sigma before CAR before ESCU (a CAR file may quote a `search`). */
const ORDER: readonly Dialect[] = ['elastic', 'sigma', 'car', 'escu'];

export type Recognition =
  | { readonly ok: true; readonly dialect: Dialect }
  | { readonly ok: false; readonly closest?: Dialect; readonly message: string };

export function recognise(value: unknown): Recognition {
  const doc: Doc | undefined = asRecord(value);
  if (!doc) return { ok: false, message: 'the document is not a mapping of keys to values' };
  const keys = Object.keys(doc);
  for (const d of ORDER) if (KEYS[d].markers.some((m) => keys.includes(m) && (d !== 'elastic' || asRecord(doc[m])))) return { ok: true, dialect: d };
  let best: Dialect | undefined;
  let bestShared = 0;
  for (const d of ORDER) {
    const shared = keys.filter((k) => KEYS[d].known.includes(k)).length;
    if (shared > bestShared) { best = d; bestShared = shared; }
  }
  if (!best) {
    return { ok: false, message: `no dialect recognised: none of the keys (${keys.slice(0, 6).join(', ') || 'none'}) belongs to Elastic TOML, Splunk ESCU, MITRE CAR or Sigma` };
  }
  const k = KEYS[best];
  const missing = k.markers.map((m) => `'${m}'`).join(' or ');
  return { ok: false, closest: best, message: `no dialect recognised: closest is ${k.label} (${bestShared} matching key${bestShared === 1 ? '' : 's'}), but it has no ${missing} key` };
}

export function dialectLabel(d: Dialect): string {
  return KEYS[d].label;
}
