/**
 * The generated field catalogues (engine/ir/catalogues, from detection-rules' etc/ schemas) and
 * their choice per index pattern (issue 20 item 2).
 */
import { describe, expect, it } from 'vitest';
import { catalogueForIndices, catalogueSources, ecsFieldType } from '../../engine/ir/catalogues/index.ts';
import { ECS_CATALOG } from '../../engine/ir/fields.ts';
import { techniqueRedirect } from '../../engine/attack/redirects.ts';

describe('field catalogues', () => {
  it('hold full ECS with its own types (wildcard, match_only_text multi-fields)', () => {
    expect(ecsFieldType('process.command_line')).toBe('wildcard');
    expect(ecsFieldType('process.command_line.text')).toBe('match_only_text');
    expect(ecsFieldType('data_stream.dataset')).toBe('keyword');
    expect(ecsFieldType('url.full')).toBe('wildcard');
    expect(ecsFieldType('process.interactive')).toBe('boolean');
    expect(ecsFieldType('no.such.field')).toBeUndefined();
    expect(catalogueSources()[0]).toMatch(/^elastic\/detection-rules etc\/ecs_schemas\/[\d.]+\/ecs_flat\.json\.gz @ /);
  });

  it('add the non-ECS fields of exactly the named index pattern, and the Endpoint and Endgame schemas', () => {
    const win = catalogueForIndices(['winlogbeat-*']);
    expect(win.typeOf('powershell.file.script_block_text')).toBeDefined();
    expect(catalogueForIndices(['logs-aws.cloudtrail-*']).typeOf('powershell.file.script_block_text')).toBeUndefined();
    expect(catalogueForIndices(['logs-endpoint.events.process-*']).typeOf('process.Ext.ancestry')).toBe('keyword');
    expect(catalogueForIndices(['logs-windows.*']).typeOf('process.Ext.ancestry')).toBeUndefined();
    expect(catalogueForIndices(['endgame-*']).typeOf('endgame.metadata.type')).toBe('keyword');
  });

  it('are open (unknown field = warning) unless every index is one they describe in full', () => {
    expect(catalogueForIndices(['winlogbeat-*']).open).toBe(true);
    expect(catalogueForIndices([]).open).toBe(true);
    expect(catalogueForIndices(['endgame-*']).open).toBe(false);
    expect(catalogueForIndices(['endgame-*', 'logs-windows.*']).open).toBe(true);
  });

  it("fall back to dac's own catalogue and to flattened/childless object parents", () => {
    const c = catalogueForIndices(['winlogbeat-*'], ECS_CATALOG);
    expect(c.typeOf('winlog.event_data.AnyName')).toBe('keyword');
    expect(c.typeOf('labels.team')).toBe('keyword');
    expect(c.typeOf('process.nme')).toBeUndefined();
  });

  it('map revoked techniques to their replacement as detection-rules does', () => {
    expect(techniqueRedirect('T1168')).toBe('T1053');
    expect(techniqueRedirect('t1168')).toBe('T1053');
    expect(techniqueRedirect('T1059')).toBeUndefined();
  });
});
