/**
 * The layer order of engine/ (DESIGN.md, "Layers") as data, and the check of every import against
 * it. Used by scripts/check-layers.ts (`npm run check:layers`) and test/scripts/layers.test.ts.
 *
 *   cli ─▶ harness · export · report ─▶ validate ─▶ runtime · lang ─▶ ir · events · rule · attack ─▶ source · diag
 *
 * An import may point to a lower layer; within a layer only the pairs in SAME_LAYER are allowed
 * (each with its reason). Imports are read with TypeScript's own pre-processor, so comments and
 * strings never count; `import type` counts too (a type is knowledge). Cycles between folders and
 * between files are reported apart.
 *
 * To add a folder under engine/: give it a layer in LAYERS.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Folder of engine/ → layer; higher layers may import lower ones. */
export const LAYERS: ReadonlyMap<string, number> = new Map([
  ['cli', 6],
  ['harness', 5], ['export', 5], ['report', 5],
  ['validate', 4],
  ['runtime', 3], ['lang', 3],
  ['ir', 2], ['events', 2], ['rule', 2], ['attack', 2],
  ['source', 1], ['diag', 1],
]);

/** Imports allowed between folders of one layer: "from → to", with why. */
export const SAME_LAYER: ReadonlyMap<string, string> = new Map([
  ['report -> harness', 'the report renders the run result the harness defines (harness/types.ts)'],
  ['export -> harness', 'exports read the last run report (harness/types.ts) for test status'],
  ['events -> ir', 'normalized events hold the IR\'s field values; the Windows↔ECS table lives in ir/'],
  ['rule -> attack', 'the Rule model carries ATT&CK mappings in attack/\'s own type'],
  ['source -> diag', 'position-keeping parsers report located diagnostics'],
]);

export interface Import { readonly from: string; readonly to: string }
export interface Violation extends Import { readonly why: string }
export interface LayerCheck {
  readonly files: number;
  readonly imports: readonly Import[];
  readonly violations: readonly Violation[];
  /** Each cycle as the list of its members (folders or files), smallest first. */
  readonly folderCycles: readonly string[][];
  readonly fileCycles: readonly string[][];
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Relative imports of one file's text, resolved to repo-relative paths ('engine/ir/types.ts'). */
export function importsOf(file: string, text: string, root: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(join(root, file)), s)).split(sep).join('/'));
}

const folderOf = (path: string): string | undefined => (path.startsWith('engine/') ? path.split('/')[1] : undefined);

/** Strongly connected components with more than one member (Tarjan), each sorted. */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Why `from` (a folder) may not import `to`, or undefined when it may. */
export function forbidden(from: string, to: string): string | undefined {
  if (from === to) return undefined;
  const a = LAYERS.get(from);
  const b = LAYERS.get(to);
  if (a === undefined) return `engine/${from}/ has no layer (add it to LAYERS in scripts/layers.ts)`;
  if (b === undefined) return `engine/${to}/ has no layer (add it to LAYERS in scripts/layers.ts)`;
  if (a > b) return undefined;
  if (a < b) return `${from} (layer ${a}) imports ${to} (layer ${b}), a higher layer`;
  return SAME_LAYER.has(`${from} -> ${to}`) ? undefined : `${from} and ${to} share layer ${a}, and DESIGN allows no import ${from} -> ${to}`;
}

/** Checks every import of engine/ under `root`. */
export function checkLayers(root: string): LayerCheck {
  const files = tsFiles(join(root, 'engine')).map((p) => relative(root, p).split(sep).join('/'));
  const imports: Import[] = [];
  const fileEdges = new Map<string, Set<string>>();
  const folderEdges = new Map<string, Set<string>>();
  const violations: Violation[] = [];
  for (const file of files) {
    const from = folderOf(file)!;
    fileEdges.set(file, new Set());
    for (const to of importsOf(file, readFileSync(join(root, file), 'utf8'), root)) {
      imports.push({ from: file, to });
      if (to.endsWith('.ts')) fileEdges.get(file)!.add(to);
      const toFolder = folderOf(to);
      if (toFolder === undefined) { violations.push({ from: file, to, why: 'imports from outside engine/' }); continue; }
      if (toFolder !== from) {
        if (!folderEdges.has(from)) folderEdges.set(from, new Set());
        folderEdges.get(from)!.add(toFolder);
      }
      const why = forbidden(from, toFolder);
      if (why) violations.push({ from: file, to, why });
    }
  }
  return { files: files.length, imports, violations, folderCycles: cycles(folderEdges), fileCycles: cycles(fileEdges) };
}
