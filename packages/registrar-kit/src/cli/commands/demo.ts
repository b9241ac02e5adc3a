/** `registrar-kit demo`: the walkthrough on the built-in emulators. */
import type { Command } from 'commander';
import { runDemo } from '../../demo.js';
import { type CliState, runAction } from '../action.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';

export function registerDemo(program: Command, state: CliState): void {
  program
    .command('demo')
    .description(
      'a walkthrough on the built-in emulators: availability, prices, portfolio, DNS copy (no account needed)',
    )
    .action((_options: unknown, command: Command) =>
      runAction(state, command, async (ctx) => ((await runDemo(ctx.out)) ? EXIT_OK : EXIT_FAILURE)),
    );
}
