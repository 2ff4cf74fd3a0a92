/**
 * Field resolution: what an SPL field name means depends on where the pipeline is.
 * - tstats: CIM names (`Processes.process_name`) → the ECS expression of cim.ts; unknown → error.
 * - raw events (a leading `search`): Windows TA names → winlog.* / winlog.event_data.<Name>;
 *   dotted ECS names pass through; names made by eval/rename are row fields.
 * - rows (after an aggregation): column names as they are.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { Expr } from '../../ir/types.ts';
import { ECS_FIELDS } from '../../ir/fields.ts';
import { RAW_SYSTEM_FIELDS, type CimDataset, type CimSource } from './cim.ts';
import { own, table } from '../../source/own.ts';

export interface SplDiag { readonly code: string; readonly message: string; readonly span: Span }

export interface Scope {
  readonly kind: 'cim' | 'raw' | 'rows';
  /** The expression for a field name, or undefined after reporting an error. */
  resolve(name: string, span: Span): Expr | undefined;
  /** Records a name the pipeline created (eval, rename), so later stages read it as a row field. */
  define(name: string): void;
}

export const TIME_EXPR = (span?: Span): Expr => ({ kind: 'call', fn: 'spl.epoch', args: [{ kind: 'field', name: '@timestamp' }], caseInsensitive: false, span });

export function cimExpr(src: CimSource, span?: Span): Expr {
  if (typeof src === 'string') return { kind: 'field', name: src, span };
  return { kind: 'call', fn: src.fn, args: src.args.map((a) => ({ kind: 'field', name: a })), caseInsensitive: false, span };
}

/** Fields tstats accepts without the dataset prefix: indexed fields every event has. */
const TSTATS_PLAIN: Readonly<Record<string, string>> = table({ host: 'host.name' });

export function cimScope(ds: CimDataset, report: (d: SplDiag) => void): Scope {
  const defined = new Set<string>();
  return {
    kind: 'cim',
    define: (n) => { defined.add(n); },
    resolve(name, span) {
      if (defined.has(name)) return { kind: 'field', name, span };
      if (name === '_time') return TIME_EXPR(span);
      if (TSTATS_PLAIN[name]) return { kind: 'field', name: TSTATS_PLAIN[name], span };
      const prefix = `${ds.dataset}.`;
      const src = name.startsWith(prefix) ? own(ds.fields, name.slice(prefix.length)) : undefined;
      if (src !== undefined) return cimExpr(src, span);
      const known = Object.keys(ds.fields).sort().join(', ');
      report({
        code: 'unknown-field', span,
        message: name.startsWith(prefix)
          ? `unknown field \`${name}\` in data model ${ds.model}.${ds.dataset} (known: ${known})`
          : `\`${name}\` is not a field of ${ds.model}.${ds.dataset}: tstats fields are written ${prefix}<field>`,
      });
      return undefined;
    },
  };
}

export function rawScope(): Scope {
  const defined = new Set<string>();
  return {
    kind: 'raw',
    define: (n) => { defined.add(n); },
    resolve(name, span) {
      if (defined.has(name)) return { kind: 'field', name, span };
      if (name === '_time') return TIME_EXPR(span);
      const sys = RAW_SYSTEM_FIELDS[name];
      if (sys) return { kind: 'field', name: sys, span };
      if (name.includes('.') && (ECS_FIELDS[name] || name.startsWith('winlog.'))) return { kind: 'field', name, span };
      return { kind: 'field', name: `winlog.event_data.${name}`, span };
    },
  };
}

export function rowScope(): Scope {
  return { kind: 'rows', define: () => {}, resolve: (name, span) => ({ kind: 'field', name, span }) };
}
