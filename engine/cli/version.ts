/** dac's version, from package.json (read once; found by walking up, so it works from engine/ and from dist/engine/). */
import { existsSync, readFileSync } from 'node:fs';

function findVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const pkg = new URL('package.json', dir);
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'dac' && json.version) return json.version;
    }
    if (dir.pathname === '/') return '0.0.0';
  }
}

export const VERSION: string = findVersion();
