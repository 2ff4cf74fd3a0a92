/**
 * `dac` entry: wiring only. Each command lives in its own file and exports `register(program)`.
 * Exit codes everywhere: 0 success, 1 findings (invalid rules, failing tests), 2 usage errors.
 *
 * Start-up: only the module of the command being run is imported (the others pull in the whole
 * engine); `dac --help` lists the commands from the table below without importing any of them.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from './version.ts';

interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ register(program: Command): void }>;
}

const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', summary: 'validate rules: schema, ATT&CK, query, fields, datasets', load: () => import('./validate.ts') },
  { name: 'test', summary: 'validate, then run every rule on its datasets (unit) and all datasets (integration); write reports', load: () => import('./test.ts') },
  { name: 'run', summary: 'run one query or rule file over event files and print the matches', load: () => import('./run.ts') },
  { name: 'datasets', summary: 'list the datasets, or show one as ECS events', load: () => import('./datasets.ts') },
  { name: 'export', summary: 'export rules to a SIEM format (elastic, splunk, sigma, sentinel, navigator)', load: () => import('./export.ts') },
  { name: 'new', summary: 'scaffold a rule in a dialect: id, dates, ATT&CK block, placeholder query, test stub', load: () => import('./new.ts') },
  { name: 'attack', summary: 'the bundled MITRE ATT&CK catalogue', load: () => import('./attack.ts') },
];

const program = new Command('dac')
  .description('detection as code: validate, test and export detection rules')
  .version(VERSION, '-V, --version', 'print the version')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const args = process.argv.slice(2);
const first = args.find((a) => !a.startsWith('-'));
const chosen = COMMANDS.find((c) => c.name === first);

if (first === 'version') {
  process.stdout.write(`${VERSION}\n`);
} else if (args.length === 0) {
  // No arguments: the help, on stdout, and success (it is what the user asked for).
  for (const c of COMMANDS) program.command(c.name).description(c.summary);
  process.stdout.write(program.helpInformation());
} else {
  if (chosen) (await chosen.load()).register(program);
  else for (const c of COMMANDS) program.command(c.name).description(c.summary);
  program.command('version').description('print the version');
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are not usage errors
      process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    } else {
      process.stderr.write(`dac: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  }
}
