/**
 * The field catalogues generated from elastic/detection-rules' schemas (scripts/
 * update-field-catalogues.ts writes the JSON beside this file, naming each source), chosen per
 * index pattern as detection-rules does: ECS always; the non-ECS fields listed for the exact
 * pattern; the Endpoint schema for logs-endpoint.*; the Endgame mapping for endgame-*.
 *
 * Coverage: detection-rules also reads per-integration schemas, which dac does not ship, so only
 * patterns whose fields dac's catalogues describe in full are `covered` (COVERED below); for any
 * other pattern the catalogue is `open` and an unknown field is a warning, not an error.
 */
import { readFileSync } from 'node:fs';
import type { FieldCatalog, FieldType } from '../fields.ts';

interface FieldsFile { readonly source: string; readonly fields: Readonly<Record<string, FieldType>> }
interface NonEcsFile { readonly source: string; readonly indices: Readonly<Record<string, Readonly<Record<string, FieldType>>>> }

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
const toMap = (r: Readonly<Record<string, FieldType>>): ReadonlyMap<string, FieldType> => new Map(Object.entries(r));

interface Tables {
  readonly ecs: ReadonlyMap<string, FieldType>;
  readonly endpoint: ReadonlyMap<string, FieldType>;
  readonly endgame: ReadonlyMap<string, FieldType>;
  readonly nonEcs: ReadonlyMap<string, ReadonlyMap<string, FieldType>>;
  readonly sources: readonly string[];
}
let tables: Tables | undefined;
function load(): Tables {
  if (tables) return tables;
  const ecs = read<FieldsFile>('ecs.json');
  const endpoint = read<FieldsFile>('endpoint.json');
  const endgame = read<FieldsFile>('endgame.json');
  const nonEcs = read<NonEcsFile>('non-ecs.json');
  tables = {
    ecs: toMap(ecs.fields), endpoint: toMap(endpoint.fields), endgame: toMap(endgame.fields),
    nonEcs: new Map(Object.entries(nonEcs.indices).map(([k, v]) => [k, toMap(v)])),
    sources: [ecs.source, nonEcs.source, endpoint.source, endgame.source],
  };
  return tables;
}

/**
 * Index patterns whose every field the shipped catalogues describe. Not logs-endpoint.*: the
 * Endpoint schema detection-rules ships covers process.Ext only in part (its rules use
 * process.Ext.effective_parent.*, process.parent.Ext.real.pid, which the file lacks).
 */
const COVERED: ReadonlySet<string> = new Set(['endgame-*']);

/** Every ECS field (the newest ECS detection-rules ships), for callers without index patterns. */
export function ecsFieldType(field: string): FieldType | undefined {
  return load().ecs.get(field);
}

/** Where the catalogues come from, for messages and docs. */
export function catalogueSources(): readonly string[] {
  return load().sources;
}

/**
 * A field under a flattened field, or under an object field the catalogue describes no child of
 * (labels.*), is any keyword the data holds.
 */
function openParent(field: string, layers: readonly ReadonlyMap<string, FieldType>[]): boolean {
  for (let i = field.lastIndexOf('.'); i > 0; i = field.lastIndexOf('.', i - 1)) {
    const parent = field.slice(0, i);
    for (const l of layers) {
      const t = l.get(parent);
      if (t === 'flattened') return true;
      if (t === 'object' && !hasChild(parent, layers)) return true;
    }
  }
  return false;
}

const childCache = new Map<string, boolean>();
function hasChild(parent: string, layers: readonly ReadonlyMap<string, FieldType>[]): boolean {
  const hit = childCache.get(parent);
  if (hit !== undefined) return hit;
  const prefix = parent + '.';
  const found = layers.some((l) => { for (const k of l.keys()) if (k.startsWith(prefix)) return true; return false; });
  childCache.set(parent, found);
  return found;
}

/**
 * The catalogue for an Elastic rule reading `indices`, layered over `base` (the fields dac's own
 * normalizers emit). Layers are consulted in order; the first that knows a field gives its type.
 */
export function catalogueForIndices(indices: readonly string[], base?: FieldCatalog): FieldCatalog {
  const t = load();
  const layers: ReadonlyMap<string, FieldType>[] = [t.ecs];
  const names = ['ecs'];
  for (const index of [...new Set(indices)].sort()) {
    const extra = t.nonEcs.get(index);
    if (extra) { layers.push(extra); names.push(`non-ecs ${index}`); }
  }
  if (indices.some((i) => i.startsWith('logs-endpoint.'))) { layers.push(t.endpoint); names.push('endpoint'); }
  if (indices.some((i) => i.startsWith('endgame-'))) { layers.push(t.endgame); names.push('endgame'); }
  const open = indices.length === 0 || !indices.every((i) => COVERED.has(i));
  const cache = new Map<string, FieldType | undefined>();
  let allNames: string[] | undefined;
  return {
    name: names.join(' + '),
    open,
    names() {
      if (allNames) return allNames;
      const all = new Set<string>();
      for (const l of layers) for (const k of l.keys()) all.add(k);
      if (base?.names) for (const k of base.names()) all.add(k);
      allNames = [...all].sort();
      return allNames;
    },
    typeOf(field) {
      if (cache.has(field)) return cache.get(field);
      let type: FieldType | undefined;
      for (const l of layers) { type = l.get(field); if (type) break; }
      type ??= base?.typeOf(field) ?? (openParent(field, layers) ? 'keyword' : undefined);
      cache.set(field, type);
      return type;
    },
  };
}
