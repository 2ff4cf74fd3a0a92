/**
 * Zeek log fields → ECS, per log, as Filebeat's Zeek module and pySigma's ecs_zeek_beats pipeline
 * name them. One table serves both directions: the Zeek normalizer (zeek-logs.ts) writes each raw
 * field to `<prefix>.<field>` and, where the table has one, to its ECS field; Sigma's Zeek log
 * sources (lang/sigma/tables/zeek.ts) map a rule's Zeek names through the same table.
 *
 * Adding a Zeek log: add an entry (dataset, prefix, ECS event categorisation, field renames).
 * Logs without an entry still read: raw fields under zeek.<log>.*, connection ids as ECS.
 */
export type ZeekValueKind = 'string' | 'number' | 'duration' | 'bool' | 'list';

export interface ZeekLogSpec {
  /** event.dataset (Filebeat's name: conn is zeek.connection). */
  readonly dataset: string;
  /** Where the raw fields go: zeek.connection, zeek.dns … */
  readonly prefix: string;
  readonly category: readonly string[];
  readonly type: readonly string[];
  /** network.protocol when the log implies one. */
  readonly protocol?: string;
  /** Zeek field → ECS field. */
  readonly ecs: Readonly<Record<string, string>>;
}

/** Every Zeek log that carries a connection: its 4-tuple and uid. */
export const ZEEK_CONN_ID: Readonly<Record<string, string>> = {
  uid: 'zeek.session_id', 'id.orig_h': 'source.ip', 'id.orig_p': 'source.port',
  'id.resp_h': 'destination.ip', 'id.resp_p': 'destination.port',
};

const NET = ['network'] as const;
const spec = (log: string, category: readonly string[], type: readonly string[], ecs: Record<string, string>, protocol?: string, prefix = `zeek.${log}`): ZeekLogSpec =>
  ({ dataset: prefix, prefix, category, type, ecs, ...(protocol ? { protocol } : {}) });

export const ZEEK_LOGS: Readonly<Record<string, ZeekLogSpec>> = {
  conn: spec('conn', NET, ['connection'], {
    proto: 'network.transport', service: 'network.protocol', duration: 'event.duration',
    orig_bytes: 'source.bytes', resp_bytes: 'destination.bytes', orig_pkts: 'source.packets', resp_pkts: 'destination.packets',
    orig_l2_addr: 'source.mac', resp_l2_addr: 'destination.mac', conn_state: 'zeek.connection.state',
  }, undefined, 'zeek.connection'),
  dns: spec('dns', NET, ['protocol'], {
    proto: 'network.transport', trans_id: 'dns.id', query: 'dns.question.name', qclass_name: 'dns.question.class',
    qtype_name: 'dns.question.type', rcode_name: 'dns.response_code', answers: 'dns.answers.name', TTLs: 'dns.answers.ttl',
    rtt: 'event.duration',
  }, 'dns'),
  http: spec('http', NET, ['protocol'], {
    method: 'http.request.method', host: 'url.domain', uri: 'url.original', referrer: 'http.request.referrer',
    version: 'http.version', user_agent: 'user_agent.original', request_body_len: 'http.request.body.bytes',
    response_body_len: 'http.response.body.bytes', status_code: 'http.response.status_code', username: 'url.username',
  }, 'http'),
  ssl: spec('ssl', NET, ['protocol'], {
    version: 'tls.version', cipher: 'tls.cipher', curve: 'tls.curve', server_name: 'tls.client.server_name',
    resumed: 'tls.resumed', established: 'tls.established', next_protocol: 'tls.next_protocol',
    subject: 'tls.server.subject', issuer: 'tls.server.issuer', client_subject: 'tls.client.subject',
    client_issuer: 'tls.client.issuer', ja3: 'tls.client.ja3', ja3s: 'tls.server.ja3s',
  }, 'tls'),
  x509: spec('x509', ['file'], ['info'], {
    'certificate.version': 'x509.version_number', 'certificate.serial': 'x509.serial_number',
    'certificate.subject': 'x509.subject.distinguished_name', 'certificate.issuer': 'x509.issuer.distinguished_name',
    'certificate.not_valid_before': 'x509.not_before', 'certificate.not_valid_after': 'x509.not_after',
    'certificate.key_alg': 'x509.public_key_algorithm', 'certificate.sig_alg': 'x509.signature_algorithm',
    'certificate.key_length': 'x509.public_key_size', 'certificate.exponent': 'x509.public_key_exponent',
    'certificate.curve': 'x509.public_key_curve', 'san.dns': 'x509.alternative_names',
  }),
  files: spec('files', ['file'], ['info'], {
    fuid: 'zeek.files.fuid', mime_type: 'file.mime_type', filename: 'file.name', total_bytes: 'file.size',
    md5: 'file.hash.md5', sha1: 'file.hash.sha1', sha256: 'file.hash.sha256', duration: 'event.duration',
  }),
  smb_files: spec('smb_files', NET, ['protocol'], { action: 'event.action', name: 'file.name', size: 'file.size' }, 'smb'),
  smb_mapping: spec('smb_mapping', NET, ['protocol'], {}, 'smb'),
  kerberos: spec('kerberos', NET, ['protocol'], { request_type: 'event.action', success: 'zeek.kerberos.success' }, 'kerberos'),
  rdp: spec('rdp', NET, ['protocol'], { result: 'event.outcome' }, 'rdp'),
  dce_rpc: spec('dce_rpc', NET, ['connection', 'protocol'], { operation: 'event.action' }, 'dcerpc'),
  ntlm: spec('ntlm', NET, ['protocol'], { username: 'user.name', domainname: 'user.domain' }, 'ntlm'),
  ssh: spec('ssh', NET, ['protocol'], { version: 'zeek.ssh.version', client: 'zeek.ssh.client', server: 'zeek.ssh.server' }, 'ssh'),
  ftp: spec('ftp', NET, ['protocol'], { user: 'user.name', command: 'event.action' }, 'ftp'),
  smtp: spec('smtp', NET, ['protocol'], { mailfrom: 'zeek.smtp.mail_from', rcptto: 'zeek.smtp.rcpt_to' }, 'smtp'),
  dhcp: spec('dhcp', NET, ['protocol'], { host_name: 'zeek.dhcp.hostname', server_addr: 'destination.ip' }, 'dhcp'),
  notice: spec('notice', ['intrusion_detection'], ['info'], { note: 'rule.name', msg: 'rule.description' }),
  weird: spec('weird', NET, ['info'], { name: 'rule.name' }),
  software: spec('software', NET, ['info'], {}),
  tunnel: spec('tunnel', NET, ['connection'], {}),
  snmp: spec('snmp', NET, ['protocol'], {}, 'snmp'),
  sip: spec('sip', NET, ['protocol'], {}, 'sip'),
  pe: spec('pe', ['file'], ['info'], {}),
};

/** The table entry for a log, or a generic one for logs dac has no renames for. */
export function zeekLogSpec(log: string): ZeekLogSpec {
  return Object.hasOwn(ZEEK_LOGS, log) ? ZEEK_LOGS[log] : spec(log, NET, ['info'], {});
}

/** The ECS field for a raw Zeek field of this log (conn ids included), or undefined. */
export function zeekEcsField(log: string, rawField: string): string | undefined {
  if (Object.hasOwn(ZEEK_CONN_ID, rawField)) return ZEEK_CONN_ID[rawField];
  const s = zeekLogSpec(log);
  return Object.hasOwn(s.ecs, rawField) ? s.ecs[rawField] : undefined;
}
