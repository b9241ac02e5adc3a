/**
 * The PocketDNS emulator's state: partner users, their domains with DNS records, transfers, and
 * the money ledger. Seeded deterministically from `resolveSeed` (seed-data.ts); every id comes from
 * the seeded PRNG, so the same options always give the same ids.
 */

import type { LedgerEntry } from '../emulator/emulator-types.js';
import { createPrng } from '../emulator/prng.js';
import { isValidDomainName, type ResolvedSeed } from '../emulator/seed-data.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import type { PocketDnsRecordFields, RecordForms } from './pocketdns-validation.js';

export type PocketDnsDomainStatus = 'active' | 'pending' | 'expired' | 'suspended';
export type PocketDnsTransferStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

export const POCKETDNS_CURRENCY = 'USD';
export const POCKETDNS_NAMESERVERS = ['ns1.pocketdns.com', 'ns2.pocketdns.com'] as const;
/** The docs: "Handle transfer delays appropriately (can take 5-7 days)". */
export const TRANSFER_ESTIMATED_DAYS = 7;
/** Where the docs are silent, a name registered elsewhere is assumed to expire 90 days after the transfer starts. */
export const TRANSFER_PREVIOUS_EXPIRY_DAYS = 90;
/**
 * `login_url` "valid 24 hours" (https://docs.pocketdns.com/api-reference/users;
 * docs/providers/pocketdns.md#users).
 */
export const SESSION_HOURS = 24;

const DAY_MS = 86_400_000;

export interface PocketDnsRecord extends PocketDnsRecordFields {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PocketDnsDomain {
  id: string;
  /** ASCII (punycode), lower-case. */
  name: string;
  userIdentifier: string;
  status: PocketDnsDomainStatus;
  purchasedAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  autoRenew: boolean;
  whoisPrivacy: boolean;
  nameservers: string[];
  records: PocketDnsRecord[];
  /** False for a domain of another partner: every request for it answers 403 `forbidden`. */
  accessible: boolean;
}

export interface PocketDnsSession {
  token: string;
  loginUrl: string;
  expiresAt: Date;
}

export interface PocketDnsUser {
  userIdentifier: string;
  email: string | null;
  createdAt: Date;
  sessions: PocketDnsSession[];
}

export interface PocketDnsTransfer {
  id: string;
  domainName: string;
  userIdentifier: string;
  authCode: string;
  extendRegistration: boolean;
  status: PocketDnsTransferStatus;
  startedAt: Date;
  estimatedCompletion: Date;
  completedAt: Date | null;
  domainId: string | null;
  cost: string;
  currency: string;
  /**
   * Decided when the transfer starts: true when the auth code is one of `rejectedAuthCodes`, or when
   * the shared registry refuses the request (wrong code, lock, 60-day lock).
   */
  willFail: boolean;
}

export interface PocketDnsStateOptions {
  /** Owner of the seeded domains (default `user_123`). */
  userIdentifier: string;
  /** Clock for timestamps written by requests (seeded data uses fixed dates). */
  now: () => Date;
  /** Auth codes with which a transfer ends `failed` instead of `completed`. */
  rejectedAuthCodes: string[];
  /** `on-read`: each transfer status read moves pending → in_progress → completed/failed. `manual`: only `setTransferStatus`. */
  transferAdvance: 'on-read' | 'manual';
  /** Which record forms the DNS endpoints accept (see `RecordForms` in pocketdns-validation.ts). */
  recordForms?: RecordForms;
  /** A registry shared with other emulators, so a domain can be transferred in from them (emulator/transfer-registry.ts). */
  registry?: TransferRegistry;
}

/** PocketDNS's id at a shared TransferRegistry. */
export const POCKETDNS_REGISTRAR_ID = 'pocketdns';

export type NameAvailability = 'invalid' | 'unsupported-tld' | 'registered' | 'premium' | 'available';

export interface AddDomainInput {
  name: string;
  userIdentifier?: string;
  status?: PocketDnsDomainStatus;
  purchasedAt?: Date;
  expiresAt?: Date;
  autoRenew?: boolean;
  whoisPrivacy?: boolean;
  /** False makes the domain belong to another partner (403 on every request for it). */
  accessible?: boolean;
  records?: PocketDnsRecordFields[];
}

/** Decimal string → integer cents ("12.99" → 1299). */
export function toCents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** Integer cents → decimal string with two places (1299 → "12.99"). */
export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

export class PocketDnsState {
  readonly domains = new Map<string, PocketDnsDomain>();
  readonly users = new Map<string, PocketDnsUser>();
  readonly transfers = new Map<string, PocketDnsTransfer>();
  readonly ledger: LedgerEntry[] = [];
  readonly currency = POCKETDNS_CURRENCY;
  readonly defaultUser: string;
  readonly now: () => Date;
  readonly rejectedAuthCodes: Set<string>;
  transferAdvance: 'on-read' | 'manual';
  readonly recordForms: RecordForms;
  readonly registry: TransferRegistry | undefined;
  private readonly random: () => number;
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, string>();

