/** Per-file and per-dataset reading statistics, as `dac datasets` and the harness report show them. */
import type { EventFormat, EcsFields } from './types.ts';

export interface Rejection {
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  readonly offset?: number;
  readonly reason: string;
}

export interface FileStats {
  /** Repo-relative path. */
  readonly file: string;
  readonly format: EventFormat | 'unknown';
  /** Records read: used + rejected. */
  read: number;
  used: number;
  rejected: number;
  /** Stretches of input that are not records of the format (reported, not counted as read). */
  skipped: number;
  /** The first MAX_REJECTIONS rejections (and skips), with locations; `rejected` counts them all. */
  readonly rejections: Rejection[];
}

export interface DatasetStats {
  readonly dataset: string;
  readonly kind: 'attack' | 'benign';
  readonly files: FileStats[];
  read: number;
  used: number;
  rejected: number;
  skipped: number;
  /** Distinct host.name values, sorted. */
  hosts: string[];
  /** ISO times of the first and last event on the replay clock; null when there are none. */
  timeRange: { first: string; last: string } | null;
  /** event.code (or event.dataset when there is no code) → count, keys sorted numerically. */
  byEventId: Record<string, number>;
  /** Differences from the manifest's `expected` block (empty when it matches or says nothing). */
  mismatches: string[];
}

export const MAX_REJECTIONS = 200;

export function newFileStats(file: string, format: EventFormat | 'unknown'): FileStats {
  return { file, format, read: 0, used: 0, rejected: 0, skipped: 0, rejections: [] };
}

export function noteRejection(s: FileStats, r: Rejection, skipped = false): void {
  if (skipped) s.skipped++;
  else { s.rejected++; s.read++; }
  if (s.rejections.length < MAX_REJECTIONS) s.rejections.push(skipped ? { ...r, reason: `skipped: ${r.reason}` } : r);
}

export function histogramKey(f: EcsFields): string {
  const c = f['event.code'] ?? f['winlog.event_id'];
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  const ds = f['event.dataset'];
  return typeof ds === 'string' ? ds : 'unknown';
}

export function sortHistogram(h: Record<string, number>): Record<string, number> {
  const keys = Object.keys(h).sort((a, b) => {
    const na = /^\d+$/.test(a), nb = /^\d+$/.test(b);
    if (na && nb) return Number(a) - Number(b);
    if (na !== nb) return na ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = h[k]!;
  return out;
}
