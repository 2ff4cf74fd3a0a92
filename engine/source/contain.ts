/**
 * Path containment (issue 15 item 1): every path a rule, a dataset manifest or a CLI flag names
 * must resolve inside the repo root or an explicitly configured data root — after symlinks are
 * followed (realpath), so `files: [../../etc/passwd]`, `/proc/self/environ` or a symlink to either
 * is refused with a reason and never read.
 *
 * Data roots beyond the repo root come only from the operator: `--data-root DIR` flags or the
 * `DAC_DATA_ROOT` environment variable (path-delimiter separated), never from the repo content.
 */
import { realpathSync } from 'node:fs';
import { delimiter, isAbsolute, relative, resolve, sep } from 'node:path';

export type Containment =
  | { readonly ok: true; readonly abs: string; readonly real: string }
  | { readonly ok: false; readonly reason: string; readonly missing?: boolean };

export interface Roots {
  /** The repo root (absolute or relative to cwd). */
  readonly root: string;
  /** Further roots the operator allowed (absolute or relative to cwd). */
  readonly dataRoots?: readonly string[];
}

/** Roots from `DAC_DATA_ROOT` (operator-set; empty entries ignored). */
export function envDataRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.DAC_DATA_ROOT ?? '').split(delimiter).filter((s) => s.trim() !== '');
}

function realOrSelf(p: string): string {
  try { return realpathSync(p); } catch { return resolve(p); }
}

/** True when `p` is `dir` itself or below it (both absolute, normalised). */
export function isInside(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves `p` (relative to `base`, default the repo root) and checks it stays inside a root,
 * first lexically, then with every symlink followed. A path that does not exist is reported as
 * missing (after the lexical check, so `../../x` is refused as outside, not as missing).
 */
export function containPath(roots: Roots, p: string, base: string = roots.root): Containment {
  if (p.includes('\0')) return { ok: false, reason: 'path contains a NUL byte' };
  const allowed = [roots.root, ...(roots.dataRoots ?? [])].map((r) => resolve(r));
  const abs = resolve(base, p);
  // Messages name the path as the repo knows it, never the machine's absolute layout.
  if (isInside(allowed[0]!, abs)) p = relative(allowed[0]!, abs).split(sep).join('/') || '.';
  if (!allowed.some((r) => isInside(r, abs))) return { ok: false, reason: `path '${p}' resolves outside the repo root${roots.dataRoots?.length ? ' and the data roots' : ''}` };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, reason: `not found: ${p}` };
    if (code === 'ELOOP') return { ok: false, reason: `symlink loop at '${p}'` };
    return { ok: false, reason: `cannot resolve '${p}': ${code ?? String(e)}` };
  }
  const realRoots = allowed.map(realOrSelf);
  if (!realRoots.some((r) => isInside(r, real))) return { ok: false, reason: `path '${p}' is a symlink to '${real}', outside the repo root` };
  return { ok: true, abs, real };
}
