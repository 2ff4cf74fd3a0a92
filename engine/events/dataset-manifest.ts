/**
 * datasets/<name>/dataset.yml, as loaded (the JSON Schema in events/dataset.schema.json is
 * the source of truth for what a file may say; this is its typed form).
 */
import type { EventFormat } from './types.ts';

/** Which clock becomes @timestamp (see events/normalize for the reasoning). */
export type ReplayClock = 'activity' | 'record';

export interface DatasetFile {
  /** Relative to the dataset folder; `.gz` is read transparently. */
  readonly path: string;
  /** Forced format; otherwise detected from content. */
  readonly format?: EventFormat;
}

export interface DatasetManifest {
  readonly name: string;
  readonly description: string;
  readonly kind: 'attack' | 'benign';
  /** ATT&CK technique ids the attack data exercises. */
  readonly techniques: readonly string[];
  readonly files: readonly DatasetFile[];
  readonly hosts: readonly string[];
  /** How the data was made (generator script and seed, or recording setup). */
  readonly provenance: string;
  readonly clock: ReplayClock;
  /** What reading must give: checked by `dac datasets` and the tests. */
  readonly expected?: { readonly events?: number; readonly rejected?: number; readonly byEventId?: Readonly<Record<string, number>> };
}

export interface Dataset {
  readonly manifest: DatasetManifest;
  /** Repo-relative folder, e.g. datasets/remote_task_rpc. */
  readonly dir: string;
}
