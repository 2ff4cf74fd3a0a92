/**
 * The Splunk build of splunk/security_content (../shared/corpora/splunk-security_content,
 * detections/endpoint + detections/network, every detection, valid or not): the three .conf
 * files read back cleanly with a .conf reader, contentctl's defaults hold per detection type,
 * v4 RBA is there, and every search expands with the shipped macros.conf alone.
 */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { exportContext } from '../../engine/export/prepare.ts';
import { splunkTarget } from '../../engine/export/splunk.ts';
import type { ExportResult } from '../../engine/export/types.ts';
import { parseConf, type ConfStanza } from '../support/conf-parser.ts';
import { describeShared, sharedPath } from '../support/shared.ts';
import { unexpandable } from '../support/splunk-build.ts';

const CORPUS = ['corpora', 'splunk-security_content'];

describeShared('Splunk build of splunk/security_content', CORPUS, () => {
  let out: ExportResult;
  let types: Map<string, string>;
  const file = (p: string): string => out.artefacts.find((a) => a.path === p)!.content;
  let saved: ConfStanza[];

  beforeAll(() => {
    const root = sharedPath(...CORPUS);
    const ctx = exportContext(root, [join(root, 'detections/endpoint'), join(root, 'detections/network')]);
    types = new Map(ctx.rules.map((r) => [r.rule.name, String(r.rule.document.type)]));
    out = splunkTarget.run(ctx);
    saved = parseConf(file('savedsearches.conf')).stanzas;
  }, 180_000);

  it('writes every detection, each under a DAC stanza, and all three files read back without error', () => {
    expect(out.unsupported).toEqual([]);
    expect(saved).toHaveLength(types.size);
    expect(types.size).toBe(1221);
    expect(new Set(saved.map((s) => s.name)).size).toBe(saved.length);
    expect(saved.filter((s) => !/^DAC - .* - Rule$/.test(s.name))).toEqual([]);
    for (const p of ['savedsearches.conf', 'macros.conf', 'analyticstories.conf']) expect(parseConf(file(p)).errors, p).toEqual([]);
  });

  it('installs disabled, with notable per type (TTP, Correlation) and risk (TTP, Anomaly with observables)', () => {
    const typeOf = (s: ConfStanza): string => types.get(s.name.replace(/^DAC - /, '').replace(/ - Rule$/, '')) ?? '?';
    const wrong: string[] = [];
    let risk = 0;
    for (const s of saved) {
      const t = typeOf(s);
      if (s.entries.get('disabled') !== 'true') wrong.push(`${s.name}: not disabled`);
      if ((s.entries.get('action.notable') === '1') !== (t === 'TTP' || t === 'Correlation')) wrong.push(`${s.name} (${t}): notable ${s.entries.get('action.notable')}`);
      if (s.entries.get('action.risk') === '1') { risk++; if (t !== 'TTP' && t !== 'Anomaly') wrong.push(`${s.name} (${t}): risk`); }
      for (const k of ['action.correlationsearch.metadata', 'action.correlationsearch.annotations', 'allow_skew', 'action.notable.param.drilldown_searches', 'action.escu.providing_technologies']) if (!s.entries.has(k)) wrong.push(`${s.name}: no ${k}`);
    }
    expect(wrong).toEqual([]);
    // TTP + Anomaly detections with at least one observable (contentctl 4.x risk objects).
    expect(risk).toBe(1059);
  });

  it('ships macros.conf with everything the searches call (transitively), never CIM\'s', () => {
    const names = parseConf(file('macros.conf')).stanzas.map((s) => s.name);
    expect(names).toContain('summariesonly_config');
    expect(names.filter((n) => n.startsWith('drop_dm_object_name'))).toEqual([]);
    expect(unexpandable(file('savedsearches.conf'), file('macros.conf'))).toEqual([]);
  });

  it('writes a story stanza for every story a detection names that has a file', () => {
    const stories = parseConf(file('analyticstories.conf')).stanzas.filter((s) => s.name.startsWith('analytic_story://'));
    expect(stories.length).toBeGreaterThan(100);
    const notes = out.notes.filter((n) => n.ruleId === '*').map((n) => n.note);
    // attacker_tools_on_endpoint.yml names a story no stories/*.yml defines (contentctl's build
    // would reject it: its analytic_story names must resolve to Story objects).
    expect(notes).toEqual(['1 analytic story has no stories/*.yml, so no analyticstories.conf stanza: Monitor for Unauthorized Software']);
  });
});
