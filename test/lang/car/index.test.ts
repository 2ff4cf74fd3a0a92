import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCar } from '../../../engine/lang/car/index.ts';
import { parseCar } from '../../../engine/lang/car/parser.ts';
import type { EcsEvent } from '../../../engine/events/types.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { describeShared, sharedPath } from '../../support/shared.ts';

const SEED = 'car_remote_scheduled_tasks_rpc.txt';
/** The seed page's pseudocode: from the first `= search` line through `output …`. */
function seedPseudocode(): string {
  const page = readFileSync(sharedPath('seeds', SEED), 'utf8');
  const m = /\n(\w+ = search [\s\S]*?\noutput \w+)/.exec(page);
  if (!m) throw new Error('no pseudocode in the seed');
  return m[1]!;
}

let seq = 0;
function rpc(o: { sp: number; dp: number; iface?: string; op?: string }): EcsEvent {
  const fields = {
    '@timestamp': '2024-05-01T09:00:00.000Z', 'event.category': ['network'], 'event.type': ['connection', 'protocol'],
    'network.protocol': 'dcerpc', 'network.transport': 'tcp', 'source.ip': '10.0.0.5', 'source.port': o.sp,
    'destination.ip': '10.0.0.9', 'destination.port': o.dp,
    ...(o.iface ? { 'dce_rpc.interface.name': o.iface } : {}), ...(o.op ? { 'dce_rpc.operation': o.op } : {}),
  };
  return { fields, ts: Date.parse(fields['@timestamp']), provenance: { dataset: 't', file: 'inline' }, seq: seq++ };
}

describeShared('CAR seed: remote scheduled tasks over RPC', ['seeds', SEED], () => {
  it('runs verbatim: fires on ITaskSchedulerService with both ports ≥ 49152 only', () => {
    const r = compileCar(seedPseudocode());
    expect(r.diagnostics).toEqual([]);
    const hit = rpc({ sp: 49700, dp: 49667, iface: 'ITaskSchedulerService', op: 'SchRpcRegisterTask' });
    const events = [
      hit,
      rpc({ sp: 49700, dp: 49668, iface: 'svcctl', op: 'CreateServiceW' }),
      rpc({ sp: 49701, dp: 49669, iface: 'winreg', op: 'OpenHKLM' }),
      rpc({ sp: 49702, dp: 135, iface: 'ITaskSchedulerService' }),
      rpc({ sp: 445, dp: 49667, iface: 'ITaskSchedulerService' }),
      rpc({ sp: 49152, dp: 49152, iface: 'itaskschedulerservice' }),
      rpc({ sp: 49151, dp: 49667, iface: 'ITaskSchedulerService' }),
    ];
    const alerts = runQuery(r.query!, events);
    expect(alerts.map((a) => a.events[0])).toEqual([hit, events[5]]);
  });

  it('Flow:Message ignores network events that are not RPC messages', () => {
    const conn = rpc({ sp: 49700, dp: 49667, iface: 'ITaskSchedulerService' });
    const plain = { ...conn, fields: { ...conn.fields, 'network.protocol': 'smb' } };
    expect(runQuery(compileCar(seedPseudocode()).query!, [plain])).toEqual([]);
  });
});

describe('CAR pseudocode', () => {
  it('maps process fields, not/or, wildcards and in-lists', () => {
    const r = compileCar('p = search Process:Create\nq = filter p where (exe == "cmd.exe" and not (parent_exe == "explorer.exe" or command_line == "*/c echo*") and pid in (1, 2))\noutput q');
    expect(r.diagnostics).toEqual([]);
    expect(r.query).toMatchObject({
      kind: 'event', logic: 'boolean',
      source: { origin: { lang: 'car', object: 'process', action: 'create' }, select: { kind: 'and', args: [{ left: { name: 'event.category' } }, { left: { name: 'event.type' } }] } },
      filter: { kind: 'and', args: [
        { kind: 'compare', op: '==', left: { name: 'process.name' }, caseInsensitive: true },
        { kind: 'not', arg: { kind: 'or', args: [{ left: { name: 'process.parent.name' } }, { kind: 'glob', left: { name: 'process.command_line' } }] } },
        { kind: 'in', left: { name: 'process.pid' }, values: [1, 2] },
      ] },
    });
  });

  it('reports errors with codes and spans', () => {
    const unknownField = 'f = search Flow:Message\ng = filter f where (rpc_iface == "x")\noutput g';
    expect(compileCar(unknownField).diagnostics[0]).toMatchObject({ code: 'car/unknown-field', span: { start: unknownField.indexOf('rpc_iface'), end: unknownField.indexOf(' ==') } });
    expect(compileCar('f = search Flow:Teleport\noutput f').diagnostics[0]).toMatchObject({ code: 'car/unknown-object', span: { start: 11, end: 24 } });
    expect(compileCar('f = search Flow:Message\ng = filter h where (src_port > 1)\noutput g').diagnostics[0]).toMatchObject({ code: 'car/undefined-name', span: { start: 35, end: 36 } });
    expect(compileCar('f = search Flow:Message').diagnostics[0]!.code).toBe('car/no-output');
    expect(compileCar('f = search Flow:Message\ng = filter f where (dest_ip == "10.0.0.1)\noutput g').diagnostics[0]).toMatchObject({ code: 'car/unbalanced-quotes', span: { start: 55, end: 56 } });
    expect(parseCar('f = join a, b\noutput f').errors[0]).toMatchObject({ code: 'unsupported', span: { start: 4, end: 8 } });
    expect(parseCar('f = search Flow:Message\ng = filter f where (src_port 5)\noutput g').errors[0]).toMatchObject({ code: 'syntax', span: { start: 53, end: 54 } });
  });
});
