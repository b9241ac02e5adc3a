/** `registrar-kit dns export <domain> [--format bind|json]`: the zone as a zone file or JSON. */
import { printZoneFile, printZoneFileChunks, toArray } from '@registrar-kit/core';
import { type CliContext, selectOneProvider } from '../context.js';
import type { ProviderOption, ZoneFormat } from '../option-parsers.js';
import { portableRecord, zoneName } from '../zone-input.js';

/** The flags of `dns export` (definitions/dns.ts). */
export interface ExportOptions extends ProviderOption {
  format?: ZoneFormat;
}

export async function runDnsExport(ctx: CliContext, domain: string, options: ExportOptions): Promise<void> {
  const id = selectOneProvider(options.provider, ctx.env);
  const registrar = await ctx.registrar(id);
  const records = await toArray(registrar.listRecords(domain));
  const zone = zoneName(domain, records);
  const format = options.format ?? (ctx.out.json ? 'json' : 'bind');
  if (format === 'json') {
    ctx.out.printJson({ provider: id, domain: zone, records: records.map(portableRecord) });
    return;
  }
  const header = `; ${zone} exported from ${id} by registrar-kit\n`;
  if (ctx.out.json) {
    const zoneFile = `${header}${printZoneFile(records, { origin: zone })}`;
    ctx.out.printJson({ provider: id, domain: zone, format: 'bind', zoneFile });
    return;
  }
  // Written as it is printed: a zone of any size never sits in memory twice as one string.
  ctx.io.stdout.write(header);
  for (const chunk of printZoneFileChunks(records, { origin: zone })) ctx.io.stdout.write(chunk);
}
