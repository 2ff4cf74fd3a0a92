/** Sigma `attack.*` tags are read once, by the loader; checks, harness and exports use the result. */
import { describe, expect, it } from 'vitest';
import { sigmaAttackTags } from '../../engine/rule/load-sigma.ts';

describe('sigmaAttackTags', () => {
  it('splits techniques, tactics, malformed techniques; skips groups/software and other tags', () => {
    const r = sigmaAttackTags(['attack.t1053.005', 'ATTACK.T1021', 'attack.lateral_movement', 'attack.execution', 'attack.t12', 'attack.g0016', 'attack.s0002', 'cve.2021-1234', 42]);
    expect(r.attack.map((m) => [m.technique.id, m.technique.path])).toEqual([['T1053.005', ['tags', 0]], ['T1021', ['tags', 1]]]);
    expect(r.attackTags).toEqual([
      { kind: 'tactic', name: 'lateral_movement', path: ['tags', 2] },
      { kind: 'tactic', name: 'execution', path: ['tags', 3] },
      { kind: 'malformed-technique', name: 't12', path: ['tags', 4] },
    ]);
  });
  it('reads nothing from a missing or non-list tags value', () => {
    expect(sigmaAttackTags(undefined)).toEqual({ attack: [], attackTags: [] });
    expect(sigmaAttackTags('attack.t1059')).toEqual({ attack: [], attackTags: [] });
  });
});
