/** `dac attack info|lookup|update`: the bundled ATT&CK catalogue — its version, lookups, and replacing it with a newer release. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildCatalogue, CatalogueInputError } from '../attack/build-catalogue.ts';
import { attackCatalogue, type Technique } from '../attack/catalogue.ts';

function info(opts: { format: string }): void {
  const cat = attackCatalogue();
  const c = cat.counts();
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ version: cat.version, modified: cat.modified, ...c, attribution: cat.attribution }, null, 2) + '\n');
    return;
  }
  process.stdout.write([
    `MITRE ATT&CK Enterprise ${cat.version} (${cat.modified.slice(0, 10)})`,
    `  tactics:        ${c.tactics}`,
    `  techniques:     ${c.techniques}`,
    `  sub-techniques: ${c.subtechniques}`,
    `  deprecated:     ${c.deprecated}`,
    `  revoked:        ${c.revoked}`,
    cat.attribution,
    '',
  ].join('\n'));
}

function lookup(words: string[], opts: { format: string }): void {
  const cat = attackCatalogue();
  const query = words.join(' ');
  const found = cat.search(query);
  const describe = (t: Technique) => ({
    id: t.id,
    name: t.name,
    tactics: t.tactics.map((s) => { const tac = cat.tacticByShortname(s); return { id: tac?.id ?? '', shortname: s, name: tac?.name ?? s }; }),
    ...(t.id.includes('.') ? { parent: { id: t.id.split('.')[0], name: cat.technique(t.id.split('.')[0])?.name ?? '' } } : { subtechniques: cat.subtechniques(t.id).filter((s) => !s.revoked && !s.deprecated).map((s) => ({ id: s.id, name: s.name })) }),
    status: t.revoked ? 'revoked' : t.deprecated ? 'deprecated' : 'current',
    ...(t.replacedBy ? { replacedBy: t.replacedBy } : {}),
    url: `https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/`,
  });
  const techniques = found.techniques.map(describe);
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ query, attack: cat.version, techniques, tactics: found.tactics }, null, 2) + '\n');
  } else {
    const out: string[] = [];
    for (const tac of found.tactics) out.push(`${tac.id}  ${tac.name} (tactic; ${tac.shortname})`);
    for (const t of techniques) {
      out.push(`${t.id}  ${t.name}${t.status === 'current' ? '' : ` [${t.status}${t.replacedBy ? `, use ${t.replacedBy}` : ''}]`}`);
      out.push(`    tactics: ${t.tactics.map((x) => `${x.id} ${x.name}`).join(', ') || '-'}`);
      if ('parent' in t && t.parent) out.push(`    parent:  ${t.parent.id} ${t.parent.name}`);
      if ('subtechniques' in t && t.subtechniques?.length) out.push(`    sub-techniques: ${t.subtechniques.map((s) => `${s.id} ${s.name}`).join('; ')}`);
    }
    if (!out.length) out.push(`nothing in ATT&CK ${cat.version} matches '${query}'`);
    process.stdout.write(out.join('\n') + '\n');
  }
  if (!techniques.length && !found.tactics.length) process.exitCode = 1;
}

function update(file: string, opts: { license?: string }): void {
  const bundlePath = resolve(file);
  const licensePath = resolve(opts.license ?? join(dirname(bundlePath), 'LICENSE.txt'));
  if (!existsSync(licensePath)) {
    process.stderr.write(`dac attack update: ${licensePath} not found: MITRE's license must travel with the catalogue (pass --license FILE)\n`);
    process.exitCode = 2;
    return;
  }
  let built;
  try {
    // The provenance file's title names the release, when MITRE's bundle comes with one.
    const provenanceFile = join(dirname(licensePath), 'PROVENANCE.md');
    const provenance = existsSync(provenanceFile) ? (readFileSync(provenanceFile, 'utf8').split('\n')[0] ?? '').replace(/^#\s*/, '') : `ATT&CK bundle ${basename(bundlePath)}`;
    built = buildCatalogue(JSON.parse(readFileSync(bundlePath, 'utf8')), readFileSync(licensePath, 'utf8'), provenance);
  } catch (e) {
    const why = e instanceof CatalogueInputError || e instanceof SyntaxError ? e.message : String(e);
    process.stderr.write(`dac attack update: ${bundlePath}: ${why}\n`);
    process.exitCode = 1;
    return;
  }
  // The catalogue beside the running module; when running the build (dist/), the source copy too,
  // so the next build does not bring the old one back.
  const here = fileURLToPath(new URL('../attack/catalogue.json', import.meta.url));
  const targets = [here];
  const source = here.replace(/[\\/]dist[\\/]engine[\\/]/, '/engine/');
  if (source !== here && existsSync(source)) targets.push(source);
  for (const t of targets) writeFileSync(t, built.text);
  process.stdout.write(`ATT&CK ${built.version}: ${built.tactics} tactics, ${built.live} live techniques and sub-techniques, ${built.ids} IDs → ${targets.join(', ')}\n`);
}

export function register(program: Command): void {
  const attack = program.command('attack').description('the bundled MITRE ATT&CK catalogue');
  attack.command('info')
    .description('ATT&CK version and counts of the bundled catalogue')
    .option('--format <format>', 'text or json', 'text')
    .action(info);
  attack.command('lookup')
    .description('find techniques and tactics by ID or name: dac attack lookup T1021.002 | dac attack lookup remote services')
    .argument('<query...>', 'an ID (T1021.002, TA0008) or words of a name')
    .option('--format <format>', 'text or json', 'text')
    .action(lookup);
  attack.command('update')
    .description('replace the bundled catalogue with one built from a STIX 2.1 ATT&CK Enterprise bundle (enterprise-attack.json)')
    .argument('<file>', 'the STIX bundle')
    .option('--license <file>', "MITRE's LICENSE.txt (default: LICENSE.txt beside the bundle)")
    .action(update);
}
