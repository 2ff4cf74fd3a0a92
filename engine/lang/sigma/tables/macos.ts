/**
 * Sigma's macOS log sources → ECS-categorised events on macOS hosts (Elastic Defend, ESF
 * collectors), with pySigma's ecs_macos_esf taxonomy names (its `.caseless` subfields dropped:
 * dac states case rules on the predicate, not in the field name).
 */
import { ecsEvent, FILE_FIELDS, is, NETWORK_FIELDS, type SourceSpec } from './source-spec.ts';

/** macOS: pySigma's ecs_macos_esf taxonomy → ECS, over Elastic Defend / ESF process and file events. */
const MACOS_FIELDS: Readonly<Record<string, string>> = {
  ...FILE_FIELDS, User: 'process.user.name', UserId: 'process.user.id', SigningID: 'process.code_signature.signing_id',
  TeamID: 'process.code_signature.team_id', SignatureStatus: 'process.code_signature.status', Signed: 'process.code_signature.exists',
  TargetImage: 'target.process.executable', TargetProcessId: 'target.process.pid',
};

export const MACOS_SOURCES: readonly SourceSpec[] = [
  { product: 'macos', category: 'process_creation', select: ecsEvent('process', ['start'], 'macos'), fields: MACOS_FIELDS, source: 'pySigma ecs_macos_esf' },
  { product: 'macos', category: 'file_event', select: ecsEvent('file', ['creation'], 'macos'), fields: MACOS_FIELDS, source: 'pySigma ecs_macos_esf' },
  { product: 'macos', category: 'file_delete', select: ecsEvent('file', ['deletion'], 'macos'), fields: MACOS_FIELDS, source: 'pySigma ecs_macos_esf' },
  { product: 'macos', category: 'file_rename', select: ecsEvent('file', ['change'], 'macos'), fields: MACOS_FIELDS, source: 'pySigma ecs_macos_esf' },
  { product: 'macos', category: 'network_connection', select: ecsEvent('network', ['start', 'connection'], 'macos'), fields: { ...NETWORK_FIELDS, ...MACOS_FIELDS }, source: 'pySigma ecs_macos_esf' },
  { product: 'macos', select: is('host.os.type', 'macos'), fields: MACOS_FIELDS, source: 'ECS host.os.type' },
];
