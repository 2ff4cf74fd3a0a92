/**
 * runHarness paths that rule text cannot reach: rules whose IR is hand-made (an unknown runtime
 * function → status 'error'; a sequence joining events of two datasets → a mixed alert). The
 * rules and datasets are real files in a throwaway repo; only compileRule is replaced for them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EventQuery, IrQuery, SequenceQuery } from '../../engine/ir/types.ts';
import { repoInputs } from '../../engine/harness/inputs.ts';
import type { HarnessInputs } from '../../engine/harness/run.ts';
import { runHarness } from '../../engine/harness/run.ts';
import { sigmaRule, TempRepo } from '../e2e/repo.ts';

const ERROR_ID = '00000000-0000-4000-8000-0000000000e1';
const MIXED_ID = '00000000-0000-4000-8000-0000000000e2';

const procIs = (name: string): EventQuery => ({
  kind: 'event', logic: 'kleene',
  filter: { kind: 'compare', op: '==', left: { kind: 'field', name: 'process.name' }, right: { kind: 'literal', value: name }, caseInsensitive: true },
});

const HAND_MADE: Record<string, IrQuery> = {
  [ERROR_ID]: {
    kind: 'event', logic: 'kleene',
    filter: { kind: 'truthy', expr: { kind: 'call', fn: 'x.nope', args: [{ kind: 'field', name: 'process.name' }], caseInsensitive: false } },
  },
  [MIXED_ID]: {
    kind: 'sequence', ordered: true, by: [{ kind: 'field', name: 'host.name' }],
    steps: [
      { filter: procIs('first.exe'), by: [], runs: 1, missing: false },
      { filter: procIs('second.exe'), by: [], runs: 1, missing: false },
    ],
  } satisfies SequenceQuery,
};

vi.mock('../../engine/validate/compile.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../engine/validate/compile.ts')>();
  return {
    ...real,
    compileRule: (rule: Parameters<typeof real.compileRule>[0], env: Parameters<typeof real.compileRule>[1]) => {
      const q = HAND_MADE[rule.id];
      return q ? { query: q, diagnostics: [] } : real.compileRule(rule, env);
    },
  };
});

/** The repo's inputs, with validation's compile results dropped for the hand-made rules so the mock supplies their IR. */
function inputs(root: string): HarnessInputs {
  const i = repoInputs(root);
  return { ...i, rules: i.rules.map((r) => (HAND_MADE[r.rule.id] ? { rule: r.rule, diagnostics: r.diagnostics } : r)) };
}

function repo(): TempRepo {
  const host = 'WKS-01.corp.example.com';
  const r = new TempRepo('dac-harness-');
  r.dataset({ name: 'part_a', kind: 'attack', events: [{ time: '2024-03-01T10:00:00.000Z', host, image: 'C:\\t\\first.exe', commandLine: 'first' }] });
  r.dataset({ name: 'part_b', kind: 'benign', events: [{ time: '2024-03-01T10:00:01.000Z', host, image: 'C:\\t\\second.exe', commandLine: 'second' }] });
  const tests = 'tests:\n  - dataset: part_a\n    expect:\n      alerts: 0\n  - dataset: part_b\n    expect:\n      alerts: 0';
  r.rule('error.yml', sigmaRule({ id: ERROR_ID, title: 'Engine Error', image: '\\first.exe', tests }));
  r.rule('mixed.yml', sigmaRule({ id: MIXED_ID, title: 'Mixed Sequence', image: '\\first.exe', tests }));
  return r;
}

describe('runHarness with hand-made IR', () => {
  it("grades a rule the runtime cannot run as 'error' with the engine's message, in unit and integration", async () => {
    const { report } = await runHarness(inputs(repo().root), { version: 'test' });
    const r = report.rules.find((x) => x.id === ERROR_ID);
    expect(r?.validation.status).toBe('pass');
    expect(r?.unit.status).toBe('error');
    expect(r?.unit.reasons[0]).toMatch(/^part_a: engine error: .*x\.nope/);
    expect(r?.unit.cases.map((c) => c.status)).toEqual(['error', 'error']);
    expect(r?.integration.status).toBe('error');
    expect(r?.integration.reasons[0]).toMatch(/^engine error: .*x\.nope/);
    expect(report.totals.unit.error).toBe(1);
    expect(report.totals.ok).toBe(false);
  });

  it('reports an alert whose events span two datasets as mixed, failing integration only', async () => {
    const { report } = await runHarness(inputs(repo().root), { version: 'test' });
    const r = report.rules.find((x) => x.id === MIXED_ID);
    // each dataset alone holds half of the sequence: no unit alerts
    expect(r?.unit.status).toBe('pass');
    expect(r?.integration.status).toBe('fail');
    expect(r?.integration.reasons).toEqual(['1 alert mixing events from several datasets']);
    expect(r?.integration.mixedAlerts).toHaveLength(1);
    const mixed = r!.integration.mixedAlerts[0];
    expect(mixed.datasets).toEqual(['part_a', 'part_b']);
    expect(mixed.events.map((e) => `${e.dataset}:${e.line}`)).toEqual(['part_a:1', 'part_b:1']);
    expect(r?.integration.falsePositives).toEqual([]);
  });

  it('grades only the selected rules, while integration still runs every valid rule', async () => {
    const { report } = await runHarness(inputs(repo().root), { version: 'test', select: (rule) => rule.id === MIXED_ID });
    expect(report.rules.map((r) => r.id)).toEqual([MIXED_ID]);
    expect(report.rules[0].integration.mixedAlerts).toHaveLength(1);
    expect(report.totals.rules).toBe(1);
  });
});

describe('runHarness --unit-only', () => {
  it('loads only the datasets the unit tests read', async () => {
    const r = repo();
    r.dataset({ name: 'unrelated', kind: 'benign', events: [{ time: '2024-03-01T10:00:02.000Z', host: 'WKS-01.corp.example.com', image: 'C:\\t\\other.exe', commandLine: 'other' }] });
    const base = inputs(r.root);
    const loads: string[] = [];
    const datasets = { names: () => base.datasets.names(), load: (name: string) => { loads.push(name); return base.datasets.load(name); } };
    const { report } = await runHarness({ ...base, datasets }, { version: 'test', unitOnly: true });
    expect(new Set(loads)).toEqual(new Set(['part_a', 'part_b']));
    expect(report.datasets.map((d) => d.name)).toEqual(['part_a', 'part_b']);
    loads.length = 0;
    await runHarness({ ...base, datasets }, { version: 'test' });
    expect(new Set(loads)).toEqual(new Set(['part_a', 'part_b', 'unrelated']));
  });
});
