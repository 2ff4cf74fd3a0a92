/**
 * `dac run --language eql|spl|car|sigma '<query or sigma file>' --data <files…> [--json] [--format …]`:
 * the hunting loop. Compiles the query (fields checked against the catalogue, as validate does;
 * --no-field-check lifts that), reads the
 * files with the event readers and normalizer, runs the query and prints the matches — a table
 * (sequences grouped) or, with --json, one JSON line per match. Exit 0 ran, 1 invalid query,
 * 2 usage errors (bad option, unreadable query file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { formatWithExcerpt } from '../diag/render.ts';
import type { Dataset } from '../events/dataset-manifest.ts';
import { readDataset } from '../events/replay.ts';
import type { DatasetStats } from '../events/stats.ts';
import type { EcsEvent, EventFormat } from '../events/types.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import '../ir/functions/index.ts';
import { frontEndFor, frontEnds } from '../lang/registry.ts';
import type { Language } from '../rule/model.ts';
import { PLACEHOLDER_FILE, loadPlaceholderSource } from '../rule/placeholders.ts';
import { loadMacros } from '../rule/repo.ts';
import { runQuery } from '../runtime/index.ts';
import { renderNdjson, renderTable } from './run-output.ts';

export { renderNdjson, renderTable } from './run-output.ts';

export interface RunOptions {
  language: Language; data: string[]; json?: boolean; format: 'auto' | EventFormat;
  /** Key-field columns to show instead of each event kind's defaults. */
  fields?: string[];
  /** Table width; default: the terminal's, or no limit when output is not a terminal. */
  width?: string;
  /** commander's `--no-field-check`: false lets the query name fields no catalogue knows (raw fields of odd data). */
  fieldCheck?: boolean;
  /** Sigma %placeholder% values file. */
  placeholders?: string;
}
/** Where output goes (the process streams by default; tests capture it). */
export interface RunIo { out(s: string): void; err(s: string): void }
const processIo: RunIo = { out: (s) => { process.stdout.write(s); }, err: (s) => { process.stderr.write(s); } };

function describeStats(s: DatasetStats): string[] {
  const out = [`${s.used} event(s) read from ${s.files.length} file(s), ${s.rejected} rejected`];
  for (const f of s.files) for (const r of f.rejections.slice(0, 5)) {
    out.push(`  rejected ${r.file}${r.line !== undefined ? `:${r.line}` : r.record !== undefined ? `#${r.record}` : ''}: ${r.reason}`);
  }
  return out;
}

/** Runs the command; returns the exit code. */
export async function runCommand(query: string, opts: RunOptions, io: RunIo = processIo): Promise<number> {
  const fe = frontEndFor(opts.language);
  if (!fe) { io.err(`dac run: unknown language ${opts.language}\n`); return 2; }
  let text = query;
  let origin = '<query>';
  if (opts.language === 'sigma') {
    if (!existsSync(query)) { io.err(`dac run: sigma rule file ${query} not found\n`); return 2; }
    text = readFileSync(query, 'utf8');
    origin = query;
  }
  const missing = opts.data.filter((f) => !existsSync(f));
  if (missing.length) { io.err(`dac run: data file(s) not found: ${missing.join(', ')}\n`); return 2; }

  // SPL searches use the repo's macros (rules/macros under the current directory), as rules do.
  const macroSources = new Map<string, string>();
  const macros = loadMacros(process.cwd(), macroSources, []);
  // Sigma placeholders: --placeholders FILE, else the repo's sigma-placeholders.yml if there is one.
  const phFile = opts.placeholders ?? (existsSync(PLACEHOLDER_FILE) ? PLACEHOLDER_FILE : undefined);
  if (opts.placeholders && !existsSync(opts.placeholders)) { io.err(`dac run: placeholder file ${opts.placeholders} not found\n`); return 2; }
  const ph = phFile ? loadPlaceholderSource(readFileSync(phFile, 'utf8'), phFile) : undefined;
  const phText = phFile ? readFileSync(phFile, 'utf8') : '';
  for (const d of ph?.diagnostics ?? []) io.err(formatWithExcerpt(d as Diagnostic, (f) => (f === phFile ? phText : undefined)) + '\n');
  if (ph?.diagnostics.some((d) => d.severity === 'error')) return 2;
    // Fields are checked as `dac validate` checks them: a misspelt field would otherwise match
  // nothing and exit 0, which reads as "no hits".
  const { query: ir, diagnostics } = fe.compileText(text, origin, { macros, ...(ph ? { placeholders: ph.values } : {}), ...(opts.fieldCheck === false ? {} : { fields: ECS_CATALOG }) });
  const lookup = (f: string) => (f === origin ? text : undefined);
  for (const d of diagnostics) io.err(formatWithExcerpt(d as Diagnostic, lookup) + '\n');
  if (!ir || diagnostics.some((d) => d.severity === 'error')) return 1;

  const cwd = process.cwd();
  const ds: Dataset = {
    dir: '',
    manifest: {
      name: 'run', description: 'files given to dac run', kind: 'attack', techniques: [], hosts: [], provenance: 'command line', clock: 'activity',
      files: opts.data.map((f) => ({ path: relative(cwd, resolve(f)), ...(opts.format !== 'auto' ? { format: opts.format } : {}) })),
    },
  };
  // The operator named these files on the command line: each one's folder is a data root for this run.
  const { events, stats } = await readDataset(ds, { root: cwd, dataRoots: opts.data.map((f) => dirname(resolve(f))) });
  for (const l of describeStats(stats)) io.err(l + '\n');
  const alerts = runQuery(ir, events, 'run');
  const width = opts.width !== undefined ? Number(opts.width) : process.stdout.isTTY ? process.stdout.columns ?? 0 : 0;
  if (!Number.isInteger(width) || width < 0) { io.err(`dac run: --width must be a whole number, not ${opts.width}\n`); return 2; }
  io.out(opts.json ? renderNdjson(alerts) : renderTable(alerts, { width, ...(opts.fields ? { fields: opts.fields } : {}) }, ir));
  io.err(`${alerts.length} match(es)\n`);
  return 0;
}

export function register(program: Command): void {
  program.command('run')
    .description('run a query over event files and print the matches (the hunting loop)')
    .argument('<query>', 'the query text (for sigma: a rule file)')
    .addOption(new Option('-l, --language <language>', 'query language').choices([...frontEnds.keys()]).default('eql'))
    .requiredOption('-d, --data <files...>', 'event files (Windows XML, EVTX, NDJSON/ECS, Zeek JSON or TSV, Linux auditd, pcap; .gz ok)')
    .option('--json', 'one JSON line per match instead of a table')
    .option('--placeholders <file>', `Sigma %placeholder% values (YAML map; default ./${PLACEHOLDER_FILE} if present)`)
    .option('--fields <fields...>', 'key-field columns to show (default: per kind of event)')
    .option('--width <n>', 'fit the table to n columns, cutting long values with … (default: the terminal width)')
    .option('--no-field-check', 'allow fields no catalogue knows (an unknown field is an error by default)')
    .addOption(new Option('--format <format>', 'input format').choices(['auto', 'xml', 'ndjson', 'zeek', 'auditd', 'evtx', 'pcap']).default('auto'))
    .action(async (query: string, opts: RunOptions) => {
      process.exitCode = await runCommand(query, opts);
    });
}
