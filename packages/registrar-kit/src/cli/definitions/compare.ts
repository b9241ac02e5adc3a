/** `registrar-kit compare <name>` (run by commands/compare.ts). */
import { type Command, Option } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { CompareOptions } from '../commands/compare.js';
import { PRICE_OPERATION_CHOICES, parseYears } from '../option-parsers.js';

export function defineCompare(program: Command, state: CliState): void {
  program
    .command('compare')
    .description('compare prices for a name across providers, cheapest first')
    .argument('<name>', 'the domain name')
    .addOption(
      new Option('--operation <operation>', 'what to price')
        .choices([...PRICE_OPERATION_CHOICES])
        .default('register'),
    )
    .option('--years <n>', 'years (1-10)', parseYears, 1)
    .option(
      '--rates <file>',
      'JSON exchange rates, e.g. {"USD": 1, "GBP": 1.27}, to rank currencies together',
    )
    .option('--provider <ids>', 'comma-separated providers (default: every provider that quotes prices)')
    .action((name: string, options: CompareOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/compare.js')).runCompare(ctx, name, options),
      ),
    );
}
