/**
 * Non-Windows log sources dac reads: Zeek logs, with Zeek's own field names (as Sigma's Zeek
 * rules write them) → the ECS / dac fields of engine/ir/fields.ts. dce_rpc events come from Zeek's
 * dce_rpc.log or from dac's pcap decoder, which set the same dce_rpc.* fields.
 */
import { table } from '../../../source/own.ts';
export interface ProductSource {
  /** Any of these fields present selects the event. */
  readonly selectIfAny: readonly string[];
  readonly datasets: readonly string[];
  readonly fields: Readonly<Record<string, string>>;
  /** Prefix for names the table lacks. */
  readonly fallbackPrefix: string;
}

const ZEEK_CONN_ID: Readonly<Record<string, string>> = table({
  'id.orig_h': 'source.ip', 'id.orig_p': 'source.port', 'id.resp_h': 'destination.ip', 'id.resp_p': 'destination.port',
  uid: 'zeek.session_id', proto: 'network.transport',
});

/** `product/service` → source. */
export const PRODUCT_SERVICES: Readonly<Record<string, ProductSource>> = table({
  'zeek/dce_rpc': {
    selectIfAny: ['dce_rpc.interface.name', 'dce_rpc.interface.uuid', 'dce_rpc.operation'],
    datasets: ['zeek.dce_rpc', 'dac.dce_rpc'],
    fields: {
      ...ZEEK_CONN_ID,
      endpoint: 'dce_rpc.interface.name', operation: 'dce_rpc.operation', named_pipe: 'dce_rpc.named_pipe',
      rtt: 'zeek.dce_rpc.rtt',
    },
    fallbackPrefix: 'zeek.dce_rpc.',
  },
  'zeek/conn': {
    selectIfAny: [],
    datasets: ['zeek.conn'],
    fields: { ...ZEEK_CONN_ID, service: 'network.protocol', orig_bytes: 'source.bytes', resp_bytes: 'destination.bytes' },
    fallbackPrefix: 'zeek.conn.',
  },
});
