/** `registrar-kit demo` (run by demo.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';

export function defineDemo(program: Command, state: CliState): void {
  program
    .command('demo')
    .description(
      'a walkthrough on the built-in emulators: availability, prices, portfolio, DNS copy (no account needed)',
    )
    .action((_options: unknown, command: Command) =>
      runAction(state, command, async (ctx) => (await import('../commands/demo.js')).runDemoCommand(ctx)),
    );
}