  constructor(
    readonly seed: ResolvedSeed,
    options: PocketDnsStateOptions,
  ) {
    this.defaultUser = options.userIdentifier;
    this.now = options.now;
    this.rejectedAuthCodes = new Set(options.rejectedAuthCodes);
    this.transferAdvance = options.transferAdvance;
    this.recordForms = options.recordForms ?? 'lenient';
    this.registry = options.registry;
    this.random = createPrng(seed.seed);
    const createdAt = seed.domainDates(0).createdAt;
    this.users.set(this.defaultUser, {
      userIdentifier: this.defaultUser,
      email: null,
      createdAt,
      sessions: [],
    });
    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      this.addDomain({
        name,
        purchasedAt: dates.createdAt,
        expiresAt: dates.expiresAt,
        records: seed.records(name),
      }).updatedAt = dates.updatedAt;
    });
  }

  /** A new id `<prefix>_` + 10 base-36 characters from the seeded PRNG, unique in this emulator. */
  newId(prefix: 'dom' | 'rec' | 'txr'): string {
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 10; i++) suffix += Math.floor(this.random() * 36).toString(36);
      const id = `${prefix}_${suffix}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /** A session token (24 hex characters) from the seeded PRNG. */
  newToken(): string {
    let token = '';
    for (let i = 0; i < 24; i++) token += Math.floor(this.random() * 16).toString(16);
    return token;
  }

  domainByName(name: string): PocketDnsDomain | undefined {
    const id = this.byName.get(name.toLowerCase());
    return id === undefined ? undefined : this.domains.get(id);
  }

  /** The user's domains, in the order they were added (the seed's portfolio order). */
  domainsOf(userIdentifier: string): PocketDnsDomain[] {
    return [...this.domains.values()].filter((d) => d.userIdentifier === userIdentifier && d.accessible);
  }

  ensureUser(userIdentifier: string, email: string | null = null): PocketDnsUser {
    let user = this.users.get(userIdentifier);
    if (!user) {
      user = { userIdentifier, email, createdAt: this.now(), sessions: [] };
      this.users.set(userIdentifier, user);
    } else if (email !== null) {
      user.email = email;
    }
    return user;
  }

  /** Puts a domain in the state (test helper; also used for seeding and completed transfers). */
  addDomain(input: AddDomainInput): PocketDnsDomain {
    const name = input.name.toLowerCase();
    if (this.byName.has(name)) throw new Error(`pocketdns emulator: domain ${name} already exists`);
    const userIdentifier = input.userIdentifier ?? this.defaultUser;
    if (input.accessible !== false) this.ensureUser(userIdentifier);
    const purchasedAt = input.purchasedAt ?? this.now();
    const id = this.newId('dom');
    const recordTime = new Date(purchasedAt.getTime() + 3_600_000);
    const domain: PocketDnsDomain = {
      id,
      name,
      userIdentifier,
      status: input.status ?? 'active',
      purchasedAt,
      expiresAt: input.expiresAt ?? addYears(purchasedAt, 1),
      updatedAt: purchasedAt,
      autoRenew: input.autoRenew ?? true,
      whoisPrivacy: input.whoisPrivacy ?? true,
      nameservers: [...POCKETDNS_NAMESERVERS],
      records: (input.records ?? []).map((record) => ({
        ...record,
        id: this.newId('rec'),
        createdAt: recordTime,
        updatedAt: recordTime,
      })),
      accessible: input.accessible ?? true,
    };
    this.domains.set(id, domain);
    this.byName.set(name, id);
    return domain;
  }

  /**
   * Simulates a purchase in the embedded shop (the API has no register endpoint): the domain is
   * added to the user and the registration charged to the ledger.
   */
  purchaseDomain(userIdentifier: string, name: string, years = 1, requestSeq = 0): PocketDnsDomain {
    const price = this.priceOf(name, 'register');
    if (price === null) throw new Error(`pocketdns emulator: ${name} is in an unsupported TLD`);
    const purchasedAt = this.now();
    const domain = this.addDomain({
      name,
      userIdentifier,
      purchasedAt,
      expiresAt: addYears(purchasedAt, years),
    });
    this.charge('register', domain.name, fromCents(toCents(price) * years), requestSeq);
    return domain;
  }

  charge(operation: LedgerEntry['operation'], domain: string, amount: string, requestSeq: number): void {
    this.ledger.push({ operation, domain, amount, currency: this.currency, at: this.now(), requestSeq });
  }

  /** Availability as the registry sees it: names in this state count as registered. */
  availabilityOf(name: string): NameAvailability {
    const lower = name.toLowerCase();
    if (!isValidDomainName(lower)) return 'invalid';
    if (this.seed.tldOf(lower) === null) return 'unsupported-tld';
    if (this.byName.has(lower)) return 'registered';
    if (this.registry?.sponsorOf(lower)) return 'registered';
    return this.seed.availability(lower);
  }

  priceOf(name: string, operation: 'register' | 'renew' | 'transfer'): string | null {
    return this.seed.priceOf(name.toLowerCase(), operation);
  }

  /** Renews a domain: moves `expires_at` by `years` and charges the renewal. */
  renew(domain: PocketDnsDomain, years: number, requestSeq: number): { cost: string; renewedAt: Date } {
    const price = this.priceOf(domain.name, 'renew') ?? '0.00';
    const cost = fromCents(toCents(price) * years);
    const renewedAt = this.now();
    domain.expiresAt = addYears(domain.expiresAt, years);
    if (domain.status === 'expired') domain.status = 'active';
    domain.updatedAt = renewedAt;
    this.charge('renew', domain.name, cost, requestSeq);
    return { cost, renewedAt };
  }

  /** Starts a transfer and charges its cost (the initiation response quotes it). */
  startTransfer(
    input: { domainName: string; userIdentifier: string; authCode: string; extendRegistration: boolean },
    requestSeq: number,
  ): PocketDnsTransfer {
    const startedAt = this.now();
    const transfer: PocketDnsTransfer = {
      id: this.newId('txr'),
      ...input,
      status: 'pending',
      startedAt,
      estimatedCompletion: new Date(startedAt.getTime() + TRANSFER_ESTIMATED_DAYS * DAY_MS),
      completedAt: null,
      domainId: null,
      cost: this.priceOf(input.domainName, 'transfer') ?? '0.00',
      currency: this.currency,
      willFail:
        this.rejectedAuthCodes.has(input.authCode) || this.registryRefuses(input.domainName, input.authCode),
    };
    this.transfers.set(transfer.id, transfer);
    this.ensureUser(input.userIdentifier);
    this.charge('transfer', input.domainName, transfer.cost, requestSeq);
    return transfer;
  }

  /** The shared registry refuses a transfer of a name another emulator holds (names it does not know: no refusal). */
  private registryRefuses(name: string, authCode: string): boolean {
    if (!this.registry?.sponsorOf(name)) return false;
    return this.registry.checkTransfer(name, POCKETDNS_REGISTRAR_ID, authCode) !== null;
  }

  /** Removes a domain (transferred away through the shared registry). */
  removeDomain(name: string): void {
    const id = this.byName.get(name.toLowerCase());
    if (id === undefined) return;
    this.domains.delete(id);
    this.byName.delete(name.toLowerCase());
  }

  /** An unfinished transfer of this name, if any. */
  activeTransferOf(name: string): PocketDnsTransfer | undefined {
    return [...this.transfers.values()].find(
      (t) => t.domainName === name && (t.status === 'pending' || t.status === 'in_progress'),
    );
  }

  /** One step of a transfer's life: pending → in_progress → completed (or failed); final states stay. */
  advanceTransfer(transfer: PocketDnsTransfer): void {
    if (transfer.status === 'pending') this.setTransferStatus(transfer.id, 'in_progress');
    else if (transfer.status === 'in_progress')
      this.setTransferStatus(transfer.id, transfer.willFail ? 'failed' : 'completed');
  }

  /**
   * Sets a transfer's status (test helper). `completed` puts the domain in the user's portfolio and
   * sets `domain_id` and `completed_at`; the other states leave both null (the docs show them only
   * for a completed transfer).
   */
  setTransferStatus(id: string, status: PocketDnsTransferStatus): PocketDnsTransfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw new Error(`pocketdns emulator: no transfer ${id}`);
    if (transfer.status === status) return transfer;
    transfer.status = status;
    if (status === 'completed' && transfer.domainId === null) {
      // The registry moves the name first: the losing emulator releases it.
      this.registry?.completeTransfer(transfer.domainName, POCKETDNS_REGISTRAR_ID);
      const completedAt = this.now();
      const previousExpiry = new Date(transfer.startedAt.getTime() + TRANSFER_PREVIOUS_EXPIRY_DAYS * DAY_MS);
      const existing = this.domainByName(transfer.domainName);
      const domain =
        existing ??
        this.addDomain({
          name: transfer.domainName,
          userIdentifier: transfer.userIdentifier,
          purchasedAt: completedAt,
          expiresAt: transfer.extendRegistration ? addYears(previousExpiry, 1) : previousExpiry,
        });
      transfer.domainId = domain.id;
      transfer.completedAt = completedAt;
    } else if (status !== 'completed') {
      transfer.completedAt = null;
      transfer.domainId = null;
    }
    return transfer;
  }
}
