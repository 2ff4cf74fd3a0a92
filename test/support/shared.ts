/**
 * ../shared holds public data used only by tests (never copied into the repo). A fresh clone
 * has none: suites that need it use `describeShared`, which skips with a message saying so.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.DAC_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/**
 * describe() that skips cleanly, with the reason printed once, when ../shared/<parts> is absent.
 * The body is not run at all then: vitest runs the body of a skipped describe while collecting,
 * and bodies read shared files at collection time.
 */
export function describeShared(name: string, parts: string[], fn: () => void): void {
  if (hasShared(...parts)) {
    describe(name, fn);
    return;
  }
  const reason = `${sharedPath(...parts)} is absent (public test data lives in ../shared; CI has it)`;
  process.stderr.write(`[skip] ${name}: ${reason}\n`);
  describe(name, () => {
    it.skip(`needs ${reason}`, () => {});
  });
}
