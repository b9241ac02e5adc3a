/**
 * The Porkbun emulator's state: one account (credit in cents, spend, verification), its domains
 * with their flags, nameservers, contacts, DNS records and DS data, inbound transfers, and the money
 * ledger. Seeded from `resolveSeed` (seed-data.ts) so the standard names exist; record ids are
 * monotonic numbers as Porkbun's are (docs/providers/porkbun.md#dns-records).
 */
import type { LedgerEntry } from '../emulator/emulator-types.js';
import type { ResolvedSeed } from '../emulator/seed-data.js';

export const PORKBUN_CURRENCY = 'USD';
/** Porkbun's own nameservers, the default delegation of a new domain. */
export const PORKBUN_DEFAULT_NAMESERVERS = [
  'curitiba.ns.porkbun.com',
  'fortaleza.ns.porkbun.com',
  'maceio.ns.porkbun.com',
  'salvador.ns.porkbun.com',
] as const;
/** Target of the parking records a new domain starts with. */
export const PORKBUN_PARKING_TARGET = 'pixie.porkbun.com';

export type PorkbunTransferStatus =
  | 'NEW'
  | 'PENDINGAUTH'
  | 'PENDINGSUBMIT'
  | 'PENDINGTRANSFER'
  | 'DONE'
  | 'CANCELED'
  | 'INIT'
  | 'PENDINGDNS';

export interface PorkbunRecord {
  id: number;
  /** Relative name, `''` for the apex. */
  name: string;
  type: string;
  content: string;
  ttl: number;
  prio: number | null;
  notes: string | null;
}

export interface PorkbunDsRecord {
  keyTag: string;
  alg: string;
  digestType: string;
  digest: string;
}

export interface PorkbunContact {
  firstName: string;
  lastName: string;
  organization: string;
  address1: string;
  address2: string;
  address3: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  phoneCountryCode: string;
  fax: string;
  email: string;
}

