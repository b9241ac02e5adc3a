/** `registrar-kit portfolio` (run by commands/portfolio.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { PortfolioOptions } from '../commands/portfolio.js';
import { parseWithin } from '../option-parsers.js';

export function definePortfolio(program: Command, state: CliState): void {
  program
    .command('portfolio')
    .description('every domain at every configured provider, sorted by expiry, with what needs attention')
    .option('--provider <ids>', 'comma-separated providers (default: those with credentials set)')
    .option(
      '--within <days>',
      'expiring within this many days (with auto-renew off) needs attention',
      parseWithin,
      30,
    )
    .option('--csv', 'print CSV on stdout (one row per domain)')
    .action((options: PortfolioOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/portfolio.js')).runPortfolio(ctx, options),
      ),
    );
}
