/**
 * `registrar-kit dns list|add|rm` against one provider, and the declarative commands in their own
 * files: `dns export|diff|apply|copy`.
 */
import { type DnsRecord, type DnsRecordInput, type RecordType, toArray } from '@registrar-kit/core';
import { type CliContext, selectOneProvider } from '../context.js';
import type { ProviderOption } from '../option-parsers.js';
import type { Renderer } from '../render.js';

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

/** The flags of `dns add` (definitions/dns.ts). */
export interface DnsAddOptions extends ProviderOption {
  type: RecordType;
  name: string;
  content: string;
  ttl?: number;
  priority?: number;
}

export async function runDnsList(ctx: CliContext, domain: string, options: ProviderOption): Promise<void> {
  const id = selectOneProvider(options.provider, ctx.env);
  const registrar = await ctx.registrar(id);
  const records = await toArray(registrar.listRecords(domain));
  if (ctx.out.json) ctx.out.printJson({ provider: id, domain, records });
  else if (records.length === 0) ctx.out.line(`no records in ${domain} at ${id}`);
  else renderRecords(ctx.out, records);
}

export async function runDnsAdd(ctx: CliContext, domain: string, options: DnsAddOptions): Promise<void> {
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
}

export async function runDnsRm(
  ctx: CliContext,
  domain: string,
  recordId: string,
  options: ProviderOption,
): Promise<void> {
  const id = selectOneProvider(options.provider, ctx.env);
  const registrar = await ctx.registrar(id);
  await registrar.deleteRecord(domain, recordId);
  if (ctx.out.json) ctx.out.printJson({ deleted: { provider: id, domain, id: recordId } });
  else ctx.out.line(`deleted record ${recordId} from ${domain} at ${id}`);
}
