/**
 * `dac datasets import FILES… --name N [--since/--until ISO] [--host H…] [--event-id N…] [--where EQL]`:
 * slices real logs (EVTX, Windows XML, NDJSON, Zeek, pcap) into datasets/<N>/ — the kept events as
 * gzipped flat ECS NDJSON and a dataset.yml with provenance and the expected counts, so the
 * dataset replays to the same events and `dac datasets` checks it from then on.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { formatWithExcerpt } from '../diag/render.ts';
import type { Dataset } from '../events/dataset-manifest.ts';
import { keep, summarize, toEcsLine, type SliceFilters } from '../events/import/slice.ts';
import { parseTime } from '../events/normalize/time.ts';
import { readDataset } from '../events/replay.ts';
import type { EcsEvent } from '../events/types.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import '../ir/functions/index.ts';
import { effectiveFilter } from '../ir/source.ts';
import { frontEndFor } from '../lang/registry.ts';
import { compileMatcher } from '../runtime/compile-predicate.ts';

export interface ImportOptions {
  name: string; root: string; since?: string; until?: string; host?: string[]; eventId?: string[]; where?: string;
  kind: string; technique?: string[]; description?: string; force?: boolean;
}

type Io = { out(s: string): void; err(s: string): void };
const processIo: Io = { out: (s) => { process.stdout.write(s); }, err: (s) => { process.stderr.write(s); } };

function time(label: string, v: string | undefined, io: Io): number | undefined | null {
  if (v === undefined) return undefined;
  const t = parseTime(v);
  if (t === undefined) { io.err(`dac datasets import: ${label} '${v}' is not an ISO-8601 time (2026-10-06T10:00:00Z)\n`); return null; }
  return t;
}

/** The --where query as an event predicate (EQL, fields checked like `dac run`). */
function whereMatcher(query: string, io: Io): ((ev: EcsEvent) => boolean) | null {
  const fe = frontEndFor('eql');
  if (!fe) return null;
  const { query: ir, diagnostics } = fe.compileText(query, '--where', { fields: ECS_CATALOG });
  for (const d of diagnostics) io.err(formatWithExcerpt(d as Diagnostic, (f) => (f === '--where' ? query : undefined)) + '\n');
  if (!ir || diagnostics.some((d) => d.severity === 'error')) return null;
  if (ir.kind !== 'event') { io.err('dac datasets import: --where takes an event query (category where condition), not a sequence or pipeline\n'); return null; }
  const m = compileMatcher(effectiveFilter(ir), ir.logic);
  return (ev) => m(ev);
}

