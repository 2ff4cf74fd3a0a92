/** The Splunk seed ("Schtasks Run Task On Demand") compiled verbatim and run on hand-built events. */
import { expect, it } from 'vitest';
import { compileSpl } from '../../../engine/lang/spl/index.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { describeShared } from '../../support/shared.ts';
import { ESCU_MACROS, proc, seedSearch } from './fixtures.ts';

const SEED = 'splunk_schtasks_run_task_on_demand.txt';

describeShared('SPL seed: Schtasks Run Task On Demand', ['seeds', SEED], () => {
  const compile = () => {
    const r = compileSpl(seedSearch(SEED), { macros: ESCU_MACROS });
    expect(r.diagnostics).toEqual([]);
    return r.query!;
  };

  it('compiles to a pipeline over Endpoint.Processes with Splunk column names', () => {
    const q = compile();
    expect(q.kind).toBe('pipeline');
    if (q.kind !== 'pipeline') return;
    expect(q.stages.map((s) => s.kind)).toEqual(['aggregate', 'rename', 'eval', 'eval']);
  });

  const events = [
    // group 1: two runs on WS1 by ACME\alice from cmd.exe
    proc('2024-03-05T10:00:01.250Z', { name: 'schtasks.exe', cmd: 'schtasks /run /tn Updater', parent: 'cmd.exe', host: 'WS1', user: 'ACME\\alice', pid: 4242 }),
    proc('2024-03-05T10:07:30.000Z', { name: 'schtasks.exe', cmd: 'schtasks.exe /RUN /TN "Evil"', parent: 'cmd.exe', host: 'WS1', user: 'ACME\\alice', pid: 512 }),
    // group 2: same host and user, other parent
    proc('2024-03-05T11:00:00.000Z', { name: 'schtasks.exe', cmd: 'schtasks /run /tn A', parent: 'powershell.exe', host: 'WS1', user: 'ACME\\alice', pid: 100 }),
    // group 3: other host
    proc('2024-03-05T12:00:00.000Z', { name: 'schtasks.exe', cmd: 'schtasks /run /tn B', parent: 'cmd.exe', host: 'SRV2', user: 'ACME\\svc', pid: 7 }),
    // near misses: /query, another binary with /run
    proc('2024-03-05T12:30:00.000Z', { name: 'schtasks.exe', cmd: 'schtasks /query /fo LIST', parent: 'cmd.exe', host: 'WS1', user: 'ACME\\alice', pid: 8 }),
    proc('2024-03-05T12:31:00.000Z', { name: 'cmd.exe', cmd: 'cmd /c echo /run', parent: 'explorer.exe', host: 'WS1', user: 'ACME\\alice', pid: 9 }),
  ];

  it('raises one alert per (process_name, parent_process_name, dest, user) with count, firstTime, lastTime', () => {
    const alerts = runQuery(compile(), events);
    const rows = alerts.map((a) => a.fields).sort((a, b) => String(a.firstTime).localeCompare(String(b.firstTime)));
    expect(rows).toHaveLength(3);
    // `/RUN` matches `*/run*`: search values compare case-insensitively.
    expect(rows[0]).toEqual({
      process_name: 'schtasks.exe', parent_process_name: 'cmd.exe', dest: 'WS1', user: 'ACME\\alice', count: 2,
      process: ['schtasks /run /tn Updater', 'schtasks.exe /RUN /TN "Evil"'], process_id: [4242, 512],
      firstTime: '2024-03-05T10:00:01', lastTime: '2024-03-05T10:07:30',
    });
    expect(rows[1]).toMatchObject({ parent_process_name: 'powershell.exe', dest: 'WS1', count: 1, firstTime: '2024-03-05T11:00:00', lastTime: '2024-03-05T11:00:00' });
    expect(rows[2]).toMatchObject({ parent_process_name: 'cmd.exe', dest: 'SRV2', user: 'ACME\\svc', count: 1, process_id: [7] });
    expect(Object.keys(rows[0]!).sort()).toEqual(['count', 'dest', 'firstTime', 'lastTime', 'parent_process_name', 'process', 'process_id', 'process_name', 'user']);
  });

  it('stays silent on the near misses alone', () => {
    expect(runQuery(compile(), events.slice(4))).toEqual([]);
  });
});
