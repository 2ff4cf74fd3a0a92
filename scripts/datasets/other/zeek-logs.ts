/**
 * Zeek logs as Zeek 6 writes them: TSV with its header block (the default LogAscii writer) and
 * JSON lines (`LogAscii::use_json=T`, with `_path` unless the writer drops it). Field order and
 * types follow Zeek's own log definitions.
 */
import type { Rng } from '../prng.ts';
import { zeekUid } from '../zeek.ts';
import { DAY, type OtherFile } from './model.ts';

type Col = readonly [name: string, type: string];
type Val = string | number | boolean | readonly (string | number)[] | undefined;

const ID: readonly Col[] = [['ts', 'time'], ['uid', 'string'], ['id.orig_h', 'addr'], ['id.orig_p', 'port'], ['id.resp_h', 'addr'], ['id.resp_p', 'port']];

export const LOGS: Readonly<Record<string, readonly Col[]>> = {
  dns: [...ID, ['proto', 'enum'], ['trans_id', 'count'], ['rtt', 'interval'], ['query', 'string'], ['qclass', 'count'], ['qclass_name', 'string'],
    ['qtype', 'count'], ['qtype_name', 'string'], ['rcode', 'count'], ['rcode_name', 'string'], ['AA', 'bool'], ['TC', 'bool'], ['RD', 'bool'],
    ['RA', 'bool'], ['Z', 'count'], ['answers', 'vector[string]'], ['TTLs', 'vector[interval]'], ['rejected', 'bool']],
  http: [...ID, ['trans_depth', 'count'], ['method', 'string'], ['host', 'string'], ['uri', 'string'], ['referrer', 'string'], ['version', 'string'],
    ['user_agent', 'string'], ['origin', 'string'], ['request_body_len', 'count'], ['response_body_len', 'count'], ['status_code', 'count'],
    ['status_msg', 'string'], ['tags', 'set[enum]'], ['resp_fuids', 'vector[string]'], ['resp_mime_types', 'vector[string]']],
  ssl: [...ID, ['version', 'string'], ['cipher', 'string'], ['curve', 'string'], ['server_name', 'string'], ['resumed', 'bool'],
    ['next_protocol', 'string'], ['established', 'bool'], ['ssl_history', 'string'], ['cert_chain_fps', 'vector[string]'], ['subject', 'string'], ['issuer', 'string'], ['ja3', 'string']],
  smb_files: [...ID, ['fuid', 'string'], ['action', 'enum'], ['path', 'string'], ['name', 'string'], ['size', 'count'], ['prev_name', 'string']],
  kerberos: [...ID, ['request_type', 'string'], ['client', 'string'], ['service', 'string'], ['success', 'bool'], ['error_msg', 'string'],
    ['till', 'time'], ['cipher', 'string'], ['forwardable', 'bool'], ['renewable', 'bool']],
  x509: [['ts', 'time'], ['fingerprint', 'string'], ['certificate.version', 'count'], ['certificate.serial', 'string'], ['certificate.subject', 'string'],
    ['certificate.issuer', 'string'], ['certificate.not_valid_before', 'time'], ['certificate.not_valid_after', 'time'], ['certificate.key_alg', 'string'],
    ['certificate.sig_alg', 'string'], ['certificate.key_type', 'string'], ['certificate.key_length', 'count'], ['san.dns', 'vector[string]']],
  conn: [...ID, ['proto', 'enum'], ['service', 'string'], ['duration', 'interval'], ['orig_bytes', 'count'], ['resp_bytes', 'count'], ['conn_state', 'string'],
    ['local_orig', 'bool'], ['local_resp', 'bool'], ['missed_bytes', 'count'], ['history', 'string'], ['orig_pkts', 'count'], ['orig_ip_bytes', 'count'],
    ['resp_pkts', 'count'], ['resp_ip_bytes', 'count']],
};

export type Row = Readonly<Record<string, Val>>;

const fmtTs = (t: number): string => t.toFixed(6);
const tsvScalar = (type: string, v: string | number | boolean): string =>
  typeof v === 'boolean' ? (v ? 'T' : 'F') : type === 'time' || type === 'interval' || type.endsWith('[interval]') ? (v as number).toFixed(6) : String(v).replace(/\t/g, '\\x09');

function tsvValue(type: string, v: Val): string {
  if (v === undefined) return '-';
  if (Array.isArray(v)) return v.length ? v.map((x) => tsvScalar(type, x)).join(',') : '(empty)';
  if (v === '') return '(empty)';
  return tsvScalar(type, v as string | number | boolean);
}

export function tsvFile(log: string, rows: readonly Row[]): OtherFile {
  const cols = LOGS[log];
  const open = new Date(DAY * 1000).toISOString().replace(/T/, '-').replace(/:/g, '-').slice(0, 19);
  const lines = [
    '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', `#path\t${log}`, `#open\t${open}`,
    `#fields\t${cols.map((c) => c[0]).join('\t')}`, `#types\t${cols.map((c) => c[1]).join('\t')}`,
    ...rows.map((r) => cols.map(([n, t]) => tsvValue(t, r[n])).join('\t')),
    `#close\t${new Date((DAY + 3600) * 1000).toISOString().replace(/T/, '-').replace(/:/g, '-').slice(0, 19)}`,
  ];
  return { name: `${log}.log`, format: 'zeek', lines, events: rows.length };
}

export function jsonFile(log: string, rows: readonly Row[]): OtherFile {
  const cols = LOGS[log];
  const lines = rows.map((r) => {
    const o: Record<string, unknown> = { _path: log };
    for (const [n, t] of cols) {
      const v = r[n];
      if (v === undefined || (Array.isArray(v) && !v.length)) continue;
      o[n] = t === 'time' ? Number(fmtTs(v as number)) : v;
    }
    return JSON.stringify(o);
  });
  return { name: `${log}.log`, format: 'zeek', lines, events: rows.length };
}

export function conn(rng: Rng, t: number, orig: string, resp: string, port: number, proto = 'tcp'): Row {
  return { ts: t, uid: zeekUid(rng), 'id.orig_h': orig, 'id.orig_p': rng.int(49152, 65000), 'id.resp_h': resp, 'id.resp_p': port, proto };
}
