import { describe, expect, it } from 'vitest';
import { expandMacros } from '../../../engine/lang/spl/macros.ts';
import { ESCU_MACROS } from './fixtures.ts';

describe('SPL macro expansion', () => {
  it('expands a macro without arguments', () => {
    const r = expandMacros('| tstats `security_content_summariesonly` count', ESCU_MACROS);
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('summariesonly=false allow_old_summaries=true fillnull_value=null');
    expect(r.used).toEqual(['security_content_summariesonly']);
  });

  it('substitutes $arg$ by the argument list, quoted or not', () => {
    expect(expandMacros('`drop_dm_object_name(Processes)`', ESCU_MACROS).text.trim()).toBe('rename Processes.* AS *');
    expect(expandMacros('`drop_dm_object_name("Processes")`', ESCU_MACROS).text.trim()).toBe('rename Processes.* AS *');
  });

  it('expands nested macros and maps their spans to the outer call site', () => {
    const src = 'search a=1 | `outer`';
    const r = expandMacros(src, ESCU_MACROS);
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('eval x=1');
    expect(r.text).toContain('ctime(firstTime)');
    const at = r.text.indexOf('ctime');
    expect(r.toOriginal({ start: at, end: at + 5 })).toEqual({ start: src.indexOf('`outer`'), end: src.length });
    // text outside macros maps one to one
    expect(r.toOriginal({ start: 7, end: 10 })).toEqual({ start: 7, end: 10 });
  });

  it('reports an unknown macro by name with its span', () => {
    const src = 'search * | `nope_filter`';
    const r = expandMacros(src, ESCU_MACROS);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('unknown-macro');
    expect(r.errors[0]!.message).toContain('nope_filter');
    expect(r.errors[0]!.span).toEqual({ start: 11, end: src.length });
  });

  it('keys macros with arguments as name(n)', () => {
    const r = expandMacros('`security_content_ctime(a, b)`', ESCU_MACROS);
    expect(r.errors[0]!.message).toContain('security_content_ctime(2)');
  });

  it('reports an unclosed backtick and a self-recursive macro', () => {
    expect(expandMacros('search `oops', ESCU_MACROS).errors[0]).toMatchObject({ code: 'unterminated-macro', span: { start: 7, end: 8 } });
    expect(expandMacros('`loop`', ESCU_MACROS).errors[0]!.code).toBe('macro-cycle');
  });
});
