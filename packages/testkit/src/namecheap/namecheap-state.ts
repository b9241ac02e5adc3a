/**
 * The Namecheap emulator's state: one account (ApiUser) with its balance, domains (contacts inline,
 * host rows, nameservers, registrar lock, privacy subscription), privacy subscriptions, transfers
 * and the money ledger. Seeded from `resolveSeed` (seed-data.ts); ids are counters, so the same
 * options always give the same ids.
 */
import type { LedgerEntry } from '../emulator/emulator-types.js';
import type { ResolvedSeed, SeedRecord } from '../emulator/seed-data.js';
import { formatPence, toPence } from '../glauca/glauca-money.js';
import type { NamecheapContact, RoleContacts } from './namecheap-contacts.js';
import type { EmailType, NamecheapHost } from './namecheap-host-rules.js';
import { NAMECHEAP_TLD_RULES, type TldRule, tldType } from './namecheap-tlds.js';

export const NAMECHEAP_CURRENCY = 'USD';
export const NAMECHEAP_NAMESERVERS = ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'] as const;

const DAY_MS = 86_400_000;

export interface NamecheapDomain {
  id: number;
  /** ASCII (punycode), lower-case. */
  name: string;
  sld: string;
  tld: string;
  createdAt: Date;
  expiresAt: Date;
  /** Read-only through the API (no command sets it). */
  autoRenew: boolean;
  registrarLock: boolean;
  premium: boolean;
  contacts: RoleContacts;
  /** Extended attributes of a ccTLD (`RegistrantNexus` …), as `getContacts` lists them. */
  attributes: Record<string, string>;
  nameservers: string[];
  usingOurDns: boolean;
  emailType: EmailType;
  /** Rows `getHosts` lists. */
  hosts: NamecheapHost[];
  /** Rows made in the web UI that the API never lists (SRV): `setHosts` deletes them with the rest. */
  hiddenHosts: NamecheapHost[];
  /** The attached privacy subscription, 0 for none. */
  whoisguardId: number;
}

export interface WhoisguardSubscription {
  id: number;
  /** The domain it is attached to, or null (free). */
  domain: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  enabled: boolean;
  forwardedTo: string;
}

export type TransferCategory = 'INPROGRESS' | 'COMPLETED' | 'CANCELLED';

export interface NamecheapTransfer {
  id: number;
  domain: string;
  orderId: number;
  transactionId: number;
  chargedAmount: string;
  statusId: number;
  status: string;
  category: TransferCategory;
  createdAt: Date;
  statusDate: Date;
  /** Where the transfer ends: 5 completed, or a cancellation id (20, 21, 32). */
  outcome: number;
}

/** Transfer statuses the emulator moves through (id → text, category). */
export const TRANSFER_STATUSES: Readonly<Record<number, { text: string; category: TransferCategory }>> = {
  [-1]: { text: 'Queued for submission', category: 'INPROGRESS' },
  14: { text: 'Transfer initiated, awaiting release from the losing registrar', category: 'INPROGRESS' },
  5: { text: 'Transferred and paid successfully', category: 'COMPLETED' },
  20: {
    text: 'Canceled - Domain is currently not registered and cannot be transferred',
    category: 'CANCELLED',
  },
  21: { text: 'Canceled - Domain is already in your account', category: 'CANCELLED' },
  32: { text: 'Canceled - Invalid EPP/authorization key', category: 'CANCELLED' },
};

export interface NamecheapStateOptions {
  userName: string;
  now: () => Date;
  balance: string;
  icannFee: string;
  newDomainEmailType: EmailType;
  rejectedAuthCodes: string[];
  transferAdvance: 'on-read' | 'manual';
  sandbox: boolean;
}

function blankContact(): NamecheapContact {
  return {
    OrganizationName: '',
    JobTitle: '',
    FirstName: 'Emulator',
    LastName: 'Owner',
    Address1: '1 Test Street',
    Address2: '',
    City: 'Phoenix',
    StateProvince: 'AZ',
    StateProvinceChoice: 'S',
    PostalCode: '85001',
    Country: 'US',
    Phone: '+1.6025550100',
    Fax: '',
    EmailAddress: 'owner@example.com',
    PhoneExt: '',
  };
}

export function defaultContacts(): RoleContacts {
  return {
    Registrant: blankContact(),
    Tech: blankContact(),
    Admin: blankContact(),
    AuxBilling: blankContact(),
  };
}

export class NamecheapState {
  readonly currency = NAMECHEAP_CURRENCY;
  readonly domains = new Map<string, NamecheapDomain>();
  readonly whoisguards = new Map<number, WhoisguardSubscription>();
  readonly transfers = new Map<number, NamecheapTransfer>();
  readonly ledger: LedgerEntry[] = [];
  /** Account balance in cents (drawn by charges, except in the sandbox). */
  balanceCents: number;
  /** Premium names and their prices (registration, renewal, restore, transfer) as `domains.check` quotes them. */
  readonly premium = new Map<string, string>();
  private nextDomainId = 500_001;
  private nextHostIdValue = 700_001;
  private nextWhoisguardId = 480_001;
  private nextTransferId = 15;
  private nextOrderId = 22_001;
  private nextTransactionId = 51_001;

