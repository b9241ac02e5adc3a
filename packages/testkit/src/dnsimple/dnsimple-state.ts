/**
 * In-memory state of the DNSimple emulator: accounts, domains, zones and records, registrar
 * operations, DNSSEC and DS records. Seeded deterministically from `resolveSeed`; every write of the
 * routes goes through here, so a test can inspect or arrange it directly (`emulator.state`).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import type { ResolvedSeed } from '../emulator/seed-data.js';
import type { DnsimpleContact } from './dnsimple-contacts.js';
import { DEFAULT_TTL, quoteTxt, type RecordValues } from './dnsimple-record-rules.js';
import {
  type DnsimpleAccount,
  type DnsimpleDomain,
  type DnsimpleDomainState,
  type DnsimpleDsRecord,
  type DnsimpleRegistration,
  type DnsimpleRenewal,
  type DnsimpleRestore,
  type DnsimpleTransfer,
  type DnsimpleUser,
  type DnsimpleZone,
  type DnsimpleZoneRecord,
  type DomainOperation,
  isoTimestamp,
} from './dnsimple-shapes.js';

export const DNSIMPLE_NAME_SERVERS = [
  'ns1.dnsimple.com',
  'ns2.dnsimple.com',
  'ns3.dnsimple.com',
  'ns4.dnsimple.com',
];
const SOA_TAIL = '86400 7200 604800 300';
/** Fixed timestamp of the seeded accounts and user. */
const ACCOUNT_CREATED = '2015-09-18T23:04:37Z';

export interface DnsimpleStateOptions {
  accountId: number;
  /** Accounts reachable with the user token (the first is `accountId`). */
  userAccountIds: number[];
  /** Id of the account's seeded contact, usable as `registrant_id`. */
  registrantId: number;
  batchChanges: boolean;
  recordRegions: boolean;
  /** Operations in one batch change above which the whole batch is refused; null = no limit. */
  batchOperationLimit: number | null;
  /** When registrations, renewals, transfers and restores complete (see `isDue`). */
  completion: OperationCompletion;
}

/**
 * When an operation (registration, renewal, transfer, restore) completes: on its `polls`-th GET
 * (default 1), or, when `afterMs` is set, on the first GET at least `afterMs` after its creation.
 */
export interface OperationCompletion {
  polls?: number;
  afterMs?: number;
}

export interface NewDomain {
  state: DnsimpleDomainState;
  registrantId: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt?: Date;
  autoRenew?: boolean;
  privateWhois?: boolean;
  /** Seeded (provider-neutral) records to put in the zone besides SOA/NS. */
  records?: RecordValues[];
}

/** ASCII lower-case form of a domain name given as ASCII or Unicode; '' when it cannot be converted. */
export function asciiName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (/^[\x20-\x7e]*$/.test(trimmed)) return trimmed;
  return domainToASCII(trimmed);
}

export class DnsimpleState {
  readonly accounts: DnsimpleAccount[];
  readonly user: DnsimpleUser;
  /** Domains of every account, in creation order. */
  readonly domains: DnsimpleDomain[] = [];
  /** `domainsOf` per account, cleared whenever a domain is added or removed. */
  private readonly domainsByAccount = new Map<number, DnsimpleDomain[]>();
  readonly zones = new Map<string, DnsimpleZone>();
  /** Records per zone name, in creation order (ids ascending). */
  readonly records = new Map<string, DnsimpleZoneRecord[]>();
  readonly registrations = new Map<number, DomainOperation<DnsimpleRegistration>>();
  readonly renewals = new Map<number, DomainOperation<DnsimpleRenewal>>();
  readonly transfers = new Map<number, DomainOperation<DnsimpleTransfer>>();
  readonly restores = new Map<number, DomainOperation<DnsimpleRestore>>();
  /** DS records per domain name. */
  readonly dsRecords = new Map<string, DnsimpleDsRecord[]>();
  /** Contact ids that exist in the account (valid `registrant_id` values). */
  readonly contactIds = new Set<number>();
  /** Contacts of the account by id (the seeded registrant first). */
  readonly contacts = new Map<number, DnsimpleContact>();
  /** Auth codes `authorize_transfer_out` e-mailed to the registrant, by domain name (the API never returns them). */
  readonly emailedAuthCodes = new Map<string, string>();
  /**
   * Auth codes the losing registrar expects for names registered elsewhere (option
   * `transferAuthCodes`); used when no shared `registry` is attached.
   */
  readonly transferAuthCodes: Record<string, string> = {};
  /** When true, purchase-like calls (create domain, register, renew, transfer, restore) answer 402. */
  outstandingInvoices = false;
  /** Enterprise-plan features; off → 412. */
  readonly features: { batchChanges: boolean; recordRegions: boolean };

