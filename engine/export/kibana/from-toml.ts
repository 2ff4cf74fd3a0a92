/**
 * A detection-rules TOML rule as its own export writes it (rule.py TOMLRuleContents.to_api_format):
 * 1. every key of `[rule]`, as written (building_block_type, setup, investigation_fields,
 *    timestamp_override, alert_suppression, exceptions_list, filters, threat …), nothing added
 *    but what detection-rules adds;
 * 2. `[transform]` rendered into `note`, then whitespace normalised (note.ts);
 * 3. `threat[].technique` defaulted to [] (tactic-only entries kept);
 * 4. related_integrations and required_fields added when the rule has none (integrations.ts);
 * 5. a `## Setup` section of the note moved to `setup`;
 * 6. new_terms in the API's shape (new_terms_fields, history_window_start);
 * 7. `version`: the TOML's own, else the version lock's, else 1 (a new rule).
 * dac adds one thing detection-rules leaves to Kibana: `enabled: false` unless the TOML says, so an
 * import never switches a rule on by itself (docs/exports.md).
 */
import type { IrQuery } from '../../ir/types.ts';
import type { Rule } from '../../rule/model.ts';
import { fieldsUsed } from '../fields-used.ts';
import { datasetsOf, esqlDatasets, relatedIntegrations, requiredFields } from './integrations.ts';
import { nestedNormalize, safeSubstitute, splitSetup, transformPlaceholders } from './note.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** JSON-safe deep copy (TOML dates become ISO strings), keys sorted as detection-rules' save_json writes them. */
function sortedCopy(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) out[k] = sortedCopy(v[k]);
    return out;
  }
  return v;
}

export interface TomlExport { readonly value: Obj; readonly notes: string[] }

/** `query`: the rule's compiled IR, when dac has one (required_fields and datasets come from it). */
export function kibanaFromToml(rule: Rule, query: IrQuery | undefined, lockedVersion: number | undefined): TomlExport {
  const notes: string[] = [];
  const doc = rule.document;
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const data = nestedNormalize(withTransform(isObj(doc.rule) ? doc.rule : {}, doc.transform)) as Obj;
  const type = typeof data.type === 'string' ? data.type : 'query';
  const language = typeof data.language === 'string' ? data.language : undefined;

  if (Array.isArray(data.threat)) for (const t of data.threat) if (isObj(t) && t.technique === undefined) t.technique = [];

  if (data.related_integrations === undefined && meta.integration !== undefined && ((language !== undefined && language !== 'lucene') || type === 'machine_learning')) {
    const pkgs = (Array.isArray(meta.integration) ? meta.integration : [meta.integration]).filter((x): x is string => typeof x === 'string');
    const datasets = type === 'esql' ? [...new Set([...(query ? datasetsOf(query) : []), ...esqlDatasets(String(data.query ?? ''))])].sort() : query ? datasetsOf(query) : [];
    const r = relatedIntegrations(pkgs, type, datasets);
    if (r.unknown.length) notes.push(`related_integrations: no manifest for ${r.unknown.join(', ')} (detection-rules' integration-manifests), left out`);
    if (r.value.length) data.related_integrations = r.value;
  }

  if (data.required_fields === undefined && language !== undefined && language !== 'lucene') {
    if (query) {
      // detection-rules lists the Field nodes of the query: EQL's `process where` names a category,
      // not the event.category field, which counts only where the query spells it out.
      const text = String(data.query ?? '');
      const used = fieldsUsed(query).filter((f) => f !== 'event.category' || language !== 'eql' || text.includes('event.category'));
      const fields = requiredFields(used);
      if (fields.length) data.required_fields = fields;
    } else notes.push(`required_fields left out: dac does not compile this ${language} query, so it cannot list the fields it reads`);
  }

  if (typeof data.note === 'string' && (data.setup === undefined || data.setup === '')) {
    const split = splitSetup(data.note);
    if (split) { data.note = split.note; data.setup = split.setup; }
  }

  if (type === 'new_terms' && isObj(data.new_terms)) {
    const nt = data.new_terms;
    const field = typeof nt.field === 'string' ? nt.field : 'new_terms_fields';
    data[field] = nt.value;
    const hws = Array.isArray(nt.history_window_start) && isObj(nt.history_window_start[0]) ? nt.history_window_start[0].value : undefined;
    data.history_window_start = hws;
    delete data.new_terms;
  }

  const tomlVersion = typeof data.version === 'number' ? data.version : undefined;
  data.version = tomlVersion ?? lockedVersion ?? 1;
  if (data.enabled === undefined) data.enabled = false;
  return { value: sortedCopy(data) as Obj, notes };
}

/** process_transforms: the note with `[transform]` placeholders rendered (a copy; only when there is a transform). */
function withTransform(rule: Obj, transform: unknown): Obj {
  const copy: Obj = { ...rule };
  if (transform !== undefined && typeof copy.note === 'string' && copy.note) copy.note = safeSubstitute(copy.note, transformPlaceholders(transform));
  return copy;
}
