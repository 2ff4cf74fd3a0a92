/**
 * Zeek datasets. Attack: WKS-07 (10.0.2.31) tunnels data through DNS TXT queries for long
 * subdomains of cdn-update.example, fetches a PowerShell script over plain HTTP from a bare IP,
 * and requests an RC4-HMAC service ticket for MSSQLSvc (Kerberoasting); around it, ordinary DNS,
 * TLS and Kerberos traffic. Benign: the same hosts' everyday DNS, web, TLS and AES Kerberos.
 * dns.log, smb_files.log, x509.log and conn.log in Zeek's TSV; http.log, ssl.log, kerberos.log in
 * JSON, so both writers are exercised.
 */
import { Rng } from '../prng.ts';
import { SEED } from '../manifest.ts';
import { DAY, type OtherDataset } from './model.ts';
import { conn, jsonFile, tsvFile, type Row } from './zeek-logs.ts';

const WKS = '10.0.2.31';
const DC = '10.0.0.10';
const WEB = ['93.184.215.14', '151.101.1.69', '140.82.112.3'];
const NAMES = ['www.example.com', 'updates.example.org', 'github.com', 'intranet.corp.example.com'];

function dnsRow(rng: Rng, t: number, query: string, qtype: 'A' | 'TXT', answers: string[]): Row {
  return {
    ...conn(rng, t, WKS, DC, 53, 'udp'), proto: 'udp', trans_id: rng.int(1, 65535), rtt: rng.int(1, 40) / 1000, query, qclass: 1, qclass_name: 'C_INTERNET',
    qtype: qtype === 'A' ? 1 : 16, qtype_name: qtype, rcode: 0, rcode_name: 'NOERROR', AA: false, TC: false, RD: true, RA: true, Z: 0,
    answers, TTLs: answers.map(() => 300), rejected: false,
  };
}

function background(rng: Rng, start: number, n: number) {
  const dns: Row[] = [];
  const ssl: Row[] = [];
  const x509: Row[] = [];
  const conns: Row[] = [];
  for (let i = 0; i < n; i++) {
    const t = start + i * 37 + rng.int(0, 20);
    const name = rng.pick(NAMES);
    const ip = rng.pick(WEB);
    dns.push(dnsRow(rng, t, name, 'A', [ip]));
    const c = conn(rng, t + 0.05, WKS, ip, 443);
    conns.push({ ...c, service: 'ssl', duration: rng.int(100, 9000) / 1000, orig_bytes: rng.int(500, 4000), resp_bytes: rng.int(2000, 90000), conn_state: 'SF', local_orig: true, local_resp: false, missed_bytes: 0, history: 'ShADadFf', orig_pkts: rng.int(8, 40), orig_ip_bytes: rng.int(900, 6000), resp_pkts: rng.int(8, 90), resp_ip_bytes: rng.int(3000, 95000) });
    ssl.push({ ...c, version: 'TLSv13', cipher: 'TLS_AES_128_GCM_SHA256', curve: 'x25519', server_name: name, resumed: false, established: true, ssl_history: 'CsiI', cert_chain_fps: [rng.hex(64)], ja3: rng.hex(32) });
    if (i % 3 === 0) x509.push({ ts: t + 0.06, fingerprint: rng.hex(64), 'certificate.version': 3, 'certificate.serial': rng.hex(32).toUpperCase(), 'certificate.subject': `CN=${name}`, 'certificate.issuer': 'CN=R11,O=Let\'s Encrypt,C=US', 'certificate.not_valid_before': DAY - 86400 * 20, 'certificate.not_valid_after': DAY + 86400 * 70, 'certificate.key_alg': 'rsaEncryption', 'certificate.sig_alg': 'sha256WithRSAEncryption', 'certificate.key_type': 'rsa', 'certificate.key_length': 2048, 'san.dns': [name] });
  }
  return { dns, ssl, x509, conns };
}

function kerberos(rng: Rng, t: number, service: string, cipher: string): Row {
  return { ...conn(rng, t, WKS, DC, 88), request_type: 'TGS', client: 'jdoe/CORP.EXAMPLE.COM', service, success: true, till: DAY + 86400 * 2, cipher, forwardable: true, renewable: true };
}

