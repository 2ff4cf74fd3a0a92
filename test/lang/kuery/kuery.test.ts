/**
 * KQL front-end: grammar (precedence, lists, ranges, exists, nested, escapes), located errors,
 * and Elasticsearch's per-type matching rules made explicit in the IR.
 */
import { describe, expect, it } from 'vitest';
import { compileKql, parse } from '../../../engine/lang/kuery/index.ts';
import { catalogueForIndices } from '../../../engine/ir/catalogues/index.ts';
import { printPredicate } from '../../../engine/ir/print.ts';
import type { Predicate } from '../../../engine/ir/types.ts';

const fields = catalogueForIndices(['endgame-*']);
const ir = (q: string): Predicate => {
  const r = compileKql(q, { fields }, ['endgame-*']);
  if (!r.query) throw new Error(r.errors.map((e) => `${e.code} ${e.message}`).join('; '));
  return r.query.filter;
};
const err = (q: string) => {
  const r = compileKql(q, { fields }, ['endgame-*']);
  return r.errors.map((e) => `${e.code}@${e.span.start}-${e.span.end}`);
};

describe('KQL parser', () => {
  it('gives `and` precedence over `or`, and `not` over both; keywords in any case', () => {
    const p = ir('process.name:a OR process.name:b and not process.name:c');
    expect(p.kind).toBe('or');
    if (p.kind !== 'or') return;
    expect(p.args[1].kind).toBe('and');
    expect(ir('NOT process.name:a').kind).toBe('not');
  });

  it('reads value lists, ranges, exists, nested and bare values', () => {
    expect(ir('process.name:(a or b or c)')).toMatchObject({ kind: 'in', values: ['a', 'b', 'c'], caseInsensitive: false });
    expect(ir('process.name:(a and not b)').kind).toBe('and');
    expect(ir('process.pid >= 4')).toMatchObject({ kind: 'compare', op: '>=', right: { value: 4 } });
    expect(ir('process.parent.name:*')).toMatchObject({ kind: 'exists', field: 'process.parent.name' });
    expect(ir('process:{ name:cmd.exe and pid:4 }')).toMatchObject({ kind: 'and', args: [{ left: { name: 'process.name' } }, { left: { name: 'process.pid' } }] });
    expect(ir('mimikatz')).toMatchObject({ kind: 'keyword' });
  });

  it('keeps spaces in unquoted values, unescapes, and treats quoted * literally', () => {
    expect(ir('process.name:cmd  exe')).toMatchObject({ kind: 'compare', right: { value: 'cmd  exe' } });
    expect(ir('file.path:C\\:\\\\Windows\\\\*')).toMatchObject({ kind: 'glob', patterns: [[{ kind: 'lit', text: 'C:\\Windows\\' }, { kind: 'star' }]] });
    expect(ir('process.name:"a*b"')).toMatchObject({ kind: 'compare', right: { value: 'a*b' } });
    expect(ir('process.name:"C:\\Program Files\\x.exe"')).toMatchObject({ right: { value: 'C:\\Program Files\\x.exe' } });
    expect(ir('process.name:\\or')).toMatchObject({ right: { value: 'or' } });
  });

  it('reports located syntax errors', () => {
    expect(err('process.name : (( and or ))) :')).toEqual(['syntax@18-21']);
    expect(err('process.name:')).toEqual(['syntax@13-14']);
    expect(err('process.name:"abc')).toEqual(['unterminated@13-17']);
    expect(err('a:b c:d')).toEqual(['syntax@5-6']);
    expect(err('process.name:\\q')).toEqual(['bad-escape@13-15']);
    expect(parse('(a:b').errors[0].code).toBe('syntax');
  });
});

describe('KQL matching per field type', () => {
  it('keyword and wildcard fields: exact and case-sensitive; text: case-insensitive', () => {
    expect(ir('process.name:CMD.exe')).toMatchObject({ kind: 'compare', caseInsensitive: false });
    expect(ir('process.command_line:*whoami*')).toMatchObject({ kind: 'glob', caseInsensitive: false });
    expect(ir('message:"Access Denied"')).toMatchObject({ kind: 'glob', caseInsensitive: true });
  });

  it('numbers, booleans and IPs are typed; CIDR blocks work; bad values are errors', () => {
    expect(ir('process.pid:4')).toMatchObject({ right: { value: 4 } });
    expect(ir('source.ip:10.0.0.0/8')).toMatchObject({ kind: 'cidr', cidrs: ['10.0.0.0/8'] });
    expect(err('process.pid:abc')).toEqual(['type-mismatch@12-15']);
    expect(err('source.ip:10.*')).toEqual(['type-mismatch@10-14']);
  });

  it('unknown fields: an error where the catalogue covers the index, a warning where it does not', () => {
    expect(err('process.nme:x')).toEqual(['unknown-field@0-11']);
    const open = compileKql('process.nme:x', { fields: catalogueForIndices(['logs-windows.*']) });
    expect(open.query).toBeDefined();
    expect(open.warnings.map((w) => w.code)).toEqual(['unknown-field']);
  });

  it('expands field patterns against the catalogue', () => {
    const p = ir('file.hash.*:*');
    expect(p.kind).toBe('or');
    expect(printPredicate(p)).toContain('file.hash.sha256');
  });
});
