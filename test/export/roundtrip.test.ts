/**
 * Round trips on every rule the repo holds (present and future, loaded through validateRepo): each
 * rule exported to EQL (the Elastic query), to Sigma, to SPL and to Sentinel KQL, read back with dac's own front-end
 * and replayed over every bundled dataset (the rule's test datasets, near misses, the benign
 * baseline) must raise exactly the original's alerts — same count, same events behind each alert.
 * Where a target cannot express a rule, the exporter must say so with a reason, and that is
 * asserted instead. Expectations come from running the original rule, never from fixed counts.
 */
import { describe, expect, it } from 'vitest';
import { toEql } from '../../engine/export/elastic.ts';
import { toSigma } from '../../engine/export/sigma.ts';
import { toKql } from '../../engine/export/kql.ts';
import { toSpl } from '../../engine/export/splunk.ts';
import { compileKusto } from '../../engine/lang/kusto/index.ts';
import type { Converted, ExportRule } from '../../engine/export/types.ts';
import { ECS_CATALOG } from '../../engine/ir/fields.ts';
import { frontEndFor } from '../../engine/lang/registry.ts';
import type { Language } from '../../engine/rule/model.ts';
import { alertKeys, datasetNames, events, repoContext } from './replay.ts';

const ctx = repoContext();
/** Sentinel's KQL, read back by lang/kusto. Joins (sequences) and summarize (counts) are outside the subset it reads. */
function toSentinelKql(er: ExportRule): Converted<string> {
  if (!er.query) return { ok: false, unsupported: `the rule does not compile: ${er.compileErrors.join('; ')}` };
  const k = toKql(er.query);
  if ('unsupported' in k) return { ok: false, unsupported: k.unsupported };
  if (er.query.kind !== 'event') return { ok: true, value: k.text, notes: k.notes, unverified: `a ${er.query.kind} is written as KQL ${er.query.kind === 'sequence' ? 'joins' : 'summarize'}, outside the subset dac's Kusto reader reads` };
  return { ok: true, value: k.text, notes: k.notes };
}

const kusto = (text: string, origin: string) => compileKusto(text, origin);

const targets: ReadonlyArray<readonly [Language | 'kusto', (er: ExportRule) => Converted<string>]> = [
  ['eql', toEql],
  ['sigma', (er) => toSigma(er, ctx.attack)],
  ['spl', toSpl],
  ['kusto', toSentinelKql],
];

describe('every rule round-trips through EQL, Sigma, SPL and Sentinel KQL', () => {
  it('the repo has rules to check', () => {
    expect(ctx.rules.length).toBeGreaterThan(0);
  });

  for (const er of ctx.rules) {
    const label = `${er.rule.file}#${er.rule.docIndex} ${er.rule.id}`;
    for (const [lang, convert] of targets) {
      it(`${label} → ${lang}`, async () => {
        expect(er.query, `${label} compiles: ${er.compileErrors.join('; ')}`).toBeDefined();
        const c = convert(er);
        if (!c.ok) {
          // Not expressible: the exporter must say why, in words.
          expect(c.unsupported.length).toBeGreaterThan(10);
          return;
        }
        if (c.unverified) {
          expect(c.unverified.length).toBeGreaterThan(10);
          return;
        }
        const back = lang === 'kusto' ? kusto(c.value, 'export.kql') : frontEndFor(lang)!.compileText(c.value, `export.${lang}`, { fields: ECS_CATALOG, macros: ctx.macros });
        expect(back.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), c.value).toEqual([]);
        expect(back.query).toBeDefined();
        for (const ds of datasetNames()) {
          const evs = await events(ds);
          expect(alertKeys(back.query!, evs), `${ds}\n${c.value}`).toEqual(alertKeys(er.query!, evs));
        }
      });
    }
  }
});
