/**
 * Sigma's Zeek log sources (product zeek, service = the Zeek log's name) → the events of that log
 * and ECS names. Field renames come from the one Zeek table (events/normalize/zeek-fields.ts);
 * the web/DNS taxonomy names Sigma's generic rules use (c-uri, cs-host, answer …) follow pySigma's
 * ecs_zeek_beats pipeline, which also sends the proxy/webserver/dns/firewall categories to the
 * http/http/dns/conn logs (see network.ts).
 */
import { ZEEK_CONN_ID, ZEEK_LOGS, zeekLogSpec } from '../../../events/normalize/zeek-fields.ts';
import { anyOf, datasets, type SourceSpec } from './source-spec.ts';

/** Taxonomy names of pySigma's ecs_zeek_beats field table that apply to every Zeek log. */
export const ZEEK_TAXONOMY: Readonly<Record<string, string>> = {
  dst_ip: 'destination.ip', dst_port: 'destination.port', src_ip: 'source.ip', src_port: 'source.port',
  dst: 'destination.ip', src: 'source.ip', dest_ip: 'destination.ip', dest_port: 'destination.port',
  network_protocol: 'network.transport', network_application: 'network.protocol', duration: 'event.duration',
  'c-uri': 'url.original', 'c-uri-extension': 'url.extension', 'c-uri-query': 'url.query', 'c-uri-stem': 'url.path',
  'c-useragent': 'user_agent.original', 'cs-host': 'url.domain', 'cs-method': 'http.request.method',
  'cs-referer': 'http.request.referrer', 'cs-version': 'http.version', 'cs-bytes': 'http.request.body.bytes',
  'sc-bytes': 'http.response.body.bytes', 'sc-status': 'http.response.status_code', 'cs-cookie': 'http.cookie_vars',
  'r-dns': 'url.domain', 'c-ip': 'source.ip',
  answer: 'dns.answers.name', record_type: 'dns.question.type', parent_domain: 'dns.question.registered_domain',
};

/** dac's DCE/RPC fields, set by the Zeek dce_rpc normalizer and the pcap decoder alike. */
const DCE_RPC_FIELDS: Readonly<Record<string, string>> = {
  endpoint: 'dce_rpc.interface.name', operation: 'dce_rpc.operation', named_pipe: 'dce_rpc.named_pipe',
};

function zeekSource(log: string): SourceSpec {
  const s = zeekLogSpec(log);
  const extraDatasets = log === 'conn' ? ['zeek.conn'] : log === 'dce_rpc' ? ['dac.dce_rpc'] : [];
  const select = datasets(s.dataset, ...extraDatasets);
  return {
    product: 'zeek', service: log,
    select: log === 'dce_rpc' ? anyOf({ kind: 'exists', field: 'dce_rpc.interface.name' }, { kind: 'exists', field: 'dce_rpc.interface.uuid' }, select) : select,
    // Zeek's own names first: back-ends name a field by the first entry that gives it.
    fields: { ...ZEEK_CONN_ID, ...s.ecs, ...(log === 'dce_rpc' ? DCE_RPC_FIELDS : {}), ...ZEEK_TAXONOMY },
    fallbackPrefix: `${s.prefix}.`,
    source: "pySigma ecs_zeek_beats; Filebeat's Zeek module (events/normalize/zeek-fields.ts)",
  };
}

export const ZEEK_SOURCES: readonly SourceSpec[] = [
  ...Object.keys(ZEEK_LOGS).map(zeekSource),
  // Any other Zeek log: its own dataset, raw names under zeek.<log>.
  { product: 'zeek', select: { kind: 'glob', left: { kind: 'field', name: 'event.dataset' }, patterns: [[{ kind: 'lit', text: 'zeek.' }, { kind: 'star' }]], caseInsensitive: true }, fields: { ...ZEEK_CONN_ID, ...ZEEK_TAXONOMY }, source: 'pySigma ecs_zeek_beats' },
];

/** A Zeek service the table has no entry for still selects its own log (zeek.<service>). */
export function zeekServiceSource(service: string): SourceSpec {
  return zeekSource(service);
}
