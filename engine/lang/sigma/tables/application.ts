/**
 * Sigma's application log sources: `category: application` under the application's product
 * (django, jvm, nodejs, python, ruby_on_rails, spring, sql, velocity …) selects that
 * application's data streams (event.dataset <product>.* or event.module <product>); a few products
 * have their own layout (OpenCanary, RPC Firewall on the Windows event log, Qualys). Generic
 * categories without a product (antivirus, database) select ECS-categorised events.
 */
import { anyOf, datasetPrefix, datasets, is, type SourceSpec } from './source-spec.ts';

const ownApp = (p: string | undefined) => (p ? anyOf(datasetPrefix(p), is('event.module', p)) : { kind: 'const', value: false } as const);

export const APPLICATION_SOURCES: readonly SourceSpec[] = [
  { product: '*', category: 'application', select: ownApp, fields: {}, source: 'dac: the application\'s own data streams (<product>.*)' },
  { product: 'opencanary', category: 'application', select: anyOf(datasetPrefix('opencanary'), is('event.module', 'opencanary')), fields: { logtype: 'opencanary.logtype' }, fallbackPrefix: 'opencanary.', source: 'OpenCanary JSON (logtype codes)' },
  {
    product: 'rpc_firewall', category: 'application', select: anyOf(is('winlog.provider_name', 'RPCFW', 'RPCFWP'), is('winlog.channel', 'RPCFW')),
    fields: { EventID: 'event.code', EventLog: 'winlog.channel', Provider_Name: 'winlog.provider_name' }, fallbackPrefix: 'winlog.event_data.',
    source: 'RPC Firewall writes Windows events (provider RPCFW); Winlogbeat layout',
  },
  { product: 'qualys', select: datasetPrefix('qualys_vmdr'), fields: {}, source: 'Elastic Qualys VMDR integration' },
  { service: 'apache', select: anyOf(datasetPrefix('apache'), is('event.module', 'apache')), fields: {}, source: 'Filebeat apache module' },
  { service: 'nginx', select: anyOf(datasetPrefix('nginx'), is('event.module', 'nginx')), fields: {}, source: 'Filebeat nginx module' },
  { category: 'antivirus', select: is('event.category', 'malware', 'intrusion_detection'), fields: { Filename: 'file.path', Signature: 'rule.name', User: 'user.name', ComputerName: 'host.name' }, source: 'ECS threat/malware fields' },
  { category: 'database', select: is('event.category', 'database'), fields: {}, source: 'ECS event.category database' },
];
