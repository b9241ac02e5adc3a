/** `registrar-kit dns export <domain> [--format bind|json]`: the zone as a zone file or JSON. */
import { printZoneFile, toArray } from '@registrar-kit/core';
import { type Command, Option } from 'commander';
import { type CliState, runAction } from '../action.js';
import { selectOneProvider } from '../context.js';
import { portableRecord, ZONE_FORMATS, type ZoneFormat, zoneName } from '../zone-input.js';

export function registerDnsExport(dns: Command, state: CliState): void {
  dns
    .command('export')
    .description('print a zone as an RFC 1035 zone file (bind) or JSON, ready for `dns diff` / `dns apply`')
    .argument('<domain>', 'the zone (domain name or the provider’s id)')
    .addOption(
      new Option(
        '--format <format>',
        'bind (default) or json; with --json: json unless --format bind',
      ).choices([...ZONE_FORMATS]),
    )
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action((domain: string, options: { format?: ZoneFormat; provider?: string }, command: Command) =>
      runAction(state, command, async (ctx) => {
        const id = selectOneProvider(options.provider, ctx.env);
        const registrar = await ctx.registrar(id);
        const records = await toArray(registrar.listRecords(domain));
        const zone = zoneName(domain, records);
        const format = options.format ?? (ctx.out.json ? 'json' : 'bind');
        if (format === 'json') {
          ctx.out.printJson({ provider: id, domain: zone, records: records.map(portableRecord) });
          return;
        }
        const zoneFile = `; ${zone} exported from ${id} by registrar-kit\n${printZoneFile(records, { origin: zone })}`;
        if (ctx.out.json) ctx.out.printJson({ provider: id, domain: zone, format: 'bind', zoneFile });
        else ctx.io.stdout.write(zoneFile);
      }),
    );
}
