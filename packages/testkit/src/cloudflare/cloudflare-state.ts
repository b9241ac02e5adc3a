/**
 * In-memory state of the Cloudflare emulator: accounts, zones and their records, DNSSEC, Registrar
 * registrations (production and sandbox) and their workflows. Seeded deterministically from
 * `resolveSeed`; a test can inspect or arrange it directly (`emulator.state`).
 */
import type { ResolvedSeed } from '../emulator/seed-data.js';
import { CF, fail } from './cloudflare-errors.js';
import { TXT_QUOTE_WARNING, txtNeedsQuotes } from './cloudflare-record-rules.js';
import type { RecordWriteContext } from './cloudflare-record-writes.js';
import {
  type CloudflareAccount,
  type CloudflareDnssec,
  type CloudflareRecord,
  type CloudflareRegistration,
  type CloudflareZone,
  hexId,
  microTimestamp,
  secondTimestamp,
  type ZonePlan,
} from './cloudflare-shapes.js';
import type { Workflow } from './cloudflare-workflow.js';

/** Registrar API families: production and the sandbox (a different path, same shapes). */
export type RegistrarSpace = 'registrar' | 'registrar-sandbox';

/** First names Cloudflare's assigned nameservers are drawn from (`<name>.ns.cloudflare.com`). */
const NS_NAMES = ['ada', 'bob', 'cruz', 'dana', 'elle', 'finn', 'gina', 'hugo', 'ivy', 'jack', 'kay', 'lola'];
const ACCOUNT_CREATED = new Date('2020-03-02T10:00:00Z');

export interface CloudflareStateOptions {
  accountIds: string[];
  plan: ZonePlan;
  /** Record quota per zone (null = none). */
  recordQuota: number | null;
  /** Zones (names) seeded with DNSSEC active. */
  dnssecActive: string[];
  /** Whether the production account has a default registrant contact (express mode). */
  defaultRegistrantContact: boolean;
  /** Most domains one account may register. */
  domainLimit: number;
}

export interface AccountRegistrations {
  /** Domain name → registration, in insertion order. */
  domains: Map<string, CloudflareRegistration>;
}

export class CloudflareState {
  readonly accounts: CloudflareAccount[];
  readonly zones = new Map<string, CloudflareZone>();
  /** Records per zone id, in creation order. */
  readonly records = new Map<string, CloudflareRecord[]>();
  readonly dnssec = new Map<string, CloudflareDnssec>();
  /** Production registrations per account id. */
  readonly registrations = new Map<string, Map<string, CloudflareRegistration>>();
  /** Sandbox registrations: one namespace shared by every sandbox user, domain → owner and registration. */
  readonly sandboxRegistrations = new Map<
    string,
    { accountId: string; registration: CloudflareRegistration }
  >();
  /** Workflows by `space|account|kind|domain`. */
  readonly workflows = new Map<string, Workflow>();
  /** Every workflow started from now on succeeds at once (`hostile.completeOrdersAtOnce`). */
  workflowsCompleteAtOnce = false;
  /** The zones' plan: record quota, batch size and minimum TTL follow it. */
  plan: ZonePlan;
  recordQuota: number | null;
  defaultRegistrantContact: boolean;
  domainLimit: number;

  private nextRecord = 1;
  private nextZone = 1;

