import { describe, expect, it } from 'vitest';
import { normalizeRpc } from '../../../engine/events/normalize/rpc.ts';
import type { RpcRecord } from '../../../engine/events/types.ts';

const request: RpcRecord = {
  ts: Date.parse('2026-10-05T14:02:11.266Z') + 0.4, srcIp: '10.0.1.22', srcPort: 52115, dstIp: '10.0.1.10', dstPort: 49668,
  transport: 'tcp', packetType: 'request', interfaceUuid: '86d35949-83c9-4044-b424-db363231fd0c', interfaceVersion: '1.0',
  interfaceName: 'ITaskSchedulerService', opnum: 1, operation: 'SchRpcRegisterTask', callId: 3,
};

describe('normalizeRpc', () => {
  it('maps a request onto ECS network fields and dce_rpc.*', () => {
    expect(normalizeRpc(request)).toEqual({
      '@timestamp': '2026-10-05T14:02:11.266Z',
      'event.kind': 'event', 'event.category': ['network'], 'event.type': ['connection', 'protocol'], 'event.action': 'request',
      'event.dataset': 'dac.dce_rpc', 'network.protocol': 'dcerpc', 'network.transport': 'tcp', 'network.type': 'ipv4',
      'source.ip': '10.0.1.22', 'source.port': 52115, 'destination.ip': '10.0.1.10', 'destination.port': 49668,
      'related.ip': ['10.0.1.22', '10.0.1.10'],
      'dce_rpc.packet_type': 'request', 'dce_rpc.interface.uuid': '86d35949-83c9-4044-b424-db363231fd0c',
      'dce_rpc.interface.name': 'ITaskSchedulerService', 'dce_rpc.interface.version': '1.0',
      'dce_rpc.opnum': 1, 'dce_rpc.operation': 'SchRpcRegisterTask', 'dce_rpc.call_id': 3,
    });
  });

  it('leaves out what the record does not know (unbound context) and marks IPv6', () => {
    const f = normalizeRpc({ ts: 0, srcIp: 'fd00::1', srcPort: 50000, dstIp: 'fd00::2', dstPort: 50001, transport: 'tcp', packetType: 'request', opnum: 4 });
    expect(f['network.type']).toBe('ipv6');
    expect(f['dce_rpc.opnum']).toBe(4);
    expect('dce_rpc.interface.name' in f).toBe(false);
    expect('dce_rpc.operation' in f).toBe(false);
  });
});
