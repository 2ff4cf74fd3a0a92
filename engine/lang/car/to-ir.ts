/**
 * CAR program → IR. Each name is bound to a chain `search Object:Action` → `filter …` → …; the
 * output name becomes one EventQuery: its source is the object:action (selecting the action's
 * constraint), its filter every filter of the chain.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { EventQuery, Expr, Glob, Predicate } from '../../ir/types.ts';
import type { CarExpr, CarProgram } from './ast.ts';
import { CAR_OBJECTS, type CarObject } from './datamodel.ts';
import { own } from '../../source/own.ts';

export type CarLowerCode = 'unknown-object' | 'unknown-field' | 'undefined-name' | 'no-output' | 'unsupported';
export interface CarDiag { readonly code: CarLowerCode; readonly message: string; readonly span: Span }

interface Binding { readonly object: string; readonly action: string; readonly model: CarObject; readonly select: Predicate; readonly filter: readonly Predicate[] }

export function programToIr(p: CarProgram, report: (d: CarDiag) => void): EventQuery | undefined {
  const env = new Map<string, Binding>();
  let output: { name: string; span: Span } | undefined;
  let failed = false;
  const fail = (d: CarDiag): void => { failed = true; report(d); };
  for (const s of p.statements) {
    if (s.kind === 'search') {
      const obj = s.object.toLowerCase();
      const model = CAR_OBJECTS[obj];
      const constraint = model ? own(model.actions, s.action.toLowerCase()) : undefined;
      if (!model || !constraint) {
        fail({ code: 'unknown-object', span: s.objectSpan, message: `unknown CAR data model object/action ${s.object}:${s.action} (known: ${knownActions()})` });
        continue;
      }
      const sel: Predicate[] = constraint.map((c) => ({ kind: 'in', left: { kind: 'field', name: c.field }, values: c.values, caseInsensitive: true }));
      env.set(s.name, { object: obj, action: s.action.toLowerCase(), model, select: sel.length === 1 ? sel[0]! : { kind: 'and', args: sel }, filter: [] });
    } else if (s.kind === 'filter') {
      const input = env.get(s.input);
      if (!input) { fail({ code: 'undefined-name', span: s.inputSpan, message: `\`${s.input}\` is not defined by an earlier search or filter` }); continue; }
      env.set(s.name, { ...input, filter: [...input.filter, lower(s.where, input, fail)] });
    } else {
      if (output) fail({ code: 'unsupported', span: s.span, message: 'only one `output` per analytic is supported' });
      output = { name: s.name, span: s.span };
    }
  }
  if (!output) { fail({ code: 'no-output', span: { start: 0, end: 0 }, message: 'the pseudocode has no `output <name>` statement' }); return undefined; }
  const b = env.get(output.name);
  if (!b) { fail({ code: 'undefined-name', span: output.span, message: `\`${output.name}\` is not defined by an earlier search or filter` }); return undefined; }
  if (failed) return undefined;
  const filter: Predicate = !b.filter.length ? { kind: 'const', value: true } : b.filter.length === 1 ? b.filter[0]! : { kind: 'and', args: b.filter };
  return { kind: 'event', source: { origin: { lang: 'car', object: b.object, action: b.action }, select: b.select }, filter, logic: 'boolean', span: output.span };
}

function knownActions(): string {
  return Object.entries(CAR_OBJECTS).flatMap(([o, m]) => Object.keys(m.actions).map((a) => `${o}:${a}`)).join(', ');
}

function lower(e: CarExpr, b: Binding, fail: (d: CarDiag) => void): Predicate {
  const go = (x: CarExpr): Predicate => lower(x, b, fail);
  switch (e.kind) {
    case 'and': case 'or': return { kind: e.kind, args: e.args.map(go) };
    case 'not': return { kind: 'not', arg: go(e.arg) };
    case 'cmp': case 'in': {
      // `flow.src_port` and `src_port` name the same field.
      const name = e.field.toLowerCase().startsWith(`${b.object}.`) ? e.field.slice(b.object.length + 1) : e.field;
      const ecs = own(b.model.fields, name);
      if (!ecs) {
        fail({ code: 'unknown-field', span: e.fieldSpan, message: `unknown field \`${e.field}\` for CAR object ${b.object} (known: ${Object.keys(b.model.fields).sort().join(', ')})` });
        return { kind: 'const', value: false };
      }
      const left: Expr = { kind: 'field', name: ecs, span: e.fieldSpan };
      if (e.kind === 'in') return { kind: 'in', left, values: e.values, caseInsensitive: true, span: e.span };
      if (typeof e.value === 'string' && e.value.includes('*') && (e.op === '==' || e.op === '!=')) {
        const glob: Predicate = { kind: 'glob', left, patterns: [carGlob(e.value)], caseInsensitive: true, span: e.span };
        return e.op === '==' ? glob : { kind: 'not', arg: glob };
      }
      return { kind: 'compare', op: e.op, left, right: { kind: 'literal', value: e.value }, caseInsensitive: typeof e.value === 'string', span: e.span };
    }
  }
}

function carGlob(s: string): Glob {
  return s.split('*').flatMap((lit, i) => [...(i ? [{ kind: 'star' as const }] : []), ...(lit ? [{ kind: 'lit' as const, text: lit }] : [])]);
}
