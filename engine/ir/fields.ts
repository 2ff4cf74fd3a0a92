/**
 * Field catalogues: which fields a data source has and their types, for unknown-field and type
 * checks. The ECS catalogue below covers what dac's normalizers emit (events/normalize) plus the
 * ECS fields Elastic's Windows rules commonly use. winlog.event_data.* is open-ended (any name).
 */
/**
 * Elasticsearch field types as far as matching cares: keyword and wildcard compare exactly (case
 * sensitive), text and match_only_text are analysed (tokens, lower-cased); flattened holds keyword
 * leaves. Numeric kinds fold onto long/double.
 */
export type FieldType = 'keyword' | 'wildcard' | 'text' | 'match_only_text' | 'long' | 'double' | 'ip' | 'date' | 'boolean' | 'object' | 'flattened' | 'geo_point';

export interface FieldCatalog {
  readonly name: string;
  /** Type of `field`, or undefined if the catalogue does not know it. */
  typeOf(field: string): FieldType | undefined;
  /**
   * The catalogue does not describe every field of the data (e.g. an integration's index whose
   * schema dac does not ship): an unknown field is then a warning, not an error.
   */
  readonly open?: boolean;
  /** Every known field name, for "did you mean" hints (catalogues that cannot list may omit it). */
  names?(): Iterable<string>;
}

/** Edit distance with a cutoff (returns cutoff + 1 once exceeded), for spelling hints. */
function distance(a: string, b: string, cutoff: number): number {
  if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > cutoff) return cutoff + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The known names closest to a misspelt field (at most three; case-insensitive; none when nothing is close). */
export function suggestFields(field: string, catalog: FieldCatalog): string[] {
  if (!catalog.names) return [];
  const want = field.toLowerCase();
  const cutoff = Math.max(1, Math.min(3, Math.floor(field.length / 4)));
  const scored: Array<[number, string]> = [];
  for (const n of catalog.names()) {
    const d = distance(want, n.toLowerCase(), cutoff);
    if (d <= cutoff) scored.push([d, n]);
  }
  return scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1])).slice(0, 3).map(([, n]) => n);
}

/** A hint for an unknown field: the closest names, else the fallback advice. */
export function unknownFieldHint(field: string, catalog: FieldCatalog, fallback: string): string {
  const near = suggestFields(field, catalog);
  return near.length ? `did you mean ${near.join(', ')}? (${fallback})` : fallback;
}

/** A catalogue from a table plus open prefixes (any field under them is a keyword). */
export function tableCatalog(name: string, table: Readonly<Record<string, FieldType>>, openPrefixes: readonly string[] = []): FieldCatalog {
  return {
    name,
    typeOf(field) {
      const t = table[field];
      if (t) return t;
      return openPrefixes.some((p) => field.startsWith(p)) ? 'keyword' : undefined;
    },
    names: () => Object.keys(table),
  };
}

const k = 'keyword' as const;
const l = 'long' as const;
const ip = 'ip' as const;
const d = 'date' as const;

