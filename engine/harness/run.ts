/**
 * The main job: grade every selected rule — validation, unit, integration — and assemble the
 * report. Inputs are already loaded (see inputs.ts), so tests can drive this with in-memory repos.
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import { lineCol, location } from '../diag/render.ts';
import type { IrQuery } from '../ir/types.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import type { ExternalRequirement, Rule } from '../rule/model.ts';
import { compileRule, raisesAlerts } from '../validate/compile.ts';
import { coverage, type TechniqueInfo } from './coverage.ts';
import { mergeReplay } from '../events/replay-order.ts';
import type { DatasetSource, LoadedDataset } from './datasets.ts';
import { gradeIntegration, replayAll } from './integration.ts';
import type { DiagnosticEntry, RuleResult, RunReport, Status, StatusEntry, Totals } from './types.ts';
import { runUnit } from './unit.ts';

/** `compiled`: the validation's compile result when it has one (then the harness does not compile again). */
export interface ValidatedRule { readonly rule: Rule; readonly diagnostics: readonly Diagnostic[]; readonly compiled?: CompileResult }

export interface HarnessInputs {
  readonly rules: readonly ValidatedRule[];
  readonly repoDiagnostics: readonly Diagnostic[];
  /** Validation's compile environment, for rules it left uncompiled. */
  readonly env: CompileEnv;
  readonly sources: ReadonlyMap<string, string>;
  readonly attackVersion: string | null;
  readonly technique: (id: string) => TechniqueInfo | undefined;
  /** A tactic's id (TA0008) from its id, name or shortname, when the catalogue knows it. */
  readonly tacticId: (idOrName: string) => string | undefined;
  readonly datasets: DatasetSource;
}

export interface HarnessOptions {
  /** Grade only these rules (ids); integration still replays every dataset with every valid rule. */
  readonly select?: (rule: Rule) => boolean;
  readonly unitOnly?: boolean;
  readonly version: string;
  readonly onPhase?: (phase: string) => void;
  readonly onProgress?: (events: number, total: number) => void;
}

export function diagnosticEntry(d: Diagnostic, sources: ReadonlyMap<string, string>): DiagnosticEntry {
  const lookup = (f: string) => sources.get(f);
  const lc = lineCol(d, lookup);
  return { code: d.code, severity: d.severity, message: d.message, location: location(d, lookup), ...(lc ? { line: lc.line, col: lc.col } : {}) };
}

function counts(statuses: Status[]): Record<Status, number> {
  const c: Record<Status, number> = { pass: 0, fail: 0, skipped: 0, error: 0, untested: 0, 'cannot-run': 0 };
  for (const s of statuses) c[s]++;
  return c;
}

/** The rule's tactics (as ids where the catalogue knows them) and techniques, for the report. */
function attackOf(rule: Rule, tacticId: HarnessInputs['tacticId']): RuleResult['attack'] {
  const tactics = new Set<string>();
  const techniques = new Set<string>();
  const addTactic = (t: string | undefined) => { if (t) tactics.add(tacticId(t) ?? t); };
  for (const m of rule.attack) {
    techniques.add(m.technique.id.toUpperCase());
    addTactic(m.tactic?.id ?? m.tactic?.name);
  }
  // Sigma names tactics in its tags (attack.lateral-movement), apart from the techniques.
  for (const tag of rule.attackTags ?? []) if (tag.kind === 'tactic' && tacticId(tag.name)) addTactic(tag.name);
  return { tactics: [...tactics].sort(), techniques: [...techniques].sort() };
}

/** The status of a valid rule that needs what a local replay cannot provide, naming it. */
export function cannotRun(req: ExternalRequirement): StatusEntry {
  const what = req.kind === 'ml-job'
    ? `needs ML job ${req.jobs.join(', ') || '(none named)'} (anomaly results come from Elasticsearch's ML)`
    : `needs indicator index ${req.indices.join(', ') || '(none named)'} (indicator match runs against threat intel in Elasticsearch)`;
  return { status: 'cannot-run', reasons: [`cannot run locally: ${what}`] };
}

