/** `registrar-kit domains list|show` (run by commands/domains.ts). */
import type { Command } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { ProviderOption } from '../option-parsers.js';

export function defineDomains(program: Command, state: CliState): void {
  const domains = program.command('domains').description('the domains of an account at one provider');
  domains
    .command('list')
    .description('list the domains of the account')
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action((options: ProviderOption, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/domains.js')).runDomainsList(ctx, options),
      ),
    );
  domains
    .command('show')
    .description('show one domain')
    .argument('<domain>', 'a domain name or the provider’s id')
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action((name: string, options: ProviderOption, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/domains.js')).runDomainsShow(ctx, name, options),
      ),
    );
}
