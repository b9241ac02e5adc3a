/** `registrar-kit check <name...>` (run by commands/check.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { CheckOptions } from '../commands/check.js';

export function defineCheck(program: Command, state: CliState): void {
  program
    .command('check')
    .description('check the availability of names across providers (one row per name × provider)')
    .argument('<name...>', 'domain names to check')
    .option('--provider <ids>', 'comma-separated providers (default: every provider that can check)')
    .action((names: string[], options: CheckOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/check.js')).runCheck(ctx, names, options),
      ),
    );
}
