/**
 * Splunk target: the build contentctl makes (splunk/build.ts: savedsearches.conf, macros.conf,
 * analyticstories.conf, key by key as its templates write them; splunk/conf.ts keeps every name
 * and value inside its line). ESCU rules keep their own search; other rules get SPL printed from the IR
 * (CIM tstats where every field maps, else a raw XmlWinEventLog search). dce_rpc.* fields have no
 * CIM or Windows TA field: an event query over them is written for the Zeek TA's dce_rpc
 * sourcetype (bro:dce_rpc:json, Zeek's own names), which dac's SPL reader cannot check.
 */
import type { Predicate } from '../ir/types.ts';
import { printSearch } from '../lang/spl/print-expr.ts';
import { printSpl } from '../lang/spl/print.ts';
import { fieldsUsed } from './fields-used.ts';
import { macroClosure, macroStanza, savedSearch, stanzaName, storyDetectionStanza, storyStanza } from './splunk/build.ts';
import { confName } from './splunk/conf.ts';
import { detectionOf, type Detection } from './splunk/detection.ts';
import { chooseLogsource } from './sigma-logsource.ts';
import { BOOLEAN_TARGET, prepareQuery } from './prepare-ir.ts';
import { twoValued } from './two-valued.ts';
import { ResultBuilder, ok, unsupported, type Converted, type ExportRule, type ExportTarget } from './types.ts';
import { nonWindowsSource } from './windows-only.ts';
const ZEEK_SOURCETYPE = 'bro:dce_rpc:json';

function zeekSearch(er: ExportRule): Converted<string> {
  const q = er.query!;
  if (q.kind !== 'event') return unsupported('only single-event queries over DCE/RPC fields are written for the Zeek TA');
  const chosen = chooseLogsource(q);
  if (chosen.logsource.product !== 'zeek') return unsupported('no Splunk field for dce_rpc.*');
  const problems: string[] = [];
  const body = printSearch(twoValued(chosen.rest, q.logic) as Predicate, (ecs) => chosen.name(ecs) ?? (problems.push(`field ${ecs} has no Zeek dce_rpc name`), ecs), problems, false);
  if (problems.length) return unsupported(problems.join('; '));
  return ok(`search sourcetype="${ZEEK_SOURCETYPE}" ${body}`,
    [`dce_rpc.* fields have no CIM data model or Windows TA equivalent; written over the Zeek TA's ${ZEEK_SOURCETYPE} sourcetype with Zeek's names (endpoint, id.orig_p, id.resp_p)`],
    "dac's SPL reader knows Windows sourcetypes only, so this Zeek search is not replayed");
}

/** The SPL search for a rule: its own for SPL rules, else printed from the IR; or why there is none. */
export function toSpl(er: ExportRule): Converted<string> {
  // An SPL rule's own search is exported as written, as contentctl builds it, whether or not dac compiles it.
  if (er.rule.query.kind === 'text' && er.rule.query.language === 'spl') return ok(er.rule.query.text.trim());
  if (!er.query) return unsupported(`the rule does not compile: ${er.compileErrors.join('; ')}`);
  if (fieldsUsed(er.query).some((f) => f.startsWith('dce_rpc.'))) return zeekSearch(er);
  // printSpl writes Windows searches (XmlWinEventLog, Sysmon names); other Sigma log sources
  // (Linux, cloud, Zeek logs but dce_rpc) have no sourcetype table in dac yet.
  const refused = nonWindowsSource(er.query, 'SPL', 'Splunk sourcetype');
  if (refused) return unsupported(refused);
  // SPL search is two-valued: a negated test on a missing field is true (prepare-ir.ts).
  const p = printSpl(prepareQuery(er.query, BOOLEAN_TARGET((o) => o.lang === 'spl')));
  if (p.problems.length) return unsupported(`no SPL form in dac's subset: ${[...new Set(p.problems)].join('; ')}`);
  return ok(p.text);
}

const DEFAULT_APP = 'DAC';

export const splunkTarget: ExportTarget = {
  name: 'splunk',
  description: 'the build contentctl makes: savedsearches.conf, macros.conf (the macros the searches need, transitively), analyticstories.conf',
  shape: 'bundle',
  run(ctx) {
    const out = new ResultBuilder();
    const app = ctx.settings?.splunkApp ?? DEFAULT_APP;
    const detections: Detection[] = [];
    const names = new Set<string>();
    for (const er of ctx.rules) {
      const c = toSpl(er);
      if (!c.ok) { out.skip(er, c.unsupported); continue; }
      if (names.has(er.rule.name)) { out.skip(er, `another exported rule is named "${er.rule.name}": Splunk stanza names must be unique`); continue; }
      names.add(er.rule.name);
      out.note(er, c.notes);
      detections.push(detectionOf(er.rule, c.value, ctx.attack));
    }
    const closure = macroClosure(detections.map((d) => d.search), ctx.macros);
    for (const m of closure.missing) out.notes.push({ ruleId: '*', note: `macro \`${m}\` is called but defined nowhere (not in macros/, not an external app's): the search will not expand in Splunk` });

    const byStory = new Map<string, string[]>();
    for (const d of detections) for (const s of d.analyticStories) byStory.set(s, [...(byStory.get(s) ?? []), stanzaName(app, d.name)]);
    const stories = [...(ctx.stories ?? [])].filter((s) => byStory.has(s.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const known = new Set(stories.map((s) => s.name));
    const storyless = [...byStory.keys()].filter((n) => !known.has(n)).sort();
    if (storyless.length) out.notes.push({ ruleId: '*', note: `${storyless.length} analytic stor${storyless.length === 1 ? 'y has' : 'ies have'} no stories/*.yml, so no analyticstories.conf stanza: ${storyless.join(', ')}` });
    for (const p of ctx.storyProblems ?? []) out.notes.push({ ruleId: '*', note: `story not read: ${p}` });

    const label = confName(app);
    out.artefacts.push({ path: 'savedsearches.conf', content: `### ${label} DETECTIONS ###\n\n${detections.map((d) => savedSearch(d, app)).join('\n')}\n### END ${label} DETECTIONS ###\n` });
    out.artefacts.push({ path: 'macros.conf', content: closure.macros.map(macroStanza).join('\n') });
    out.artefacts.push({
      path: 'analyticstories.conf',
      content: `### STORIES ###\n\n${stories.map((s) => storyStanza(s, byStory.get(s.name)!)).join('\n')}\n### END STORIES ###\n\n### DETECTIONS ###\n\n${detections.map((d) => storyDetectionStanza(d, app)).join('\n')}\n### END DETECTIONS ###\n`,
    });
    return out.result();
  },
};
