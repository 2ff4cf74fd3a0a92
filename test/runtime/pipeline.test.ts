import { describe, expect, it } from 'vitest';
import { Engine, runQuery } from '../../engine/runtime/index.ts';
import type { PipelineQuery } from '../../engine/ir/types.ts';
import { events } from '../support/events.ts';
import { cmp, eq, ev, f, like } from '../support/ir.ts';

/** SPL's `_time`, as the SPL front-end writes it (lang/spl/scope.ts). */
const TIME = { kind: 'call', fn: 'spl.epoch', args: [f('@timestamp')], caseInsensitive: false } as const;

const procs = events([
  { 'process.name': 'schtasks.exe', 'process.command_line': 'schtasks /run /tn A', 'host.name': 'h1', 'user.name': 'u', '@timestamp': new Date(5000).toISOString(), ts: 5000 },
  { 'process.name': 'schtasks.exe', 'process.command_line': 'schtasks /query', 'host.name': 'h1', 'user.name': 'u', '@timestamp': new Date(6000).toISOString(), ts: 6000 },
  { 'process.name': 'schtasks.exe', 'process.command_line': 'schtasks /run /tn B', 'host.name': 'h2', 'user.name': 'u', '@timestamp': new Date(7000).toISOString(), ts: 7000 },
  { 'process.name': 'schtasks.exe', 'process.command_line': 'schtasks /run /tn C', 'host.name': 'h1', 'user.name': 'u', '@timestamp': new Date(9000).toISOString(), ts: 9000 },
]);

describe('pipelines', () => {
  it('aggregates per group, sorted by the group keys, with the events behind each row', () => {
    const q: PipelineQuery = {
      kind: 'pipeline',
      source: ev(like('process.command_line', true, '*/run*'), 'boolean'),
      stages: [
        { kind: 'aggregate', groupBy: [{ name: 'Processes.dest', expr: f('host.name') }], aggregates: [
          { name: 'count', fn: 'count' }, { name: 'firstTime', fn: 'min', arg: TIME }, { name: 'lastTime', fn: 'max', arg: TIME },
          { name: 'process', fn: 'values', arg: f('process.command_line') },
        ] },
        { kind: 'rename', pairs: [{ from: 'Processes.*', to: '*' }] },
      ],
    };
    const alerts = runQuery(q, procs);
    expect(alerts.map((a) => a.fields)).toEqual([
      { dest: 'h1', count: 2, firstTime: 5, lastTime: 9, process: ['schtasks /run /tn A', 'schtasks /run /tn C'] },
      { dest: 'h2', count: 1, firstTime: 7, lastTime: 7, process: ['schtasks /run /tn B'] },
    ]);
    expect(alerts[0].events.map((e) => e.seq)).toEqual([0, 3]);
  });
  it('windowed aggregates emit as soon as the following filter accepts, then start afresh', () => {
    const q: PipelineQuery = {
      kind: 'pipeline', source: ev(eq('process.name', 'schtasks.exe')),
      stages: [
        { kind: 'aggregate', groupBy: [{ name: 'h', expr: f('host.name') }], aggregates: [{ name: 'n', fn: 'count' }], windowMs: 3500 },
        { kind: 'filter', predicate: cmp('n', '>=', 2), logic: 'boolean' },
      ],
    };
    const alerts = runQuery(q, procs);
    expect(alerts.map((a) => [a.fields.h, a.fields.n, a.ts])).toEqual([['h1', 2, 6000]]);
  });
  it('a windowed group raises one alert per window, absorbing the rest of the window that fired', () => {
    const q: PipelineQuery = {
      kind: 'pipeline', source: ev(eq('process.name', 'schtasks.exe')),
      stages: [
        { kind: 'aggregate', groupBy: [{ name: 'h', expr: f('host.name') }], aggregates: [{ name: 'n', fn: 'count' }], windowMs: 3000 },
        { kind: 'filter', predicate: cmp('n', '>=', 1), logic: 'boolean' },
      ],
    };
    // h1 at 5s fires; h1 at 6s falls in the window 5s..8s and is absorbed; h1 at 9s opens a new window.
    expect(runQuery(q, procs).map((a) => [a.fields.h, a.ts])).toEqual([['h1', 5000], ['h2', 7000], ['h1', 9000]]);
  });
  it('eval, project, dedup, sort, head and tail', () => {
    const q: PipelineQuery = {
      kind: 'pipeline', source: ev(eq('process.name', 'schtasks.exe')),
      stages: [
        { kind: 'eval', assignments: [{ name: 'h', expr: f('host.name') }] },
        { kind: 'dedup', fields: ['h'] },
        { kind: 'project', fields: ['h'] },
        { kind: 'sort', keys: [{ field: 'h', desc: true }] },
        { kind: 'head', n: 1 },
      ],
    };
    expect(runQuery(q, procs).map((a) => a.fields)).toEqual([{ h: 'h2' }]);
    const tail: PipelineQuery = { kind: 'pipeline', source: ev(eq('process.name', 'schtasks.exe')), stages: [{ kind: 'tail', n: 2 }] };
    expect(runQuery(tail, procs).map((a) => a.events[0].seq)).toEqual([2, 3]);
  });
});

describe('Engine', () => {
  it('dispatches by category and keeps rules isolated', () => {
    const d = events([{ 'event.category': ['process'], n: 1 }, { 'event.category': ['network'], n: 2 }]);
    const engine = new Engine([
      { id: 'p', query: ev(eq('event.category', 'process')) },
      { id: 'any', query: ev(cmp('n', '>', 0)) },
      { id: 'bad', query: ev({ kind: 'truthy', expr: { kind: 'call', fn: 'nope.fn', args: [], caseInsensitive: false } }) },
    ]);
    for (const e of d) engine.push(e);
    const alerts = engine.finish();
    expect(alerts.map((a) => a.ruleId)).toEqual(['p', 'any', 'any']);
    expect(engine.errors.map((e) => e.ruleId)).toEqual(['bad']);
  });
});
