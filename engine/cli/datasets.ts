import type { Command } from 'commander';
import { notBuilt } from './not-built.ts';

export function register(program: Command): void {
  program.command('datasets').description('not built yet (issue 4)').allowUnknownOption().argument('[args...]')
    .action(() => notBuilt('datasets', 4));
}
