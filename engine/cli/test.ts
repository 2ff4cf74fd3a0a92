import type { Command } from 'commander';
import { notBuilt } from './not-built.ts';

export function register(program: Command): void {
  program.command('test').description('not built yet (issue 7)').allowUnknownOption().argument('[args...]')
    .action(() => notBuilt('test', 7));
}
