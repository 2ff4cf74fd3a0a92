/**
 * `dac export --target T [--out DIR] [paths…]`: writes the target's files (one per rule, or one
 * bundle) and lists every rule the target cannot express, with the reason. Output is
 * deterministic. Exit 0 when everything exported, 1 when some rule was unsupported, 2 usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { containedArgs } from './paths.ts';
import { exportContext } from '../export/prepare.ts';
import { exportTargets } from '../export/registry.ts';

export function register(program: Command): void {
  program.command('export')
    .description('export the rule repo to a SIEM format (elastic, splunk, sigma, sentinel, navigator)')
    .argument('[paths...]', 'rule files or folders (default: rules/)')
    .addOption(new Option('--target <target>', 'target format').choices([...exportTargets.keys()]).makeOptionMandatory())
    .option('--out <dir>', 'output folder', 'export')
    .option('--root <dir>', 'repo root (rules/, reports/)', '.')
    .action((paths: string[], opts: { target: string; out: string; root: string }) => {
      const target = exportTargets.get(opts.target)!;
      const root = resolve(opts.root);
      const args = containedArgs(root, paths);
      if (!args.ok) {
        process.stderr.write(`dac export: ${args.message}\n`);
        process.exitCode = 2;
        return;
      }
      const ctx = exportContext(root, paths.length ? args.paths : undefined);
      const result = target.run(ctx);
      const outDir = resolve(opts.out, target.name);
      for (const a of result.artefacts) {
        const p = join(outDir, a.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, a.content);
      }
      const lines = [`${target.name}: ${result.artefacts.length} file(s) in ${outDir}`];
      for (const a of result.artefacts) lines.push(`  wrote ${a.path}`);
      for (const u of result.unsupported) lines.push(`  unsupported: ${u.ruleId} (${u.file}): ${u.reason}`);
      for (const n of result.notes) lines.push(`  note: ${n.ruleId}: ${n.note}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (result.unsupported.length) process.exitCode = 1;
    });
}
