import { describe, expect, it } from 'vitest';
import { readZeek } from '../../../engine/events/json/zeek.ts';
import { normalize } from '../../../engine/events/normalize/index.ts';
import { bytesStream } from '../../../engine/events/open.ts';
import type { ReaderItem } from '../../../engine/events/types.ts';

const TSV = [
  '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\thttp',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\tuser_agent\tstatus_code\ttags',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tstring\tstring\tcount\tset[enum]',
  '1767225600.5\tC1\t10.0.0.5\t50000\t203.0.113.7\t80\tGET\t203.0.113.7\t/a/b.ps1?x=1\tcurl/8.0\t200\t(empty)',
  '1767225601.5\tC2\t10.0.0.5\t50001\t203.0.113.7\t80\tPOST\t-\t/up\\x09load\t-\tnotanumber\t(empty)',
  'short\tline',
  '#close\t2026-01-01-01-00-00',
].join('\n');

async function read(name: string, text: string): Promise<ReaderItem[]> {
  const out: ReaderItem[] = [];
  for await (const it of readZeek(name, bytesStream(new TextEncoder().encode(text)))) out.push(it);
  return out;
}

describe('Zeek TSV logs', () => {
  it('types columns by #types, drops unset fields, and rejects bad records with their line', async () => {
    const items = await read('http.log', TSV);
    expect(items.map((i) => (i.ok ? 'ok' : `${i.loc.line}: ${i.reason}`))).toEqual([
      'ok',
      "9: column status_code: 'notanumber' is not a count",
      '10: Zeek TSV record has 2 columns; #fields names 12',
    ]);
    const first = items[0];
    if (!first.ok || first.record.kind !== 'zeek') throw new Error('expected a Zeek record');
    expect(first.record.log).toBe('http');
    expect(first.record.doc).toMatchObject({ ts: 1767225600.5, 'id.resp_p': 80, status_code: 200, tags: [] });
  });

  it('normalizes an http record to ECS url/http fields and keeps the raw ones under zeek.http', async () => {
    const [first] = await read('http.log', TSV);
    if (!first.ok) throw new Error('expected a record');
    const n = normalize(first.record, { clock: 'activity' });
    if (!n.ok) throw new Error(n.reason);
    expect(n.fields).toMatchObject({
      'event.dataset': 'zeek.http', 'http.request.method': 'GET', 'url.original': '/a/b.ps1?x=1', 'url.path': '/a/b.ps1',
      'url.query': 'x=1', 'url.extension': 'ps1', 'url.domain': '203.0.113.7', 'user_agent.original': 'curl/8.0',
      'http.response.status_code': 200, 'zeek.http.method': 'GET', 'destination.port': 80,
    });
  });

  it('names a JSON log without _path from its file name', async () => {
    const [it1] = await read('kerberos.log', '{"ts":1767225600.1,"uid":"C9","id.orig_h":"10.0.0.5","id.orig_p":1,"id.resp_h":"10.0.0.1","id.resp_p":88,"request_type":"TGS","cipher":"rc4-hmac"}\n');
    expect(it1.ok && it1.record.kind === 'zeek' && it1.record.log).toBe('kerberos');
  });
});
