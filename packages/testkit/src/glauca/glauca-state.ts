/**
 * In-memory state of the Glauca emulator: the domains API (domains, contacts, orders) and HexDNS
 * (zones and records). One account; every object belongs to it. Seeded deterministically from
 * `resolveSeed` (standard names) plus a few Glauca-specific domain states.
 */
import type { LedgerEntry } from '../emulator/emulator-types.js';
import { createPrng } from '../emulator/prng.js';
import { type ResolvedSeed, SEED_NOW, type SeedRecord } from '../emulator/seed-data.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import { createIdFactory, ID_PREFIX, type IdPrefix, isWellFormedId, normaliseId } from './glauca-ids.js';
import type { GlaucaPeriod } from './glauca-money.js';
import { djangoServerError, type GlaucaSourceBug } from './glauca-source-bugs.js';

export type OrderState =
  | 'pending'
  | 'started'
  | 'needs_payment'
  | 'processing'
  | 'pending_approval'
  | 'completed'
  | 'failed';

export type OrderKind = 'registration' | 'transfer' | 'renew' | 'restore';

export interface GlaucaNameServer {
  host_object: string | null;
  host_name: string | null;
  addresses: string[] | null;
}

export interface GlaucaKeyData {
  flags: number;
  protocol: number;
  algorithm: number;
  public_key: string;
}

export interface GlaucaDsData {
  key_tag: number;
  algorithm: number;
  digest_type: number;
  digest: string;
  key_data: GlaucaKeyData | null;
}

export interface GlaucaSecDns {
  max_sig_life: string | null;
  ds_data: GlaucaDsData[] | null;
  key_data: GlaucaKeyData[] | null;
}

export interface GlaucaDomain {
  id: string;
  /** ASCII (punycode) lower-case name. */
  domain: string;
  statuses: string[];
  deleted: boolean;
  registrant: string;
  adminContact: string | null;
  billingContact: string | null;
  techContact: string | null;
  nameServers: GlaucaNameServer[];
  rgpState: string[];
  authInfo: string | null;
  secDns: GlaucaSecDns | null;
  created: Date | null;
  expiry: Date;
  lastUpdated: Date | null;
  lastTransferred: Date | null;
}

/** A contact (glauca.md §11): phone numbers in E.164 (`+441234567890`). */
export interface GlaucaContact {
  id: string;
  description: string;
  localAddress: string;
  intAddress: string | null;
  phone: string;
  phoneExt: string | null;
  fax: string | null;
  faxExt: string | null;
  email: string;
  entityType: string;
  tradingName: string | null;
  companyNumber: string | null;
  disclosePhone: boolean;
  discloseFax: boolean;
  discloseEmail: boolean;
}

/** A contact address (glauca.md §11). */
export interface GlaucaContactAddress {
  id: string;
  description: string;
  name: string;
  organisation: string | null;
  street1: string;
  street2: string | null;
  street3: string | null;
  city: string;
  province: string | null;
  postalCode: string | null;
  countryCode: string;
  birthday: string | null;
  identityNumber: string | null;
  discloseName: boolean;
  discloseOrganisation: boolean;
  discloseAddress: boolean;
}

export interface GlaucaOrder {
  kind: OrderKind;
  id: string;
  state: OrderState;
  /** States still ahead of this order, taken one per poll (GET of the order). */
  pendingSteps: OrderState[];
  redirectUri: string | null;
  lastError: string | null;
  offSession: boolean;
  /** Price in pence (GBP), fixed at creation. */
  pricePence: number;
  timestamp: Date;
  /** Wall-clock creation time (epoch ms), for the `orderDelayMs` option. */
  createdMs: number;
  domain: string;
  /** Registration/transfer: the id the domain gets on completion. Renew/restore: the domain's id. */
  domainId: string;
  period: GlaucaPeriod | null;
  authCode: string | null;
  registrant: string | null;
  adminContact: string | null;
  billingContact: string | null;
  techContact: string | null;
}

export type RecordKind = 'address' | 'aname' | 'cname' | 'mx' | 'ns' | 'txt' | 'srv' | 'caa';

export interface GlaucaZone {
  id: string;
  zoneRoot: string;
  lastModified: Date;
  active: boolean;
  dnssec: {
    key_tag: number;
    algorithm: number;
    digest_type: number;
    digest: string;
    key: { flags: number; protocol: number; algorithm: number; public_key: string };
  }[];
}

export interface GlaucaRecord {
  kind: RecordKind;
  id: string;
  zoneId: string;
  recordName: string;
  ttl: number;
  /** Type-specific fields in the order the API serialises them (`address`, `auto_reverse`, …). */
  fields: Record<string, string | number | boolean | null>;
}

