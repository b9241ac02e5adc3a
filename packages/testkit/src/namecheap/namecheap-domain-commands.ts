/**
 * The `namecheap.domains.*` read/update commands: getList, getInfo, getContacts, setContacts,
 * getRegistrarLock, setRegistrarLock, getTldList (docs/providers/namecheap.md#domain-commands).
 */
import type { NamecheapCommand } from './namecheap-commands.js';
import { page } from './namecheap-commands.js';
import {
  CONTACT_ROLES,
  contactElement,
  privacyProxyContact,
  readContacts,
  readExtendedAttributes,
} from './namecheap-contacts.js';
import { domainNameParam, ownedDomain } from './namecheap-domain-lookup.js';
import { NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapDomain, NamecheapState } from './namecheap-state.js';
import { TRANSFERABLE_TLDS, tldType } from './namecheap-tlds.js';
import { element, usDate, type XmlNode } from './namecheap-xml.js';

const DAY_MS = 86_400_000;
/** `ListType=EXPIRING`: expiring within this many days (the docs give no window). */
export const EXPIRING_WITHIN_DAYS = 30;
const NO_DATE = '0001-01-01T00:00:00';

const SORTS: Record<string, (a: NamecheapDomain, b: NamecheapDomain) => number> = {
  NAME: (a, b) => a.name.localeCompare(b.name),
  EXPIREDATE: (a, b) => a.expiresAt.getTime() - b.expiresAt.getTime(),
  CREATEDATE: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
};

function whoisGuardColumn(state: NamecheapState, domain: NamecheapDomain): string {
  const subscription = state.whoisguardOf(domain);
  if (!subscription) return 'NOTPRESENT';
  return subscription.enabled ? 'ENABLED' : 'DISABLED';
}

const getList: NamecheapCommand = {
  name: 'namecheap.domains.getList',
  operation: 'listDomains',
  run({ state, params }) {
    const now = state.now().getTime();
    const listType = params.get('ListType')?.toUpperCase() ?? 'ALL';
    const term = params.get('SearchTerm')?.toLowerCase();
    let domains = [...state.domains.values()];
    if (listType === 'EXPIRED') domains = domains.filter((d) => state.isExpired(d));
    if (listType === 'EXPIRING')
      domains = domains.filter(
        (d) => !state.isExpired(d) && d.expiresAt.getTime() - now <= EXPIRING_WITHIN_DAYS * DAY_MS,
      );
    if (term !== undefined) domains = domains.filter((d) => d.name.includes(term));
    const sortBy = params.get('SortBy')?.toUpperCase();
    if (sortBy !== undefined) {
      const compare = SORTS[sortBy.replace(/_DESC$/, '')];
      if (compare) domains.sort(sortBy.endsWith('_DESC') ? (a, b) => compare(b, a) : compare);
    }
    const { rows, paging } = page(domains, params, { min: 10, max: 100, fallback: 20 });
    return {
      DomainGetListResult: {
        Domain: rows.map((d) =>
          element({
            ID: d.id,
            Name: d.name,
            User: state.options.userName,
            Created: usDate(d.createdAt),
            Expires: usDate(d.expiresAt),
            IsExpired: state.isExpired(d),
            IsLocked: d.registrarLock,
            AutoRenew: d.autoRenew,
            WhoisGuard: whoisGuardColumn(state, d),
            IsPremium: d.premium,
            IsOurDNS: d.usingOurDns,
          }),
        ),
      },
      Paging: paging,
    };
  },
};

const PREMIUM_DNS: XmlNode = {
  UseAutoRenew: 'false',
  SubscriptionId: '-1',
  CreatedDate: NO_DATE,
  ExpirationDate: NO_DATE,
  IsActive: 'false',
};

/** What getInfo answers for a domain not in the account (a zero-filled result, error 2030166). */
export const GET_INFO_SKELETON: XmlNode = {
  DomainGetInfoResult: element(
    { ID: 0, IsOwner: false, IsPremium: false },
    {
      DomainDetails: { NumYears: '0' },
      LockDetails: '',
      Whoisguard: { ID: '0' },
      PremiumDnsSubscription: PREMIUM_DNS,
      DnsDetails: element({ IsUsingOurDNS: false, HostCount: 0, DynamicDNSStatus: false, IsFailover: false }),
      Modificationrights: '',
    },
  ),
};

/** The privacy e-mail shown in WHOIS for a subscription. */
export function privacyEmail(id: number): string {
  return `${id.toString(16).padStart(32, '0')}.protect@whoisguard.com`;
}

function whoisguardElement(state: NamecheapState, domain: NamecheapDomain): XmlNode {
  const subscription = state.whoisguardOf(domain);
  if (!subscription) return element({ Enabled: 'NotAlloted' }, { ID: '0' });
  return element(
    { Enabled: subscription.enabled ? 'True' : 'False' },
    {
      ID: String(subscription.id),
      ExpiredDate: subscription.expiresAt ? usDate(subscription.expiresAt) : '',
      EmailDetails: element({
        WhoisGuardEmail: privacyEmail(subscription.id),
        ForwardedTo: subscription.forwardedTo,
        LastAutoEmailChangeDate: usDate(subscription.createdAt),
        AutoEmailChangeFrequencyDays: 3,
      }),
    },
  );
}

