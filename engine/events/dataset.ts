/**
 * Dataset manifests: datasets/<name>/dataset.yml, parsed with positions (source/yaml-source.ts),
 * validated against dataset.schema.json (ajv, draft 2020-12, strict, all errors) with every
 * error located at file:line:col, then turned into the typed DatasetManifest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { containPath, type Roots } from '../source/contain.ts';
import { decodeUtf8 } from '../source/utf8.ts';
import { parseYamlSource } from '../source/yaml-source.ts';
import { mapAjvError } from '../source/ajv-errors.ts';
import type { Dataset, DatasetFile, DatasetManifest, ReplayClock } from './dataset-manifest.ts';
import type { EventFormat } from './types.ts';

export const MANIFEST_FILE = 'dataset.yml';

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(new URL('./dataset.schema.json', import.meta.url), 'utf8')) as object;
    validator = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
  }
  return validator;
}

interface RawManifest {
  name: string; description: string; kind: 'attack' | 'benign'; techniques?: string[]; format?: EventFormat;
  files: Array<string | { path: string; format?: EventFormat }>; hosts?: string[]; provenance: string;
  clock?: ReplayClock; expected?: { events?: number; rejected?: number; by_event_id?: Record<string, number> };
}

function toManifest(raw: RawManifest): DatasetManifest {
  const files: DatasetFile[] = raw.files.map((f) => {
    const path = typeof f === 'string' ? f : f.path;
    const format = (typeof f === 'string' ? undefined : f.format) ?? raw.format;
    return format ? { path, format } : { path };
  });
  const e = raw.expected;
  return {
    name: raw.name, description: raw.description, kind: raw.kind, techniques: raw.techniques ?? [], files,
    hosts: raw.hosts ?? [], provenance: raw.provenance, clock: raw.clock ?? 'activity',
    ...(e ? { expected: { events: e.events, rejected: e.rejected, byEventId: e.by_event_id } } : {}),
  };
}

export interface DatasetLoad {
  readonly dataset?: Dataset;
  readonly diagnostics: Diagnostic[];
  /** The manifest's path (repo-relative) and text, for rendering diagnostics. */
  readonly file: string;
  readonly text: string;
}

/**
 * Loads `<root>/<dir>/dataset.yml`; `dir` is repo-relative (datasets/<name>). The manifest and
 * every file it names must resolve inside the repo root or a configured data root (symlinks
 * followed); anything else is a located `dataset/path-outside-root` error and is never read.
 */
export function loadDataset(root: string, dir: string, dataRoots: readonly string[] = []): DatasetLoad {
  const file = join(dir, MANIFEST_FILE);
  const roots: Roots = { root, dataRoots };
  const where = containPath({ root }, file);
  if (!where.ok) {
    return { file, text: '', diagnostics: [{ code: where.missing ? 'dataset/unreadable' : 'dataset/path-outside-root', severity: 'error', message: `cannot read ${file}: ${where.reason}`, file }] };
  }
  let text: string;
  try {
    const decoded = decodeUtf8(readFileSync(where.real));
    if (!decoded.ok) return { file, text: '', diagnostics: [{ code: 'dataset/invalid-utf8', severity: 'error', message: `${file}: invalid UTF-8 at byte ${decoded.byteOffset}`, file }] };
    text = decoded.text;
  } catch (e) {
    return { file, text: '', diagnostics: [{ code: 'dataset/unreadable', severity: 'error', message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, file }] };
  }
  const { docs, diagnostics } = parseYamlSource(text, file);
  if (diagnostics.some((d) => d.severity === 'error')) return { file, text, diagnostics };
  if (docs.length !== 1) {
    return { file, text, diagnostics: [...diagnostics, { code: 'dataset/documents', severity: 'error', message: `${file} must hold exactly one YAML document (found ${docs.length})`, file }] };
  }
  const doc = docs[0]!;
  const v = validate();
  if (!v(doc.value)) {
    const errors = (v.errors ?? []).filter((e) => e.keyword !== 'anyOf' || !(v.errors ?? []).some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'anyOf'));
    return { file, text, diagnostics: [...diagnostics, ...errors.map((e) => mapAjvError(e, doc.locate, file))] };
  }
  const manifest = toManifest(doc.value as RawManifest);
  const folder = dir.split(/[\\/]/).filter(Boolean).pop();
  if (folder !== manifest.name) {
    diagnostics.push({ code: 'dataset/name-mismatch', severity: 'error', message: `name '${manifest.name}' differs from its folder '${folder}'`, file, span: doc.locate(['name']), hint: 'rename the folder or the name so they agree' });
  }
  manifest.files.forEach((f, i) => {
    const c = containPath(roots, f.path, resolve(root, dir));
    if (c.ok && statSync(c.real).isFile()) return;
    const span = doc.locate(['files', i]);
    if (c.ok) diagnostics.push({ code: 'dataset/not-a-file', severity: 'error', message: `not a regular file: ${join(dir, f.path)}`, file, span });
    else if (c.missing) diagnostics.push({ code: 'dataset/missing-file', severity: 'error', message: `file not found: ${join(dir, f.path)}`, file, span });
    else diagnostics.push({ code: 'dataset/path-outside-root', severity: 'error', message: c.reason, file, span, hint: 'keep event files inside the repo, or let the operator pass --data-root / DAC_DATA_ROOT' });
  });
  return { file, text, diagnostics, dataset: { manifest, dir } };
}

export interface DatasetList {
  readonly loads: DatasetLoad[];
  readonly datasets: Dataset[];
  readonly diagnostics: Diagnostic[];
}

/** Every datasets/<name>/dataset.yml under root, sorted by name. */
export function listDatasets(root: string, datasetsDir = 'datasets', dataRoots: readonly string[] = []): DatasetList {
  const base = resolve(root, datasetsDir);
  const names = existsSync(base)
    ? readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(base, d.name, MANIFEST_FILE))).map((d) => d.name).sort()
    : [];
  const loads = names.map((n) => loadDataset(root, relative(resolve(root), join(base, n)) || n, dataRoots));
  return {
    loads,
    datasets: loads.flatMap((l) => (l.dataset && !l.diagnostics.some((d) => d.severity === 'error') ? [l.dataset] : [])),
    diagnostics: loads.flatMap((l) => l.diagnostics),
  };
}