/** Seeded special states, applied to standard names (see `seedSpecialStates`). */
export type GlaucaDomainPreset =
  | 'ok'
  | 'transfer-locked'
  | 'pending-transfer'
  | 'redemption'
  | 'update-prohibited'
  /** Glauca's registry lock: server delete, transfer and update prohibited. */
  | 'registry-locked';

export const HEXDNS_NAME_SERVERS = ['ns1.as207960.net', 'ns2.as207960.net'];

/** The id this emulator uses as a registrar in a shared `TransferRegistry`. */
export const GLAUCA_REGISTRAR_ID = 'glauca';

export interface GlaucaStateOptions {
  tokens: string[];
  personalAccessTokens: string[];
  /** Account balance in pence; null = unlimited. */
  balancePence: number | null;
  instantOrders: boolean;
  domainStates: Record<string, GlaucaDomainPreset> | undefined;
  transferAuthCodes: Record<string, string>;
  /** Bearer tokens of the HexDNS audience; null = the domains tokens work on both services. */
  dnsTokens: string[] | null;
  sourceBugs: Set<GlaucaSourceBug>;
  /** Registry reason texts of `check` for taken names (null = the registry gave none); default "In use". */
  checkReasons: Record<string, string | null>;
  /** Orders stay unfinished until this long after creation, then complete on the next GET; null = one state per GET. */
  orderDelayMs: number | null;
  registry: TransferRegistry | undefined;
  /** Seeded creation / last-transfer dates per standard name (ISO strings). */
  domainDates: Record<string, { created?: string; lastTransferred?: string }>;
}

const AUTH_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#';

export class GlaucaState {
  readonly domains = new Map<string, GlaucaDomain>();
  readonly contacts = new Map<string, GlaucaContact>();
  readonly contactAddresses = new Map<string, GlaucaContactAddress>();
  readonly orders = new Map<string, GlaucaOrder>();
  readonly zones = new Map<string, GlaucaZone>();
  readonly records = new Map<string, GlaucaRecord>();
  /** Names registered by somebody else (transferable in). */
  readonly othersRegistered: Set<string>;
  readonly tokens: Set<string>;
  readonly personalAccessTokens: Set<string>;
  /** Bearer tokens of the HexDNS audience (option `dnsTokens`); null = the domains tokens. */
  readonly dnsTokens: Set<string> | null;
  readonly sourceBugs: Set<GlaucaSourceBug>;
  readonly checkReasons: Record<string, string | null>;
  readonly orderDelayMs: number | null;
  readonly registry: TransferRegistry | undefined;
  /** Account balance in pence; null = unlimited. */
  balancePence: number | null;
  /** Orders complete at once (switched on at run time by `hostile.completeOrdersAtOnce`). */
  instantOrders: boolean;
  /** Name → auth code the losing registrar expects; a transfer with another code fails. */
  readonly transferAuthCodes: Record<string, string>;
  /** Which standard names were seeded into which special state. */
  readonly presets: Record<string, GlaucaDomainPreset> = {};
  /** The contact every seeded domain uses; pass it as `registrant` in orders. */
  readonly defaultContactId: string;
  private readonly recordsByZone = new Map<string, Set<string>>();
  private readonly nextId: (prefix: IdPrefix) => string;
  private readonly prng: () => number;
  private tick = 0;

