import { describe, expect, it } from 'vitest';
import { checkAttack } from '../../engine/attack/check.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';

const codes = (text: string, file: string) => checkAttack(loadRuleSource(text, file).rules[0]).map((d) => d.code);

describe('ATT&CK checks per dialect', () => {
  it('ESCU mitre_attack_id: revoked names the replacement', () => {
    const d = checkAttack(loadRuleSource('name: x\nsearch: a\ntags:\n  mitre_attack_id:\n  - T1168\n', 'x.yml').rules[0]);
    expect(d.map((x) => x.code)).toEqual(['attack/revoked']);
    expect(d[0].message).toContain('use T1053');
  });
  it('Sigma tags: techniques, tactics, groups and bad tags', () => {
    expect(codes('title: x\ndetection: {condition: a}\ntags: [attack.t1053.005, attack.execution, attack.g0016, attack.command_and_control]\n', 's.yml')).toEqual([]);
    expect(codes('title: x\ndetection: {condition: a}\ntags: [attack.t1000, attack.t1053.009, attack.exec, attack.t1021.099, attack.t9999]\n', 's.yml')).toEqual(['attack/unknown-technique', 'attack/newer-than-catalogue', 'attack/unknown-technique', 'attack/unknown-technique', 'attack/bad-tag']);
  });
  it('Elastic threat with only a tactic: the tactic is still checked', () => {
    const text = '[rule]\nname = "x"\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n[rule.threat.tactic]\nid = "TA0002"\nname = "Persistence"\nreference = "https://attack.mitre.org/tactics/TA0002/"\n';
    expect(codes(text, 'e.toml')).toEqual(['attack/tactic-name-mismatch']);
  });
  it('CAR coverage: a sub-technique whose tactic is fine passes', () => {
    expect(codes('id: CAR-2015-04-002\ntitle: t\nimplementations: []\ncoverage:\n  - technique: T1053\n    tactics: [TA0003]\n    subtechniques: [T1053.005]\n', 'c.yml')).toEqual([]);
  });
});
