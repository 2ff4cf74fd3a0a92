/** Shared test helpers: read capture bytes through the reader, in chunks of a chosen size. */
import { reader } from '../../../engine/events/pcap/index.ts';
import type { ReaderItem, RpcRecord } from '../../../engine/events/types.ts';
import { TcpConversation, type Endpoint } from '../../../scripts/captures/net.ts';

export async function readBytes(bytes: Uint8Array, chunk = 1 << 16, file = 'test.pcap'): Promise<ReaderItem[]> {
  async function* input(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: ReaderItem[] = [];
  for await (const it of reader.read(file, input())) out.push(it);
  return out;
}

export function records(items: readonly ReaderItem[]): RpcRecord[] {
  return items.flatMap((i) => (i.ok && i.record.kind === 'rpc' ? [i.record.rpc] : []));
}

export function rejections(items: readonly ReaderItem[]): Extract<ReaderItem, { ok: false }>[] {
  return items.filter((i): i is Extract<ReaderItem, { ok: false }> => !i.ok);
}

export const CLIENT: Endpoint = { ip: '10.0.1.22', port: 52115, mac: '00:15:5d:0a:01:16' };
export const SERVER: Endpoint = { ip: '10.0.1.10', port: 49668, mac: '00:15:5d:0a:01:0a' };
export const T0 = Date.parse('2026-10-05T14:02:00Z') * 1000;

export function conversation(client = CLIENT, server = SERVER, vlan?: number): TcpConversation {
  return new TcpConversation(client, server, 0xfffff000, 0x20000000, vlan);
}
