/**
 * A DCE/RPC record (decoded from a capture, or a Zeek dce_rpc line turned into one) → ECS.
 * ECS has no DCE/RPC fields, so the interface and operation sit under dac's `dce_rpc.*`
 * namespace (declared in ir/fields.ts); the flow itself uses the standard source/destination and
 * network fields, which is what CAR's Flow:Message object maps onto.
 * event.type is ['connection', 'protocol'] as for Zeek dce_rpc records (normalize/zeek.ts), so one
 * query finds RPC from either source; event.action names the PDU (bind, request …).
 */
import type { EcsFields, RpcRecord } from '../types.ts';

export const RPC_DATASET = 'dac.dce_rpc';

export function normalizeRpc(r: RpcRecord): EcsFields {
  const f: EcsFields = {
    '@timestamp': new Date(Math.floor(r.ts)).toISOString(),
    'event.kind': 'event',
    'event.category': ['network'],
    'event.type': ['connection', 'protocol'],
    'event.action': r.packetType,
    'event.dataset': RPC_DATASET,
    'network.protocol': 'dcerpc',
    'network.transport': r.transport,
    'network.type': r.srcIp.includes(':') ? 'ipv6' : 'ipv4',
    'source.ip': r.srcIp,
    'source.port': r.srcPort,
    'destination.ip': r.dstIp,
    'destination.port': r.dstPort,
    'related.ip': r.srcIp === r.dstIp ? [r.srcIp] : [r.srcIp, r.dstIp],
    'dce_rpc.packet_type': r.packetType,
  };
  if (r.interfaceUuid !== undefined) f['dce_rpc.interface.uuid'] = r.interfaceUuid;
  if (r.interfaceName !== undefined) f['dce_rpc.interface.name'] = r.interfaceName;
  if (r.interfaceVersion !== undefined) f['dce_rpc.interface.version'] = r.interfaceVersion;
  if (r.opnum !== undefined) f['dce_rpc.opnum'] = r.opnum;
  if (r.operation !== undefined) f['dce_rpc.operation'] = r.operation;
  if (r.callId !== undefined) f['dce_rpc.call_id'] = r.callId;
  if (r.namedPipe !== undefined) f['dce_rpc.named_pipe'] = r.namedPipe;
  return f;
}
