/**
 * `dac export --target T [--out DIR] [--force] [--version-lock FILE] [paths…]`: writes the target's
 * files (one per rule, or one bundle) and lists every rule the target cannot express, with the
 * reason. Rules that fail validation are held back and named unless --force. Output is
 * deterministic. Exit 0 when everything exported, 1 when some rule was unsupported or held back, 2 usage.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { VERSION_LOCK_PATH, exportContext, gateInvalid } from '../export/prepare.ts';
import { exportTargets } from '../export/registry.ts';

export function register(program: Command): void {
  program.command('export')
    .description('export the rule repo to a SIEM format (elastic, splunk, sigma, sentinel, navigator)')
    .argument('[paths...]', 'rule files or folders (default: rules/)')
    .addOption(new Option('--target <target>', 'target format').choices([...exportTargets.keys()]).makeOptionMandatory())
    .option('--out <dir>', 'output folder', 'export')
    .option('--root <dir>', 'repo root (rules/, reports/)', '.')
    .option('--force', 'also export rules that fail dac validate (each is named)', false)
    .option('--splunk-app <label>', 'Splunk app label in stanza names ("<label> - <name> - Rule"); keep it unlike ESCU so nothing collides', 'DAC')
    .option('--version-lock <file>', `detection-rules version lock for Kibana versions (default: <root>/${VERSION_LOCK_PATH} when present)`)
    .action((paths: string[], opts: { target: string; out: string; root: string; force: boolean; versionLock?: string; splunkApp: string }) => {
      const missing = paths.filter((p) => !existsSync(resolve(p)));
      if (missing.length) {
        process.stderr.write(`dac export: no such file or folder: ${missing.join(', ')}\n`);
        process.exitCode = 2;
        return;
      }
      const target = exportTargets.get(opts.target)!;
      const root = resolve(opts.root);
      if (opts.versionLock && !existsSync(resolve(opts.versionLock))) {
        process.stderr.write(`dac export: no such version lock: ${opts.versionLock}\n`);
        process.exitCode = 2;
        return;
      }
      let full: ReturnType<typeof exportContext>;
      try {
        full = exportContext(root, paths.length ? paths.map((p) => resolve(p)) : undefined, { settings: { splunkApp: opts.splunkApp }, ...(opts.versionLock ? { versionLock: resolve(opts.versionLock) } : {}) });
      } catch (e) {
        process.stderr.write(`dac export: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
        return;
      }
      const { ctx, held, forced } = gateInvalid(full, opts.force);
      const result = target.run(ctx);
      const outDir = resolve(opts.out, target.name);
      for (const a of result.artefacts) {
        const p = join(outDir, a.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, a.content);
      }
      const lines = [`${target.name}: ${result.artefacts.length} file(s) in ${outDir}`];
      for (const a of result.artefacts) lines.push(`  wrote ${a.path}`);
      for (const r of held) lines.push(`  not exported (fails validation; --force exports it): ${r.rule.id} (${r.rule.file}): ${r.validationErrors![0]}${r.validationErrors!.length > 1 ? ` (+${r.validationErrors!.length - 1} more)` : ''}`);
      for (const r of forced) lines.push(`  exported with --force although it fails validation: ${r.rule.id} (${r.rule.file}): ${r.validationErrors![0]}`);
      for (const u of result.unsupported) lines.push(`  unsupported: ${u.ruleId} (${u.file}): ${u.reason}`);
      for (const n of result.notes) lines.push(`  note: ${n.ruleId}: ${n.note}`);
      if (held.length) lines.push(`${held.length} rule(s) not exported because they fail validation (dac validate says why; --force exports them anyway)`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (result.unsupported.length || held.length) process.exitCode = 1;
    });
}