  constructor(
    readonly seed: ResolvedSeed,
    readonly options: NamecheapStateOptions,
  ) {
    this.balanceCents = toPence(options.balance);
    for (const [name, price] of Object.entries(seed.premiumNames)) this.premium.set(name, price);
    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      const domain = this.addDomain(name, {
        createdAt: dates.createdAt,
        expiresAt: dates.expiresAt,
        contacts: defaultContacts(),
        autoRenew: i % 2 === 0,
        registrarLock: true,
      });
      domain.hosts = seed.records(name).map((record) => this.hostFromSeed(record));
      domain.emailType = domain.hosts.some((h) => h.type === 'MX') ? 'MX' : 'NONE';
      // Privacy: even domains enabled, odd ones attached but off, the IDN domain none.
      if (name !== seed.idnDomain)
        this.attachWhoisguard(domain, i % 2 === 0, domain.contacts.Registrant.EmailAddress);
    });
    // Two free (unattached) subscriptions, for whoisguard.allot.
    for (let i = 0; i < 2; i++) this.newWhoisguard(null);
  }

  now(): Date {
    return this.options.now();
  }

  tldRule(tld: string): TldRule | undefined {
    return Object.hasOwn(this.seed.tldPrices, tld) ? (NAMECHEAP_TLD_RULES[tld] ?? { tld }) : undefined;
  }

  /** The seeded TLD of a name (longest suffix), or null. */
  tldOf(name: string): string | null {
    return this.seed.tldOf(name);
  }

  nextHostId(): number {
    return this.nextHostIdValue++;
  }

  nextOrder(): { orderId: number; transactionId: number } {
    return { orderId: this.nextOrderId++, transactionId: this.nextTransactionId++ };
  }

  isExpired(domain: NamecheapDomain): boolean {
    return domain.expiresAt.getTime() <= this.now().getTime();
  }

  addDomain(
    name: string,
    init: {
      createdAt: Date;
      expiresAt: Date;
      contacts: RoleContacts;
      autoRenew?: boolean;
      registrarLock?: boolean;
      premium?: boolean;
      attributes?: Record<string, string>;
      nameservers?: string[];
    },
  ): NamecheapDomain {
    const tld = this.tldOf(name) ?? name.slice(name.indexOf('.') + 1);
    const custom = init.nameservers !== undefined && init.nameservers.length > 0;
    const domain: NamecheapDomain = {
      id: this.nextDomainId++,
      name,
      sld: name.slice(0, name.length - tld.length - 1),
      tld,
      createdAt: init.createdAt,
      expiresAt: init.expiresAt,
      autoRenew: init.autoRenew ?? false,
      registrarLock: init.registrarLock ?? false,
      premium: init.premium ?? false,
      contacts: init.contacts,
      attributes: init.attributes ?? {},
      nameservers: custom ? [...init.nameservers!] : [...NAMECHEAP_NAMESERVERS],
      usingOurDns: !custom,
      emailType: this.options.newDomainEmailType,
      hosts: [],
      hiddenHosts: [],
      whoisguardId: 0,
    };
    this.domains.set(name, domain);
    return domain;
  }

  /** The two parking rows Namecheap puts on a newly registered domain. */
  parkingHosts(name: string): NamecheapHost[] {
    return [
      this.host('www', 'CNAME', 'parkingpage.namecheap.com.', 10, 1800, '', 'CNAME Record'),
      this.host('@', 'URL', `http://www.${name}/`, 10, 1800, 'URL Forwarding', 'URL Record'),
    ];
  }

  host(
    name: string,
    type: string,
    address: string,
    mxPref: number,
    ttl: number,
    associatedAppTitle = '',
    friendlyName = '',
  ): NamecheapHost {
    return {
      hostId: this.nextHostId(),
      name,
      type,
      address,
      mxPref,
      ttl,
      associatedAppTitle,
      friendlyName,
      isActive: true,
      isDdnsEnabled: false,
    };
  }

  private hostFromSeed(record: SeedRecord): NamecheapHost {
    const target = record.type === 'CNAME' || record.type === 'MX';
    const address = target && !record.content.endsWith('.') ? `${record.content}.` : record.content;
    return this.host(record.name, record.type, address, record.priority ?? 10, record.ttl);
  }

  newWhoisguard(domain: string | null): WhoisguardSubscription {
    const now = this.now();
    const subscription: WhoisguardSubscription = {
      id: this.nextWhoisguardId++,
      domain,
      createdAt: now,
      expiresAt: domain === null ? null : new Date(now.getTime() + 365 * DAY_MS),
      enabled: false,
      forwardedTo: '',
    };
    this.whoisguards.set(subscription.id, subscription);
    return subscription;
  }

  attachWhoisguard(domain: NamecheapDomain, enabled: boolean, forwardedTo: string): WhoisguardSubscription {
    const subscription = this.newWhoisguard(domain.name);
    subscription.enabled = enabled;
    subscription.forwardedTo = forwardedTo;
    subscription.expiresAt = new Date(domain.expiresAt);
    domain.whoisguardId = subscription.id;
    return subscription;
  }

  whoisguardOf(domain: NamecheapDomain): WhoisguardSubscription | undefined {
    return domain.whoisguardId === 0 ? undefined : this.whoisguards.get(domain.whoisguardId);
  }

  /**
   * Records a charge: the ledger entry and the balance, except in the sandbox (no money moves).
   * Returns false when the balance does not cover it.
   */
  charge(operation: LedgerEntry['operation'], domain: string, cents: number): boolean {
    if (this.options.sandbox) return true;
    if (cents > this.balanceCents) return false;
    this.balanceCents -= cents;
    this.ledger.push({
      operation,
      domain,
      amount: formatPence(cents),
      currency: NAMECHEAP_CURRENCY,
      at: this.now(),
      requestSeq: 0,
    });
    return true;
  }

  /** Per-year price in cents of an action for a TLD (REGISTER/RENEW/TRANSFER/REACTIVATE). */
  yearPriceCents(tld: string, action: 'register' | 'renew' | 'transfer' | 'reactivate'): number {
    const prices = this.seed.tldPrices[tld]!;
    const key = action === 'reactivate' ? 'restore' : action;
    return toPence(prices[key] ?? prices.renew);
  }

  /** The ICANN fee per year in cents (gTLDs only). */
  feeCents(tld: string): number {
    const rule = this.tldRule(tld);
    return rule && tldType(rule) === 'CCTLD' ? 0 : toPence(this.options.icannFee);
  }

  newTransfer(domain: string, chargedAmount: string, outcome: number): NamecheapTransfer {
    const now = this.now();
    const { orderId, transactionId } = this.nextOrder();
    const transfer: NamecheapTransfer = {
      id: this.nextTransferId++,
      domain,
      orderId,
      transactionId,
      chargedAmount,
      statusId: -1,
      status: TRANSFER_STATUSES[-1]!.text,
      category: 'INPROGRESS',
      createdAt: now,
      statusDate: now,
      outcome,
    };
    this.transfers.set(transfer.id, transfer);
    return transfer;
  }

  /** Moves a transfer to a status; a completed transfer puts the domain in the account. */
  setTransferStatus(id: number, statusId: number): NamecheapTransfer {
    const transfer = this.transfers.get(id);
    const status = TRANSFER_STATUSES[statusId];
    if (!transfer || !status) throw new RangeError(`unknown transfer ${id} or status ${statusId}`);
    transfer.statusId = statusId;
    transfer.status = status.text;
    transfer.category = status.category;
    transfer.statusDate = this.now();
    if (statusId === 5 && !this.domains.has(transfer.domain)) {
      const now = this.now();
      this.addDomain(transfer.domain, {
        createdAt: now,
        // Registered elsewhere until now; a transfer adds one year to the remaining term (90 days assumed).
        expiresAt: new Date(now.getTime() + (365 + 90) * DAY_MS),
        contacts: defaultContacts(),
        registrarLock: true,
      });
    }
    return transfer;
  }

  /** One step of an in-progress transfer: -1 → 14 → its outcome. */
  advanceTransfer(transfer: NamecheapTransfer): void {
    if (transfer.category !== 'INPROGRESS') return;
    this.setTransferStatus(
      transfer.id,
      transfer.statusId === -1 && transfer.outcome === 5 ? 14 : transfer.outcome,
    );
  }

  /** Test helper: moves a domain's expiry into the past (for reactivate). */
  expireDomain(name: string, daysAgo = 10): void {
    const domain = this.domains.get(name);
    if (!domain) throw new RangeError(`unknown domain ${name}`);
    domain.expiresAt = new Date(this.now().getTime() - daysAgo * DAY_MS);
  }

  /** Test helper: adds a row the API hides (an SRV record made in the web UI). */
  addHiddenHost(
    name: string,
    host: Omit<NamecheapHost, 'hostId' | 'isActive' | 'isDdnsEnabled'>,
  ): NamecheapHost {
    const domain = this.domains.get(name);
    if (!domain) throw new RangeError(`unknown domain ${name}`);
    const row = { ...host, hostId: this.nextHostId(), isActive: true, isDdnsEnabled: false };
    domain.hiddenHosts.push(row);
    return row;
  }

  balance(): string {
    return formatPence(this.balanceCents);
  }
}