/** ECS (8.x) fields for Windows endpoint and network data. */
export const ECS_FIELDS: Readonly<Record<string, FieldType>> = {
  '@timestamp': d, 'message': 'text', 'tags': k, 'labels': 'object',
  'event.category': k, 'event.type': k, 'event.action': k, 'event.code': k, 'event.kind': k,
  'event.module': k, 'event.dataset': k, 'event.provider': k, 'event.created': d, 'event.ingested': d,
  'event.outcome': k, 'event.id': k, 'event.sequence': l, 'event.original': k, 'event.severity': l,
  'host.name': k, 'host.hostname': k, 'host.id': k, 'host.ip': ip, 'host.os.type': k, 'host.os.family': k,
  'host.os.name': k, 'host.os.platform': k, 'host.os.version': k, 'host.domain': k, 'host.architecture': k,
  'agent.type': k, 'agent.name': k, 'agent.id': k, 'agent.version': k, 'ecs.version': k,
  'user.name': k, 'user.domain': k, 'user.id': k, 'user.full_name': k,
  'user.target.name': k, 'user.target.domain': k, 'user.target.id': k,
  'process.name': k, 'process.executable': k, 'process.command_line': k, 'process.args': k,
  'process.args_count': l, 'process.pid': l, 'process.entity_id': k, 'process.working_directory': k,
  'process.title': k, 'process.hash.md5': k, 'process.hash.sha1': k, 'process.hash.sha256': k,
  'process.pe.original_file_name': k, 'process.pe.company': k, 'process.pe.description': k,
  'process.pe.file_version': k, 'process.pe.product': k, 'process.pe.imphash': k,
  'process.thread.id': l, 'process.code_signature.subject_name': k, 'process.code_signature.trusted': 'boolean',
  'process.code_signature.exists': 'boolean', 'process.code_signature.status': k,
  'process.parent.name': k, 'process.parent.executable': k, 'process.parent.command_line': k,
  'process.parent.args': k, 'process.parent.args_count': l, 'process.parent.pid': l, 'process.parent.entity_id': k,
  'process.Ext.token.integrity_level_name': k,
  'source.ip': ip, 'source.port': l, 'source.domain': k, 'source.address': k, 'source.bytes': l, 'source.packets': l,
  'destination.ip': ip, 'destination.port': l, 'destination.domain': k, 'destination.address': k, 'destination.bytes': l,
  'destination.packets': l,
  'network.direction': k, 'network.transport': k, 'network.protocol': k, 'network.type': k, 'network.community_id': k,
  'network.application': k, 'network.bytes': l, 'network.packets': l,
  'registry.path': k, 'registry.hive': k, 'registry.key': k, 'registry.value': k, 'registry.data.strings': k,
  'registry.data.type': k, 'registry.data.bytes': k,
  'file.path': k, 'file.name': k, 'file.extension': k, 'file.directory': k, 'file.hash.md5': k,
  'file.hash.sha1': k, 'file.hash.sha256': k, 'file.code_signature.trusted': 'boolean', 'file.pe.original_file_name': k,
  'file.Ext.header_bytes': k, 'file.size': l,
  'dns.question.name': k, 'dns.question.type': k, 'dns.resolved_ip': ip, 'dns.answers.data': k, 'dns.answers.type': k,
  'dns.response_code': k, 'dns.question.registered_domain': k,
  'dll.name': k, 'dll.path': k, 'dll.hash.sha256': k, 'dll.code_signature.trusted': 'boolean', 'dll.pe.original_file_name': k,
  'rule.name': k, 'related.user': k, 'related.ip': ip, 'related.hash': k, 'related.hosts': k,
  'winlog.event_id': k, 'winlog.channel': k, 'winlog.computer_name': k, 'winlog.record_id': l, 'winlog.provider_name': k,
  'winlog.provider_guid': k, 'winlog.task': k, 'winlog.opcode': k, 'winlog.version': l, 'winlog.process.pid': l,
  'winlog.process.thread.id': l, 'winlog.user.identifier': k, 'winlog.user.name': k, 'winlog.user.domain': k,
  'winlog.logon.type': k, 'winlog.logon.id': k, 'winlog.api': k, 'winlog.keywords': k, 'winlog.activity_id': k,
  'zeek.session_id': k, 'zeek.dce_rpc.endpoint': k, 'zeek.dce_rpc.operation': k, 'zeek.dce_rpc.named_pipe': k,
  'zeek.dce_rpc.rtt': 'double',
  // dac's own namespace for DCE/RPC (no ECS field exists): set from pcap decoding and Zeek dce_rpc.
  'dce_rpc.interface.uuid': k, 'dce_rpc.interface.name': k, 'dce_rpc.interface.version': k,
  'dce_rpc.operation': k, 'dce_rpc.opnum': l, 'dce_rpc.packet_type': k, 'dce_rpc.named_pipe': k, 'dce_rpc.call_id': l,
  'powershell.file.script_block_text': 'text', 'powershell.command.name': k,
  // Winlogbeat's PowerShell module (engine/ir/windows-ecs/powershell.ts)
  'powershell.file.script_block_id': k, 'powershell.sequence': l, 'powershell.total': l, 'powershell.engine.version': k,
  'powershell.process.executable_version': k, 'powershell.command.value': k, 'powershell.command.path': k, 'powershell.command.type': k,
  'powershell.runspace_id': k, 'powershell.pipeline_id': k, 'powershell.id': k, 'powershell.engine.new_state': k,
  'powershell.engine.previous_state': k, 'powershell.provider.new_state': k, 'powershell.provider.name': k,
  'service.name': k, 'client.ip': ip, 'server.ip': ip, 'url.full': k, 'url.original': k, 'group.name': k, 'group.id': k,
  // emitted by events/normalize (Winlogbeat Sysmon/Security modules, Zeek module, dac additions)
  'file.pe.company': k, 'file.pe.description': k, 'file.pe.file_version': k, 'file.pe.product': k,
  'file.pe.imphash': k, 'file.code_signature.subject_name': k, 'file.code_signature.status': k,
  'file.code_signature.signed': 'boolean', 'file.code_signature.valid': 'boolean',
  'dll.hash.md5': k, 'dll.hash.sha1': k, 'sysmon.dns.status': k, 'sysmon.file.archived': 'boolean',
  'sysmon.file.is_executable': 'boolean', 'event.duration': l, 'event.outcome_reason': k,
  'zeek.connection.state': k, 'zeek.connection.history': k, 'zeek.connection.local_orig': 'boolean',
  'zeek.connection.local_resp': 'boolean',
};

export const ECS_CATALOG: FieldCatalog = tableCatalog('ecs', ECS_FIELDS, ['winlog.event_data.', 'winlog.user_data.', 'labels.']);
