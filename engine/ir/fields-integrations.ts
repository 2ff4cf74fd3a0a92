/**
 * Fields of the non-Windows sources dac reads (issue 18): the ECS fields the Zeek, auditd and
 * Elastic Agent integration events carry, and the integration namespaces whose fields are open
 * (any name under them is a keyword: raw Zeek fields zeek.<log>.*, auditd.log.*, CloudTrail's
 * aws.cloudtrail.* and its flattened request/response objects, Azure, GCP, Okta …).
 */

const k = 'keyword' as const;
const l = 'long' as const;
const d = 'date' as const;
const b = 'boolean' as const;

/** Typed with the FieldType names (fields.ts imports this file, so it cannot import fields.ts back). */
export const INTEGRATION_ECS_FIELDS: Readonly<Record<string, 'keyword' | 'long' | 'date' | 'boolean'>> = {
  'url.original': k, 'url.domain': k, 'url.path': k, 'url.query': k, 'url.extension': k, 'url.username': k, 'url.full': k,
  'http.request.method': k, 'http.request.referrer': k, 'http.request.mime_type': k, 'http.request.body.bytes': l,
  'http.response.status_code': l, 'http.response.body.bytes': l, 'http.response.mime_type': k, 'http.version': k,
  'http.cookie': k, 'http.cookie_vars': k, 'user_agent.original': k,
  'dns.id': k, 'dns.type': k, 'dns.question.class': k, 'dns.answers.name': k, 'dns.answers.ttl': l, 'dns.answers.data': k,
  'tls.version': k, 'tls.cipher': k, 'tls.curve': k, 'tls.resumed': b, 'tls.established': b, 'tls.next_protocol': k,
  'tls.client.server_name': k, 'tls.client.subject': k, 'tls.client.issuer': k, 'tls.client.ja3': k,
  'tls.server.subject': k, 'tls.server.issuer': k, 'tls.server.ja3s': k,
  'x509.version_number': k, 'x509.serial_number': k, 'x509.subject.distinguished_name': k, 'x509.issuer.distinguished_name': k,
  'x509.not_before': d, 'x509.not_after': d, 'x509.public_key_algorithm': k, 'x509.signature_algorithm': k,
  'x509.public_key_size': l, 'x509.public_key_exponent': l, 'x509.public_key_curve': k, 'x509.alternative_names': k,
  'file.mime_type': k, 'file.source.path': k, 'source.mac': k, 'destination.mac': k,
  'process.args': k, 'process.args_count': l, 'process.title': k, 'process.user.id': k, 'process.user.name': k,
  'process.code_signature.signing_id': k, 'process.code_signature.team_id': k, 'process.pe.original_file_name': k,
  'target.process.executable': k, 'target.process.pid': l,
  'user.effective.id': k, 'user.audit.id': k, 'cloud.account.id': k, 'cloud.region': k, 'cloud.provider': k,
  'role.name': k, 'organization.name': k, 'rule.name': k, 'rule.description': k, 'log.logger': k, 'observer.vendor': k, 'observer.type': k,
};

export const INTEGRATION_PREFIXES: readonly string[] = [
  'zeek.', 'auditd.', 'aws.', 'azure.', 'gcp.', 'google_workspace.', 'o365.', 'okta.', 'github.', 'bitbucket.', 'kubernetes.',
  'cisco_duo.', 'fortinet.', 'onelogin.', 'opencanary.', 'qualys_vmdr.',
];
