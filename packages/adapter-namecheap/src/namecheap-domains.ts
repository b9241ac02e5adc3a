/**
 * Domains: listDomains (domains.getList), getDomain (getInfo + the getList row + getRegistrarLock),
 * updateDomain (setRegistrarLock, dns.setCustom/setDefault, whoisguard.*), getZone
 * (docs/providers/namecheap.md#domain-commands). Namecheap has no command to set auto-renew.
 */
import {
  type CallOptions,
  type Domain,
  type DomainPatch,
  DomainPatchSchema,
  invalidInput,
  type ListOptions,
  NotFoundError,
  type Page,
  paginate,
  parseInput,
  type Registrar,
  type Zone,
} from '@registrar-kit/core';
import { type CommandParams, domainNameOf, type NamecheapClient, splitName } from './namecheap-client.js';
import { domainFromInfo, domainFromRow } from './namecheap-domain-mappers.js';
import { PROVIDER } from './namecheap-errors.js';
import {
  DnsGetListSchema,
  DnsSetCustomSchema,
  DnsSetDefaultSchema,
  type DomainRow,
  GetContactsSchema,
  GetInfoSchema,
  GetListSchema,
  GetRegistrarLockSchema,
  SetRegistrarLockSchema,
  WhoisguardAllotSchema,
  WhoisguardDisableSchema,
  WhoisguardEnableSchema,
  WhoisguardListSchema,
} from './namecheap-schemas.js';

/** Name servers of Namecheap's own DNS (BasicDNS), the ones to delegate to for host records. */
export const NAMECHEAP_NAMESERVERS = ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'];
const MAX_PAGE_SIZE = 100;
const MIN_PAGE_SIZE = 10;

export interface NamecheapListDomainsOptions extends ListOptions {
  /** `ListType`: all domains (default), those expiring soon, or expired ones. */
  listType?: 'ALL' | 'EXPIRING' | 'EXPIRED';
  /** `SearchTerm`: a keyword the names must contain. */
  searchTerm?: string;
}

/**
 * Every page of domains.getList, through core `paginate`: `Paging/TotalItems` gives the page
 * count; a page that is empty before it, or repeats an earlier one, is `bad_pagination`.
 */
async function* domainRows(
  client: NamecheapClient,
  operation: string,
  params: CommandParams,
  opts: ListOptions | undefined,
): AsyncGenerator<DomainRow> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, opts?.pageSize ?? MAX_PAGE_SIZE));
  const pages = paginate(
    async (page, signal): Promise<Page<DomainRow>> => {
      const answer = await client.command(
        operation,
        'namecheap.domains.getList',
        { ...params, Page: page, PageSize: pageSize },
        GetListSchema,
        { ...opts, signal },
      );
      const rows = answer.domaingetlistresult.domain;
      const total = answer.paging?.totalitems;
      return {
        items: rows,
        ...(total === undefined
          ? { hasMore: rows.length >= pageSize }
          : { totalItems: Number(total), totalPages: Math.ceil(Number(total) / pageSize) }),
      };
    },
    { signal: opts?.signal, provider: PROVIDER, operation },
  );
  for await (const row of pages) {
    client.ids.remember(row.id, domainNameOf(row.name, operation));
    yield row;
  }
}

/** A domain argument (name, or Namecheap's numeric id) → its ASCII name. */
export async function resolveDomain(
  client: NamecheapClient,
  domain: string,
  operation: string,
  opts?: CallOptions,
): Promise<string> {
  if (typeof domain === 'string' && /^\d+$/.test(domain)) {
    return client.ids.resolveName(domain, async () => {
      for await (const row of domainRows(client, operation, {}, opts))
        if (row.id === domain) return domainNameOf(row.name, operation);
      throw new NotFoundError(`${PROVIDER} ${operation}: no domain with id ${domain} in the account`, {
        provider: PROVIDER,
        operation,
      });
    });
  }
  return domainNameOf(domain, operation);
}

