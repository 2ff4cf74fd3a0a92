import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listDatasets } from '../../engine/events/dataset.ts';
import { readDataset } from '../../engine/events/replay.ts';
import type { EcsEvent } from '../../engine/events/types.ts';
import type { Predicate } from '../../engine/ir/types.ts';
import { compileSigmaRule } from '../../engine/lang/sigma/index.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';
import { LiteralMatcher } from '../../engine/runtime/aho-corasick.ts';
import { Engine, type EngineRule } from '../../engine/runtime/index.ts';
import { prefilterAtoms } from '../../engine/runtime/prefilter.ts';
import { events } from '../support/events.ts';
import { and, eq, ev, like, not, or } from '../support/ir.ts';
import { describeShared, REPO_ROOT, sharedPath } from '../support/shared.ts';

const atoms = (p: Predicate) => prefilterAtoms(ev(p, 'boolean'));

describe('prefilterAtoms', () => {
  it('takes the longest literal of each glob, lower-cased', () => {
    expect(atoms(like('process.command_line', true, '*/RUN*', '*\\Temp\\*.exe'))).toEqual([
      { field: 'process.command_line', literal: '/run' }, { field: 'process.command_line', literal: '\\temp\\' },
    ]);
  });
  it('picks the most selective conjunct and never a log-source field', () => {
    const p = and(eq('winlog.channel', 'Microsoft-Windows-Sysmon/Operational'), like('process.executable', true, '*\\schtasks.exe'), like('process.command_line', true, '*/r*'));
    expect(atoms(p)).toEqual([{ field: 'process.executable', literal: '\\schtasks.exe' }]);
    expect(atoms(eq('winlog.channel', 'Security'))).toBeUndefined();
  });
  it('unions the alternatives of an or, and gives up where one alternative has no literal', () => {
    expect(atoms(or(eq('a', 'xx'), like('b', true, '*yy*')))).toEqual([{ field: 'a', literal: 'xx' }, { field: 'b', literal: 'yy' }]);
    expect(atoms(or(eq('a', 'xx'), like('b', true, '*')))).toBeUndefined();
  });
  it('refuses what it cannot prove necessary: not, numbers, numeric strings, one-character literals', () => {
    expect(atoms(not(eq('a', 'xx')))).toBeUndefined();
    expect(atoms(eq('a', 42))).toBeUndefined();
    expect(atoms({ kind: 'in', left: { kind: 'field', name: 'a' }, values: ['10', 'abc'], caseInsensitive: false })).toBeUndefined();
    expect(atoms(like('a', true, '*x*'))).toBeUndefined();
  });
});

describe('LiteralMatcher', () => {
  it('finds every literal that occurs, overlaps included', () => {
    const m = new LiteralMatcher(['he', 'she', 'his', 'hers', 'e']);
    const found = new Set<number>();
    m.scan('ushers', (id) => found.add(id));
    expect([...found].sort()).toEqual([0, 1, 3, 4]);
  });
  it('agrees with String.includes on random texts', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[ab\\.]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab\\.]{0,30}$/), (lits, text) => {
      const found = new Set<number>();
      new LiteralMatcher(lits).scan(text, (id) => found.add(id));
      lits.forEach((l, i) => expect(found.has(i)).toBe(text.includes(l)));
    }), { numRuns: 300 });
  });
});

describe('Engine with the prefilter', () => {
  it('skips rules whose literals are absent and still fires where they occur', () => {
    const d = events([{ 'process.command_line': 'schtasks /RUN /tn x' }, { 'process.command_line': 'schtasks /query' }]);
    const rule: EngineRule = { id: 'r', query: ev(like('process.command_line', true, '*/run*'), 'boolean') };
    const e = new Engine([rule]);
    for (const x of d) e.push(x);
    expect(e.finish().map((a) => a.events[0].seq)).toEqual([0]);
  });
});

describeShared('prefilter on the SigmaHQ corpus', ['sigma', 'rules', 'windows'], () => {
  it('gives exactly the alerts of a run without it', async () => {
    const root = sharedPath('sigma', 'rules', 'windows');
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.yml')) files.push(p); } };
    walk(root);
    const rules: EngineRule[] = [];
    for (const f of files) {
      for (const r of loadRuleSource(readFileSync(f, 'utf8'), relative(root, f)).rules) {
        const c = compileSigmaRule(r, {});
        if (c.query && !c.diagnostics.some((x) => x.severity === 'error')) rules.push({ id: `${r.file}#${r.docIndex}`, query: c.query });
      }
    }
    const all: EcsEvent[] = [];
    for (const ds of listDatasets(REPO_ROOT).datasets) {
      const evs = (await readDataset(ds, { root: REPO_ROOT })).events;
      all.push(...(ds.manifest.kind === 'benign' && evs.length > 5000 ? evs.slice(0, 5000) : evs));
    }
    // One replay order across datasets: fresh seq numbers (events are plain objects here).
    const replayed = all.map((e, i) => ({ ...e, seq: i }));
    const run = (prefilter: boolean) => {
      const e = new Engine(rules, undefined, { prefilter });
      for (const x of replayed) e.push(x);
      return e.finish().map((a) => `${a.ruleId} ${a.events.map((x) => x.seq).join(',')}`);
    };
    const on = run(true);
    expect(on.length).toBeGreaterThan(0);
    expect(on).toEqual(run(false));
  }, 120_000);
});
