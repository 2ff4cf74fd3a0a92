import type { Command } from 'commander';
import { notBuilt } from './not-built.ts';

export function register(program: Command): void {
  program.command('attack').description('not built yet (issue 3)').allowUnknownOption().argument('[args...]')
    .action(() => notBuilt('attack', 3));
}
