/**
 * Semantic checks on the EQL tree: unknown functions, argument counts, argument and operand
 * types, unknown fields (against the rule's field catalogue; `?field` is exempt, as in
 * Elasticsearch). Reports every problem through `onError` and keeps going.
 */
import { unknownFieldHint, type FieldCatalog, type FieldType } from '../../ir/fields.ts';
import { getFunction, type ValueType } from '../../ir/functions/index.ts';
import type { Node, QueryAst, StepAst } from './ast.ts';
import { EqlError } from './errors.ts';
import { canonicalFunction } from './functions.ts';
import { parseCidr } from '../../ir/cidr.ts';

/** Inferred value type; 'null' for the null literal, 'any' when unknown. */
export type VType = ValueType | 'null';

const fromField: Record<FieldType, VType> = {
  keyword: 'string', wildcard: 'string', text: 'string', match_only_text: 'string', ip: 'ip', long: 'number', double: 'number',
  boolean: 'boolean', date: 'any', object: 'any', flattened: 'any', geo_point: 'any',
};

const compatible = (a: VType, b: VType) =>
  a === 'any' || b === 'any' || a === 'null' || b === 'null' || a === b || (a === 'ip' && b === 'string') || (a === 'string' && b === 'ip');

export class Checker {
  constructor(
    private readonly fields: FieldCatalog | undefined,
    private readonly onError: (e: EqlError) => void,
    /** Problems that do not stop the query (an unknown field where the catalogue is open). */
    private readonly onWarning: (e: EqlError) => void = () => {},
  ) {}

  query(q: QueryAst): void {
    const b = q.body;
    if (b.kind === 'event') { this.predicate(b.cond); return; }
    for (const k of b.by) this.value(k);
    const steps: StepAst[] = [...b.steps, ...(b.until ? [b.until] : [])];
    for (const s of steps) {
      this.predicate(s.query.cond);
      for (const k of s.by) this.value(k);
      if (s.by.length + b.by.length !== steps[0].by.length + b.by.length) {
        this.onError(new EqlError('bad-sequence', s.span, `every step needs the same number of join keys (first step has ${steps[0].by.length}, this one ${s.by.length})`, 'give each [ … ] the same number of `by` fields'));
      }
    }
  }

  /** A node in condition position. */
  predicate(n: Node): void {
    switch (n.kind) {
      case 'and': case 'or': this.predicate(n.left); this.predicate(n.right); return;
      case 'not': this.predicate(n.arg); return;
      case 'paren': this.predicate(n.inner); return;
      case 'bool': return;
      case 'cmp': case 'match': case 'in': this.value(n); return;
      default: {
        const t = this.value(n);
        if (t !== 'boolean' && t !== 'any' && t !== 'null') this.onError(new EqlError('type-mismatch', n.span, `a ${t} is not a condition`, 'compare it, e.g. field == value'));
      }
    }
  }

  /** Type of a node in value position. */
  value(n: Node): VType {
    switch (n.kind) {
      case 'string': return 'string';
      case 'number': return 'number';
      case 'bool': return 'boolean';
      case 'null': return 'null';
      case 'paren': return this.value(n.inner);
      case 'field': return this.field(n);
      case 'neg': this.expect(n.arg, ['number'], 'unary minus'); return 'number';
      case 'arith': this.expect(n.left, ['number'], `\`${n.op}\``); this.expect(n.right, ['number'], `\`${n.op}\``); return 'number';
      case 'and': case 'or': case 'not': this.predicate(n); return 'boolean';
      case 'cmp': {
        const l = this.value(n.left); const r = this.value(n.right);
        if (!compatible(l, r)) this.onError(new EqlError('type-mismatch', n.span, `cannot compare a ${l} with a ${r}`, l === 'string' || r === 'string' ? 'quote the number or compare with a numeric field' : undefined));
        else if (n.op !== '==' && n.op !== '!=' && (l === 'boolean' || r === 'boolean' || l === 'null' || r === 'null')) {
          this.onError(new EqlError('type-mismatch', n.opSpan, `\`${n.op}\` needs numbers or strings`));
        }
        return 'boolean';
      }
      case 'match': this.expect(n.left, ['string', 'ip'], `\`${n.op}\``); return 'boolean';
      case 'in': {
        const l = this.value(n.left);
        for (const v of n.values) {
          const t = this.value(v);
          if (!compatible(l, t)) this.onError(new EqlError('type-mismatch', v.span, `a ${t} in a list compared with a ${l}`, 'make every list value the same type as the field'));
        }
        return 'boolean';
      }
      case 'call': return this.call(n);
    }
  }

  private field(n: Extract<Node, { kind: 'field' }>): VType {
    if (!this.fields) return 'any';
    const t = this.fields.typeOf(n.name);
    if (t === undefined) {
      if (!n.optional) (this.fields.open ? this.onWarning : this.onError)(new EqlError('unknown-field', n.span, `unknown field ${n.name} (not in the ${this.fields.name} catalogue)`, unknownFieldHint(n.name, this.fields, 'check the spelling, or write ?field if it may be absent')));
      return 'any';
    }
    return fromField[t];
  }

  private expect(n: Node, types: readonly VType[], what: string): void {
    const t = this.value(n);
    if (!types.some((x) => compatible(x, t))) this.onError(new EqlError('type-mismatch', n.span, `${what} needs a ${types.join(' or ')}, got a ${t}`));
  }

  private call(n: Extract<Node, { kind: 'call' }>): VType {
    const name = canonicalFunction(n.name);
    const def = name ? getFunction(`eql.${name}`) : undefined;
    if (!name || !def) {
      for (const a of n.args) this.value(a);
      this.onError(new EqlError('unknown-function', n.nameSpan, `unknown function ${n.name}`, 'Elasticsearch EQL functions: add, between, cidrMatch, concat, divide, endsWith, indexOf, length, modulo, multiply, number, startsWith, string, stringContains, substring, subtract'));
      return 'any';
    }
    if (n.insensitive && !def.caseVariant) this.onError(new EqlError('syntax', n.nameSpan, `${name} has no case-insensitive ~ variant`, `write ${name}(…)`));
    if (n.args.length < def.minArgs || n.args.length > def.maxArgs) {
      const want = def.maxArgs === Infinity ? `at least ${def.minArgs}` : def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
      this.onError(new EqlError('arg-count', n.span, `${name} takes ${want} argument${want === '1' ? '' : 's'}, got ${n.args.length}`));
    }
    n.args.forEach((a, i) => this.expect(a, def.argType(i), `argument ${i + 1} of ${name}`));
    // cidrMatch's networks are literals: one that is not a network (10.0.0.0/99) is an error here,
    // not a silent never-match at run time (issue 15).
    if (name === 'cidrMatch') {
      for (const a of n.args.slice(1)) {
        if (a.kind === 'string' && parseCidr(a.value) === undefined) this.onError(new EqlError('type-mismatch', a.span, `"${a.value}" is not a CIDR network`, 'write an address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8'));
      }
    }
    return def.returns;
  }
}