export function domainMethods(client: NamecheapClient) {
  async function listRow(name: string, operation: string, opts?: CallOptions): Promise<DomainRow | null> {
    for await (const row of domainRows(client, operation, { SearchTerm: name }, opts))
      if (domainNameOf(row.name, operation) === name) return row;
    return null;
  }

  async function info(name: string, operation: string, opts?: CallOptions) {
    const answer = await client.command(
      operation,
      'namecheap.domains.getInfo',
      { DomainName: name },
      GetInfoSchema,
      opts,
    );
    return answer.domaingetinforesult;
  }

  async function getDomain(domain: string, opts?: CallOptions, operation = 'getDomain'): Promise<Domain> {
    const name = await resolveDomain(client, domain, operation, opts);
    const details = await info(name, operation, opts);
    const lock = await client.command(
      operation,
      'namecheap.domains.getRegistrarLock',
      { DomainName: name },
      GetRegistrarLockSchema,
      opts,
    );
    const row = await listRow(name, operation, opts);
    const result = domainFromInfo(details, {
      row,
      transferLock: lock.domaingetregistrarlockresult.registrarlockstatus,
    });
    client.ids.remember(result.id, result.name);
    return result;
  }

  /** Privacy on: attach a free subscription when none is, then enable it with a forwarding address. */
  async function setPrivacy(name: string, on: boolean, operation: string, opts?: CallOptions): Promise<void> {
    const details = await info(name, operation, opts);
    const guard = details.whoisguard;
    const state = guard?.enabled?.toLowerCase();
    if (state === (on ? 'true' : 'false')) return;
    let id = guard?.id && guard.id !== '0' ? guard.id : undefined;
    if (!on) {
      if (id === undefined) return; // no subscription: privacy is already off
      await client.command(
        operation,
        'namecheap.whoisguard.disable',
        { WhoisguardID: id },
        WhoisguardDisableSchema,
        opts,
      );
      return;
    }
    const email = guard?.emaildetails?.forwardedto || (await registrantEmail(name, operation, opts));
    if (id === undefined) {
      const free = await client.command(
        operation,
        'namecheap.whoisguard.getList',
        { ListType: 'FREE', Page: 1, PageSize: 100 },
        WhoisguardListSchema,
        opts,
      );
      id = free.whoisguardgetlistresult.whoisguard[0]?.id;
      if (id === undefined)
        throw invalidInput({ provider: PROVIDER, operation }, [
          { path: 'whoisPrivacy', message: 'the account has no free privacy subscription to attach' },
        ]);
      await client.command(
        operation,
        'namecheap.whoisguard.allot',
        { WhoisguardId: id, DomainName: name, ForwardedToEmail: email, EnableWG: 'False' },
        WhoisguardAllotSchema,
        opts,
      );
    }
    await client.command(
      operation,
      'namecheap.whoisguard.enable',
      { WhoisguardID: id, ForwardedToEmail: email },
      WhoisguardEnableSchema,
      opts,
    );
  }

  async function registrantEmail(name: string, operation: string, opts?: CallOptions): Promise<string> {
    const contacts = await client.command(
      operation,
      'namecheap.domains.getContacts',
      { DomainName: name },
      GetContactsSchema,
      opts,
    );
    return contacts.domaincontactsresult.registrant.emailaddress;
  }

  async function setNameservers(name: string, nameservers: string[], operation: string, opts?: CallOptions) {
    const { sld, tld } = splitName(name, operation);
    if (nameservers.length === 0) {
      await client.command(
        operation,
        'namecheap.domains.dns.setDefault',
        { SLD: sld, TLD: tld },
        DnsSetDefaultSchema,
        opts,
      );
      return;
    }
    await client.command(
      operation,
      'namecheap.domains.dns.setCustom',
      { SLD: sld, TLD: tld, Nameservers: nameservers.join(',') },
      DnsSetCustomSchema,
      opts,
    );
  }

  const methods: Partial<Registrar> = {
    listDomains(opts?: NamecheapListDomainsOptions): AsyncIterable<Domain> {
      const params: CommandParams = { ListType: opts?.listType, SearchTerm: opts?.searchTerm };
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of domainRows(client, 'listDomains', params, opts)) yield domainFromRow(row);
        },
      };
    },

    getDomain: (domain, opts) => getDomain(domain, opts),

    async updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> {
      const operation = 'updateDomain';
      const input = parseInput(DomainPatchSchema, patch, { provider: PROVIDER, operation }, 'patch');
      if (input.autoRenew !== undefined)
        throw invalidInput({ provider: PROVIDER, operation }, [
          {
            path: 'autoRenew',
            message: 'Namecheap has no API command to set auto-renew (set it in the web UI)',
          },
        ]);
      // Checked before anything is sent.
      const nameservers = input.nameservers?.map((ns, i) => domainNameOf(ns, operation, `nameservers.${i}`));
      const name = await resolveDomain(client, domain, operation, opts);
      if (nameservers !== undefined) splitName(name, operation);
      if (input.transferLock !== undefined)
        await client.command(
          operation,
          'namecheap.domains.setRegistrarLock',
          { DomainName: name, LockAction: input.transferLock ? 'LOCK' : 'UNLOCK' },
          SetRegistrarLockSchema,
          opts,
        );
      if (nameservers !== undefined) await setNameservers(name, nameservers, operation, opts);
      if (input.whoisPrivacy !== undefined) await setPrivacy(name, input.whoisPrivacy, operation, opts);
      return getDomain(name, opts, operation);
    },

    async getZone(domain: string, opts?: CallOptions): Promise<Zone> {
      const operation = 'getZone';
      const name = await resolveDomain(client, domain, operation, opts);
      const { sld, tld } = splitName(name, operation);
      const answer = await client.command(
        operation,
        'namecheap.domains.dns.getList',
        { SLD: sld, TLD: tld },
        DnsGetListSchema,
        opts,
      );
      const result = answer.domaindnsgetlistresult;
      // The zone's host records are served by Namecheap's DNS: those are the servers to delegate to.
      return {
        provider: PROVIDER,
        id: name,
        name,
        nameservers: result.isusingourdns
          ? result.nameserver.map((ns) => ns.trim().toLowerCase().replace(/\.$/, ''))
          : [...NAMECHEAP_NAMESERVERS],
      };
    },
  };
  return { methods, getDomain, listRow };
}