export const CONTACT_ROLES = ['registrant', 'admin', 'tech', 'billing'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface PorkbunDomain {
  /** ASCII, lower-case. */
  name: string;
  tld: string;
  createdAt: Date;
  expiresAt: Date;
  lastRenewedAt: Date | null;
  securityLock: boolean;
  whoisPrivacy: boolean;
  autoRenew: boolean;
  apiAccess: boolean;
  nameservers: string[];
  labels: { id: string; title: string; color: string }[];
  contacts: Record<ContactRole, PorkbunContact>;
  records: PorkbunRecord[];
  /** Keyed by key tag. */
  ds: Map<string, PorkbunDsRecord>;
}

export interface PorkbunTransfer {
  transferId: number;
  orderId: number;
  domain: string;
  status: PorkbunTransferStatus;
  startedAt: Date;
}

export interface PorkbunAccountOptions {
  balanceCents: number;
  verified: boolean;
  hasPriorRegistration: boolean;
  monthlySpendLimitCents: number | null;
  minTtl: number;
  /** Domains of the seeded portfolio that are not opted in to API access. */
  apiAccessDisabled: string[];
  now: () => Date;
}

const DEFAULT_CONTACT: PorkbunContact = {
  firstName: 'Test',
  lastName: 'Owner',
  organization: '',
  address1: '1 Example Street',
  address2: '',
  address3: '',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
  country: 'US',
  phone: '5035550100',
  phoneCountryCode: '1',
  fax: '',
  email: 'owner@example.com',
};

/** Every field of a contact, in Porkbun's order. */
export const CONTACT_FIELDS = Object.keys(DEFAULT_CONTACT) as (keyof PorkbunContact)[];

function defaultContacts(): Record<ContactRole, PorkbunContact> {
  return {
    registrant: { ...DEFAULT_CONTACT },
    admin: { ...DEFAULT_CONTACT },
    tech: { ...DEFAULT_CONTACT },
    billing: { ...DEFAULT_CONTACT },
  };
}

export class PorkbunState {
  readonly domains = new Map<string, PorkbunDomain>();
  readonly transfers: PorkbunTransfer[] = [];
  readonly ledger: LedgerEntry[] = [];
  balanceCents: number;
  verified: boolean;
  hasPriorRegistration: boolean;
  monthlySpendLimitCents: number | null;
  monthlySpendCents = 0;
  minTtl: number;
  readonly now: () => Date;
  private nextRecordId = 100_000_001;
  private nextOrderId = 12_345_678;
  private nextTransferId = 98_765;

  constructor(
    readonly seed: ResolvedSeed,
    options: PorkbunAccountOptions,
  ) {
    this.balanceCents = options.balanceCents;
    this.verified = options.verified;
    this.hasPriorRegistration = options.hasPriorRegistration;
    this.monthlySpendLimitCents = options.monthlySpendLimitCents;
    this.minTtl = options.minTtl;
    this.now = options.now;
    const disabled = new Set(options.apiAccessDisabled.map((d) => d.toLowerCase()));
    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      const domain = this.newDomain(name, dates.createdAt, dates.expiresAt);
      domain.apiAccess = !disabled.has(name);
      if (i === 0) domain.labels.push({ id: '27240', title: 'seeded', color: '#ff9e9e' });
      for (const r of seed.records(name)) {
        this.addRecord(domain, {
          name: r.name === '@' ? '' : r.name,
          type: r.type,
          content: r.content,
          ttl: r.ttl,
          prio: r.priority,
          notes: null,
        });
      }
    });
  }

  private newDomain(name: string, createdAt: Date, expiresAt: Date): PorkbunDomain {
    const domain: PorkbunDomain = {
      name,
      tld: this.seed.tldOf(name) ?? name.slice(name.indexOf('.') + 1),
      createdAt,
      expiresAt,
      lastRenewedAt: null,
      securityLock: true,
      whoisPrivacy: true,
      autoRenew: false,
      apiAccess: true,
      nameservers: [...PORKBUN_DEFAULT_NAMESERVERS],
      labels: [],
      contacts: defaultContacts(),
      records: [],
      ds: new Map(),
    };
    this.domains.set(name, domain);
    return domain;
  }

  /** A domain that joins the account (registration or completed transfer), with the parking records. */
  addDomain(name: string, years: number, options: { whoisPrivacy?: boolean } = {}): PorkbunDomain {
    const createdAt = this.now();
    const expiresAt = new Date(createdAt);
    expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + years);
    const domain = this.newDomain(name, createdAt, expiresAt);
    if (options.whoisPrivacy !== undefined) domain.whoisPrivacy = options.whoisPrivacy;
    for (const [recordName, type] of [
      ['', 'ALIAS'],
      ['*', 'CNAME'],
    ] as const) {
      this.addRecord(domain, {
        name: recordName,
        type,
        content: PORKBUN_PARKING_TARGET,
        ttl: this.minTtl,
        prio: null,
        notes: null,
      });
    }
    return domain;
  }

  addRecord(domain: PorkbunDomain, fields: Omit<PorkbunRecord, 'id'>): PorkbunRecord {
    const record: PorkbunRecord = { id: this.nextRecordId++, ...fields };
    domain.records.push(record);
    return record;
  }

  newOrderId(): number {
    return this.nextOrderId++;
  }

  newTransferId(): number {
    return this.nextTransferId++;
  }

  /** Debits the account and writes the ledger entry of a charge. */
  charge(
    operation: LedgerEntry['operation'],
    domain: string,
    cents: number,
    amount: string,
    requestSeq: number,
  ): void {
    this.balanceCents -= cents;
    this.monthlySpendCents += cents;
    this.ledger.push({ operation, domain, amount, currency: PORKBUN_CURRENCY, at: this.now(), requestSeq });
  }

  /** The most recent transfer of a domain. */
  latestTransfer(domain: string): PorkbunTransfer | undefined {
    for (let i = this.transfers.length - 1; i >= 0; i--)
      if (this.transfers[i]!.domain === domain) return this.transfers[i];
    return undefined;
  }

  /** Sets a transfer's status; `DONE` adds the domain to the account. */
  setTransferStatus(domain: string, status: PorkbunTransferStatus): void {
    const transfer = this.latestTransfer(domain.toLowerCase());
    if (!transfer) throw new Error(`no transfer for ${domain}`);
    transfer.status = status;
    if (status === 'DONE' && !this.domains.has(transfer.domain)) this.addDomain(transfer.domain, 1);
  }
}
