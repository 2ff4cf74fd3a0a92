/**
 * Datasets for dac's non-Windows readers (Zeek JSON/TSV, Linux auditd, ECS NDJSON from Elastic
 * Agent): each a list of files with their lines, modelled on real output of those tools, built
 * from a seeded stream so the bytes never change. Adding one: a file here returning OtherDataset,
 * and a line in index.ts.
 */
export interface OtherFile {
  readonly name: string;
  readonly format: 'zeek' | 'auditd' | 'ndjson';
  readonly lines: readonly string[];
  /** Events the reader yields from it (auditd joins records; Zeek TSV has header lines). */
  readonly events: number;
}

export interface OtherDataset {
  readonly name: string;
  readonly kind: 'attack' | 'benign';
  readonly techniques: readonly string[];
  readonly description: string;
  readonly hosts: readonly string[];
  readonly source: string;
  readonly files: readonly OtherFile[];
}

/** Epoch seconds of the datasets' day (2026-10-05 09:00:00 UTC). */
export const DAY = Date.UTC(2026, 9, 5, 9, 0, 0) / 1000;
