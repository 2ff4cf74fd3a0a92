/**
 * `dac datasets [--root .] [--json]`: every dataset with events read/used/rejected, hosts, time
 * range and event-ID histogram (manifest errors printed at file:line:col).
 * `dac datasets show NAME [--format ndjson|table] [--limit N]`: the dataset's events as ECS.
 * Exit 0 ok, 1 a manifest is invalid or reading differs from its `expected` block, 2 usage.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatOneLine } from '../diag/render.ts';
import { listDatasets } from '../events/dataset.ts';
import { datasetStats, readDataset } from '../events/replay.ts';
import { dataRoots } from './paths.ts';
import type { DatasetStats } from '../events/stats.ts';
import type { EcsEvent } from '../events/types.ts';
import { registerImport } from './datasets-import.ts';

function histogramText(h: Record<string, number>): string {
  return Object.entries(h).map(([k, v]) => `${k}:${v}`).join(' ');
}

export function renderStatsText(all: readonly DatasetStats[]): string {
  const out: string[] = [];
  for (const s of all) {
    out.push(`${s.dataset} (${s.kind}): ${s.used} events, ${s.rejected} rejected${s.skipped ? `, ${s.skipped} skipped` : ''}, ${s.hosts.length} host(s)`);
    out.push(`  time   ${s.timeRange ? `${s.timeRange.first} .. ${s.timeRange.last}` : '(no events)'}`);
    out.push(`  hosts  ${s.hosts.join(', ') || '-'}`);
    out.push(`  ids    ${histogramText(s.byEventId) || '-'}`);
    for (const f of s.files) {
      out.push(`  file   ${f.file} [${f.format}] read ${f.read}, used ${f.used}, rejected ${f.rejected}${f.skipped ? `, skipped ${f.skipped}` : ''}`);
      for (const r of f.rejections.slice(0, 5)) out.push(`         ${r.file}${r.line ? `:${r.line}` : r.record ? `#${r.record}` : ''}: ${r.reason}`);
      if (f.rejections.length > 5) out.push(`         … ${f.rejected + f.skipped - 5} more`);
    }
    for (const m of s.mismatches) out.push(`  MISMATCH ${m}`);
  }
  const total = all.reduce((a, s) => a + s.used, 0);
  const rej = all.reduce((a, s) => a + s.rejected, 0);
  out.push(`${all.length} dataset(s): ${total} events, ${rej} rejected`);
  return out.join('\n') + '\n';
}

const TABLE_COLUMNS = ['@timestamp', 'host.name', 'event.code', 'event.action', 'process.name', 'process.pid', 'source.ip', 'destination.ip', 'destination.port', 'registry.path', 'file.path', 'dce_rpc.operation'];

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(',') : String(v);
}

export function renderEvents(events: readonly EcsEvent[], format: 'ndjson' | 'table'): string {
  if (format === 'ndjson') {
    return events.map((e) => {
      const keys = Object.keys(e.fields).sort();
      const doc: Record<string, unknown> = {};
      for (const k of keys) doc[k] = e.fields[k];
      return JSON.stringify({ ...doc, 'dac.provenance': e.provenance, 'dac.seq': e.seq });
    }).join('\n') + (events.length ? '\n' : '');
  }
  const cols = TABLE_COLUMNS.filter((c) => events.some((e) => e.fields[c] !== undefined));
  const rows = events.map((e) => cols.map((c) => cell(e.fields[c]).slice(0, 80)));
  // A loop, not Math.max(...rows): a spread of ~200k rows overflows the call stack (issue 15 item 4).
  const widths = cols.map((c, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), c.length));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function register(program: Command): void {
  const cmd = program.command('datasets')
    .description('list datasets with events read/rejected, hosts, time range and event-ID histogram')
    .option('--root <dir>', 'repo root (datasets/ lives there)', '.')
    .option('--json', 'print statistics as JSON')
    .option('--data-root <dir...>', 'folders outside the repo that dataset files may name (also DAC_DATA_ROOT)')
    .action(async (opts: { root: string; json?: boolean; dataRoot?: string[] }) => {
      const root = resolve(opts.root);
      const extra = dataRoots(opts.dataRoot);
      const list = listDatasets(root, 'datasets', extra);
      const lookup = (f: string) => list.loads.find((l) => l.file === f)?.text;
      for (const d of list.diagnostics) process.stderr.write(formatOneLine(d, lookup) + '\n');
      const stats: DatasetStats[] = [];
      for (const ds of list.datasets) stats.push(await datasetStats(ds, { root, dataRoots: extra }));
      process.stdout.write(opts.json ? JSON.stringify(stats, null, 2) + '\n' : renderStatsText(stats));
      const bad = list.diagnostics.some((d) => d.severity === 'error') || stats.some((s) => s.mismatches.length > 0);
      process.exitCode = bad ? 1 : 0;
    });
  registerImport(cmd);
  cmd.command('show')
    .description('print a dataset\'s events as ECS, in replay order')
    .argument('<name>', 'dataset name (folder under datasets/)')
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'table']).default('ndjson'))
    .option('--limit <n>', 'print at most N events', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`--limit must be a non-negative integer, got '${v}'`);
      return n;
    })
    .option('--clock <clock>', 'replay clock: activity (Sysmon UtcTime) or record (TimeCreated)')
    .action(async (name: string, opts: { format: 'ndjson' | 'table'; limit?: number; clock?: string }, command: Command) => {
      const parent = command.parent?.opts() as { root: string; dataRoot?: string[] } | undefined;
      const root = resolve(parent?.root ?? '.');
      const extra = dataRoots(parent?.dataRoot);
      if (opts.clock !== undefined && opts.clock !== 'activity' && opts.clock !== 'record') {
        process.stderr.write(`dac datasets show: --clock must be activity or record\n`);
        process.exitCode = 2;
        return;
      }
      const list = listDatasets(root, 'datasets', extra);
      const load = list.loads.find((l) => l.dataset?.manifest.name === name || l.file.split(/[\\/]/).slice(-2)[0] === name);
      if (!load?.dataset) {
        const names = list.loads.map((l) => l.dataset?.manifest.name).filter(Boolean).join(', ');
        process.stderr.write(`dac datasets show: no dataset named '${name}'${names ? ` (have: ${names})` : ''}\n`);
        for (const d of load?.diagnostics ?? []) process.stderr.write(formatOneLine(d, () => load?.text) + '\n');
        process.exitCode = 2;
        return;
      }
      const { events, stats } = await readDataset(load.dataset, { root, dataRoots: extra, clock: opts.clock as 'activity' | 'record' | undefined });
      const shown = opts.limit === undefined ? events : events.slice(0, opts.limit);
      process.stdout.write(renderEvents(shown, opts.format));
      if (stats.rejected > 0) process.stderr.write(`${stats.rejected} record(s) rejected; see \`dac datasets\`\n`);
      process.exitCode = 0;
    });
}
