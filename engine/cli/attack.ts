/** `dac attack info`: the bundled ATT&CK catalogue's version, counts and MITRE's attribution. */
import type { Command } from 'commander';
import { attackCatalogue } from '../attack/catalogue.ts';

export function register(program: Command): void {
  const attack = program.command('attack').description('the bundled MITRE ATT&CK catalogue');
  attack.command('info')
    .description('ATT&CK version and counts of the bundled catalogue')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: { format: string }) => {
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
    });
}
