/** `registrar-kit providers` (run by commands/providers.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';

export function defineProviders(program: Command, state: CliState): void {
  program
    .command('providers')
    .description('show what each provider supports (the capability matrix)')
    .action((_options: unknown, command: Command) =>
      runAction(state, command, async (ctx) => (await import('../commands/providers.js')).runProviders(ctx)),
    );
}
