/**
 * Every rule of elastic/detection-rules (../shared/corpora/elastic-detection-rules) exported to
 * Kibana (forced: validation is not the question here) and checked
 * - against the API schema of its type (detection_rules/etc/api_schemas/master/master.<type>.json,
 *   ajv): every error must be one of the documented deviations below (docs/exports.md, "Kibana:
 *   where the generated schemas lag"), and every deviation must occur (the list is exact);
 * - for fidelity: every key of the TOML's [rule] table is in the export with the value detection-rules
 *   writes (whitespace-normalised; note after [transform]; threat with technique defaulted; new_terms
 *   in the API shape), building blocks stay building blocks;
 * - required_fields exists exactly where dac compiles the query.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, expect, it } from 'vitest';
import { toKibanaRule } from '../../engine/export/elastic.ts';
import { fieldsUsed } from '../../engine/export/fields-used.ts';
import { nestedNormalize } from '../../engine/export/kibana/note.ts';
import { exportContext } from '../../engine/export/prepare.ts';
import type { ExportContext } from '../../engine/export/types.ts';
import { describeShared, sharedPath } from '../support/shared.ts';

const CORPUS = ['corpora', 'elastic-detection-rules'];

/**
 * Where the generated API schemas lag detection-rules' own dataclasses (rule.py) or Kibana's API;
 * each with the evidence. Keyed `type instancePath keyword param` (array indexes as *).
 */
const DEVIATIONS: ReadonlyMap<string, string> = new Map([
  ['* /required_fields/* additionalProperties type', 'rule.py BaseRuleData.RequiredFields has name, type, ecs; the generated schema only name, ecs'],
  ['* /related_integrations/* additionalProperties version', 'rule.py BaseRuleData.RelatedIntegrations has package, version, integration; the schema only package'],
  ['* /related_integrations/* additionalProperties integration', 'as above (integration is kept where it is a policy template)'],
  ['new_terms  additionalProperties new_terms_fields', 'rule.py NewTermsRuleData.transform writes the API shape after validating the TOML shape'],
  ['new_terms  additionalProperties history_window_start', 'as above'],
  ['new_terms  required new_terms', 'as above: the TOML `new_terms` table is replaced by new_terms_fields + history_window_start'],
  ['threat_match /threat_mapping/*/entries/* additionalProperties value', 'rule.py ThreatMatchRuleData.Entries.ThreatMapEntry has field, type, value; the schema lacks value'],
]);

function deviationKey(type: string, path: string, keyword: string, param: string): string | undefined {
  const p = path.replace(/\/\d+/g, '/*');
  for (const k of [`${type} ${p} ${keyword} ${param}`, `* ${p} ${keyword} ${param}`]) if (DEVIATIONS.has(k)) return k;
  return undefined;
}

describeShared('Kibana export of elastic/detection-rules', CORPUS, () => {
  let ctx: ExportContext;
  const validators = new Map<string, ValidateFunction>();
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schemaFor = (type: string): ValidateFunction => {
    let v = validators.get(type);
    if (!v) {
      const s = JSON.parse(readFileSync(sharedPath(...CORPUS, 'detection_rules/etc/api_schemas/master', `master.${type}.json`), 'utf8')) as Record<string, unknown>;
      delete s.$schema; // draft-04 by name only: no draft-04-only keyword is used
      v = ajv.compile(s);
      validators.set(type, v);
    }
    return v;
  };

  beforeAll(() => {
    const root = sharedPath(...CORPUS);
    ctx = exportContext(root, [join(root, 'rules'), join(root, 'rules_building_block')]);
  }, 120_000);

  it('exports all 879 rules, each valid against its type\'s API schema but for the listed deviations', () => {
    expect(ctx.rules).toHaveLength(879);
    const unexpected: string[] = [];
    const used = new Set<string>();
    for (const er of ctx.rules) {
      const c = toKibanaRule(er, ctx.attack);
      if (!c.ok) { unexpected.push(`${er.rule.file}: not exported: ${c.unsupported}`); continue; }
      const type = String(c.value.type);
      const v = schemaFor(type);
      if (v(c.value)) continue;
      for (const e of v.errors ?? []) {
        const param = String(Object.values(e.params)[0] ?? '');
        const k = deviationKey(type, e.instancePath, e.keyword, param);
        if (k) used.add(k); else unexpected.push(`${er.rule.file}: ${e.instancePath} ${e.message} ${param}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect([...DEVIATIONS.keys()].filter((k) => !used.has(k))).toEqual([]);
  });

  it('carries every [rule] key of the TOML with the value detection-rules writes', () => {
    const missing: string[] = [];
    let buildingBlocks = 0;
    for (const er of ctx.rules) {
      const c = toKibanaRule(er, ctx.attack);
      if (!c.ok) continue;
      const toml = nestedNormalize(er.rule.document.rule) as Record<string, unknown>;
      for (const [k, v] of Object.entries(toml)) {
        if (k === 'note' || k === 'new_terms' || k === 'threat') continue; // compared below
        if (JSON.stringify(sortKeys(c.value[k])) !== JSON.stringify(sortKeys(v))) missing.push(`${er.rule.file}: ${k}`);
      }
      if (toml.note !== undefined && typeof c.value.note !== 'string') missing.push(`${er.rule.file}: note`);
      if (er.rule.document.transform === undefined && toml.note !== undefined && !c.value.setup && c.value.note !== toml.note) missing.push(`${er.rule.file}: note changed`);
      if (/\$(osquery|investigate)_\d/.test(String(c.value.note ?? ''))) missing.push(`${er.rule.file}: raw [transform] placeholder in note`);
      if (toml.new_terms !== undefined && !(Array.isArray(c.value.new_terms_fields) && typeof c.value.history_window_start === 'string')) missing.push(`${er.rule.file}: new_terms`);
      if (Array.isArray(toml.threat) && (c.value.threat as unknown[]).length !== toml.threat.length) missing.push(`${er.rule.file}: threat entries`);
      if (toml.building_block_type === 'default') buildingBlocks++;
    }
    expect(missing).toEqual([]);
    expect(buildingBlocks).toBe(128);
  });

  it('has required_fields exactly where dac compiles the query, typed from ECS', () => {
    const wrong: string[] = [];
    for (const er of ctx.rules) {
      const c = toKibanaRule(er, ctx.attack);
      if (!c.ok) continue;
      const has = Array.isArray(c.value.required_fields);
      // detection-rules leaves required_fields out when the query reads no field (e.g. `*`), so does dac.
      const reads = Boolean(er.query) && fieldsUsed(er.query!).length > 0;
      if (has !== reads && c.value.language !== undefined) wrong.push(`${er.rule.file}: required_fields ${has ? 'without' : 'missing with'} a compiled query`);
      for (const f of (c.value.required_fields ?? []) as { name: string; type: string; ecs: boolean }[]) {
        if (f.name === 'process.command_line' && f.type !== 'wildcard') wrong.push(`${er.rule.file}: process.command_line typed ${f.type}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
