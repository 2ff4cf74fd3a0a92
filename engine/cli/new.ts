/**
 * `dac new <elastic|sigma|escu|car> --name "…" --technique T… [--technique …]`: scaffolds a rule in
 * its dialect's own layout — a fresh id, today's date, the ATT&CK block with names and tactics
 * from the catalogue, a placeholder query that validates, a negative test stub (and the filter
 * macro for ESCU) — then validates what it wrote. Exit 0 written and valid, 1 written but invalid,
 * 2 usage (unknown technique, file exists).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Argument, type Command } from 'commander';
import { attackCatalogue } from '../attack/catalogue.ts';
import { scaffold } from '../rule/scaffold/templates.ts';
import type { ScaffoldDialect, ScaffoldTechnique } from '../rule/scaffold/types.ts';
import { validateRepo } from '../validate/validate-repo.ts';
import { renderText } from './validate.ts';

interface NewOptions { name: string; technique: string[]; author: string; dataset: string; root: string; date?: string; force?: boolean }

function techniques(ids: readonly string[]): ScaffoldTechnique[] | string {
  const cat = attackCatalogue();
  const out: ScaffoldTechnique[] = [];
  for (const id of ids) {
    const t = cat.technique(id);
    if (!t) return `${id} is not an ATT&CK ${cat.version} technique (find one with \`dac attack lookup <words>\`)`;
    if (t.revoked || t.deprecated) return `${t.id} (${t.name}) is ${t.revoked ? `revoked${t.replacedBy ? `; use ${t.replacedBy}` : ''}` : 'deprecated'}`;
    const parent = t.id.includes('.') ? cat.technique(t.id.split('.')[0]) : undefined;
    out.push({
      id: t.id, name: t.name,
      tactics: t.tactics.flatMap((s) => { const tac = cat.tacticByShortname(s); return tac ? [{ id: tac.id, shortname: tac.shortname, name: tac.name }] : []; }),
      ...(parent ? { parent: { id: parent.id, name: parent.name } } : {}),
    });
  }
  return out;
}

export function newCommand(dialect: ScaffoldDialect, opts: NewOptions): number {
  const root = resolve(opts.root);
  const techs = techniques(opts.technique);
  if (typeof techs === 'string') { process.stderr.write(`dac new: ${techs}\n`); return 2; }
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) { process.stderr.write(`dac new: --date must be YYYY-MM-DD, not ${date}\n`); return 2; }
  const files = scaffold({ dialect, name: opts.name, id: randomUUID(), date, author: opts.author, techniques: techs, negativeDataset: opts.dataset });
  const clash = files.filter((f) => existsSync(join(root, f.path)));
  if (clash.length && !opts.force) { process.stderr.write(`dac new: ${clash.map((f) => f.path).join(', ')} already exist(s); choose another --name or pass --force\n`); return 2; }
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
    process.stdout.write(`wrote ${f.path}\n`);
  }
  const rule = files[0];
  const v = validateRepo(root, [join(root, rule.path)]);
  process.stdout.write(renderText(v));
  process.stdout.write(`next: write the query, add a dataset with the alerts it must raise (dac datasets import …), then dac test --rule ${files[0].path}\n`);
  return v.results.every((r) => r.valid) ? 0 : 1;
}

export function register(program: Command): void {
  program.command('new')
    .description('scaffold a rule: id, dates, ATT&CK block from the catalogue, placeholder query, test stub')
    .addArgument(new Argument('<dialect>', 'rule dialect').choices(['elastic', 'sigma', 'escu', 'car']))
    .requiredOption('--name <name>', 'the rule name')
    .requiredOption('-t, --technique <ids...>', 'ATT&CK technique or sub-technique IDs (T1021.002 …)')
    .option('--author <name>', 'author', process.env.USER ?? 'dac')
    .option('--dataset <name>', 'dataset of the negative test stub', 'benign_baseline')
    .option('--date <YYYY-MM-DD>', 'creation date (default: today)')
    .option('--root <dir>', 'repo root', '.')
    .option('--force', 'overwrite existing files')
    .action((dialect: ScaffoldDialect, opts: NewOptions) => { process.exitCode = newCommand(dialect, opts); });
}