  constructor(
    readonly seed: ResolvedSeed,
    options: CloudflareStateOptions,
  ) {
    this.plan = options.plan;
    this.recordQuota = options.recordQuota;
    this.defaultRegistrantContact = options.defaultRegistrantContact;
    this.domainLimit = options.domainLimit;
    this.accounts = options.accountIds.map((id, i) => ({
      id,
      name: i === 0 ? 'Emulator Account' : `Emulator Account ${i + 1}`,
      created_on: microTimestamp(ACCOUNT_CREATED),
    }));
    for (const account of this.accounts) this.registrations.set(account.id, new Map());
    const accountId = options.accountIds[0]!;
    const dnssecActive = new Set(options.dnssecActive.map((n) => n.toLowerCase()));
    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      const zone = this.addZone(accountId, name, { status: 'active', createdAt: dates.createdAt });
      const records = this.records.get(zone.id)!;
      for (const r of seed.records(name)) {
        const fqdn = r.name === '@' ? name : `${r.name}.${name}`;
        const at = microTimestamp(dates.updatedAt);
        const record: CloudflareRecord = {
          id: this.newRecordId(zone.id),
          type: r.type,
          name: fqdn,
          // TXT is stored quoted, as Cloudflare wants it (docs/providers/cloudflare.md#txt-quoting).
          content: r.type === 'TXT' ? `"${r.content}"` : r.content,
          ttl: r.ttl,
          proxied: false,
          proxiable: r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME',
          settings: {},
          meta: {},
          tags: [],
          created_on: at,
          modified_on: at,
        };
        if (r.priority !== null) record.priority = r.priority;
        records.push(record);
      }
      if (dnssecActive.has(name)) this.dnssec.set(zone.id, this.dnssecOf(zone.id, 'active', dates.updatedAt));
      this.registrations.get(accountId)!.set(name, {
        domain_name: name,
        status: 'active',
        created_at: secondTimestamp(dates.createdAt),
        expires_at: secondTimestamp(dates.expiresAt),
        auto_renew: false,
        locked: true,
        privacy_mode: 'redaction',
      });
    });
  }

  account(id: string): CloudflareAccount | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  /** The two nameservers Cloudflare assigns to every zone of an account. */
  nameServersOf(accountId: string): string[] {
    const h = Number.parseInt(hexId(`ns:${accountId}`).slice(0, 8), 16);
    const first = h % NS_NAMES.length;
    const second = (first + 1 + ((h >>> 8) % (NS_NAMES.length - 1))) % NS_NAMES.length;
    return [NS_NAMES[first]!, NS_NAMES[second]!].map((n) => `${n}.ns.cloudflare.com`);
  }

  zoneByName(name: string, accountId?: string): CloudflareZone | undefined {
    for (const zone of this.zones.values()) {
      if (zone.name === name && (accountId === undefined || zone.account.id === accountId)) return zone;
    }
    return undefined;
  }

  addZone(
    accountId: string,
    name: string,
    opts: { status: CloudflareZone['status']; createdAt: Date; type?: CloudflareZone['type'] },
  ): CloudflareZone {
    if (this.zoneByName(name)) fail(400, CF.zoneExists, `${name} already exists`);
    const account = this.account(accountId)!;
    const at = microTimestamp(opts.createdAt);
    const zone: CloudflareZone = {
      id: hexId(`zone:${name}:${this.nextZone++}`),
      name,
      status: opts.status,
      paused: false,
      type: opts.type ?? 'full',
      name_servers: this.nameServersOf(accountId),
      original_name_servers: null,
      original_registrar: null,
      original_dnshost: null,
      account: { id: account.id, name: account.name },
      created_on: at,
      modified_on: at,
      activated_on: opts.status === 'active' ? at : null,
      development_mode: 0,
      meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
      // The spec types the owner id as a 32-hex identifier.
      owner: { id: hexId(`user:${account.id}`), type: 'user', name: account.name },
      plan: this.planObject(),
    };
    this.zones.set(zone.id, zone);
    this.records.set(zone.id, []);
    this.dnssec.set(zone.id, this.dnssecOf(zone.id, 'disabled', opts.createdAt));
    return zone;
  }

  private planObject(): CloudflareZone['plan'] {
    const names: Record<ZonePlan, string> = {
      free: 'Free Website',
      pro: 'Pro Website',
      business: 'Business Website',
      enterprise: 'Enterprise Website',
    };
    return { id: hexId(`plan:${this.plan}`), name: names[this.plan], legacy_id: this.plan };
  }

  dnssecOf(zoneId: string, status: CloudflareDnssec['status'], at: Date): CloudflareDnssec {
    void zoneId;
    return {
      status,
      modified_on: secondTimestamp(at),
      dnssec_multi_signer: false,
      dnssec_presigned: false,
      dnssec_use_nsec3: false,
    };
  }

  newRecordId(zoneId: string): string {
    return hexId(`record:${zoneId}:${this.nextRecord++}`);
  }

  /** Batch limit of one request: 200 changes on Free, 3,500 on paid plans. */
  batchLimit(): number {
    return this.plan === 'free' ? 200 : 3500;
  }

  writeContext(zone: CloudflareZone): RecordWriteContext {
    return {
      zoneId: zone.id,
      rules: { zoneName: zone.name, minTtl: this.plan === 'enterprise' ? 30 : 60 },
      quota: this.recordQuota,
      newId: () => this.newRecordId(zone.id),
      now: () => new Date(),
    };
  }

  /** Records of a zone the dashboard would flag with its TXT quotation warning (the API says nothing). */
  dashboardWarnings(zoneId: string): { id: string; name: string; message: string }[] {
    return (this.records.get(zoneId) ?? [])
      .filter(txtNeedsQuotes)
      .map((r) => ({ id: r.id, name: r.name, message: TXT_QUOTE_WARNING }));
  }

  /** Registrations of one account in one space (sandbox: those this account bought). */
  registrationsOf(space: RegistrarSpace, accountId: string): CloudflareRegistration[] {
    if (space === 'registrar') return [...(this.registrations.get(accountId)?.values() ?? [])];
    return [...this.sandboxRegistrations.values()]
      .filter((entry) => entry.accountId === accountId)
      .map((entry) => entry.registration);
  }

  findRegistration(
    space: RegistrarSpace,
    accountId: string,
    domain: string,
  ): CloudflareRegistration | undefined {
    if (space === 'registrar') return this.registrations.get(accountId)?.get(domain);
    const entry = this.sandboxRegistrations.get(domain);
    return entry?.accountId === accountId ? entry.registration : undefined;
  }

  /** True when anybody registered the name through this space (sandbox names are unique across users). */
  registeredInSpace(space: RegistrarSpace, domain: string): boolean {
    if (space === 'registrar-sandbox') return this.sandboxRegistrations.has(domain);
    for (const domains of this.registrations.values()) if (domains.has(domain)) return true;
    return false;
  }

  putRegistration(space: RegistrarSpace, accountId: string, registration: CloudflareRegistration): void {
    if (space === 'registrar') this.registrations.get(accountId)!.set(registration.domain_name, registration);
    else this.sandboxRegistrations.set(registration.domain_name, { accountId, registration });
  }

  removeRegistration(space: RegistrarSpace, accountId: string, domain: string): void {
    if (space === 'registrar') this.registrations.get(accountId)?.delete(domain);
    else this.sandboxRegistrations.delete(domain);
  }
}
