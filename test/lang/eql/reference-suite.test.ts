/**
 * The reference EQL suite (../shared/eql/json/queries.json) run through dac's front-end and
 * runtime: every query using only Elasticsearch constructs must return exactly the `sensitive`
 * oracle ids. Queries needing the old Endgame dialect are excluded, each with its reason, and the
 * exclusions are pinned so a regression cannot hide as a new exclusion.
 */
import { expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { compileEql } from '../../../engine/lang/eql/index.ts';
import { parseQuery } from '../../../engine/lang/eql/parser.ts';
import type { Node } from '../../../engine/lang/eql/ast.ts';
import { ENDGAME_FUNCTIONS } from '../../../engine/lang/eql/functions.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { describeShared } from '../../support/shared.ts';
import { alertIds, endgameEvents, readShared } from './support.ts';

interface Case { index: number; query: string; case_settings: string[]; oracle_ids: { sensitive?: number[] } }

/** Why a query is outside the Elasticsearch dialect, or undefined when dac must run it. */
function exclusion(c: Case): string | undefined {
  if (!c.oracle_ids.sensitive) return 'only an Endgame case-insensitive oracle (no Elasticsearch-semantics answer)';
  const r = compileEql(c.query);
  const e = r.errors[0];
  if (e?.code === 'endgame-only') return e.message;
  if (e?.code === 'unknown-function' && /unknown function (\w+)/.test(e.message) && ENDGAME_FUNCTIONS.has(RegExp.$1.toLowerCase())) {
    return `Endgame-only function ${RegExp.$1}`;
  }
  if (e?.code === 'unsupported') return e.message;
  if (!e && usesWildcardEquality(c.query)) return 'wildcards inside == are Endgame EQL (Elasticsearch compares literally; use :)';
  return undefined;
}

function usesWildcardEquality(q: string): boolean {
  let found = false;
  const walk = (n: Node): void => {
    switch (n.kind) {
      case 'cmp':
        if ((n.op === '==' || n.op === '!=') && [n.left, n.right].some((s) => s.kind === 'string' && /[*?]/.test(s.value))) found = true;
        walk(n.left); walk(n.right); return;
      case 'and': case 'or': walk(n.left); walk(n.right); return;
      case 'not': case 'neg': walk(n.arg); return;
      case 'paren': walk(n.inner); return;
      default: return;
    }
  };
  const ast = parseQuery(q);
  const body = ast.body;
  if (body.kind === 'event') walk(body.cond);
  else for (const s of [...body.steps, ...(body.until ? [body.until] : [])]) walk(s.query.cond);
  return found;
}

describeShared('EQL reference suite (Elasticsearch dialect, sensitive oracle)', ['eql', 'json', 'queries.json'], () => {
  const cases = readShared<Case[]>('eql', 'json', 'queries.json');
  const events = endgameEvents();
  const run = cases.filter((c) => !exclusion(c));
  const excluded = cases.filter((c) => exclusion(c)).map((c) => ({ index: c.index, reason: exclusion(c)! }));

  it.each(run.map((c) => [c.index, c] as const))('query %i', (_i, c) => {
    const { query, errors } = compileEql(c.query);
    expect(errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(alertIds(query!, runQuery(query!, events), 'serial_event_id')).toEqual(c.oracle_ids.sensitive);
  });

  it('excludes only old-dialect queries, each with a reason (counts pinned)', () => {
    const byReason = new Map<string, number>();
    for (const x of excluded) byReason.set(x.reason, (byReason.get(x.reason) ?? 0) + 1);
    // Printed so the counts in the report come from the run itself.
    process.stdout.write(`[eql reference] ran ${run.length}, excluded ${excluded.length} of ${cases.length}\n`);
    for (const [r, n] of [...byReason].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n} × ${r}\n`);
    expect(run.length + excluded.length).toBe(241);
    expect(excluded.every((x) => x.reason.length > 0)).toBe(true);
    expect(run.length).toBe(EXPECTED_RUN);
  });
});

/** Pinned: the number of reference queries that use only Elasticsearch constructs. */
const EXPECTED_RUN = 76;
