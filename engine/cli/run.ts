import type { Command } from 'commander';
import { notBuilt } from './not-built.ts';

export function register(program: Command): void {
  program.command('run').description('not built yet (issue 5)').allowUnknownOption().argument('[args...]')
    .action(() => notBuilt('run', 5));
}
