/**
 * Paths named on the command line: rule paths must resolve inside the repo root (symlinks
 * followed, see source/contain.ts), or the command stops with a usage error (exit 2) naming the
 * path and why; output folders see containedOutput. Data roots besides the repo come from --data-root or DAC_DATA_ROOT.
 */
import { resolve } from 'node:path';
import { containPath, envDataRoots, isInside } from '../source/contain.ts';

export type PathCheck = { readonly ok: true; readonly paths: string[] } | { readonly ok: false; readonly message: string };

/** Rule paths as typed (relative to cwd) → absolute paths inside `root`, or the first refusal. */
export function containedArgs(root: string, paths: readonly string[]): PathCheck {
  const out: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const c = containPath({ root }, resolve(p), process.cwd());
    if (c.ok) out.push(c.abs);
    else problems.push(c.missing ? `no such file or folder: ${p}` : c.reason);
  }
  return problems.length ? { ok: false, message: problems.join('; ') } : { ok: true, paths: out };
}

/**
 * An output folder. One the operator names outside the repo (`--report-dir /tmp/r`) is theirs to
 * choose; one inside the repo must stay inside after symlinks are followed, so a PR cannot plant
 * `reports -> ~/.ssh` and have reports written through it. Only the nearest existing ancestor is
 * resolved (the folder may not exist yet).
 */
export function containedOutput(root: string, dir: string): PathCheck {
  const abs = resolve(root, dir);
  if (!isInside(resolve(root), abs)) return { ok: true, paths: [abs] };
  let probe = abs;
  for (;;) {
    const c = containPath({ root }, probe);
    if (c.ok) return { ok: true, paths: [abs] };
    if (!c.missing) return { ok: false, message: `--report-dir: ${c.reason}` };
    const parent = resolve(probe, '..');
    if (parent === probe) return { ok: false, message: `path '${dir}' resolves outside the repo root` };
    probe = parent;
  }
}

/** --data-root values plus DAC_DATA_ROOT, absolute. */
export function dataRoots(flags: readonly string[] | undefined): string[] {
  return [...(flags ?? []), ...envDataRoots()].map((d) => resolve(d));
}
