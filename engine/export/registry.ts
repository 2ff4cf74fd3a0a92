/**
 * Export targets by the name users type (`dac export --target elastic`); the CLI's choices are
 * this map's keys. Adding a target: write engine/export/<name>.ts exporting an ExportTarget, add
 * it below, add a golden test under test/export/ and a line to docs/exports.md.
 */
import { elasticTarget } from './elastic.ts';
import { navigatorTarget } from './navigator.ts';
import { sentinelTarget } from './sentinel.ts';
import { sigmaTarget } from './sigma.ts';
import { splunkTarget } from './splunk.ts';
import type { ExportTarget } from './types.ts';

export const exportTargets: ReadonlyMap<string, ExportTarget> = (() => {
  const m = new Map<string, ExportTarget>();
  for (const t of [elasticTarget, splunkTarget, sigmaTarget, sentinelTarget, navigatorTarget]) {
    if (m.has(t.name)) throw new Error(`duplicate export target ${t.name}`);
    m.set(t.name, t);
  }
  return m;
})();