  constructor(
    readonly seed: ResolvedSeed,
    readonly ledger: LedgerEntry[],
    options: GlaucaStateOptions,
  ) {
    this.nextId = createIdFactory(seed.seed);
    this.prng = createPrng(seed.seed);
    this.tokens = new Set(options.tokens);
    this.personalAccessTokens = new Set(options.personalAccessTokens);
    this.dnsTokens = options.dnsTokens === null ? null : new Set(options.dnsTokens);
    this.sourceBugs = options.sourceBugs;
    this.checkReasons = Object.fromEntries(
      Object.entries(options.checkReasons).map(([name, reason]) => [name.toLowerCase(), reason]),
    );
    this.orderDelayMs = options.orderDelayMs;
    this.registry = options.registry;
    this.balancePence = options.balancePence;
    this.instantOrders = options.instantOrders;
    this.transferAuthCodes = { ...options.transferAuthCodes };
    this.othersRegistered = new Set(seed.registeredNames);

    const addressId = this.newId(ID_PREFIX.contactAddress);
    this.contactAddresses.set(addressId, {
      id: addressId,
      description: 'Test Registrant address',
      name: 'Test Registrant',
      organisation: null,
      street1: '1 Example Street',
      street2: null,
      street3: null,
      city: 'London',
      province: null,
      postalCode: 'EC1A 1AA',
      countryCode: 'GB',
      birthday: null,
      identityNumber: null,
      discloseName: false,
      discloseOrganisation: false,
      discloseAddress: false,
    });
    this.defaultContactId = this.newId(ID_PREFIX.contact);
    this.contacts.set(this.defaultContactId, {
      id: this.defaultContactId,
      description: 'Test Registrant',
      localAddress: addressId,
      intAddress: null,
      phone: '+441234567890',
      phoneExt: null,
      fax: null,
      faxExt: null,
      email: 'registrant@example.com',
      entityType: 'uk_individual',
      tradingName: null,
      companyNumber: null,
      disclosePhone: false,
      discloseFax: false,
      discloseEmail: false,
    });

    const presets = options.domainStates ?? defaultPresets(seed);
    seed.domainNames.forEach((name, i) => {
      const dates = seed.domainDates(i);
      const domain: GlaucaDomain = {
        id: this.newId(ID_PREFIX.domain),
        domain: name,
        statuses: ['ok'],
        deleted: false,
        registrant: this.defaultContactId,
        adminContact: this.defaultContactId,
        billingContact: this.defaultContactId,
        techContact: this.defaultContactId,
        nameServers: HEXDNS_NAME_SERVERS.map((host) => ({
          host_object: host,
          host_name: null,
          addresses: null,
        })),
        rgpState: [],
        authInfo: this.newAuthCode(),
        secDns: null,
        created: options.domainDates[name]?.created
          ? new Date(options.domainDates[name].created)
          : dates.createdAt,
        expiry: dates.expiresAt,
        lastUpdated: dates.updatedAt,
        lastTransferred: options.domainDates[name]?.lastTransferred
          ? new Date(options.domainDates[name].lastTransferred)
          : null,
      };
      const preset = presets[name];
      if (preset) {
        applyPreset(domain, preset);
        this.presets[name] = preset;
      }
      this.domains.set(domain.id, domain);

      const zone = this.addZone(name, dates.updatedAt);
      for (const record of seed.records(name)) this.addSeedRecord(zone.id, record);
    });
  }

  newId(prefix: IdPrefix): string {
    return this.nextId(prefix);
  }

  /**
   * The typed id of a path segment. With the `malformed-id-500` source bug a malformed id answers
   * Django's HTML 500 (the ORM's validation error is not translated); otherwise it simply finds nothing.
   */
  lookupId(raw: string | undefined, prefix: IdPrefix): string {
    const input = raw ?? '';
    if (this.sourceBugs.has('malformed-id-500') && !isWellFormedId(input)) throw djangoServerError();
    return normaliseId(input, prefix);
  }

  /** A name some other registrar holds: seeded as registered elsewhere, or held by another emulator of the registry. */
  registeredElsewhere(ascii: string): boolean {
    if (this.othersRegistered.has(ascii)) return true;
    const sponsor = this.registry?.sponsorOf(ascii);
    return sponsor != null && sponsor.id !== GLAUCA_REGISTRAR_ID;
  }

  /** A logical clock: SEED_NOW plus one second per write, so responses stay deterministic. */
  now(): Date {
    this.tick += 1;
    return new Date(SEED_NOW.getTime() + this.tick * 1000);
  }

  /** Generated auth codes are 16 characters [src]. */
  newAuthCode(): string {
    let code = '';
    for (let i = 0; i < 16; i++) code += AUTH_ALPHABET[Math.floor(this.prng() * AUTH_ALPHABET.length)];
    return code;
  }

  domainByName(name: string): GlaucaDomain | undefined {
    const lower = name.toLowerCase();
    for (const domain of this.domains.values()) if (domain.domain === lower) return domain;
    return undefined;
  }

  zoneByRoot(root: string): GlaucaZone | undefined {
    const lower = root.toLowerCase();
    for (const zone of this.zones.values()) if (zone.zoneRoot === lower) return zone;
    return undefined;
  }

  addZone(zoneRoot: string, lastModified: Date): GlaucaZone {
    const id = this.newId(ID_PREFIX.zone);
    const keyTag = Math.floor(this.prng() * 65536);
    const hex = (len: number) => {
      let out = '';
      for (let i = 0; i < len; i++) out += '0123456789ABCDEF'[Math.floor(this.prng() * 16)];
      return out;
    };
    const zone: GlaucaZone = {
      id,
      zoneRoot: zoneRoot.toLowerCase(),
      lastModified,
      active: true,
      dnssec: [
        {
          key_tag: keyTag,
          algorithm: 13,
          digest_type: 2,
          // The published source serialises an internal object here [src]; the emulator sends the
          // documented intent, a hex digest.
          digest: hex(64),
          key: {
            flags: 257,
            protocol: 3,
            algorithm: 13,
            public_key: Buffer.from(hex(64), 'hex').toString('base64'),
          },
        },
      ],
    };
    this.zones.set(id, zone);
    return zone;
  }

