/**
 * Datasets → normalized events. `readDataset` reads every file of one dataset (reader chosen by
 * the manifest's format or detected from content), normalizes each record and counts what it
 * could not use; `datasetStats` does the same without keeping the events. `replay` merges
 * datasets into one stream. The order is events/replay-order.ts's, the only definition of it.
 */
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { containPath } from '../source/contain.ts';
import type { Dataset, ReplayClock } from './dataset-manifest.ts';
import type { EcsEvent, EcsFields, EventReader, Provenance } from './types.ts';
import { openStream, readHead } from './open.ts';
import { detectReader, getReader } from './readers.ts';
import { normalize } from './normalize/index.ts';
import { iso } from './normalize/time.ts';
import { compareInDataset, mergeReplay, type InputPosition } from './replay-order.ts';
import {
  histogramKey, newFileStats, noteRejection, sortHistogram, type DatasetStats, type FileStats,
} from './stats.ts';

export interface ReadOptions {
  /** Repo root the dataset dirs are relative to (default: cwd). */
  readonly root?: string;
  /** Overrides every manifest's clock. */
  readonly clock?: ReplayClock;
  /** Operator-configured roots event files may live in besides the repo root (--data-root). */
  readonly dataRoots?: readonly string[];
}

interface Pending extends InputPosition {
  readonly fields: EcsFields;
  readonly provenance: Provenance;
}

/** What the statistics need of every event, gathered as events go by (no buffer needed). */
class Summary {
  readonly hosts = new Set<string>();
  readonly hist: Record<string, number> = {};
  first = Infinity;
  last = -Infinity;
  count = 0;
  add(fields: EcsFields, ts: number): void {
    const h = fields['host.name'];
    if (typeof h === 'string') this.hosts.add(h);
    const k = histogramKey(fields);
    this.hist[k] = (this.hist[k] ?? 0) + 1;
    if (ts < this.first) this.first = ts;
    if (ts > this.last) this.last = ts;
    this.count++;
  }
}

export interface DatasetRead {
  readonly events: EcsEvent[];
  readonly stats: DatasetStats;
}

async function chooseReader(path: string, forced: Dataset['manifest']['files'][number]['format']): Promise<EventReader | string> {
  if (forced) return getReader(forced) ?? `no reader for format '${forced}' is built yet`;
  const head = await readHead(path);
  return detectReader(head, basename(path)) ?? 'format not recognised from content (set `format:` in dataset.yml)';
}

