/** `dac run` output: fits the width, per-kind key fields, --fields, and result rows for row-shaping queries. */
import { describe, expect, it } from 'vitest';
import { cut, renderTable } from '../../engine/cli/run-output.ts';
import type { Alert } from '../../engine/runtime/index.ts';
import { events } from '../support/events.ts';

const [proc, svc] = events([
  { 'event.category': ['process'], 'event.code': '1', 'host.name': 'ws1', 'process.command_line': `cmd /c ${'x'.repeat(5000)}` },
  { 'event.code': '7045', 'host.name': 'srv1', 'service.name': 'PSEXESVC', 'winlog.event_data.ImagePath': '%SystemRoot%\\PSEXESVC.exe' },
]);
const alert = (ev: typeof proc, fields: Alert['fields'] = {}): Alert => ({ ruleId: 'q', events: [ev], fields, ts: ev.ts });

describe('dac run table', () => {
  it('fits every line in the width, cutting the long value with an ellipsis', () => {
    const out = renderTable([alert(proc)], { width: 100 });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(out).toContain('…');
    expect(cut('a\nb', 10)).toBe('a b');
  });
  it('shows the key fields of each kind of event, or the ones asked for', () => {
    expect(renderTable([alert(svc)])).toContain('service.name=PSEXESVC winlog.event_data.ImagePath=%SystemRoot%\\PSEXESVC.exe');
    expect(renderTable([alert(svc)], { width: 0, fields: ['host.name'] })).toContain('host.name=srv1');
  });
  it('prints result rows (stats, table) with their columns instead of events', () => {
    const out = renderTable([alert(proc, { 'host.name': 'ws1', count: 3 }), alert(svc, { 'host.name': 'srv1', count: 1 })]);
    expect(out.split('\n')[0]).toMatch(/^host\.name\s+count$/);
    expect(out).toMatch(/ws1\s+3/);
    expect(out).not.toContain('sequence');
  });
});