export interface HarnessTimings { readonly phases: Record<string, number>; readonly events: number; readonly unitMs: Record<string, number> }

export async function runHarness(inputs: HarnessInputs, opts: HarnessOptions): Promise<{ report: RunReport; timings: HarnessTimings }> {
  const timings: Record<string, number> = {};
  const clock = (name: string, t0: number) => { timings[name] = (timings[name] ?? 0) + (performance.now() - t0); };
  const env = inputs.env;

  // Validation: the loader/checker diagnostics plus the front-end's (query parse, types, fields).
  opts.onPhase?.('validation');
  let t0 = performance.now();
  const graded = inputs.rules.map(({ rule, diagnostics, compiled: pre }) => {
    const compiled = pre ?? compileRule(rule, env);
    const all = [...diagnostics, ...compiled.diagnostics.filter((d) => !diagnostics.some((x) => x.code === d.code && x.span?.start === d.span?.start))];
    const errors = all.filter((d) => d.severity === 'error');
    const query: IrQuery | undefined = errors.length ? undefined : compiled.query;
    const reasons = errors.length ? errors.map((d) => `${location(d, (f) => inputs.sources.get(f))}: ${d.message}`) : query || rule.requires ? [] : ['the front-end produced no query'];
    // A rule that needs an ML job or an indicator index is valid without a runnable query.
    const valid = errors.length === 0 && (query !== undefined || rule.requires !== undefined);
    return { rule, diagnostics: all, query: rule.requires ? undefined : query, alerting: raisesAlerts(rule, env), validation: { status: (valid ? 'pass' : 'fail') as Status, reasons } };
  });
  clock('validation', t0);

  const selected = graded.filter((g) => !opts.select || opts.select(g.rule));
  const runnable = graded.filter((g): g is typeof g & { query: IrQuery } => g.query !== undefined && g.alerting);
  const feeder = { status: 'skipped' as Status, reasons: ['skipped: raises no alerts of its own (a base rule of a correlation, generate: false); graded through the correlation'] };

  // Unit: each selected rule alone on each of its datasets.
  opts.onPhase?.('unit');
  t0 = performance.now();
  const unit = new Map<string, RuleResult['unit']>();
  const unitMs: Record<string, number> = {};
  // The datasets unit testing read: with --unit-only these are the only ones the run loads.
  const used = new Set<string>();
  const unitSource: DatasetSource = { names: () => inputs.datasets.names(), load: (name) => { used.add(name); return inputs.datasets.load(name); } };
  for (const g of selected) {
    if (g.rule.requires && g.validation.status === 'pass') { unit.set(g.rule.id, { ...cannotRun(g.rule.requires), cases: [] }); continue; }
    if (!g.query) { unit.set(g.rule.id, { status: 'skipped', reasons: ['skipped: validation failed'], cases: [] }); continue; }
    if (!g.alerting) { unit.set(g.rule.id, { ...feeder, cases: [] }); continue; }
    const t = performance.now();
    unit.set(g.rule.id, await runUnit(g.rule, g.query, unitSource));
    unitMs[g.rule.id] = performance.now() - t;
  }
  clock('unit', t0);

  // Integration: every valid rule over one replay of every dataset (ranked by name).
  const loaded: LoadedDataset[] = [];
  t0 = performance.now();
  for (const name of inputs.datasets.names()) {
    if (opts.unitOnly && !used.has(name)) continue;
    const ds = await inputs.datasets.load(name);
    if (ds) loaded.push(ds);
  }
  clock('load', t0);
  let integration: ReturnType<typeof replayAll> | undefined;
  if (!opts.unitOnly) {
    opts.onPhase?.('integration');
    t0 = performance.now();
    const total = loaded.reduce((n, d) => n + d.events.length, 0);
    const stream = mergeReplay(loaded.map((d) => d.events));
    integration = replayAll(runnable.map((g) => ({ rule: g.rule, query: g.query })), stream, (n) => opts.onProgress?.(n, total));
    clock('integration', t0);
  }

  const results: RuleResult[] = selected.map((g) => ({
    id: g.rule.id,
    name: g.rule.name,
    file: g.rule.file,
    dialect: g.rule.dialect,
    language: g.rule.language,
    ...(g.rule.severity ? { severity: g.rule.severity } : {}),
    attack: attackOf(g.rule, inputs.tacticId),
    validation: { ...g.validation, diagnostics: g.diagnostics.map((d) => diagnosticEntry(d, inputs.sources)) },
    unit: unit.get(g.rule.id) ?? { status: 'skipped', reasons: ['skipped'], cases: [] },
    integration: g.rule.requires && g.validation.status === 'pass'
      ? { ...cannotRun(g.rule.requires), cases: [], falsePositives: [], mixedAlerts: [] }
      : !g.query
      ? { status: 'skipped', reasons: ['skipped: validation failed'], cases: [], falsePositives: [], mixedAlerts: [] }
      : !g.alerting
        ? { ...feeder, cases: [], falsePositives: [], mixedAlerts: [] }
      : !integration
        ? { status: 'skipped', reasons: ['skipped: --unit-only'], cases: [], falsePositives: [], mixedAlerts: [] }
        : gradeIntegration(g.rule, integration),
  }));
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const datasets = loaded.map((d) => d.result).sort((a, b) => (a.name < b.name ? -1 : 1));
  const ev = datasets.reduce((acc, d) => ({ read: acc.read + d.events.read, used: acc.used + d.events.used, rejected: acc.rejected + d.events.rejected }), { read: 0, used: 0, rejected: 0 });
  const passing = results.filter((r) => r.validation.status === 'pass' && r.unit.status === 'pass' && r.integration.status === 'pass').length;
  const feeders = new Set(graded.filter((g) => g.query && !g.alerting).map((g) => `${g.rule.file}\0${g.rule.id}`));
  const isFeeder = (r: RuleResult) => feeders.has(`${r.file}\0${r.id}`);
  const unitOk = (r: RuleResult) => r.unit.status === 'pass' || r.unit.status === 'untested' || r.unit.status === 'cannot-run' || isFeeder(r);
  const intOk = (r: RuleResult) => r.integration.status === 'pass' || r.integration.status === 'cannot-run' || isFeeder(r) || (opts.unitOnly === true && r.integration.status === 'skipped');
  const totals: Totals = {
    rules: results.length,
    validation: counts(results.map((r) => r.validation.status)),
    unit: counts(results.map((r) => r.unit.status)),
    integration: counts(results.map((r) => r.integration.status)),
    passing,
    datasets: datasets.length,
    events: ev,
    // Datasets that read differently from what their manifest states fail the run too: a rule
    // passing on data that changed under it proves nothing.
    ok: results.every((r) => r.validation.status === 'pass' && unitOk(r) && intOk(r))
      && !inputs.repoDiagnostics.some((d) => d.severity === 'error')
      && datasets.every((d) => d.problems.length === 0),
  };
  const report: RunReport = {
    tool: { name: 'dac', version: opts.version, reportFormat: 1 },
    attackVersion: inputs.attackVersion,
    totals,
    rules: results,
    datasets,
    coverage: coverage(results, inputs.technique, (r) => r.validation.status === 'pass' && (isFeeder(r) || (r.unit.status === 'pass' && r.integration.status === 'pass'))),
    repoDiagnostics: inputs.repoDiagnostics.map((d) => diagnosticEntry(d, inputs.sources)),
  };
  return { report, timings: { phases: timings, events: integration?.events ?? 0, unitMs } };
}
