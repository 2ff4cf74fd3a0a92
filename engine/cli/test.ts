/**
 * `dac test`: the main job. Grades every rule (validation, unit, integration), writes
 * reports/report.json (+ .md, junit.xml, .html) and prints a summary. Exit 0 when every rule
 * passes, 1 otherwise, 2 on usage errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { changedFiles, changedSelector } from '../harness/changed.ts';
import { repoInputs } from '../harness/inputs.ts';
import { runHarness } from '../harness/run.ts';
import type { RunReport, Status } from '../harness/types.ts';
import { renderJson, withTimings } from '../report/json.ts';
import { renderJunit } from '../report/junit.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { renderHtml } from '../report/html.ts';
import { renderSummary, renderGithub } from './test-output.ts';
import { ghInert } from './github.ts';
import { VERSION } from './version.ts';
import { containedArgs, containedOutput, dataRoots } from './paths.ts';

interface Opts { dataRoot?: string[]; rule?: string[]; unitOnly?: boolean; changed?: string; reportDir: string; format: 'text' | 'json' | 'github'; timings: boolean; root: string }

function progress(enabled: boolean): { phase: (p: string) => void; tick: (n: number, total: number) => void; done: () => void } {
  if (!enabled) return { phase: () => {}, tick: () => {}, done: () => {} };
  const t0 = performance.now();
  let last = '';
  const write = (s: string) => { process.stderr.write('\r' + s.padEnd(last.length)); last = s; };
  return {
    phase: (p) => write(`dac test: ${p}…`),
    tick: (n, total) => {
      const w = 30;
      const done = Math.round((n / Math.max(1, total)) * w);
      const rate = n / ((performance.now() - t0) / 1000);
      write(`integration [${'#'.repeat(done)}${'.'.repeat(w - done)}] ${n}/${total} events ${Math.round(rate)} ev/s`);
    },
    done: () => { if (last) process.stderr.write('\r' + ' '.repeat(last.length) + '\r'); },
  };
}

export function register(program: Command): void {
  program.command('test')
    .description('grade every rule: validation, unit (its own datasets), integration (all rules on all datasets); write reports')
    .argument('[paths...]', 'rule files or folders to grade (default: all of rules/)')
    .option('--rule <id...>', 'grade only the rules with these ids')
    .option('--unit-only', 'skip the integration replay (and read only the datasets unit tests name)')
    .option('--changed <ref>', 'grade only rules whose files, datasets or macros changed since this git ref')
    .option('--report-dir <dir>', 'where to write the reports', 'reports')
    .addOption(new Option('--format <format>', 'console output').choices(['text', 'json', 'github']).default('text'))
    .option('--no-timings', 'leave the wall-clock timing section out of the reports')
    .option('--root <dir>', 'repo root (rules/, datasets/)', '.')
    .option('--data-root <dir...>', 'folders outside the repo that dataset files may name (also DAC_DATA_ROOT)')
    .action(async (paths: string[], opts: Opts) => {
      const root = resolve(opts.root);
      const args = containedArgs(root, paths);
      const reportDir = containedOutput(root, opts.reportDir);
      for (const c of [args, reportDir]) {
        if (!c.ok) { process.stderr.write(`dac test: ${c.message}\n`); process.exitCode = 2; return; }
      }
      let select: ((r: { id: string; file: string }) => boolean) | undefined;
      if (opts.changed) {
        let files: string[];
        try { files = changedFiles(root, opts.changed); } catch (e) {
          process.stderr.write(`dac test: --changed ${opts.changed}: ${(e as Error).message.split('\n')[0]}\n`);
          process.exitCode = 2;
          return;
        }
        select = changedSelector(files) as typeof select;
      }
      if (opts.rule?.length) {
        const ids = new Set(opts.rule);
        const prev = select;
        select = (r) => ids.has(r.id) && (!prev || prev(r));
      }
      const started = performance.now();
      const inputs = repoInputs(root, paths.length && args.ok ? args.paths : undefined, dataRoots(opts.dataRoot));
      if (opts.rule?.length) {
        const known = new Set(inputs.rules.map((r) => r.rule.id));
        const unknown = opts.rule.filter((id) => !known.has(id));
        if (unknown.length) { process.stderr.write(`dac test: no rule with id ${unknown.join(', ')}\n`); process.exitCode = 2; return; }
      }
      if (opts.changed && select && !inputs.rules.some((r) => select?.(r.rule))) {
        // Nothing to grade: say so and leave the previous reports alone.
        process.stdout.write(`dac test: no rule, dataset or macro changed since ${opts.changed}; nothing graded (reports left as they were)\n`);
        process.exitCode = 0;
        return;
      }
      const bar = progress(process.stderr.isTTY === true && opts.format === 'text');
      const { report, timings } = await runHarness(inputs, {
        select: select as ((r: import('../rule/model.ts').Rule) => boolean) | undefined,
        unitOnly: opts.unitOnly === true,
        version: VERSION,
        onPhase: bar.phase,
        onProgress: bar.tick,
      });
      bar.done();
      const totalMs = performance.now() - started;
      const full: RunReport = withTimings(report, opts.timings ? {
        totalMs,
        phases: timings.phases,
        rules: Object.fromEntries(Object.entries(timings.unitMs).map(([id, ms]) => [id, { unitMs: ms }])),
        eventsPerSecond: timings.phases.integration ? timings.events / (timings.phases.integration / 1000) : 0,
      } : undefined);
      const dir = resolve(root, opts.reportDir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'report.json'), renderJson(full));
      writeFileSync(join(dir, 'report.md'), renderMarkdown(full));
      writeFileSync(join(dir, 'junit.xml'), renderJunit(full));
      writeFileSync(join(dir, 'report.html'), renderHtml(full));
      const where = relative(process.cwd(), dir) || '.';
      if (opts.format === 'json') process.stdout.write(renderJson(full));
      else if (opts.format === 'github') process.stdout.write(renderGithub(full, inputs.sources));
      if (opts.format !== 'json') {
        const summary = renderSummary(full, pc.isColorSupported && process.stdout.isTTY === true && opts.format === 'text') + `reports written to ${where}/ (report.json, report.md, junit.xml, report.html)\n`;
        // In a workflow log, rule text must not run as a workflow command (`::error::`, `::stop-commands::`).
        process.stdout.write(opts.format === 'github' ? ghInert(summary) : summary);
      }
      process.exitCode = full.totals.ok ? 0 : 1;
    });
}

export type { Status };
