/** `registrar-kit move <domain> …` and `move --status` (run by commands/move.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { MoveOptions } from '../commands/move.js';

export function defineMove(program: Command, state: CliState): void {
  program
    .command('move')
    .description('move a domain to another registrar: DNS first, then the transfer (resumable)')
    .argument('[domain]', 'the domain to move')
    .option('--from <id>', 'the registrar the domain is at now')
    .option('--to <id>', 'the registrar to move it to')
    .option('--dns-to <id>', 'where the DNS goes (default: --to)')
    .option('--dry-run', 'only read, and show the plan; change nothing')
    .option('--auth-code <code>', 'the auth code, when the losing registrar e-mailed it')
    .option('--max-price <money>', 'refuse above this transfer price, e.g. "20 USD"')
    .option('--switch-nameservers', 'delegate the domain to the new DNS host before the transfer')
    .option('--years <n>', 'years the transfer adds, where the gaining registrar lets you choose')
    .option('-y, --yes', 'move without asking (needed when stdin is not a terminal)')
    .option('--status', 'read a transfer started by `move` (with --to and --transfer)')
    .option('--transfer <id>', 'the transfer id `move` printed (with --status)')
    .action((domain: string | undefined, options: MoveOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/move.js')).runMove(ctx, domain, options),
      ),
    );
}
