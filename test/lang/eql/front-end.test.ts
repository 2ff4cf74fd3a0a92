/** The front-end API: compileText/compileRule diagnostics (offsets mapped for rules) and the seed rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { frontEnd } from '../../../engine/lang/eql/index.ts';
import { frontEndFor } from '../../../engine/lang/registry.ts';
import { ECS_CATALOG } from '../../../engine/ir/fields.ts';
import type { Rule } from '../../../engine/rule/model.ts';
import type { EcsEvent, EcsFields } from '../../../engine/events/types.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { describeShared, sharedPath } from '../../support/shared.ts';

function ruleWith(text: string, offset: number): Rule {
  return {
    file: 'rules/x.toml', source: ' '.repeat(offset) + text, docIndex: 0, dialect: 'elastic', id: 'r1', name: 'r', description: '',
    language: 'eql', query: { kind: 'text', language: 'eql', text, path: ['rule', 'query'], toFileOffset: (k) => k + offset },
    attack: [], tests: { kind: 'none' }, references: [], tags: [], authors: [], falsePositives: [], document: {}, locate: () => undefined,
  };
}

describe('frontEnd', () => {
  it('is registered for eql (canonicalising its output)', () => expect(frontEndFor('eql')?.language).toBe(frontEnd.language));

  it('compileText leaves offsets in the text and names the origin', () => {
    const r = frontEnd.compileText('process where a = 1', '<q>', {});
    expect(r.query).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'eql/endgame-only', severity: 'error', file: '<q>', span: { start: 16, end: 17 } });
    expect(r.diagnostics[0].hint).toBeTruthy();
  });

  it('compileRule maps query offsets to file offsets and tags the rule', () => {
    const r = frontEnd.compileRule(ruleWith('process where process.nme == "x"', 40), { fields: ECS_CATALOG });
    expect(r.diagnostics[0]).toMatchObject({ code: 'eql/unknown-field', file: 'rules/x.toml', ruleId: 'r1', span: { start: 54, end: 65 } });
  });

  it('compiles a valid rule to IR with no diagnostics', () => {
    const r = frontEnd.compileRule(ruleWith('process where process.name : "cmd.exe"', 0), { fields: ECS_CATALOG });
    expect(r.diagnostics).toEqual([]);
    expect(r.query?.kind).toBe('event');
  });
});

/** The EQL query of the seed rule, as written in its TOML (the file shows line numbers before each line). */
function seedQuery(): string {
  const lines = readFileSync(sharedPath('seeds', 'elastic_remote_scheduled_task_creation.txt'), 'utf8').split('\n').map((l) => l.replace(/^\d+/, ''));
  const a = lines.indexOf("query = '''");
  return lines.slice(a + 1, lines.indexOf("'''", a + 1)).join('\n');
}

const ev = (seq: number, ts: number, fields: EcsFields): EcsEvent => ({ fields, ts, seq, provenance: { dataset: 't', file: 't', record: seq } });
const net = (entity: string): EcsFields => ({
  'event.category': ['network'], 'host.os.type': 'windows', 'host.id': 'h1', 'process.entity_id': entity, 'process.name': 'svchost.exe',
  'network.direction': 'incoming', 'source.port': 50000, 'destination.port': 50001, 'source.ip': '10.0.0.5',
});
const reg = (entity: string, path: string): EcsFields => ({
  'event.category': ['registry'], 'event.type': ['change'], 'host.os.type': 'windows', 'host.id': 'h1', 'process.entity_id': entity,
  'registry.value': 'Actions', 'registry.path': path,
});
const TASK = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{1}\\Actions';

describeShared('seed rule: Remote Scheduled Task Creation', ['seeds', 'elastic_remote_scheduled_task_creation.txt'], () => {
  it('compiles verbatim against the ECS catalogue', () => {
    const r = frontEnd.compileText(seedQuery(), 'seed', { fields: ECS_CATALOG });
    expect(r.diagnostics).toEqual([]);
    expect(r.query).toMatchObject({ kind: 'sequence', maxspanMs: 60_000 });
  });

  it('fires on connection-then-write and not on near misses', () => {
    const q = frontEnd.compileText(seedQuery(), 'seed', { fields: ECS_CATALOG }).query!;
    expect(runQuery(q, [ev(0, 0, net('p1')), ev(1, 1000, reg('p1', TASK))])).toHaveLength(1);
    expect(runQuery(q, [ev(0, 0, net('p1')), ev(1, 1000, reg('p2', TASK))])).toHaveLength(0); // other process
    expect(runQuery(q, [ev(0, 0, net('p1')), ev(1, 61_000, reg('p1', TASK))])).toHaveLength(0); // beyond maxspan
    expect(runQuery(q, [ev(0, 0, reg('p1', TASK)), ev(1, 1000, net('p1'))])).toHaveLength(0); // wrong order
    expect(runQuery(q, [ev(0, 0, { ...net('p1'), 'source.ip': '127.0.0.1' }), ev(1, 1000, reg('p1', TASK))])).toHaveLength(0); // loopback
    expect(runQuery(q, [ev(0, 0, net('p1')), ev(1, 1000, reg('p1', TASK.replace('TaskCache', 'Other')))])).toHaveLength(0);
  });
});