const getInfo: NamecheapCommand = {
  name: 'namecheap.domains.getInfo',
  operation: 'getDomain',
  run({ state, params }) {
    const name = domainNameParam(params);
    const domain = state.domains.get(name);
    if (!domain) throw new NamecheapError(NC.DOMAIN_EDIT_INVALID, 'Domain is invalid', GET_INFO_SKELETON);
    return {
      DomainGetInfoResult: element(
        {
          Status: state.isExpired(domain) ? 'Expired' : 'Ok',
          ID: domain.id,
          DomainName: domain.name,
          OwnerName: state.options.userName,
          IsOwner: true,
          IsPremium: domain.premium,
        },
        {
          DomainDetails: {
            CreatedDate: usDate(domain.createdAt),
            ExpiredDate: usDate(domain.expiresAt),
            NumYears: '0',
          },
          LockDetails: '',
          Whoisguard: whoisguardElement(state, domain),
          PremiumDnsSubscription: PREMIUM_DNS,
          DnsDetails: element(
            {
              ProviderType: domain.usingOurDns ? 'FREE' : 'CUSTOM',
              IsUsingOurDNS: domain.usingOurDns,
              HostCount: domain.hosts.length,
              EmailType: domain.emailType,
              DynamicDNSStatus: false,
              IsFailover: false,
            },
            { Nameserver: [...domain.nameservers] },
          ),
          Modificationrights: element({ All: true }),
        },
      ),
    };
  },
};

const getContacts: NamecheapCommand = {
  name: 'namecheap.domains.getContacts',
  operation: 'getContacts',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    const roles: XmlNode = {};
    const proxies: XmlNode = {};
    const proxy = privacyProxyContact(privacyEmail(domain.whoisguardId));
    for (const role of CONTACT_ROLES) {
      roles[role] = contactElement(domain.contacts[role], false);
      proxies[role] = contactElement(proxy, true);
    }
    return {
      DomainContactsResult: element(
        { Domain: domain.name, domainnameid: domain.id },
        {
          ...roles,
          CurrentAttributes: { ...domain.attributes },
          WhoisGuardContact: { ...proxies, CurrentAttributes: '' },
        },
      ),
    };
  },
};

const setContacts: NamecheapCommand = {
  name: 'namecheap.domains.setContacts',
  operation: 'setContacts',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    const contacts = readContacts(params);
    const attributes = readExtendedAttributes(domain.tld, params, false);
    domain.contacts = contacts;
    if (attributes) domain.attributes = attributes;
    return { DomainSetContactResult: element({ Domain: domain.name, IsSuccess: true }) };
  },
};

const getRegistrarLock: NamecheapCommand = {
  name: 'namecheap.domains.getRegistrarLock',
  operation: 'getRegistrarLock',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    return {
      DomainGetRegistrarLockResult: element({
        Domain: domain.name,
        RegistrarLockStatus: domain.registrarLock,
      }),
    };
  },
};

const setRegistrarLock: NamecheapCommand = {
  name: 'namecheap.domains.setRegistrarLock',
  operation: 'setRegistrarLock',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    const action = params.get('LockAction')?.toUpperCase() ?? 'LOCK';
    if (action !== 'LOCK' && action !== 'UNLOCK')
      throw new NamecheapError(NC.LOCK_ACTION_INVALID, 'LockAction is invalid');
    domain.registrarLock = action === 'LOCK';
    return { DomainSetRegistrarLockResult: element({ Domain: domain.name, IsSuccess: true }) };
  },
};

const getTldList: NamecheapCommand = {
  name: 'namecheap.domains.getTldList',
  operation: 'getTldRequirements',
  run({ state }) {
    const tlds = Object.keys(state.seed.tldPrices).sort();
    return {
      Tlds: {
        Tld: tlds.map((tld, i) => {
          const rule = state.tldRule(tld) ?? { tld };
          const min = rule.minYears ?? 1;
          const max = rule.maxYears ?? 10;
          return element(
            {
              Name: tld,
              NonRealTimeDomain: false,
              MinRegisterYears: min,
              MaxRegisterYears: max,
              MinRenewYears: min,
              MaxRenewYears: max,
              MinTransferYears: 1,
              MaxTransferYears: 1,
              IsApiRegisterable: true,
              IsApiRenewable: true,
              IsApiTransferable: TRANSFERABLE_TLDS.has(tld),
              IsEppRequired: TRANSFERABLE_TLDS.has(tld),
              IsDisableModContact: false,
              IsDisableWGAllot: rule.noPrivacy === true,
              IsIncludeInExtendedSearchOnly: false,
              SequenceNumber: i + 1,
              Type: tldType(rule),
              IsSupportsIDN: tldType(rule) === 'GTLD',
              Category: tldType(rule) === 'GTLD' ? 'P' : 'A',
            },
            { '#text': rule.description ?? `${tld.toUpperCase()} domain` },
          );
        }),
      },
    };
  },
};

export const NAMECHEAP_DOMAIN_COMMANDS: readonly NamecheapCommand[] = [
  getList,
  getInfo,
  getContacts,
  setContacts,
  getRegistrarLock,
  setRegistrarLock,
  getTldList,
];
