/** Expr → closure over a row. Function lookups and argument shapes are settled at compile time. */
import type { FieldValue } from '../events/types.ts';
import { getFunction } from '../ir/functions/index.ts';
import type { Expr } from '../ir/types.ts';
import type { Row } from './row.ts';
import { isInheritedName, own } from '../source/own.ts';

export type ValueFn = (row: Row) => FieldValue | undefined;

export class RuntimeCompileError extends Error {}

export function compileExpr(e: Expr): ValueFn {
  switch (e.kind) {
    case 'field': {
      // No field is special here: SPL's `_time` is the SPL front-end's (lang/spl/scope.ts: spl.epoch(@timestamp)).
      const name = e.name;
      // `toString`, `constructor` …: an event's own field only, never Object.prototype's (issue 15 item 7).
      if (isInheritedName(name)) return (row) => own(row.fields, name);
      return (row) => row.fields[name];
    }
    case 'literal': {
      const v = e.value;
      return () => v;
    }
    case 'call': {
      const def = getFunction(e.fn);
      if (!def) throw new RuntimeCompileError(`unknown function ${e.fn}`);
      if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
        throw new RuntimeCompileError(`${e.fn} takes ${def.minArgs}..${def.maxArgs} arguments, got ${e.args.length}`);
      }
      const args = e.args.map(compileExpr);
      const ci = e.caseInsensitive;
      const run = def.run;
      return (row) => run(args.map((a) => a(row) ?? null), ci);
    }
  }
}
