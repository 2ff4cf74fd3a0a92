import { describe, expect, it } from 'vitest';
import { resolveLogsource } from '../../../engine/lang/sigma/logsources.ts';
import { compileSigmaText } from '../../../engine/lang/sigma/index.ts';
import { loadPlaceholderSource } from '../../../engine/rule/placeholders.ts';

describe('non-Windows Sigma log sources', () => {
  it('maps names through the family table and selects the family events', () => {
    const r = resolveLogsource({ product: 'aws', service: 'cloudtrail' });
    if ('error' in r) throw new Error(r.error);
    expect(r.sources[0].mapField('eventName')).toBe('event.action');
    expect(r.sources[0].mapField('requestParameters.name')).toBe('aws.cloudtrail.flattened.request_parameters.name');
    expect(r.sources[0].mapField('somethingElse')).toBe('aws.cloudtrail.somethingElse');
    const z = resolveLogsource({ product: 'zeek', service: 'dns' });
    if ('error' in z) throw new Error(z.error);
    expect(['query', 'id.orig_h', 'Z'].map(z.sources[0].mapField)).toEqual(['dns.question.name', 'source.ip', 'zeek.dns.Z']);
  });

  it('treats a category without a product as every platform that has it, not as Windows', () => {
    const proxy = resolveLogsource({ category: 'proxy' });
    if ('error' in proxy) throw new Error(proxy.error);
    expect(proxy.sources[0].mapField('c-uri')).toBe('url.original');
    const pc = resolveLogsource({ category: 'process_creation' });
    if ('error' in pc) throw new Error(pc.error);
    expect(pc.sources.some((s) => s.label.startsWith('linux/'))).toBe(true);
    expect(pc.sources.some((s) => s.windows)).toBe(true);
  });

  it('puts a non-Windows selection in the query source, not in the filter', () => {
    const r = compileSigmaText('title: t\nlogsource: {product: linux, service: auditd}\ndetection: {sel: {type: EXECVE, a0: cat}, condition: sel}\n', 'r.yml', {});
    const q = r.query;
    if (!q || q.kind !== 'event') throw new Error('expected an event query');
    expect(q.source?.origin).toEqual({ lang: 'sigma', product: 'linux', service: 'auditd' });
    expect(JSON.stringify(q.filter)).not.toContain('event.module');
    expect(JSON.stringify(q.source?.select)).toContain('event.module');
  });

  it('says which log source has no table entry, located on the logsource key', () => {
    const r = compileSigmaText('title: t\nlogsource: {product: nosuch, service: x}\ndetection: {sel: {a: 1}, condition: sel}\n', 'r.yml', {});
    const d = r.diagnostics.find((x) => x.code === 'sigma/unknown-logsource');
    expect(d?.message).toMatch(/nosuch/);
    expect(d?.span?.start).toBeGreaterThan(0);
  });
});

describe('placeholder files', () => {
  const rule = 'title: t\nlogsource: {product: windows, service: security}\ndetection:\n  sel:\n    IpAddress|expand: "%dc_ips%"\n  condition: sel\n';
  it('expands %name% from the file and locates a missing one on its value', () => {
    const ph = loadPlaceholderSource('dc_ips: [10.0.0.1, 10.0.0.2]\n', 'p.yml');
    expect(ph.diagnostics).toEqual([]);
    expect(compileSigmaText(rule, 'r.yml', { placeholders: ph.values }).query).toBeDefined();
    const bare = compileSigmaText(rule, 'r.yml', {});
    const d = bare.diagnostics.find((x) => x.code === 'sigma/unknown-placeholder');
    expect(d?.span?.start).toBe(rule.indexOf('"%dc_ips%"'));
  });

  it('rejects values that are not strings, with their location', () => {
    const ph = loadPlaceholderSource('a: [x, {b: 1}]\n', 'p.yml');
    expect(ph.diagnostics.map((d) => d.code)).toEqual(['rule/placeholder-invalid']);
    expect(ph.diagnostics[0].span?.start).toBe(7);
  });
});
