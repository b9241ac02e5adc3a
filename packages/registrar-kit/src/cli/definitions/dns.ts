/**
 * `registrar-kit dns list|add|rm|export|diff|apply|copy` (run by commands/dns.ts for list, add and
 * rm, and by commands/dns-<name>.ts for the others).
 */
import { type Command, Option } from 'commander';
import { type CliState, runAction } from '../action.js';
import type { DnsAddOptions } from '../commands/dns.js';
import type { ApplyOptions } from '../commands/dns-apply.js';
import type { CopyOptions } from '../commands/dns-copy.js';
import type { DiffOptions } from '../commands/dns-diff.js';
import type { ExportOptions } from '../commands/dns-export.js';
import { nonNegativeInt, type ProviderOption, RECORD_TYPE_CHOICES, ZONE_FORMATS } from '../option-parsers.js';

const ZONE_ARGUMENT = 'the zone (domain name or the provider’s id)';
const PROVIDER_FLAG = ['--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)'] as const;
const FORCE_FLAG = [
  '--force',
  'apply even a plan that deletes more than 30% of a zone of 10 or more records',
] as const;

/** The flags `dns diff` and `dns apply` share. */
function zoneFileOptions(command: Command): Command {
  return command
    .argument('<domain>', ZONE_ARGUMENT)
    .requiredOption(
      '--file <path>',
      'the desired records: a zone file, or JSON as `dns export --format json` prints; - for stdin',
    )
    .addOption(
      new Option(
        '--format <format>',
        'format of --file (default: json for .json or text starting with { or [, else bind)',
      ).choices([...ZONE_FORMATS]),
    )
    .option('--purge', 'also delete the records whose (name, type) the file does not name')
    .option(...PROVIDER_FLAG);
}

export function defineDns(program: Command, state: CliState): void {
  const dns = program
    .command('dns')
    .description(
      'the DNS records of a zone: list, add, rm; export, diff, apply a zone file; copy between providers',
    );
  const records = () => import('../commands/dns.js');
  dns
    .command('list')
    .description('list the records of a zone')
    .argument('<domain>', ZONE_ARGUMENT)
    .option(...PROVIDER_FLAG)
    .action((domain: string, options: ProviderOption, command: Command) =>
      runAction(state, command, async (ctx) => (await records()).runDnsList(ctx, domain, options)),
    );
  dns
    .command('add')
    .description('create a record')
    .argument('<domain>', ZONE_ARGUMENT)
    .addOption(
      new Option('--type <type>', 'record type').choices([...RECORD_TYPE_CHOICES]).makeOptionMandatory(),
    )
    .option('--name <name>', 'name relative to the zone, @ for the apex', '@')
    .requiredOption(
      '--content <content>',
      'the value (an IP, a host, the TXT text, "weight port target" for SRV)',
    )
    .option('--ttl <seconds>', 'time to live', nonNegativeInt('seconds'))
    .option('--priority <n>', 'MX and SRV priority', nonNegativeInt('priority'))
    .option(...PROVIDER_FLAG)
    .action((domain: string, options: DnsAddOptions, command: Command) =>
      runAction(state, command, async (ctx) => (await records()).runDnsAdd(ctx, domain, options)),
    );
  dns
    .command('rm')
    .description('delete a record by its id (see `dns list`)')
    .argument('<domain>', ZONE_ARGUMENT)
    .argument('<id>', 'the record id')
    .option(...PROVIDER_FLAG)
    .action((domain: string, recordId: string, options: ProviderOption, command: Command) =>
      runAction(state, command, async (ctx) => (await records()).runDnsRm(ctx, domain, recordId, options)),
    );
  dns
    .command('export')
    .description('print a zone as an RFC 1035 zone file (bind) or JSON, ready for `dns diff` / `dns apply`')
    .argument('<domain>', ZONE_ARGUMENT)
    .addOption(
      new Option(
        '--format <format>',
        'bind (default) or json; with --json: json unless --format bind',
      ).choices([...ZONE_FORMATS]),
    )
    .option(...PROVIDER_FLAG)
    .action((domain: string, options: ExportOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/dns-export.js')).runDnsExport(ctx, domain, options),
      ),
    );
  zoneFileOptions(
    dns
      .command('diff')
      .description('show the changes that would make a zone match a file (+ create, ~ update, - delete)'),
  )
    .option('--exit-code', 'exit with 3 when there are changes (as `git diff --exit-code`)')
    .action((domain: string, options: DiffOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/dns-diff.js')).runDnsDiff(ctx, domain, options),
      ),
    );
  zoneFileOptions(
    dns
      .command('apply')
      .description(
        'make a zone match a file: shows the plan, asks (unless --yes), applies, reports each change',
      ),
  )
    .option('-y, --yes', 'apply without asking (needed when stdin is not a terminal)')
    .option(...FORCE_FLAG)
    .action((domain: string, options: ApplyOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/dns-apply.js')).runDnsApply(ctx, domain, options),
      ),
    );
  dns
    .command('copy')
    .description('copy the records of a zone from one provider to another (incremental unless --purge)')
    .argument('<domain>', 'the zone, by name (the same at both providers)')
    .requiredOption('--from <id>', 'the provider to copy from')
    .requiredOption('--to <id>', 'the provider to copy to')
    .option('--dry-run', 'only show the plan at the target; change nothing')
    .option('--purge', 'also delete the target records whose (name, type) the source does not have')
    .option(...FORCE_FLAG)
    .action((domain: string, options: CopyOptions, command: Command) =>
      runAction(state, command, async (ctx) =>
        (await import('../commands/dns-copy.js')).runDnsCopy(ctx, domain, options),
      ),
    );
}