export function zeekAttack(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:zeek_c2_dns_http');
  const b = background(rng, DAY, 24);
  const tunnel = Array.from({ length: 6 }, (_, i) => dnsRow(rng, DAY + 300 + i * 2, `${rng.hex(40)}.${i}.cdn-update.example`, 'TXT', [rng.hex(60)]));
  const http: Row[] = [
    { ...conn(rng, DAY + 320, WKS, '203.0.113.77', 80), trans_depth: 1, method: 'GET', host: '203.0.113.77', uri: '/s/update.ps1?v=2', version: '1.1', user_agent: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4291', request_body_len: 0, response_body_len: 18244, status_code: 200, status_msg: 'OK', tags: [], resp_fuids: [`F${rng.hex(16)}`], resp_mime_types: ['text/plain'] },
    { ...conn(rng, DAY + 10, WKS, WEB[0], 80), trans_depth: 1, method: 'GET', host: 'www.example.com', uri: '/index.html', version: '1.1', user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0', request_body_len: 0, response_body_len: 1256, status_code: 200, status_msg: 'OK', tags: [], resp_fuids: [`F${rng.hex(16)}`], resp_mime_types: ['text/html'] },
  ];
  const krb = [kerberos(rng, DAY + 400, 'MSSQLSvc/sql01.corp.example.com:1433', 'rc4-hmac'), kerberos(rng, DAY + 30, 'cifs/SRV-01.corp.example.com', 'aes256-cts-hmac-sha1-96')];
  const smb: Row[] = [{ ...conn(rng, DAY + 200, WKS, '10.0.1.10', 445), fuid: `F${rng.hex(16)}`, action: 'SMB::FILE_OPEN', path: '\\\\SRV-01\\share', name: 'reports\\q3.xlsx', size: 48213 }];
  const dns = [...b.dns, ...tunnel].sort((x, y) => (x.ts as number) - (y.ts as number));
  return {
    name: 'zeek_c2_dns_http', kind: 'attack', techniques: ['T1071.004', 'T1105', 'T1558.003'], hosts: ['WKS-07 (10.0.2.31)', 'DC-01 (10.0.0.10)'],
    description: 'Zeek logs of WKS-07 (10.0.2.31): six DNS TXT queries for 40-hex-character subdomains of cdn-update.example (data tunnelled over DNS), a PowerShell script fetched over plain HTTP from the bare IP 203.0.113.77, and an RC4-HMAC Kerberos service ticket for MSSQLSvc/sql01 (Kerberoasting), among ordinary DNS, TLS, SMB and AES Kerberos traffic. dns.log, smb_files.log, x509.log and conn.log are Zeek TSV; http.log, ssl.log and kerberos.log are Zeek JSON. Expected alerts: Zeek DNS TXT tunnelling 6; proxy script download 1; Zeek Kerberos RC4 TGS 1.',
    source: 'scripts/datasets/other/zeek.ts',
    files: [tsvFile('dns', dns), jsonFile('http', http), jsonFile('ssl', b.ssl), tsvFile('x509', b.x509), jsonFile('kerberos', krb), tsvFile('smb_files', smb), tsvFile('conn', b.conns)],
  };
}

export function zeekBenign(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:zeek_benign_web_dns');
  const b = background(rng, DAY + 3600, 30);
  const txt = dnsRow(rng, DAY + 3700, 'example.com', 'TXT', ['v=spf1 -all']);
  const http: Row[] = [
    { ...conn(rng, DAY + 3610, WKS, WEB[1], 80), trans_depth: 1, method: 'GET', host: 'updates.example.org', uri: '/docs/setup.html', version: '1.1', user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0', request_body_len: 0, response_body_len: 9120, status_code: 200, status_msg: 'OK', tags: [], resp_fuids: [], resp_mime_types: ['text/html'] },
    { ...conn(rng, DAY + 3620, WKS, WEB[1], 80), trans_depth: 2, method: 'POST', host: 'updates.example.org', uri: '/scripts/upload.ps1', version: '1.1', user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0', request_body_len: 2210, response_body_len: 12, status_code: 201, status_msg: 'Created', tags: [], resp_fuids: [], resp_mime_types: [] },
  ];
  const krb = [kerberos(rng, DAY + 3630, 'MSSQLSvc/sql01.corp.example.com:1433', 'aes256-cts-hmac-sha1-96'), kerberos(rng, DAY + 3640, 'HTTP/intranet.corp.example.com', 'aes256-cts-hmac-sha1-96')];
  return {
    name: 'zeek_benign_web_dns', kind: 'benign', techniques: [], hosts: ['WKS-07 (10.0.2.31)', 'DC-01 (10.0.0.10)'],
    description: 'Everyday Zeek logs of WKS-07: A lookups and one TXT lookup of a bare domain (an SPF record), web pages and an uploaded (POSTed, not fetched) .ps1 over HTTP, TLS sessions with their certificates, and AES Kerberos service tickets, including one for MSSQLSvc. Near misses for the Zeek and proxy rules. Expected alerts: none.',
    source: 'scripts/datasets/other/zeek.ts',
    files: [tsvFile('dns', [...b.dns, txt].sort((x, y) => (x.ts as number) - (y.ts as number))), jsonFile('http', http), jsonFile('ssl', b.ssl), tsvFile('x509', b.x509), jsonFile('kerberos', krb), tsvFile('conn', b.conns)],
  };
}