async function readFile(ds: Dataset, fileIdx: number, opts: ReadOptions, summary: Summary, sink: Pending[] | undefined, stats: FileStats[]): Promise<void> {
  const spec = ds.manifest.files[fileIdx]!;
  const rel = join(ds.dir, spec.path);
  const root = opts.root ?? '.';
  // Checked again here (not only in loadDataset): a Dataset may be built by code, and the file
  // may have been swapped for a symlink since the manifest was loaded.
  const where = containPath({ root, dataRoots: opts.dataRoots }, rel);
  const abs = where.ok ? where.real : resolve(root, rel);
  const clock = opts.clock ?? ds.manifest.clock;
  let reader: EventReader | string;
  if (!where.ok) reader = `refused: ${where.reason}`;
  else if (!statSync(abs).isFile()) reader = 'not a regular file';
  else {
    try {
      reader = await chooseReader(abs, spec.format);
    } catch (e) {
      reader = `cannot open: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const fs = newFileStats(rel, typeof reader === 'string' ? spec.format ?? 'unknown' : reader.format);
  stats.push(fs);
  if (typeof reader === 'string') { noteRejection(fs, { file: rel, reason: reader }); return; }
  let pos = 0;
  try {
    await consume();
  } catch (e) {
    // A stream that fails mid-file (corrupt gzip, I/O error, a reader bug) ends this file with a
    // located rejection; what was read before stays, and the run goes on (issue 15 item 4).
    noteRejection(fs, { file: rel, record: pos + 1, reason: `reading stopped after ${pos} item(s): ${e instanceof Error ? e.message : String(e)}` });
  }
  async function consume(): Promise<void> {
    for await (const item of (reader as EventReader).read(rel, openStream(abs))) {
      pos++;
      if (!item.ok) { noteRejection(fs, { ...item.loc, file: rel, reason: item.reason }, item.skipped === true); continue; }
      fs.read++;
      const n = normalizeSafely(item.record, clock);
      if (!n.ok) { fs.read--; noteRejection(fs, { ...item.loc, file: rel, reason: n.reason }); continue; }
      fs.used++;
      summary.add(n.fields, n.ts);
      if (!sink) continue;
      const rid = n.fields['winlog.record_id'];
      const provenance: Provenance = { dataset: ds.manifest.name, file: rel, line: item.loc.line, record: item.loc.record, offset: item.loc.offset };
      sink.push({
        fields: n.fields, ts: n.ts, recordId: typeof rid === 'number' ? rid : item.loc.record ?? pos,
        file: fileIdx, pos, provenance: stripUndefined(provenance),
      });
    }
  }
}

/** One record's normalisation; a throw (a value out of range, a bug) rejects that record only. */
function normalizeSafely(record: Parameters<typeof normalize>[0], clock: ReplayClock): ReturnType<typeof normalize> {
  try {
    return normalize(record, { clock });
  } catch (e) {
    return { ok: false, reason: `cannot normalize: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function stripUndefined(p: Provenance): Provenance {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out as unknown as Provenance;
}

function summarize(ds: Dataset, files: FileStats[], sm: Summary): DatasetStats {
  const sum = (k: 'read' | 'used' | 'rejected' | 'skipped'): number => files.reduce((a, f) => a + f[k], 0);
  const stats: DatasetStats = {
    dataset: ds.manifest.name, kind: ds.manifest.kind, files, read: sum('read'), used: sum('used'),
    rejected: sum('rejected'), skipped: sum('skipped'), hosts: [...sm.hosts].sort(),
    timeRange: sm.count ? { first: iso(sm.first), last: iso(sm.last) } : null, byEventId: sortHistogram(sm.hist), mismatches: [],
  };
  const exp = ds.manifest.expected;
  if (exp?.events !== undefined && exp.events !== stats.used) stats.mismatches.push(`expected ${exp.events} events, read ${stats.used}`);
  if (exp?.rejected !== undefined && exp.rejected !== stats.rejected) stats.mismatches.push(`expected ${exp.rejected} rejected, got ${stats.rejected}`);
  if (exp?.byEventId) {
    // by_event_id counts Windows event IDs; network records (keyed by event.dataset) are not in it.
    const ids = Object.keys(stats.byEventId).filter((k) => /^\d+$/.test(k));
    for (const k of new Set([...Object.keys(exp.byEventId), ...ids])) {
      const want = exp.byEventId[k] ?? 0;
      const got = stats.byEventId[k] ?? 0;
      if (want !== got) stats.mismatches.push(`event ${k}: expected ${want}, read ${got}`);
    }
  }
  return stats;
}

async function collect(ds: Dataset, opts: ReadOptions, sink?: Pending[]): Promise<DatasetStats> {
  const files: FileStats[] = [];
  const summary = new Summary();
  for (let i = 0; i < ds.manifest.files.length; i++) await readFile(ds, i, opts, summary, sink, files);
  return summarize(ds, files, summary);
}

/** One dataset, its events in replay order (seq from 0), and its statistics. */
export async function readDataset(ds: Dataset, opts: ReadOptions = {}): Promise<DatasetRead> {
  const pending: Pending[] = [];
  const stats = await collect(ds, opts, pending);
  pending.sort(compareInDataset);
  return { events: pending.map((p, seq) => ({ fields: p.fields, ts: p.ts, provenance: p.provenance, seq })), stats };
}

/** One dataset's statistics, reading it as readDataset does but keeping no events. */
export function datasetStats(ds: Dataset, opts: ReadOptions = {}): Promise<DatasetStats> {
  return collect(ds, opts);
}

export interface Replay {
  readonly events: EcsEvent[];
  /** In the order the datasets were given. */
  readonly stats: DatasetStats[];
}

/** Several datasets merged into one stream in replay order, ranked in the order given (seq from 0). */
export async function replay(datasets: readonly Dataset[], opts: ReadOptions = {}): Promise<Replay> {
  const reads: DatasetRead[] = [];
  for (const ds of datasets) reads.push(await readDataset(ds, opts));
  return { events: [...mergeReplay(reads.map((r) => r.events))], stats: reads.map((r) => r.stats) };
}
