import { describe, expect, it } from 'vitest';
import { ndjsonReader, readNdjson } from '../../../engine/events/json/ndjson.ts';
import { readZeek, zeekReader } from '../../../engine/events/json/zeek.ts';
import { detectReader } from '../../../engine/events/readers.ts';
import { norm, readAll } from '../helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('NDJSON reader', () => {
  it('reads nested and flattened ECS documents as ecs, flat raw-field records as flat', async () => {
    const lines = [
      JSON.stringify({ '@timestamp': '2024-03-01T10:00:00.000Z', event: { code: '1', category: ['process'] }, process: { name: 'cmd.exe' }, winlog: { event_data: { User: 'A\\b' } } }),
      JSON.stringify({ '@timestamp': '2024-03-01T10:00:01.000Z', 'event.code': '3', 'destination.port': 445 }),
      '',
      JSON.stringify({ EventID: 4698, Channel: 'Security', Hostname: 'DC01', TaskName: '\\x', EventTime: '2024-03-01 10:00:02' }),
    ].join('\r\n');
    const items = await readAll(readNdjson, lines, 11);
    expect(items.map((i) => i.ok && i.record.kind)).toEqual(['ecs', 'ecs', 'flat']);
    expect(items.map((i) => i.loc.line)).toEqual([1, 2, 4]);
    const first = items[0]!;
    if (!first.ok || first.record.kind !== 'ecs') throw new Error('kind');
    expect(first.record.doc).toMatchObject({ 'event.code': '1', 'event.category': ['process'], 'process.name': 'cmd.exe', 'winlog.event_data.User': 'A\\b' });
    const n = norm(first.record);
    expect(n.ts).toBe(Date.UTC(2024, 2, 1, 10));
    expect(n.fields['process.name']).toBe('cmd.exe');
  });

  it('rejects malformed JSON, non-objects and unknown objects with their line', async () => {
    const items = await readAll(readNdjson, '{"EventID": 1, "Channel": "x"\n[1,2]\n{"hello": 1}\n{"EventID": 1}\n');
    expect(items.map((i) => (i.ok ? 'ok' : `${i.loc.line}:${i.reason.split(':')[0]}`))).toEqual([
      '1:malformed JSON', '2:JSON line is not an object', expect.stringMatching(/^3:JSON object is neither/), 'ok']);
  });

  it('detects NDJSON but not Zeek', () => {
    expect(ndjsonReader.detect(enc('{"EventID": 1}\n'), 'a.json')).toBe(true);
    expect(ndjsonReader.detect(enc('{"ts": 1, "id.orig_h": "1.1.1.1"}\n'), 'a.json')).toBe(false);
  });
});

const CONN = { ts: 1709287200.25, uid: 'CHhAvVGS1DHFjwGM9', 'id.orig_h': '10.0.1.22', 'id.orig_p': 52115, 'id.resp_h': '10.0.1.10', 'id.resp_p': 49668, proto: 'tcp',
  duration: 0.5, orig_bytes: 1200, resp_bytes: 800, conn_state: 'SF', local_orig: true, local_resp: true, history: 'ShADadFf', orig_pkts: 10, resp_pkts: 8 };
const RPC = { ts: 1709287200.3, uid: 'CHhAvVGS1DHFjwGM9', 'id.orig_h': '10.0.1.22', 'id.orig_p': 52115, 'id.resp_h': '10.0.1.10', 'id.resp_p': 49668,
  rtt: 0.0012, named_pipe: '49668', endpoint: 'ITaskSchedulerService', operation: 'SchRpcRegisterTask' };

describe('Zeek reader and normalizer', () => {
  it('reads conn and dce_rpc lines (with or without _path) and normalizes them', async () => {
    const items = await readAll(readZeek, `${JSON.stringify(CONN)}\n${JSON.stringify({ _path: 'dce_rpc', ...RPC })}\n${JSON.stringify({ ts: 1, uid: 'x', 'id.orig_h': 'a', 'id.resp_h': 'b' })}\n`);
    expect(items.map((i) => (i.ok && i.record.kind === 'zeek' ? i.record.log : 'rejected'))).toEqual(['conn', 'dce_rpc', 'rejected']);
    if (!items[0]!.ok || !items[1]!.ok) throw new Error('read');
    const c = norm(items[0]!.record);
    expect(c.ts).toBe(1709287200250);
    expect(c.fields).toMatchObject({ '@timestamp': '2024-03-01T10:00:00.250Z', 'event.category': ['network'], 'event.type': ['connection'], 'event.dataset': 'zeek.connection',
      'source.ip': '10.0.1.22', 'source.port': 52115, 'destination.ip': '10.0.1.10', 'destination.port': 49668, 'network.transport': 'tcp', 'source.bytes': 1200,
      'destination.bytes': 800, 'network.bytes': 2000, 'event.duration': 500000000, 'zeek.session_id': 'CHhAvVGS1DHFjwGM9', 'zeek.connection.state': 'SF' });
    const r = norm(items[1]!.record);
    expect(r.fields).toMatchObject({ 'event.category': ['network'], 'event.dataset': 'zeek.dce_rpc', 'network.protocol': 'dcerpc', 'event.action': 'SchRpcRegisterTask',
      'dce_rpc.interface.name': 'ITaskSchedulerService', 'dce_rpc.operation': 'SchRpcRegisterTask', 'dce_rpc.named_pipe': '49668',
      'zeek.dce_rpc.endpoint': 'ITaskSchedulerService', 'zeek.dce_rpc.operation': 'SchRpcRegisterTask', 'zeek.dce_rpc.rtt': 0.0012, 'source.port': 52115 });
  });

  it('detects Zeek JSON and the registry picks readers by content', () => {
    expect(zeekReader.detect(enc(JSON.stringify(CONN)), 'x.json')).toBe(true);
    expect(detectReader(enc(JSON.stringify(RPC)), 'x.log')?.format).toBe('zeek');
    expect(detectReader(enc('{"EventID": 1}'), 'x.log')?.format).toBe('ndjson');
    expect(detectReader(enc("<Event xmlns='x'><System/></Event>"), 'x.log')?.format).toBe('xml');
    expect(detectReader(enc('hello'), 'x.log')).toBeUndefined();
  });
});
