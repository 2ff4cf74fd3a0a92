/**
 * Sigma's network log sources: the categories without a product (dns, proxy, webserver,
 * firewall) and network devices (Cisco, Juniper, Huawei, Fortinet). A category without a product
 * selects every log that holds such events: Zeek's log for it (pySigma's ecs_zeek_beats maps
 * proxy/webserver → http, dns → dns, firewall → conn) and any ECS source categorised the same way.
 * Field names follow the legacy sigma ecs-proxy / ecs-dns / ecs-filebeat configurations.
 */
import { allOf, anyOf, datasetPrefix, datasets, is, type SourceSpec } from './source-spec.ts';
import { ZEEK_TAXONOMY } from './zeek.ts';

const WEB_FIELDS: Readonly<Record<string, string>> = {
  ...ZEEK_TAXONOMY, 'cs-uri': 'url.original', 'cs-uri-query': 'url.query', 'cs-uri-stem': 'url.path',
  'cs-user-agent': 'user_agent.original', 'cs-referrer': 'http.request.referrer', 'cs-cookie': 'http.cookie',
  'c-ip': 'source.ip', 's-ip': 'destination.ip', 'cs-username': 'user.name', 'sc-status': 'http.response.status_code',
  'cs-content-type': 'http.request.mime_type', 'sc-content-type': 'http.response.mime_type',
};
const WEB_EVENTS = is('event.category', 'web');

export const NETWORK_SOURCES: readonly SourceSpec[] = [
  {
    category: 'proxy', select: anyOf(datasets('zeek.http', 'squid.log', 'zscaler_zia.web', 'fortinet_fortigate.log'), WEB_EVENTS),
    fields: WEB_FIELDS, source: 'sigma ecs-proxy; pySigma ecs_zeek_beats (proxy → zeek http)',
  },
  {
    category: 'webserver', select: anyOf(datasets('zeek.http', 'apache.access', 'nginx.access', 'iis.access'), WEB_EVENTS),
    fields: WEB_FIELDS, source: 'sigma ecs-proxy; pySigma ecs_zeek_beats (webserver → zeek http)',
  },
  {
    category: 'dns', select: anyOf(datasets('zeek.dns', 'network_traffic.dns', 'dns'), allOf(is('event.category', 'network'), { kind: 'exists', field: 'dns.question.name' })),
    fields: { ...ZEEK_TAXONOMY, query: 'dns.question.name', QueryName: 'dns.question.name', 'c-dns': 'dns.question.name', response: 'dns.answers.data' },
    source: 'sigma ecs-dns / ecs-filebeat; pySigma ecs_zeek_beats (dns → zeek dns)',
  },
  {
    category: 'firewall', select: anyOf(datasets('zeek.connection', 'zeek.conn', 'iptables.log', 'panw.panos', 'fortinet_fortigate.log', 'cisco_asa.log'), allOf(is('event.category', 'network'), is('observer.type', 'firewall'))),
    fields: { ...ZEEK_TAXONOMY, action: 'event.action', blocked: 'event.outcome', SRC: 'source.ip', DST: 'destination.ip', SPT: 'source.port', DPT: 'destination.port', PROTO: 'network.transport' },
    source: 'sigma ecs-filebeat (iptables); pySigma ecs_zeek_beats (firewall → zeek conn)',
  },
  { service: 'netflow', select: datasets('netflow.log'), fields: ZEEK_TAXONOMY, source: 'Filebeat netflow module' },
  { product: 'cisco', select: (p) => anyOf(datasetPrefix('cisco_ios'), datasetPrefix('cisco_asa'), datasetPrefix('cisco_ftd'), is('observer.vendor', p ?? 'cisco')), fields: {}, source: 'Elastic Cisco integrations' },
  { product: 'juniper', select: anyOf(datasetPrefix('juniper_srx'), datasetPrefix('juniper'), is('observer.vendor', 'juniper')), fields: {}, source: 'Elastic Juniper integration' },
  { product: 'huawei', select: is('observer.vendor', 'huawei'), fields: {}, source: 'ECS observer.vendor' },
  { product: 'fortigate', select: datasetPrefix('fortinet_fortigate'), fields: { action: 'event.action', cfgpath: 'fortinet.firewall.cfgpath' }, fallbackPrefix: 'fortinet.firewall.', source: 'Elastic Fortinet FortiGate integration' },
];
