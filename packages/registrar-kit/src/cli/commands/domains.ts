/** `registrar-kit domains list|show` against one provider. */
import { type Domain, toArray } from '@registrar-kit/core';
import { type CliContext, selectOneProvider } from '../context.js';
import type { ProviderOption } from '../option-parsers.js';
import { day, type Renderer } from '../render.js';

function domainName(domain: Domain): string {
  return domain.unicodeName && domain.unicodeName !== domain.name
    ? `${domain.unicodeName} (${domain.name})`
    : domain.name;
}

export function renderDomainList(out: Renderer, domains: readonly Domain[], withProvider = false): void {
  out.table({
    head: [
      ...(withProvider ? ['provider'] : []),
      'domain',
      'status',
      'expires',
      'auto-renew',
      'privacy',
      'lock',
    ],
    rows: domains.map((domain) => [
      ...(withProvider ? [domain.provider] : []),
      domainName(domain),
      domain.status,
      day(domain.expiresAt),
      out.yesNo(domain.autoRenew),
      out.yesNo(domain.whoisPrivacy),
      out.yesNo(domain.transferLock),
    ]),
  });
}

function renderDomain(out: Renderer, domain: Domain): void {
  const list = (values: readonly string[] | null) => (values === null ? '-' : values.join('\n') || '(none)');
  out.table({
    head: ['field', 'value'],
    rows: [
      ['provider', domain.provider],
      ['id', domain.id],
      ['name', domainName(domain)],
      [
        'status',
        `${domain.status}${domain.providerStatus.length ? ` (${domain.providerStatus.join(', ')})` : ''}`,
      ],
      ['owner', domain.owner ?? '-'],
      ['created', day(domain.createdAt)],
      ['expires', day(domain.expiresAt)],
      ['updated', day(domain.updatedAt)],
      ['auto-renew', out.yesNo(domain.autoRenew)],
      ['whois privacy', out.yesNo(domain.whoisPrivacy)],
      ['transfer lock', out.yesNo(domain.transferLock)],
      ['nameservers', list(domain.nameservers)],
      [
        'DS records',
        domain.dsRecords === null
          ? '-'
          : domain.dsRecords
              .map((ds) => `${ds.keyTag} ${ds.algorithm} ${ds.digestType} ${ds.digest}`)
              .join('\n') || '(none)',
      ],
    ],
  });
}

export async function runDomainsList(ctx: CliContext, options: ProviderOption): Promise<void> {
  const id = selectOneProvider(options.provider, ctx.env);
  const registrar = await ctx.registrar(id);
  const list = await toArray(registrar.listDomains());
  if (ctx.out.json) ctx.out.printJson({ provider: id, domains: list });
  else if (list.length === 0) ctx.out.line(`no domains at ${id}`);
  else renderDomainList(ctx.out, list);
}

export async function runDomainsShow(ctx: CliContext, name: string, options: ProviderOption): Promise<void> {
  const id = selectOneProvider(options.provider, ctx.env);
  const registrar = await ctx.registrar(id);
  const domain = await registrar.getDomain(name);
  if (ctx.out.json) ctx.out.printJson({ domain });
  else renderDomain(ctx.out, domain);
}
