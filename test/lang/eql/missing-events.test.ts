/**
 * Elasticsearch's own QA cases for missing events `![…]` (the only truth for `!`: the reference
 * engine disagrees on most) and the sequence/until examples of the EQL documentation.
 */
import { expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { compileEql } from '../../../engine/lang/eql/index.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { describeShared } from '../../support/shared.ts';
import { alertIds, esEvents, readShared } from './support.ts';

interface MissingSuite { id_field: string; placeholder: number; data: string; queries: { name: string; query: string; expected_event_ids: number[] }[] }
interface DocsExample { name: string; query: string; events: Record<string, unknown>[]; expected_sequences: number[][] }

describeShared('Elasticsearch missing-event cases', ['eql', 'elasticsearch', 'test_missing_events.json'], () => {
  const suite = readShared<MissingSuite>('eql', 'elasticsearch', 'test_missing_events.json');
  const events = esEvents(readShared<Record<string, unknown>[]>('eql', 'elasticsearch', suite.data), suite.data);

  it('has the 26 cases', () => expect(suite.queries.length).toBe(26));

  it.each(suite.queries.map((q) => [q.name, q] as const))('%s', (_n, q) => {
    const { query, errors } = compileEql(q.query);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(alertIds(query!, runQuery(query!, events), suite.id_field, suite.placeholder)).toEqual(q.expected_event_ids);
  });
});

describeShared('EQL documentation sequence examples', ['eql', 'elasticsearch', 'docs_examples.json'], () => {
  const examples = readShared<DocsExample[]>('eql', 'elasticsearch', 'docs_examples.json');
  it.each(examples.map((x) => [x.name, x] as const))('%s', (_n, x) => {
    const { query, errors } = compileEql(x.query);
    expect(errors).toEqual([]);
    const alerts = runQuery(query!, esEvents(x.events, x.name));
    expect(alerts.map((a) => a.events.map((e) => e.fields.id))).toEqual(x.expected_sequences);
  });
});
