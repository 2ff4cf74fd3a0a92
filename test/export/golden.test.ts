/**
 * Golden files for every target on the repo's seed rules (test/export/golden/<target>/…), and a
 * schema check (ajv) of each output: the Kibana NDJSON objects, the Sentinel YAML, the Navigator
 * layers. Regenerate after a reviewed change with UPDATE_GOLDEN=1 npx vitest run test/export.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportTargets } from '../../engine/export/registry.ts';
import { checkSchema } from '../../engine/export/schema-check.ts';
import type { ExportContext } from '../../engine/export/types.ts';
import { repoContext } from './replay.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** The seed rules (rules/windows): other helpers' rules may change; the goldens pin these three. */
function seedContext(withReport: boolean): ExportContext {
  const ctx = repoContext();
  const rules = ctx.rules.filter((r) => r.rule.file.startsWith('rules/windows/'));
  // The status layer depends on a report; pin it with a fixed one (every seed passing but the CAR rule).
  const report = withReport ? {
    rules: rules.map((r) => {
      const status = r.rule.dialect === 'car' ? 'fail' : 'pass';
      return { id: r.rule.id, file: r.rule.file, validation: { status: 'pass' }, unit: { status }, integration: { status } };
    }),
  } as unknown as ExportContext['report'] : undefined;
  return { rules, macros: ctx.macros, attack: ctx.attack, ...(report ? { report } : {}) };
}

describe('golden exports of the seed rules', () => {
  for (const [name, target] of exportTargets) {
    it(`${name} matches test/export/golden/${name}`, () => {
      const result = target.run(seedContext(true));
      const summary = { unsupported: result.unsupported, notes: result.notes };
      const files = [...result.artefacts, { path: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` }];
      for (const a of files) {
        const p = join(GOLDEN, name, a.path);
        if (update) { mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, a.content); }
        expect(existsSync(p), `${p} is missing: review the output, then UPDATE_GOLDEN=1`).toBe(true);
        expect(a.content, `${name}/${a.path}`).toBe(readFileSync(p, 'utf8'));
      }
    });
  }

  it('is deterministic: two runs give the same bytes', () => {
    for (const t of exportTargets.values()) expect(t.run(seedContext(true))).toEqual(t.run(seedContext(true)));
  });
});

describe('schema checks of every export of the whole repo', () => {
  const ctx = repoContext();
  it('each Kibana NDJSON line is a valid rule object', () => {
    const out = exportTargets.get('elastic')!.run(ctx).artefacts[0].content.trim().split('\n');
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) expect(checkSchema('kibana-rule', JSON.parse(line))).toEqual([]);
  });
  it('each Sentinel YAML is a valid analytics rule', () => {
    const out = exportTargets.get('sentinel')!.run(ctx).artefacts;
    expect(out.length).toBeGreaterThan(0);
    for (const a of out) expect(checkSchema('sentinel-rule', parse(a.content)), a.path).toEqual([]);
  });
  it('the Navigator layers are valid layer 4.x documents', () => {
    const out = exportTargets.get('navigator')!.run(seedContext(true)).artefacts;
    expect(out.map((a) => a.path)).toEqual(['coverage-layer.json', 'status-layer.json']);
    for (const a of out) expect(checkSchema('navigator-layer', JSON.parse(a.content)), a.path).toEqual([]);
  });
  it('the schemas reject what the formats forbid', () => {
    expect(checkSchema('kibana-rule', { rule_id: 'x', name: 'n', description: 'd', risk_score: 500, severity: 'urgent', type: 'eql', query: 'q', language: 'eql' }).length).toBeGreaterThan(1);
    expect(checkSchema('sentinel-rule', { id: 'not-a-guid' }).length).toBeGreaterThan(1);
    expect(checkSchema('navigator-layer', { name: 'x', versions: { layer: '3.0' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'X1' }] }).length).toBeGreaterThan(1);
  });
});
