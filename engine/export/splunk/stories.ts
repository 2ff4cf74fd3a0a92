/**
 * security_content's analytic stories (stories/*.yml under the repo root): name, date, version,
 * author, description, narrative, references, tags.category. A file that does not parse or lacks
 * a name is reported, never fatal; only files inside <root>/stories are read, each as the rule
 * loader reads YAML (engine/source/yaml-source.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlSource } from '../../source/yaml-source.ts';
import { isoDate } from '../meta.ts';

export interface Story {
  readonly name: string; readonly date: string; readonly version: string; readonly author: string;
  readonly description: string; readonly narrative?: string; readonly references: readonly string[];
  readonly category: string; readonly status: string;
}

type Doc = Record<string, unknown>;
const rec = (v: unknown): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : d);

export function loadStories(root: string): { stories: Story[]; problems: string[] } {
  const dir = join(root, 'stories');
  const stories: Story[] = [];
  const problems: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { stories, problems };
  for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    // The rule loader's YAML reading, so a story parses wherever PyYAML (contentctl's) reads it.
    const parsed = parseYamlSource(readFileSync(p, 'utf8'), `stories/${f}`);
    const err = parsed.diagnostics.find((d) => d.severity === 'error');
    if (err) { problems.push(`stories/${f}: ${err.message.split('\n')[0]}`); continue; }
    const doc = rec(parsed.docs[0]?.value);
    const name = str(doc.name);
    if (!name) { problems.push(`stories/${f}: no name`); continue; }
    const tags = rec(doc.tags);
    const category = Array.isArray(tags.category) && typeof tags.category[0] === 'string' ? tags.category[0] : str(tags.category);
    stories.push({
      name, date: isoDate(doc.date) ?? str(doc.date), version: str(doc.version, '1'), author: str(doc.author),
      description: str(doc.description), ...(typeof doc.narrative === 'string' ? { narrative: doc.narrative } : {}),
      references: Array.isArray(doc.references) ? doc.references.filter((r): r is string => typeof r === 'string') : [],
      category, status: str(doc.status, 'production'),
    });
  }
  return { stories, problems };
}
