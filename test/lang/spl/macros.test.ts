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
    const src = 'search * | `nope_macro`';
    const r = expandMacros(src, ESCU_MACROS);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('unknown-macro');
    expect(r.errors[0]!.message).toContain('nope_macro');
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

  it('defaults an undefined <name>_filter macro to `search *`, as contentctl generates it', () => {
    const r = expandMacros('search a=1 | `some_detection_filter`', new Map());
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('search *');
    expect(r.implicit).toEqual(['some_detection_filter']);
  });

  it("knows Splunk_SA_CIM's drop_dm_object_name without a repo macro, and names ES macros as external", () => {
    expect(expandMacros('`drop_dm_object_name("Processes")`', new Map()).text.trim()).toBe('rename Processes.* AS *');
    const r = expandMacros('| `get_asset(src)`', new Map());
    expect(r.errors[0]).toMatchObject({ code: 'unknown-macro', span: { start: 2, end: 18 } });
    expect(r.errors[0]!.message).toContain('Enterprise Security');
  });

  it('drops ``` comments, including macro-like text inside them', () => {
    const r = expandMacros('search a=1 ```uses `nope` here``` | `inner`', ESCU_MACROS);
    expect(r.errors).toEqual([]);
    expect(r.text).not.toContain('nope');
    expect(r.text).toContain('eval x=1');
    expect(expandMacros('search ```open', ESCU_MACROS).errors[0]).toMatchObject({ code: 'unterminated-comment', span: { start: 7, end: 10 } });
  });

  it('leaves backticks inside quoted strings alone', () => {
    const src = 'search a="x`y" b="say \\"`q`\\"" | `inner`';
    const r = expandMacros(src, ESCU_MACROS);
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('a="x`y"');
    expect(r.text).toContain('`q`');
  });

  it('stops a macro bomb at the size bound with a located error', () => {
    const bomb = new Map(ESCU_MACROS);
    const mk = (name: string, definition: string) => bomb.set(name, { name, definition, arguments: [], file: 'm.yml' });
    mk('b0', 'x'.repeat(5000));
    for (let i = 1; i < 12; i++) mk(`b${i}`, `\`b${i - 1}\` \`b${i - 1}\``);
    const r = expandMacros('search `b11`', bomb);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'macro-too-large', span: { start: 0, end: 12 } });
  });
});
