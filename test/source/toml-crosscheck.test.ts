/** smol-toml (what dac uses) and @iarna/toml (an independent parser) read the TOML rules alike. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iarna from '@iarna/toml';
import { describe, expect, it } from 'vitest';
import { parseTomlSource } from '../../engine/source/toml-source.ts';
import { REPO_ROOT } from '../support/shared.ts';

function tomlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tomlFiles(join(dir, e.name)) : e.name.endsWith('.toml') ? [join(dir, e.name)] : []));
}

/** @iarna/toml returns objects with symbol keys and Date subclasses; compare plain JSON. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('TOML cross-check', () => {
  const files = tomlFiles(join(REPO_ROOT, 'rules'));
  it('finds TOML rules', () => expect(files.length).toBeGreaterThan(0));
  it.each(files.map((f) => [f.slice(REPO_ROOT.length + 1), f]))('%s', (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    const ours = parseTomlSource(text, file);
    expect(ours.diagnostics).toEqual([]);
    expect(plain(ours.docs[0].value)).toEqual(plain(iarna.parse(text)));
  });
});