export async function importDataset(files: readonly string[], opts: ImportOptions, io: Io = processIo): Promise<number> {
  if (!/^[a-z0-9][a-z0-9_.-]*$/.test(opts.name)) { io.err(`dac datasets import: --name '${opts.name}' must be lower-case letters, digits, _ . - (it names the folder)\n`); return 2; }
  if (opts.kind !== 'attack' && opts.kind !== 'benign') { io.err(`dac datasets import: --kind must be attack or benign\n`); return 2; }
  const bad = (opts.technique ?? []).filter((t) => !/^T\d{4}(\.\d{3})?$/.test(t));
  if (bad.length) { io.err(`dac datasets import: not technique IDs: ${bad.join(', ')}\n`); return 2; }
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) { io.err(`dac datasets import: file(s) not found: ${missing.join(', ')}\n`); return 2; }
  const root = resolve(opts.root);
  const dir = join(root, 'datasets', opts.name);
  if (existsSync(dir) && !opts.force) { io.err(`dac datasets import: ${relative(process.cwd(), dir) || dir} exists; choose another --name or pass --force\n`); return 2; }
  const since = time('--since', opts.since, io);
  const until = time('--until', opts.until, io);
  if (since === null || until === null) return 2;
  const where = opts.where === undefined ? undefined : whereMatcher(opts.where, io);
  if (where === null) return 1;

  const cwd = process.cwd();
  const source: Dataset = {
    dir: '',
    manifest: { name: 'import', description: 'files to import', kind: 'attack', techniques: [], hosts: [], provenance: 'command line', clock: 'activity', files: files.map((f) => ({ path: relative(cwd, resolve(f)) })) },
  };
  // The files the operator named are data roots of their own (as for dac run).
  const { events, stats } = await readDataset(source, { root: cwd, dataRoots: files.map((f) => dirname(resolve(f))) });
  const filters: SliceFilters = {
    ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}),
    ...(opts.host?.length ? { hosts: opts.host } : {}), ...(opts.eventId?.length ? { eventIds: opts.eventId } : {}), ...(where ? { where } : {}),
  };
  const kept = events.filter((ev) => keep(ev, filters));
  if (!kept.length) { io.err(`dac datasets import: no event of ${events.length} read passes the filters; nothing written\n`); return 1; }

  const sum = summarize(kept);
  const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);
  const filterText = [
    opts.since && `since ${opts.since}`, opts.until && `until ${opts.until}`, opts.host?.length && `host ${opts.host.join(',')}`,
    opts.eventId?.length && `event id ${opts.eventId.join(',')}`, opts.where && `where ${opts.where}`,
  ].filter(Boolean).join('; ');
  const manifest = {
    name: opts.name,
    description: opts.description ?? `${sum.events} event(s) from ${files.map((f) => basename(f)).join(', ')}${sum.first !== undefined ? `, ${new Date(sum.first).toISOString()} to ${new Date(sum.last ?? sum.first).toISOString()}` : ''}`,
    kind: opts.kind,
    techniques: opts.technique ?? [],
    files: [{ path: 'events.ndjson.gz', format: 'ndjson' }],
    hosts: sum.hosts,
    provenance: `dac datasets import of ${files.map((f) => `${basename(f)} (sha256 ${digest(f)}…)`).join(', ')}: ${events.length} event(s) read, ${stats.rejected} record(s) rejected by the reader, ${sum.events} kept${filterText ? ` (${filterText})` : ''}. Events as dac normalized them, written as flat ECS NDJSON.`,
    clock: 'activity',
    expected: { events: sum.events, rejected: 0, by_event_id: sum.byEventId },
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'events.ndjson.gz'), gzipSync(kept.map((ev) => toEcsLine(ev) + '\n').join(''), { level: 9 }));
  writeFileSync(join(dir, 'dataset.yml'), `# Written by dac datasets import; edit the description, kind and techniques.\n${stringify(manifest, { lineWidth: 100 })}`);
  const shown = relative(cwd, dir) || dir;
  io.out(`${sum.events} of ${events.length} event(s) kept (${stats.rejected} source record(s) rejected) → ${shown}/ (events.ndjson.gz, dataset.yml)\n`);
  if (stats.rejected > 0) for (const f of stats.files) for (const r of f.rejections.slice(0, 5)) io.err(`  rejected ${r.file}${r.line !== undefined ? `:${r.line}` : r.record !== undefined ? `#${r.record}` : ''}: ${r.reason}\n`);
  return 0;
}

export function registerImport(datasets: Command): void {
  datasets.command('import')
    .description('slice real logs (EVTX, XML, NDJSON, Zeek, pcap) into a dataset with provenance and expected counts')
    .argument('<files...>', 'event files')
    .requiredOption('--name <name>', 'dataset name (the folder under datasets/)')
    .option('--since <time>', 'keep events at or after this ISO-8601 time')
    .option('--until <time>', 'keep events at or before this ISO-8601 time')
    .option('--host <names...>', 'keep events of these hosts (host.name; a short name matches the FQDN)')
    .option('--event-id <ids...>', 'keep these event IDs (event.code)')
    .option('--where <eql>', 'keep events an EQL event query matches')
    .option('--kind <kind>', 'attack or benign', 'attack')
    .option('--technique <ids...>', 'ATT&CK technique IDs the data exercises')
    .option('--description <text>', 'what the dataset holds')
    .option('--force', 'overwrite an existing dataset folder')
    .action(async (files: string[], opts: Omit<ImportOptions, 'root'>, command: Command) => {
      const parent = command.parent?.opts() as { root: string } | undefined;
      process.exitCode = await importDataset(files, { ...opts, root: parent?.root ?? '.' });
    });
}
