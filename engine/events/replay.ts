/**
 * Datasets → normalized events. `readDataset` reads every file of one dataset (reader chosen by
 * the manifest's format or detected from content), normalizes each record and counts what it
 * could not use. `replay` merges datasets into one time-ordered stream.
 *
 * Order is deterministic: replay-clock time, then record id (EVTX/EventRecordID, or the record
 * number in the file), then file order (dataset, file, position). `seq` numbers that order.
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

interface Pending {
  readonly fields: EcsFields;
  readonly ts: number;
  readonly recordId: number;
  readonly order: readonly [number, number, number];
  readonly provenance: Provenance;
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

async function readFile(ds: Dataset, fileIdx: number, dsIdx: number, opts: ReadOptions, sink: Pending[], stats: FileStats[]): Promise<void> {
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
      const rid = n.fields['winlog.record_id'];
      const provenance: Provenance = { dataset: ds.manifest.name, file: rel, line: item.loc.line, record: item.loc.record, offset: item.loc.offset };
      sink.push({
        fields: n.fields, ts: n.ts, recordId: typeof rid === 'number' ? rid : item.loc.record ?? pos,
        order: [dsIdx, fileIdx, pos], provenance: stripUndefined(provenance),
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

function compare(a: Pending, b: Pending): number {
  return a.ts - b.ts || a.recordId - b.recordId || a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];
}

function summarize(ds: Dataset, files: FileStats[], events: readonly Pending[]): DatasetStats {
  const hosts = new Set<string>();
  const hist: Record<string, number> = {};
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    const h = e.fields['host.name'];
    if (typeof h === 'string') hosts.add(h);
    const k = histogramKey(e.fields);
    hist[k] = (hist[k] ?? 0) + 1;
    if (e.ts < first) first = e.ts;
    if (e.ts > last) last = e.ts;
  }
  const sum = (k: 'read' | 'used' | 'rejected' | 'skipped'): number => files.reduce((a, f) => a + f[k], 0);
  const stats: DatasetStats = {
    dataset: ds.manifest.name, kind: ds.manifest.kind, files, read: sum('read'), used: sum('used'),
    rejected: sum('rejected'), skipped: sum('skipped'), hosts: [...hosts].sort(),
    timeRange: events.length ? { first: iso(first), last: iso(last) } : null, byEventId: sortHistogram(hist), mismatches: [],
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

async function collect(ds: Dataset, dsIdx: number, opts: ReadOptions): Promise<{ pending: Pending[]; stats: DatasetStats }> {
  const pending: Pending[] = [];
  const files: FileStats[] = [];
  for (let i = 0; i < ds.manifest.files.length; i++) await readFile(ds, i, dsIdx, opts, pending, files);
  return { pending, stats: summarize(ds, files, pending) };
}

function toEvents(pending: Pending[]): EcsEvent[] {
  pending.sort(compare);
  return pending.map((p, seq) => ({ fields: p.fields, ts: p.ts, provenance: p.provenance, seq }));
}

/** One dataset, its events in replay order (seq from 0), and its statistics. */
export async function readDataset(ds: Dataset, opts: ReadOptions = {}): Promise<DatasetRead> {
  const { pending, stats } = await collect(ds, 0, opts);
  return { events: toEvents(pending), stats };
}

export interface Replay {
  readonly events: EcsEvent[];
  /** In the order the datasets were given. */
  readonly stats: DatasetStats[];
}

/** Several datasets merged into one time-ordered stream (seq assigned in replay order). */
export async function replay(datasets: readonly Dataset[], opts: ReadOptions = {}): Promise<Replay> {
  const all: Pending[] = [];
  const stats: DatasetStats[] = [];
  for (let i = 0; i < datasets.length; i++) {
    const r = await collect(datasets[i]!, i, opts);
    for (const p of r.pending) all.push(p);
    stats.push(r.stats);
  }
  return { events: toEvents(all), stats };
}
