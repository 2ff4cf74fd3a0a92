/**
 * The layer order of DESIGN.md holds for every import of engine/ (scripts/layers.ts): a new import
 * from a lower layer to a higher one, or a new cycle, fails here with its file and reason.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, cycles, forbidden } from '../../scripts/layers.ts';
import { REPO_ROOT } from '../support/shared.ts';

describe('engine/ layer order', () => {
  it('has no import against the layer order and no cycle', () => {
    const r = checkLayers(REPO_ROOT);
    expect(r.files).toBeGreaterThan(100);
    expect(r.violations.map((v) => `${v.from} -> ${v.to}: ${v.why}`)).toEqual([]);
    expect(r.folderCycles).toEqual([]);
    expect(r.fileCycles).toEqual([]);
  });
});

describe('the layer check', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dac-layers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
  };

  it('allows down, listed same-layer pairs; forbids up and unlisted same-layer pairs', () => {
    expect(forbidden('lang', 'rule')).toBeUndefined();
    expect(forbidden('report', 'harness')).toBeUndefined();
    expect(forbidden('rule', 'lang')).toMatch(/higher layer/);
    expect(forbidden('attack', 'rule')).toMatch(/share layer 2/);
    expect(forbidden('nowhere', 'ir')).toMatch(/no layer/);
  });

  it('finds an upward import, a multi-line type import and a cycle; ignores imports in comments and strings', () => {
    write('engine/rule/model.ts', "import type {\n  CompileEnv,\n} from '../lang/types.ts';\n// import { x } from '../cli/main.ts';\nconst s = \"from '../cli/main.ts'\";\n");
    write('engine/lang/types.ts', "import type { Rule } from '../rule/model.ts';\nimport { a } from './a.ts';\n");
    write('engine/lang/a.ts', "export { b } from './types.ts';\n");
    const r = checkLayers(tmp);
    expect(r.violations.map((v) => `${v.from} -> ${v.to}`)).toEqual(['engine/rule/model.ts -> engine/lang/types.ts']);
    expect(r.folderCycles).toEqual([['lang', 'rule']]);
    expect(r.fileCycles).toEqual([['engine/lang/a.ts', 'engine/lang/types.ts', 'engine/rule/model.ts']]);
  });

  it('reports each strongly connected component once', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['a', 'c'])], ['c', new Set<string>()], ['d', new Set(['d'])]]);
    expect(cycles(g)).toEqual([['a', 'b']]);
  });
});
