/**
 * KQL tree → IR, with Elasticsearch's matching made explicit per field type (from the catalogue):
 *   keyword, wildcard, flattened, unknown   exact and case-sensitive (term / wildcard query);
 *                                           `*` wildcards become a case-sensitive glob
 *   text, match_only_text                   analysed: case-insensitive; a value matches where its
 *                                           words occur in order (approximated as a
 *                                           case-insensitive "contains" glob; documented limit)
 *   long, double                            numeric equality / ranges; a non-number is an error
 *   ip                                      equality, or a CIDR block (a.b.c.d/n)
 *   boolean                                 true / false
 *   date                                    compared as written (ISO strings order correctly)
 * `field:*` is an exists test; a value with no field matches any field (Sigma-keyword style);
 * `field:{ q }` prefixes q's fields with `field.` (the same-object guarantee of nested queries is
 * not modelled). Logic is two-valued, as a bool query is: `not f:x` matches events without f.
 */
import type { FieldCatalog, FieldType } from '../../ir/fields.ts';
import { unknownFieldHint } from '../../ir/fields.ts';
import type { EventQuery, Glob, Predicate, Scalar } from '../../ir/types.ts';
import type { FieldRef, KqlNode, KqlValue, ValueList } from './ast.ts';
import { KqlError } from './errors.ts';

export interface LowerOptions {
  readonly fields?: FieldCatalog;
  /** Index patterns the rule reads (the event source's origin). */
  readonly indices?: readonly string[];
  readonly onError: (e: KqlError) => void;
  /** Unknown fields where the catalogue is open. */
  readonly onWarning?: (e: KqlError) => void;
}

const NUMERIC: ReadonlySet<FieldType> = new Set(['long', 'double']);
const ANALYSED: ReadonlySet<FieldType> = new Set(['text', 'match_only_text']);
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;

class Lowering {
  constructor(private readonly o: LowerOptions) {}

  node(n: KqlNode, prefix: string): Predicate {
    switch (n.kind) {
      case 'and': case 'or': return { kind: n.kind, args: n.args.map((a) => this.node(a, prefix)) };
      case 'not': return { kind: 'not', arg: this.node(n.arg, prefix) };
      case 'nested': return this.node(n.query, `${prefix}${this.fieldName(n.field, prefix, false)}.`);
      case 'match': {
        if (n.field.name.includes('*')) return this.fieldPattern(n, prefix);
        const name = this.fieldName(n.field, prefix, true);
        return this.values(name, this.typeOf(name, n.field), n.values);
      }
      case 'range': {
        const name = this.fieldName(n.field, prefix, true);
        const t = this.typeOf(name, n.field);
        if (n.value.hasWildcard) this.o.onError(new KqlError('syntax', n.value.span, 'a range bound cannot hold a wildcard'));
        const value: Scalar = NUMERIC.has(t) ? this.number(n.value, name) : n.value.text;
        return { kind: 'compare', op: n.op, left: { kind: 'field', name, span: n.field.span }, right: { kind: 'literal', value, span: n.value.span }, caseInsensitive: false, span: n.span };
      }
      case 'any-field': return this.anyField(n.values);
    }
  }

  /**
   * `file.hash.*:x`: Kibana expands a field pattern against the index's fields; dac against the
   * catalogue. Matches on any of them.
   */
  private fieldPattern(n: Extract<KqlNode, { kind: 'match' }>, prefix: string): Predicate {
    const names = this.o.fields?.names?.();
    const full = prefix + n.field.name;
    if (!names) {
      this.o.onError(new KqlError('unsupported', n.field.span, `field pattern ${full}: no field catalogue to expand it against`));
      return { kind: 'const', value: false };
    }
    const re = new RegExp(`^${full.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')}$`);
    const matched = [...names].filter((f) => re.test(f) && this.o.fields?.typeOf(f) !== 'object');
    if (!matched.length) {
      const e = new KqlError('unknown-field', n.field.span, `field pattern ${full} matches no field of the ${this.o.fields!.name} catalogue`);
      if (this.o.fields!.open) this.o.onWarning?.(e); else this.o.onError(e);
      return { kind: 'const', value: false };
    }
    const args = matched.map((f) => this.values(f, this.o.fields!.typeOf(f) ?? 'keyword', n.values));
    return args.length === 1 ? args[0] : { kind: 'or', args };
  }

  private fieldName(f: FieldRef, prefix: string, leaf: boolean): string {
    if (f.name.includes('*')) {
      this.o.onError(new KqlError('unsupported', f.span, `field pattern ${f.name} in a range or nested query: dac expands patterns only in field:value`, 'name the fields'));
    }
    return leaf ? prefix + f.name : f.name;
  }