  recordsOfZone(zoneId: string): GlaucaRecord[] {
    return [...(this.recordsByZone.get(zoneId) ?? [])].map((id) => this.records.get(id)!);
  }

  private addSeedRecord(zoneId: string, record: SeedRecord): void {
    const base = { zoneId, recordName: record.name, ttl: record.ttl };
    switch (record.type) {
      case 'A':
      case 'AAAA':
        this.insertRecord({
          ...base,
          kind: 'address',
          id: this.newId(ID_PREFIX.addressRecord),
          fields: { address: record.content, auto_reverse: false },
        });
        return;
      case 'CNAME':
        this.insertRecord({
          ...base,
          kind: 'cname',
          id: this.newId(ID_PREFIX.cnameRecord),
          fields: { alias: record.content },
        });
        return;
      case 'MX':
        this.insertRecord({
          ...base,
          kind: 'mx',
          id: this.newId(ID_PREFIX.mxRecord),
          fields: { exchange: record.content, priority: record.priority ?? 10 },
        });
        return;
      case 'TXT':
        this.insertRecord({
          ...base,
          kind: 'txt',
          id: this.newId(ID_PREFIX.txtRecord),
          fields: { data: record.content },
        });
        return;
    }
  }

  insertRecord(record: GlaucaRecord): void {
    this.records.set(record.id, record);
    let ids = this.recordsByZone.get(record.zoneId);
    if (!ids) {
      ids = new Set();
      this.recordsByZone.set(record.zoneId, ids);
    }
    ids.add(record.id);
  }

  deleteRecord(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.records.delete(id);
    this.recordsByZone.get(record.zoneId)?.delete(id);
  }

  deleteZone(id: string): void {
    for (const recordId of this.recordsByZone.get(id) ?? []) this.records.delete(recordId);
    this.recordsByZone.delete(id);
    this.zones.delete(id);
  }

  /** Records a charge in the ledger (GBP) and takes it from the balance. */
  charge(operation: LedgerEntry['operation'], domain: string, pence: number, requestSeq: number): void {
    if (this.balancePence !== null) this.balancePence -= pence;
    this.ledger.push({
      operation,
      domain,
      amount: formatAmount(pence),
      currency: 'GBP',
      // Wall-clock time of the charge (the logical clock is for response data only).
      at: new Date(),
      requestSeq,
    });
  }

  canAfford(pence: number): boolean {
    return this.balancePence === null || this.balancePence >= pence;
  }
}

function formatAmount(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/**
 * Default special states, on standard names other than the first domain and the IDN domain, so
 * generic tests that use the first domain see an ordinary one: the 2nd domain is transfer-locked,
 * the 3rd has a transfer pending, the 4th is deleted and in redemption (`domains: 5` shows all).
 */
function defaultPresets(seed: ResolvedSeed): Record<string, GlaucaDomainPreset> {
  const order: GlaucaDomainPreset[] = ['transfer-locked', 'pending-transfer', 'redemption'];
  const result: Record<string, GlaucaDomainPreset> = {};
  const candidates = seed.domainNames.slice(1).filter((name) => name !== seed.idnDomain);
  candidates.slice(0, order.length).forEach((name, i) => {
    result[name] = order[i]!;
  });
  return result;
}

function applyPreset(domain: GlaucaDomain, preset: GlaucaDomainPreset): void {
  switch (preset) {
    case 'ok':
      domain.statuses = ['ok'];
      return;
    case 'transfer-locked':
      domain.statuses = ['client_transfer_prohibited'];
      return;
    case 'update-prohibited':
      domain.statuses = ['client_update_prohibited'];
      return;
    case 'pending-transfer':
      domain.statuses = ['pending_transfer'];
      return;
    case 'registry-locked':
      domain.statuses = [
        'server_delete_prohibited',
        'server_transfer_prohibited',
        'server_update_prohibited',
      ];
      return;
    case 'redemption':
      domain.statuses = ['pending_delete'];
      domain.rgpState = ['redemption_grace_period'];
      domain.deleted = true;
      return;
  }
}

/** Recomputes `ok` / `inactive` after a change of prohibitions or name servers. */
export function normaliseStatuses(domain: GlaucaDomain): void {
  const rest = domain.statuses.filter((s) => s !== 'ok' && s !== 'inactive');
  if (domain.nameServers.length === 0) rest.push('inactive');
  domain.statuses = rest.length === 0 ? ['ok'] : rest;
}
