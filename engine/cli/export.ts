import type { Command } from 'commander';
import { notBuilt } from './not-built.ts';

export function register(program: Command): void {
  program.command('export').description('not built yet (issue 8)').allowUnknownOption().argument('[args...]')
    .action(() => notBuilt('export', 8));
}