  /** The field's type; unknown fields are reported and matched as keywords. */
  private typeOf(name: string, f: FieldRef): FieldType {
    const cat = this.o.fields;
    if (!cat) return 'keyword';
    const t = cat.typeOf(name);
    if (t) return t;
    const e = new KqlError('unknown-field', f.span, `unknown field ${name} (not in the ${cat.name} catalogue)`, unknownFieldHint(name, cat, 'check the spelling'));
    if (cat.open) this.o.onWarning?.(e); else this.o.onError(e);
    return 'keyword';
  }

  private number(v: KqlValue, field: string): number {
    const n = Number(v.text);
    if (v.text.trim() === '' || !Number.isFinite(n)) {
      this.o.onError(new KqlError('type-mismatch', v.span, `${field} is numeric; '${v.text}' is not a number`, 'Elasticsearch rejects the query'));
      return NaN;
    }
    return n;
  }

  private values(field: string, t: FieldType, l: ValueList): Predicate {
    switch (l.kind) {
      case 'not': return { kind: 'not', arg: this.values(field, t, l.arg) };
      case 'and': return { kind: 'and', args: l.args.map((a) => this.values(field, t, a)) };
      case 'or': {
        const args = l.args.map((a) => this.values(field, t, a));
        // many exact values of one field: one membership test (the runtime indexes it)
        const exact = args.every((a) => a.kind === 'compare' && a.op === '==' && !a.caseInsensitive && a.right.kind === 'literal');
        if (exact && args.length > 1) {
          const values = args.map((a) => (a.kind === 'compare' && a.right.kind === 'literal' ? a.right.value : null));
          return { kind: 'in', left: { kind: 'field', name: field }, values, caseInsensitive: false, span: l.span };
        }
        return { kind: 'or', args };
      }
      case 'value': return this.value(field, t, l.value);
    }
  }

  private value(name: string, t: FieldType, v: KqlValue): Predicate {
    const left = { kind: 'field' as const, name };
    const span = v.span;
    if (!v.quoted && v.glob.length === 1 && v.glob[0].kind === 'star') return { kind: 'exists', field: name, span };
    const eq = (value: Scalar): Predicate => ({ kind: 'compare', op: '==', left, right: { kind: 'literal', value, span }, caseInsensitive: false, span });
    if (ANALYSED.has(t)) {
      const inner: Glob = v.quoted ? [{ kind: 'lit', text: v.text }] : v.glob;
      return { kind: 'glob', left, patterns: [[{ kind: 'star' }, ...inner, { kind: 'star' }]], caseInsensitive: true, span };
    }
    if (NUMERIC.has(t)) {
      if (v.hasWildcard) this.o.onError(new KqlError('type-mismatch', span, `${name} is numeric; a wildcard cannot match it`));
      return eq(this.number(v, name));
    }
    if (t === 'boolean') {
      const b = v.text.toLowerCase();
      if (b !== 'true' && b !== 'false') this.o.onError(new KqlError('type-mismatch', span, `${name} is boolean; '${v.text}' is neither true nor false`));
      return eq(b === 'true');
    }
    if (t === 'ip') {
      if (v.hasWildcard) this.o.onError(new KqlError('type-mismatch', span, `${name} is an IP; a wildcard cannot match it`, 'use a CIDR block such as 10.0.0.0/8'));
      if (CIDR.test(v.text)) return { kind: 'cidr', left, cidrs: [v.text], span };
      return eq(v.text);
    }
    if (v.hasWildcard) return { kind: 'glob', left, patterns: [v.glob], caseInsensitive: false, span };
    return eq(v.text);
  }

  /** A value with no field: any string field of the event matches it. */
  private anyField(l: ValueList): Predicate {
    switch (l.kind) {
      case 'not': return { kind: 'not', arg: this.anyField(l.arg) };
      case 'and': case 'or': return { kind: l.kind, args: l.args.map((a) => this.anyField(a)) };
      case 'value': return { kind: 'keyword', patterns: [l.value.quoted ? [{ kind: 'lit', text: l.value.text }] : l.value.glob], caseInsensitive: false, span: l.value.span };
    }
  }
}

export function kqlToIr(ast: KqlNode, o: LowerOptions): EventQuery {
  const filter = new Lowering(o).node(ast, '');
  return {
    kind: 'event', logic: 'boolean', filter, span: ast.span,
    source: { origin: { lang: 'elastic', indices: [...(o.indices ?? [])] }, select: { kind: 'const', value: true } },
  };
}
