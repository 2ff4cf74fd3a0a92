/**
 * Every broken fixture under test/fixtures/rules/ gives its specific diagnostic at its exact
 * line:col; the *_valid fixtures give no error. One row per fixture.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineCol } from '../../engine/diag/render.ts';
import { validateRepo } from '../../engine/validate/validate-repo.ts';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

// [file, code, line, col, severity, words the message must contain]
const CASES: ReadonlyArray<[string, string, number, number, 'error' | 'warning', string]> = [
  ['toml_syntax.toml', 'toml/syntax', 11, 33, 'error', 'control characters'],
  ['toml_duplicate_key.toml', 'toml/duplicate-key', 13, 1, 'error', 'redefine'],
  ['yaml_syntax.yml', 'yaml/bad-indent', 4, 3, 'error', 'Flow sequence'],
  ['yaml_duplicate_key.yml', 'yaml/duplicate-key', 18, 1, 'error', 'unique'],
  ['unknown_dialect.yml', 'rule/unknown-dialect', 1, 1, 'error', 'closest is Sigma'],
  ['no_dialect_keys.yml', 'rule/unknown-dialect', 1, 1, 'error', 'foo, bar'],
  ['not_a_mapping.yml', 'rule/not-a-mapping', 1, 1, 'error', 'not a mapping'],
  ['empty.yml', 'rule/empty-file', 1, 1, 'error', 'no rule'],
  ['elastic_wrong_type.toml', 'schema/type', 12, 14, 'error', 'rule.risk_score: must be integer'],
  ['elastic_missing_required.toml', 'schema/required', 6, 2, 'error', "missing required property 'license'"],
  ['elastic_risk_out_of_range.toml', 'schema/maximum', 12, 14, 'error', '<= 100'],
  ['elastic_bad_severity.toml', 'schema/enum', 14, 12, 'error', '"critical"'],
  ['elastic_unknown_property.toml', 'schema/additionalProperties', 15, 1, 'error', "'sevrity'"],
  ['elastic_bad_uuid.toml', 'rule/bad-uuid', 13, 11, 'error', 'not a UUID'],
  ['elastic_bad_date.toml', 'rule/bad-date', 4, 16, 'error', '2024/02/30'],
  ['elastic_unknown_technique.toml', 'attack/unknown-technique', 23, 6, 'error', 'T1000'],
  ['elastic_newer_technique.toml', 'attack/newer-than-catalogue', 23, 6, 'warning', 'newer release'],
  ['elastic_revoked_technique.toml', 'attack/revoked', 23, 6, 'warning', 'use T1053 (Scheduled Task/Job)'],
  ['elastic_name_mismatch.toml', 'attack/name-mismatch', 28, 8, 'error', "not 'Scheduled Tasks'"],
  ['elastic_tactic_mismatch.toml', 'attack/tactic-mismatch', 32, 6, 'error', 'TA0008 Lateral Movement'],
  ['elastic_wrong_parent.toml', 'attack/wrong-parent', 27, 6, 'error', 'its parent is T1021'],
  ['elastic_bad_reference.toml', 'attack/bad-reference', 25, 13, 'error', 'techniques/T1053/'],
  ['elastic_unknown_tactic.toml', 'attack/unknown-tactic', 32, 6, 'error', 'TA0099'],
  ['elastic_subtechnique_as_technique.toml', 'schema/pattern', 23, 6, 'error', 'technique[0].id'],
  ['escu_name_too_long.yml', 'rule/escu-name-too-long', 1, 7, 'error', 'at most 67'],
  ['escu_file_name.yml', 'rule/escu-file-name', 1, 7, 'error', 'escu_file_named_differently.yml'],
  ['escu_missing_filter.yml', 'rule/escu-missing-filter', 11, 9, 'error', '`escu_missing_filter_filter`'],
  // contentctl's file name keeps `___` for " - " and only warns on a revoked technique.
  ['escu_revoked___technique.yml', 'attack/revoked', 28, 5, 'warning', 'use T1053'],
  ['escu_v4.yml', 'rule/escu-v4', 21, 3, 'warning', 'tags.confidence'],
  ['escu_rba_missing.yml', 'rule/escu-rba-missing', 1, 1, 'error', 'rba'],
  ['escu_bad_status.yml', 'schema/enum', 6, 9, 'error', '"production"'],
  ['escu_bad_technique_format.yml', 'schema/pattern', 28, 5, 'error', 'mitre_attack_id[0]'],
  ['escu_missing_required.yml', 'schema/required', 1, 1, 'error', "'how_to_implement'"],
  ['escu_contentctl_tests.yml', 'rule/contentctl-tests', 32, 1, 'warning', 'attack_data'],
  ['car_bad_id.yml', 'rule/bad-car-id', 10, 5, 'error', 'CAR-YYYY-MM-NNN'],
  ['car_no_implementation.yml', 'rule/car-no-implementation', 20, 1, 'error', "'eql'"],
  ['car_tactic_mismatch.yml', 'attack/tactic-mismatch', 15, 9, 'error', 'TA0008'],
  ['car_wrong_parent.yml', 'attack/wrong-parent', 17, 9, 'error', 'listed under T1053'],
  ['car_bad_coverage.yml', 'schema/pattern', 18, 15, 'error', 'coverage[0].coverage'],
  ['car_deprecated_technique.yml', 'attack/deprecated', 13, 16, 'error', 'T1064 (Scripting)'],
  ['sigma_bad_tag.yml', 'attack/bad-tag', 8, 5, 'error', 'attack.lateral_move'],
  ['sigma_missing_condition.yml', 'schema/required', 13, 1, 'error', "'condition'"],
  ['sigma_bad_level.yml', 'schema/enum', 17, 8, 'error', '"informational"'],
  ['sigma_bad_date.yml', 'rule/bad-date', 6, 7, 'error', 'YYYY-MM-DD'],
  ['sigma_duplicate_id.yml', 'rule/duplicate-id', 20, 5, 'error', 'also used by rules/sigma_duplicate_id.yml'],
  ['sigma_duplicate_name.yml', 'rule/duplicate-name', 19, 8, 'error', "'Fixture same title'"],
  ['sigma_correlation_missing_timespan.yml', 'schema/required', 4, 1, 'error', "'timespan'"],
  ['tests_unknown_dataset.yml', 'rule/unknown-dataset', 19, 14, 'error', "'no_such_dataset'"],
  ['tests_negative_alerts.yml', 'schema/minimum', 21, 15, 'error', '>= 0'],
  ['tests_missing_expect.yml', 'schema/required', 19, 5, 'error', "'expect'"],
];

function diagnosticsOf(file: string) {
  const v = validateRepo(root, [`rules/${file}`]);
  const all = [...v.fileDiagnostics, ...v.results.flatMap((r) => r.diagnostics)];
  return { v, all, lookup: (f: string) => v.sources.get(f) };
}

describe('broken rule fixtures', () => {
  it('covers at least 30 broken files, each listed once', () => {
    const files = readdirSync(`${root}rules`).filter((f) => /\.(toml|ya?ml)$/.test(f) && !f.includes('_valid'));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(files));
  });

  it.each(CASES)('%s → %s at %i:%i', (file, code, line, col, severity, words) => {
    const { all, lookup } = diagnosticsOf(file);
    const hits = all.filter((d) => d.code === code);
    expect(hits.map((d) => ({ ...lineCol(d, lookup), file: d.file }))).toContainEqual({ line, col, file: `rules/${file}` });
    const hit = hits.find((d) => { const p = lineCol(d, lookup); return p?.line === line && p.col === col; })!;
    expect(hit.severity).toBe(severity);
    expect(hit.message).toContain(words);
  });

  it.each(['elastic_valid.toml', 'escu_valid.yml', 'car_valid.yml', 'sigma_valid.yml'])('%s has no errors', (file) => {
    const { v, all } = diagnosticsOf(file);
    expect(all.filter((d) => d.severity === 'error')).toEqual([]);
    expect(v.results.map((r) => r.valid)).toEqual([true]);
  });
});
