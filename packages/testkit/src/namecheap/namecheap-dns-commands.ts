/**
 * The `namecheap.domains.dns.*` commands: getList, setCustom, setDefault (nameservers) and
 * getHosts/setHosts (the host list, replaced whole by setHosts). Domains are addressed by `SLD` and
 * `TLD`. See docs/providers/namecheap.md#dns-commands.
 */
import type { CommandContext, NamecheapCommand } from './namecheap-commands.js';
import { notFound, ownedDomain, sldTldParam } from './namecheap-domain-lookup.js';
import { missing, NamecheapError, NC } from './namecheap-errors.js';
import { applySetHosts, type NamecheapHost } from './namecheap-host-rules.js';
import { NAMECHEAP_NAMESERVERS, type NamecheapDomain } from './namecheap-state.js';
import { element, type XmlNode } from './namecheap-xml.js';

const NAMESERVER = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

function zone({ state, params }: CommandContext, skeleton?: (name: string) => XmlNode): NamecheapDomain {
  const { name, tld } = sldTldParam(params);
  const domain = ownedDomain(state, name, skeleton?.(name));
  // `SLD=example.co&TLD=uk` does not name example.co.uk: the TLD is the whole registry suffix.
  if (domain.tld !== tld) throw notFound(name, skeleton?.(name));
  return domain;
}

function requireOurDns(domain: NamecheapDomain): void {
  if (!domain.usingOurDns)
    throw new NamecheapError(
      NC.NOT_USING_OUR_DNS,
      'Cannot complete this command as this domain is not using proper DNS servers',
    );
}

const getList: NamecheapCommand = {
  name: 'namecheap.domains.dns.getList',
  operation: 'getNameservers',
  run(ctx) {
    const domain = zone(ctx);
    return {
      DomainDNSGetListResult: element(
        {
          Domain: domain.name,
          IsUsingOurDNS: domain.usingOurDns,
          IsPremiumDNS: false,
          IsUsingFreeDNS: false,
        },
        { Nameserver: [...domain.nameservers] },
      ),
    };
  },
};

const setCustom: NamecheapCommand = {
  name: 'namecheap.domains.dns.setCustom',
  operation: 'setNameservers',
  run(ctx) {
    const domain = zone(ctx);
    const list = ctx.params.get('Nameservers');
    if (list === undefined) throw missing('Nameservers');
    const nameservers = list
      .split(',')
      .map((ns) => ns.trim().toLowerCase().replace(/\.$/, ''))
      .filter((ns) => ns !== '');
    if (nameservers.length === 0 || !nameservers.every((ns) => NAMESERVER.test(ns)))
      throw new NamecheapError(NC.NAMESERVERS_INVALID, 'Nameservers are not valid');
    domain.nameservers = nameservers;
    domain.usingOurDns = false;
    return { DomainDNSSetCustomResult: element({ Domain: domain.name, Updated: true }) };
  },
};

const setDefault: NamecheapCommand = {
  name: 'namecheap.domains.dns.setDefault',
  operation: 'setDefaultNameservers',
  run(ctx) {
    const domain = zone(ctx);
    // Host rows are kept across setCustom → setDefault (the docs do not say; the emulator keeps them).
    domain.nameservers = [...NAMECHEAP_NAMESERVERS];
    domain.usingOurDns = true;
    return { DomainDNSSetDefaultResult: element({ Domain: domain.name, Updated: true }) };
  },
};

export function hostElement(host: NamecheapHost): XmlNode {
  return element({
    HostId: host.hostId,
    Name: host.name,
    Type: host.type,
    Address: host.address,
    MXPref: host.mxPref,
    TTL: host.ttl,
    AssociatedAppTitle: host.associatedAppTitle,
    FriendlyName: host.friendlyName,
    IsActive: host.isActive,
    IsDDNSEnabled: host.isDdnsEnabled,
  });
}

const getHosts: NamecheapCommand = {
  name: 'namecheap.domains.dns.getHosts',
  operation: 'listRecords',
  run(ctx) {
    const domain = zone(ctx);
    requireOurDns(domain);
    // Rows the API hides (SRV made in the web UI) are not listed; the lower-case `host` is as live.
    return {
      DomainDNSGetHostsResult: element(
        { Domain: domain.name, EmailType: domain.emailType, IsUsingOurDNS: domain.usingOurDns },
        domain.hosts.length === 0 ? {} : { host: domain.hosts.map(hostElement) },
      ),
    };
  },
};

const setHosts: NamecheapCommand = {
  name: 'namecheap.domains.dns.setHosts',
  operation: 'setHosts',
  // setHosts replaces the whole zone: a write of fewer rows than the zone holds deletes a record,
  // of more rows creates, of as many updates (docs/providers/namecheap.md#commands).
  operationOf(ctx) {
    let held: number;
    try {
      const domain = zone(ctx);
      held = domain.hosts.length + domain.hiddenHosts.length;
    } catch {
      return 'setHosts';
    }
    const rows = ctx.params.indices(['HostName', 'RecordType', 'Address']).length;
    return rows < held ? 'deleteRecord' : rows > held ? 'createRecord' : 'updateRecord';
  },
  run(ctx) {
    const domain = zone(ctx, (name) => ({
      DomainDNSSetHostsResult: element({ Domain: name, EmailType: '', IsSuccess: false }, { Warnings: '' }),
    }));
    requireOurDns(domain);
    const result = applySetHosts(ctx.params, domain.hosts, domain.emailType, () => ctx.state.nextHostId());
    domain.hosts = result.hosts;
    // Every row not sent is deleted, the ones getHosts never showed included.
    domain.hiddenHosts = [];
    domain.emailType = result.emailType;
    return { DomainDNSSetHostsResult: element({ Domain: domain.name, IsSuccess: true }, { Warnings: '' }) };
  },
};

export const NAMECHEAP_DNS_COMMANDS: readonly NamecheapCommand[] = [
  getList,
  setCustom,
  setDefault,
  getHosts,
  setHosts,
];
