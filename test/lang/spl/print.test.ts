import { describe, expect, it } from 'vitest';
import { compileSpl } from '../../../engine/lang/spl/index.ts';
import { printSpl } from '../../../engine/lang/spl/print.ts';
import { compileCar } from '../../../engine/lang/car/index.ts';
import type { IrQuery } from '../../../engine/ir/types.ts';
import { describeShared } from '../../support/shared.ts';
import { ESCU_MACROS, seedSearch } from './fixtures.ts';

const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' ? undefined : v)));
const ir = (text: string): IrQuery => {
  const r = compileSpl(text, { macros: ESCU_MACROS });
  expect(r.diagnostics).toEqual([]);
  return r.query!;
};
/** parse → IR → print → parse → the same IR. */
function roundTrip(text: string): string {
  const q = ir(text);
  const p = printSpl(q);
  expect(p.problems).toEqual([]);
  expect(strip(ir(p.text))).toEqual(strip(q));
  return p.text;
}

describeShared('SPL print: the seed round-trips', ['seeds', 'splunk_schtasks_run_task_on_demand.txt'], () => {
  it('prints tstats over CIM and parses back to the same IR', () => {
    const text = roundTrip(seedSearch('splunk_schtasks_run_task_on_demand.txt'));
    expect(text.startsWith('| tstats summariesonly=false allow_old_summaries=true fillnull_value=null values(Processes.process) as process')).toBe(true);
    expect(text).toContain('from datamodel=Endpoint.Processes where Processes.process_name="schtasks.exe" Processes.process="*/run*" by Processes.process_name');
    expect(text).toContain('| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)');
  });
});

describe('SPL print', () => {
  it.each([
    '| tstats count from datamodel=Endpoint.Registry where Registry.registry_path="*\\\\Run\\\\*" (Registry.action=modified OR Registry.action=created) by Registry.dest Registry.user',
    '| tstats dc(All_Traffic.dest_port) as ports from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest_port>1024 NOT All_Traffic.transport=udp by All_Traffic.src_ip',
    'sourcetype=XmlWinEventLog source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 Image="*\\\\schtasks.exe" CommandLine!="*/query*"',
    'sourcetype=XmlWinEventLog EventCode=1 | stats count min(_time) as t values(CommandLine) as c by Computer | where count > 2 AND like(c, "%x_") | eval u=upper(c) . "!" | rename Computer AS dest | table dest u | dedup dest | head 3',
    'sourcetype=XmlWinEventLog EventCode IN (1, 4688) "mimikatz" | search user="*admin*" | fields - x | sort -count',
  ])('round-trips %s', (text) => { roundTrip(text); });

  it('prints an ECS query from another language as a raw Sysmon search', () => {
    const car = compileCar('p = search Process:Create\nq = filter p where (image_path == "*\\\\schtasks.exe")\noutput q').query!;
    const p = printSpl(car);
    expect(p.text).toBe('search sourcetype=XmlWinEventLog event.category="process" event.type="start" Image="*\\\\schtasks.exe"');
    expect(p.problems).toEqual(['field event.category has no Windows TA name', 'field event.type has no Windows TA name']);
  });
});
