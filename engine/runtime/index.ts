/** The runtime's public API: compile IR once, run it over events in replay order. */
import type { EcsEvent, EcsFields, FieldValue } from '../events/types.ts';
import type { Expr, IrQuery, NullLogic, Predicate } from '../ir/types.ts';
import { compileExpr } from './compile-expr.ts';
import { compilePredicate } from './compile-predicate.ts';
import { Engine } from './engine.ts';
import type { Tri } from './row.ts';
import type { Alert } from './types.ts';

export { Engine, type EngineRule, type EngineError, type EngineOptions } from './engine.ts';
export { RuntimeCompileError } from './compile-expr.ts';
export type { Alert } from './types.ts';
export type { Tri } from './row.ts';

/** Runs one query over events (already in replay order) and returns its alerts. */
export function runQuery(query: IrQuery, events: Iterable<EcsEvent>, ruleId = 'query'): Alert[] {
  const engine = new Engine([{ id: ruleId, query }]);
  if (engine.errors.length) throw new Error(engine.errors[0].message);
  for (const ev of events) engine.push(ev);
  const alerts = engine.finish();
  if (engine.errors.length) throw new Error(engine.errors[0].message);
  return alerts;
}

/** Evaluates an expression on a flat field map (function conformance, debugging). */
export function evalExpr(expr: Expr, fields: EcsFields = {}, ts = 0): FieldValue {
  return compileExpr(expr)({ fields, ts }) ?? null;
}

export function evalPredicate(pred: Predicate, fields: EcsFields, logic: NullLogic = 'kleene', ts = 0): Tri {
  return compilePredicate(pred, logic)({ fields, ts });
}
