import type { AuthCode } from './model/auth-code.js';
import type { Availability } from './model/availability.js';
import type { BulkResult } from './model/bulk-result.js';
import type { Contact, ContactInput } from './model/contact.js';
import type { DnsRecord, DnsRecordInput, DnsRecordPatch } from './model/dns-record.js';
import type { Domain, DomainPatch } from './model/domain.js';
import type { DsRecord } from './model/ds-record.js';
import type { RegisterInput, RenewInput, TransferInput } from './model/inputs.js';
import type { Registration, RenewResult, Transfer } from './model/orders.js';
import type { PriceOperation, PriceQuote, TldPrice } from './model/price.js';
import type { ProviderId } from './model/provider-id.js';
import type { DomainSuggestion } from './model/suggestion.js';
import type { TldRequirements } from './model/tld-requirements.js';
import type { Zone } from './model/zone.js';

export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout for this call, overriding the factory's `timeoutMs`. */
  timeoutMs?: number;
  /** Sent as `Idempotency-Key`, the same on every retry of this call. */
  idempotencyKey?: string;
  /** PocketDNS `user_identifier`; the factory can set a default. */
  owner?: string;
}

export interface ListOptions extends CallOptions {
  /** Items per page, where the provider pages. */
  pageSize?: number;
  /** How many pages may be fetched at once after the first (default 4). */
  concurrency?: number;
}

export type PriceOptions = { operation?: PriceOperation; years?: number } & CallOptions;
export type SuggestOptions = CallOptions & { tlds?: string[] };

/** Every operation a provider may offer. `Capability` is one of these method names. */
export interface RegistrarMethods {
  listDomains(opts?: ListOptions): AsyncIterable<Domain>;
  getDomain(domain: string, opts?: CallOptions): Promise<Domain>;
  updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain>;

  checkAvailability(name: string, opts?: CallOptions): Promise<Availability>;
  getPrice(name: string, opts?: PriceOptions): Promise<PriceQuote>;
  listTldPrices(opts?: CallOptions): Promise<TldPrice[]>;
  registerDomain(input: RegisterInput, opts?: CallOptions): Promise<Registration>;
  renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult>;
  transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer>;
  getTransfer(id: string, opts?: CallOptions): Promise<Transfer>;

  listRecords(domain: string, opts?: ListOptions): AsyncIterable<DnsRecord>;
  createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord>;
  createRecords(domain: string, inputs: DnsRecordInput[], opts?: CallOptions): Promise<BulkResult>;
  updateRecord(domain: string, id: string, patch: DnsRecordPatch, opts?: CallOptions): Promise<DnsRecord>;
  deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void>;

  getDsRecords(domain: string, opts?: CallOptions): Promise<DsRecord[]>;
  setDsRecords(domain: string, records: DsRecord[], opts?: CallOptions): Promise<DsRecord[]>;

  suggestDomains(query: string, opts?: SuggestOptions): Promise<DomainSuggestion[]>;

  // Contract v2: the whole lifecycle.
  listContacts(opts?: ListOptions): AsyncIterable<Contact>;
  getContact(id: string, opts?: CallOptions): Promise<Contact>;
  createContact(input: ContactInput, opts?: CallOptions): Promise<Contact>;
  getTldRequirements(tld: string, opts?: CallOptions): Promise<TldRequirements>;
  getAuthCode(domain: string, opts?: CallOptions): Promise<AuthCode>;
  /** The DNS-hosting side of a domain. */
  getZone(domain: string, opts?: CallOptions): Promise<Zone>;
  createZone(domain: string, opts?: CallOptions): Promise<Zone>;
}

export type Capability = keyof RegistrarMethods;

/** The capabilities in interface order. */
export const CAPABILITIES = [
  'listDomains',
  'getDomain',
  'updateDomain',
  'checkAvailability',
  'getPrice',
  'listTldPrices',
  'registerDomain',
  'renewDomain',
  'transferDomain',
  'getTransfer',
  'listRecords',
  'createRecord',
  'createRecords',
  'updateRecord',
  'deleteRecord',
  'getDsRecords',
  'setDsRecords',
  'suggestDomains',
  'listContacts',
  'getContact',
  'createContact',
  'getTldRequirements',
  'getAuthCode',
  'getZone',
  'createZone',
] as const satisfies readonly Capability[];

/** Methods that return an async iterable rather than a promise. */
export const LIST_CAPABILITIES: ReadonlySet<Capability> = new Set([
  'listDomains',
  'listRecords',
  'listContacts',
]);

/** One typed API over a registrar or DNS host. Every method exists; unsupported ones reject with `UnsupportedOperationError`. */
export interface Registrar extends RegistrarMethods {
  readonly provider: ProviderId;
  readonly capabilities: Readonly<Record<Capability, boolean>>;
  supports(capability: Capability): boolean;
  /**
   * Releases timers, sockets and shared (Redis) rate limiters. Idempotent; not a capability: every
   * registrar has it. Calls made after it are not supported.
   */
  close(): Promise<void>;
}