  private readonly byId = new Map<number, DnsimpleDomain>();
  private readonly byName = new Map<string, DnsimpleDomain>();
  private readonly soaSerial = new Map<string, number>();
  private nextDomainId = 100_001;
  private nextZoneId = 1;
  private nextRecordId = 1;
  private nextOperationId = 1;
  private nextDsId = 1;
  private nextWhoisId = 1;
  private nextContactId: number;
  private nextAuthCode = 1;

  constructor(
    readonly seed: ResolvedSeed,
    readonly options: DnsimpleStateOptions,
  ) {
    this.features = { batchChanges: options.batchChanges, recordRegions: options.recordRegions };
    this.accounts = options.userAccountIds.map((id, i) => ({
      id,
      email: i === 0 ? 'emulator-account@example.com' : `emulator-account-${id}@example.com`,
      name: i === 0 ? 'Emulator Account' : `Emulator Account ${id}`,
      plan_identifier: 'teams-v1-monthly',
      created_at: ACCOUNT_CREATED,
      updated_at: ACCOUNT_CREATED,
    }));
    this.user = {
      id: 1,
      email: 'emulator-user@example.com',
      created_at: ACCOUNT_CREATED,
      updated_at: ACCOUNT_CREATED,
    };
    this.contactIds.add(options.registrantId);
    this.contacts.set(options.registrantId, {
      id: options.registrantId,
      account_id: options.accountId,
      label: 'Default',
      first_name: 'Test',
      last_name: 'Registrant',
      organization_name: '',
      job_title: '',
      address1: '1 Example Street',
      address2: '',
      city: 'Example City',
      state_province: 'CA',
      postal_code: '94000',
      country: 'US',
      phone: '+1.8001234567',
      fax: '',
      email: 'registrant@example.com',
      created_at: ACCOUNT_CREATED,
      updated_at: ACCOUNT_CREATED,
    });
    this.nextContactId = options.registrantId + 1;

    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      this.addDomain(options.accountId, name, {
        state: 'registered',
        registrantId: options.registrantId,
        expiresAt: dates.expiresAt,
        createdAt: dates.createdAt,
        updatedAt: dates.updatedAt,
        records: seed.records(name).map((r) => ({
          name: r.name === '@' ? '' : r.name,
          type: r.type,
          content: r.type === 'TXT' ? quoteTxt(r.content) : r.content,
          ttl: r.ttl,
          priority: r.priority,
          regions: ['global'],
        })),
      });
    });
  }

  // ---- domains ---------------------------------------------------------------------------------

  /** A domain of the account by numeric id or by name (ASCII or Unicode). */
  findDomain(accountId: number, ref: string): DnsimpleDomain | undefined {
    const domain = /^\d+$/.test(ref) ? this.byId.get(Number(ref)) : this.byName.get(asciiName(ref));
    return domain?.account_id === accountId ? domain : undefined;
  }

  /** A domain in any account of the emulator (DNSimple refuses to add a name twice). */
  findDomainAnywhere(name: string): DnsimpleDomain | undefined {
    return this.byName.get(asciiName(name));
  }

  domainsOf(accountId: number): DnsimpleDomain[] {
    // Memoised per account until a domain is added or removed: a paginated listing of 10,000
    // domains otherwise filters the whole portfolio for every page.
    const cached = this.domainsByAccount.get(accountId);
    if (cached) return cached;
    const list = this.domains.filter((d) => d.account_id === accountId);
    this.domainsByAccount.set(accountId, list);
    return list;
  }

  /** Adds a domain and its zone (SOA + apex NS system records, then the given records). */
  addDomain(accountId: number, name: string, init: NewDomain): DnsimpleDomain {
    const ascii = asciiName(name);
    const created = isoTimestamp(init.createdAt);
    const domain: DnsimpleDomain = {
      id: this.nextDomainId++,
      account_id: accountId,
      registrant_id: init.registrantId,
      name: ascii,
      unicode_name: domainToUnicode(ascii) || ascii,
      state: init.state,
      auto_renew: init.autoRenew ?? false,
      private_whois: init.privateWhois ?? false,
      trustee: false,
      expires_at: init.expiresAt === null ? null : isoTimestamp(init.expiresAt),
      created_at: created,
      updated_at: isoTimestamp(init.updatedAt ?? init.createdAt),
      transferLock: init.state === 'registered',
      nameServers: [...DNSIMPLE_NAME_SERVERS],
      dnssec: null,
      whoisPrivacy: null,
      authCode: null,
      lastTransferredAt: null,
    };
    this.domains.push(domain);
    this.domainsByAccount.clear();
    this.byId.set(domain.id, domain);
    this.byName.set(ascii, domain);

    this.zones.set(ascii, {
      id: this.nextZoneId++,
      account_id: accountId,
      name: ascii,
      reverse: false,
      secondary: false,
      last_transferred_at: null,
      active: true,
      created_at: created,
      updated_at: created,
    });
    this.records.set(ascii, []);
    this.soaSerial.set(ascii, Math.floor(init.createdAt.getTime() / 1000));
    const soa = `ns1.dnsimple.com admin.dnsimple.com ${this.soaSerial.get(ascii)} ${SOA_TAIL}`;
    this.insertRecord(
      ascii,
      { name: '', type: 'SOA', content: soa, ttl: DEFAULT_TTL, priority: null, regions: ['global'] },
      true,
      init.createdAt,
    );
    for (const ns of DNSIMPLE_NAME_SERVERS) {
      this.insertRecord(
        ascii,
        { name: '', type: 'NS', content: ns, ttl: DEFAULT_TTL, priority: null, regions: ['global'] },
        true,
        init.createdAt,
      );
    }
    for (const values of init.records ?? []) this.insertRecord(ascii, values, false, init.createdAt);
    return domain;
  }

  /** Deletes a domain, its zone, records and DS records. */
  removeDomain(domain: DnsimpleDomain): void {
    const index = this.domains.indexOf(domain);
    if (index >= 0) this.domains.splice(index, 1);
    this.domainsByAccount.clear();
    this.byId.delete(domain.id);
    this.byName.delete(domain.name);
    this.zones.delete(domain.name);
    this.records.delete(domain.name);
    this.dsRecords.delete(domain.name);
    this.soaSerial.delete(domain.name);
  }

  touch(domain: DnsimpleDomain, at: Date = new Date()): void {
    domain.updated_at = isoTimestamp(at);
  }

  /** Registered by somebody else (seeded) or present in any account. */
  isTaken(name: string): boolean {
    return this.findDomainAnywhere(name) !== undefined || this.seed.isRegistered(asciiName(name));
  }

  // ---- records -----------------------------------------------------------------------------------

  zoneRecords(zone: string): DnsimpleZoneRecord[] {
    return this.records.get(zone) ?? [];
  }

  findRecord(zone: string, id: string): DnsimpleZoneRecord | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const wanted = Number(id);
    return this.zoneRecords(zone).find((r) => r.id === wanted);
  }

  addRecord(zone: string, values: RecordValues, at: Date = new Date()): DnsimpleZoneRecord {
    const record = this.insertRecord(zone, values, false, at);
    this.bumpSerial(zone, at);
    return record;
  }

  updateRecord(zone: string, record: DnsimpleZoneRecord, values: RecordValues, at: Date = new Date()): void {
    record.name = values.name;
    record.content = values.content;
    record.ttl = values.ttl;
    record.priority = values.priority;
    record.regions = [...values.regions];
    record.updated_at = isoTimestamp(at);
    this.bumpSerial(zone, at);
  }

  deleteRecord(zone: string, record: DnsimpleZoneRecord, at: Date = new Date()): void {
    const list = this.zoneRecords(zone);
    const index = list.indexOf(record);
    if (index >= 0) list.splice(index, 1);
    this.bumpSerial(zone, at);
  }

  /** BIND text of the zone, as `GET …/zones/{zone}/file` returns it. */
  zoneFile(zone: string): string {
    const absolute = (host: string): string => (host.endsWith('.') ? host : `${host}.`);
    const lines = [`$ORIGIN ${zone}.`, '$TTL 1h'];
    for (const r of this.zoneRecords(zone)) {
      const owner = r.name === '' ? `${zone}.` : `${r.name}.${zone}.`;
      let rdata = r.content;
      if (r.type === 'SOA') {
        const [mname = '', rname = '', ...rest] = r.content.split(' ');
        rdata = [absolute(mname), absolute(rname), ...rest].join(' ');
      } else if (['NS', 'CNAME', 'PTR', 'ALIAS'].includes(r.type)) rdata = absolute(r.content);
      else if (r.type === 'MX') rdata = `${r.priority ?? 0} ${absolute(r.content)}`;
      else if (r.type === 'SRV') rdata = `${r.priority ?? 0} ${r.content}`;
      lines.push(`${owner} ${r.ttl} IN ${r.type} ${rdata}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private insertRecord(zone: string, values: RecordValues, system: boolean, at: Date): DnsimpleZoneRecord {
    const stamp = isoTimestamp(at);
    const record: DnsimpleZoneRecord = {
      id: this.nextRecordId++,
      zone_id: zone,
      parent_id: null,
      name: values.name,
      content: values.content,
      ttl: values.ttl,
      priority: values.priority,
      type: values.type,
      regions: [...values.regions],
      system_record: system,
      created_at: stamp,
      updated_at: stamp,
    };
    const list = this.records.get(zone);
    if (list) list.push(record);
    return record;
  }

  private bumpSerial(zone: string, at: Date): void {
    const serial = Math.max((this.soaSerial.get(zone) ?? 0) + 1, Math.floor(at.getTime() / 1000));
    this.soaSerial.set(zone, serial);
    const soa = this.zoneRecords(zone).find((r) => r.type === 'SOA' && r.system_record);
    if (soa) {
      soa.content = `ns1.dnsimple.com admin.dnsimple.com ${serial} ${SOA_TAIL}`;
      soa.updated_at = isoTimestamp(at);
    }
  }

  // ---- ids -------------------------------------------------------------------------------------

  /** Registrations, renewals, transfers and restores share one id sequence. */
  operationId(): number {
    return this.nextOperationId++;
  }

  dsId(): number {
    return this.nextDsId++;
  }

  whoisPrivacyId(): number {
    return this.nextWhoisId++;
  }

  contactId(): number {
    return this.nextContactId++;
  }

  /** A new transfer-out auth code (deterministic: `DNSIMPLE-AUTH-1`, `-2`, …). */
  newAuthCode(): string {
    return `DNSIMPLE-AUTH-${this.nextAuthCode++}`;
  }

  /** True when an operation created at `createdMs` (epoch ms) and polled `polls` times (this GET included) is complete. */
  isDue(polls: number, createdMs: number): boolean {
    const { afterMs, polls: needed = 1 } = this.options.completion;
    if (afterMs !== undefined) return Date.now() - createdMs >= afterMs;
    return polls >= needed;
  }
}
