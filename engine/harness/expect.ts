/**
 * Compares alerts with a test case's expectation: the count is exact, and every field assertion
 * must hold for every alert — looked up in the alert's row first (aggregations), else in any of
 * its events. Values compare loosely in type (49152 = "49152") but exactly in case.
 */
import type { FieldValue, Scalar } from '../events/types.ts';
import type { Alert } from '../runtime/types.ts';

function scalarEq(a: unknown, b: Scalar): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined) return false;
  return String(a) === String(b);
}

/** Does `actual` satisfy `expected`? Arrays: same members (any order); scalar vs array: contained. */
export function valueMatches(expected: unknown, actual: FieldValue | undefined): boolean {
  if (actual === undefined) return expected === null;
  if (Array.isArray(expected)) {
    const act = Array.isArray(actual) ? (actual as Scalar[]) : [actual as Scalar];
    return expected.length === act.length && expected.every((e) => act.some((a) => scalarEq(e, a)));
  }
  if (Array.isArray(actual)) return (actual as Scalar[]).some((a) => scalarEq(expected, a));
  return scalarEq(expected, actual as Scalar);
}

function alertHas(alert: Alert, field: string, expected: unknown): boolean {
  if (field in alert.fields) return valueMatches(expected, alert.fields[field]);
  return alert.events.some((e) => valueMatches(expected, e.fields[field]));
}

export function show(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

function actualOf(alert: Alert, field: string): unknown {
  if (field in alert.fields) return alert.fields[field];
  const vals = alert.events.map((e) => e.fields[field]).filter((v) => v !== undefined);
  return vals.length === 1 ? vals[0] : vals;
}

/** Reasons the alerts fail the expectation; empty when they meet it. */
export function checkExpectation(alerts: readonly Alert[], expectAlerts: number, fields: Readonly<Record<string, unknown>>): string[] {
  const reasons: string[] = [];
  if (alerts.length !== expectAlerts) {
    reasons.push(`expected ${expectAlerts} alert${expectAlerts === 1 ? '' : 's'}, got ${alerts.length}${alerts.length > expectAlerts ? ' (too many)' : ' (too few)'}`);
  }
  for (const [field, expected] of Object.entries(fields)) {
    alerts.forEach((a, i) => {
      if (!alertHas(a, field, expected)) reasons.push(`alert ${i + 1}: ${field} expected ${show(expected)}, got ${show(actualOf(a, field))}`);
    });
  }
  return reasons;
}
