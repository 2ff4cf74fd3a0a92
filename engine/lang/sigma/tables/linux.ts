/**
 * Sigma's Linux log sources → events and ECS names. Categories select ECS-categorised events on
 * Linux hosts (Elastic Defend, Auditbeat, Sysmon for Linux via Elastic Agent, and dac's auditd
 * reader all set event.category/event.type/host.os.type); the auditd service selects the auditd
 * module's events with the raw record fields under auditd.log.* (Filebeat's auditd module; the
 * legacy ecs-auditd config maps `exe` to process.executable and keeps the rest by name).
 */
import { allOf, anyOf, datasets, ecsEvent, FILE_FIELDS, is, NETWORK_FIELDS, PROCESS_FIELDS, type SourceSpec } from './source-spec.ts';

const SYSLOG = datasets('system.syslog', 'system.auth', 'syslog');
const byProcess = (...names: string[]) => allOf(SYSLOG, is('process.name', ...names));

export const LINUX_SOURCES: readonly SourceSpec[] = [
  { product: 'linux', category: 'process_creation', select: ecsEvent('process', ['start'], 'linux'), fields: PROCESS_FIELDS, source: 'pySigma ecs (taxonomy names) over Elastic Defend/Auditbeat process events' },
  { product: 'linux', category: 'file_event', select: ecsEvent('file', ['creation'], 'linux'), fields: FILE_FIELDS, source: 'pySigma ecs (taxonomy names)' },
  { product: 'linux', category: 'file_create', select: ecsEvent('file', ['creation'], 'linux'), fields: FILE_FIELDS, source: 'pySigma ecs (taxonomy names)' },
  { product: 'linux', category: 'file_delete', select: ecsEvent('file', ['deletion'], 'linux'), fields: FILE_FIELDS, source: 'pySigma ecs (taxonomy names)' },
  { product: 'linux', category: 'file_change', select: ecsEvent('file', ['change'], 'linux'), fields: FILE_FIELDS, source: 'pySigma ecs (taxonomy names)' },
  { product: 'linux', category: 'network_connection', select: ecsEvent('network', ['start', 'connection'], 'linux'), fields: NETWORK_FIELDS, source: 'pySigma ecs (taxonomy names)' },
  {
    product: 'linux', service: 'auditd', select: is('event.module', 'auditd'),
    fields: { type: 'auditd.log.record_type', exe: 'process.executable', comm: 'process.name', cwd: 'process.working_directory' },
    fallbackPrefix: 'auditd.log.', source: 'Filebeat auditd module layout; legacy sigma ecs-auditd config',
  },
  { product: 'linux', service: 'syslog', select: SYSLOG, fields: { message: 'message' }, source: 'Filebeat system module' },
  { product: 'linux', service: 'auth', select: datasets('system.auth'), fields: {}, source: 'Filebeat system module' },
  { product: 'linux', service: 'sshd', select: anyOf(byProcess('sshd'), datasets('system.auth')), fields: {}, source: 'Filebeat system module (auth log)' },
  { product: 'linux', service: 'sudo', select: byProcess('sudo'), fields: {}, source: 'Filebeat system module' },
  { product: 'linux', service: 'cron', select: byProcess('cron', 'crond', 'CRON'), fields: {}, source: 'Filebeat system module' },
  { product: 'linux', service: 'clamav', select: byProcess('clamd', 'freshclam', 'clamscan'), fields: {}, source: 'Filebeat system module' },
  { product: 'linux', service: 'vsftpd', select: byProcess('vsftpd'), fields: {}, source: 'Filebeat system module' },
  { product: 'linux', service: 'guacamole', select: byProcess('guacd', 'guacamole'), fields: {}, source: 'Filebeat system module' },
  // product only (keyword rules over any Linux log)
  { product: 'linux', select: anyOf(is('host.os.type', 'linux'), is('event.module', 'auditd', 'system')), fields: {}, source: 'ECS host.os.type' },
];

