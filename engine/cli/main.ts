/**
 * `dac` entry: wiring only. Each command lives in its own file and exports `register(program)`.
 * Exit codes everywhere: 0 success, 1 findings (invalid rules, failing tests), 2 usage errors.
 */
import { Command, CommanderError } from 'commander';
import { register as registerValidate } from './validate.ts';
import { register as registerTest } from './test.ts';
import { register as registerRun } from './run.ts';
import { register as registerDatasets } from './datasets.ts';
import { register as registerExport } from './export.ts';
import { register as registerAttack } from './attack.ts';

const program = new Command('dac')
  .description('detection as code: validate, test and export detection rules')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

for (const reg of [registerValidate, registerTest, registerRun, registerDatasets, registerExport, registerAttack]) reg(program);

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
