/**
 * `registrar-kit dns list|add|rm` against one provider, and the declarative commands in their own
 * files: `dns export|diff|apply|copy`.
 */
import {
  type DnsRecord,
  type DnsRecordInput,
  RECORD_TYPES,
  type RecordType,
  toArray,
} from '@registrar-kit/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type CliState, runAction } from '../action.js';
import { selectOneProvider } from '../context.js';
import type { Renderer } from '../render.js';
import { registerDnsApply } from './dns-apply.js';
import { registerDnsCopy } from './dns-copy.js';
import { registerDnsDiff } from './dns-diff.js';
import { registerDnsExport } from './dns-export.js';

function nonNegativeInt(label: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number (${label})`);
    return Number(value);
  };
}

export function renderRecords(out: Renderer, records: readonly DnsRecord[], withId = true): void {
  out.table({
    head: [...(withId ? ['id'] : []), 'name', 'type', 'content', 'ttl', 'priority'],
    rows: records.map((record) => [
      ...(withId ? [record.id] : []),
      record.name,
      record.type,
      record.content,
      String(record.ttl),
      record.priority === null ? '' : String(record.priority),
    ]),
    align: [...(withId ? ['left' as const] : []), 'left', 'left', 'left', 'right', 'right'],
  });
}

export function registerDns(program: Command, state: CliState): void {
  const dns = program
    .command('dns')
    .description(
      'the DNS records of a zone: list, add, rm; export, diff, apply a zone file; copy between providers',
    );
  dns
    .command('list')
    .description('list the records of a zone')
    .argument('<domain>', 'the zone (domain name or the provider’s id)')
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action((domain: string, options: { provider?: string }, command: Command) =>
      runAction(state, command, async (ctx) => {
        const id = selectOneProvider(options.provider, ctx.env);
        const registrar = await ctx.registrar(id);
        const records = await toArray(registrar.listRecords(domain));
        if (ctx.out.json) ctx.out.printJson({ provider: id, domain, records });
        else if (records.length === 0) ctx.out.line(`no records in ${domain} at ${id}`);
        else renderRecords(ctx.out, records);
      }),
    );
  dns
    .command('add')
    .description('create a record')
    .argument('<domain>', 'the zone (domain name or the provider’s id)')
    .addOption(new Option('--type <type>', 'record type').choices([...RECORD_TYPES]).makeOptionMandatory())
    .option('--name <name>', 'name relative to the zone, @ for the apex', '@')
    .requiredOption(
      '--content <content>',
      'the value (an IP, a host, the TXT text, "weight port target" for SRV)',
    )
    .option('--ttl <seconds>', 'time to live', nonNegativeInt('seconds'))
    .option('--priority <n>', 'MX and SRV priority', nonNegativeInt('priority'))
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action(
      (
        domain: string,
        options: {
          type: RecordType;
          name: string;
          content: string;
          ttl?: number;
          priority?: number;
          provider?: string;
        },
        command: Command,
      ) =>
        runAction(state, command, async (ctx) => {
          const id = selectOneProvider(options.provider, ctx.env);
          const registrar = await ctx.registrar(id);
          const input: DnsRecordInput = {
            type: options.type,
            name: options.name,
            content: options.content,
            ...(options.ttl !== undefined ? { ttl: options.ttl } : {}),
            ...(options.priority !== undefined ? { priority: options.priority } : {}),
          };
          const record = await registrar.createRecord(domain, input);
          if (ctx.out.json) ctx.out.printJson({ record });
          else {
            ctx.out.line(`created at ${id}:`);
            renderRecords(ctx.out, [record]);
          }
        }),
    );
  dns
    .command('rm')
    .description('delete a record by its id (see `dns list`)')
    .argument('<domain>', 'the zone (domain name or the provider’s id)')
    .argument('<id>', 'the record id')
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)')
    .action((domain: string, recordId: string, options: { provider?: string }, command: Command) =>
      runAction(state, command, async (ctx) => {
        const id = selectOneProvider(options.provider, ctx.env);
        const registrar = await ctx.registrar(id);
        await registrar.deleteRecord(domain, recordId);
        if (ctx.out.json) ctx.out.printJson({ deleted: { provider: id, domain, id: recordId } });
        else ctx.out.line(`deleted record ${recordId} from ${domain} at ${id}`);
      }),
    );
  registerDnsExport(dns, state);
  registerDnsDiff(dns, state);
  registerDnsApply(dns, state);
  registerDnsCopy(dns, state);
}
