/**
 * DNSimple payloads ↔ registrar-kit model: domains, zones, records, prices and orders. Pure
 * functions: no I/O, no state. Contacts: dnsimple-contact-mappers.ts; TLDs: dnsimple-tld-mappers.ts.
 */
import {
  type Availability,
  canonicalRecordContent,
  type DnsRecord,
  type DnsRecordInput,
  type Domain,
  type DomainStatus,
  type DsRecord,
  invalidInput,
  type Money,
  money,
  multiplyDecimal,
  normalizeDomainName,
  type PriceOperation,
  type PriceQuote,
  quoteTxtString,
  RECORD_TYPES,
  type RecordType,
  type Registration,
  type RenewResult,
  ResponseFormatError,
  type Transfer,
  type TransferStatus,
  toUnicodeDomainName,
  ValidationError,
  type Zone,
} from '@registrar-kit/core';
import type {
  DnsimpleCheckResult,
  DnsimpleDomainPayload,
  DnsimpleDsRecord,
  DnsimplePrices,
  DnsimpleRegistration,
  DnsimpleRenewal,
  DnsimpleRestore,
  DnsimpleTransfer,
  DnsimpleZonePayload,
  DnsimpleZoneRecord,
} from './dnsimple-schemas.js';

export const PROVIDER = 'dnsimple' as const;
/** DNSimple quotes every price in US dollars (docs/providers/dnsimple.md#prices). */
export const CURRENCY = 'USD';
/** TXT content limit after serialization, quotes and escapes included (docs/providers/dnsimple.md#txt). */
export const MAX_TXT_SERIALIZED = 1000;

/** An ISO timestamp or `YYYY-MM-DD` date → Date; null when absent. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const DOMAIN_STATES: Record<string, DomainStatus> = {
  registered: 'active',
  hosted: 'hosted',
  expired: 'expired',
};

/**
 * DNSimple's `state` (spec enum: hosted, registered, expired) → DomainStatus; anything else is
 * `unknown`. The enum has no transfer state: a domain being transferred in is `hosted` until the
 * transfer completes (the `domain.state_change` webhook goes hosted → registered with reason
 * `transfer_in`), and it already has its registrant, which a DNS-only domain never has
 * (docs/providers/dnsimple.md#domain-states): that one is `transferring`.
 */
export function domainStatus(state: string, registrantId?: number | null): DomainStatus {
  const status = DOMAIN_STATES[state.toLowerCase()] ?? 'unknown';
  return status === 'hosted' && registrantId !== null && registrantId !== undefined ? 'transferring' : status;
}

/** Registrar facts not in the domain payload, read from their own endpoints (null: not read). */
export interface DomainExtras {
  transferLock?: boolean | null;
  nameservers?: string[] | null;
}

export function mapDomain(payload: DnsimpleDomainPayload, extras: DomainExtras = {}): Domain {
  // The schema checked the name: its ASCII form (a Unicode name becomes its punycode).
  const name = normalizeDomainName(payload.name);
  return {
    provider: PROVIDER,
    id: String(payload.id),
    name,
    unicodeName: toUnicodeDomainName(name),
    status: domainStatus(payload.state, payload.registrant_id),
    providerStatus: [payload.state],
    owner: payload.account_id === undefined ? null : String(payload.account_id),
    createdAt: parseDate(payload.created_at),
    expiresAt: parseDate(payload.expires_at) ?? parseDate(payload.expires_on),
    updatedAt: parseDate(payload.updated_at),
    autoRenew: payload.auto_renew ?? null,
    whoisPrivacy: payload.private_whois ?? null,
    transferLock: extras.transferLock ?? null,
    nameservers:
      extras.nameservers === undefined || extras.nameservers === null
        ? null
        : extras.nameservers.map((host) => normalizeDomainName(host)),
    dsRecords: null,
    raw: payload,
  };
}

const MODEL_TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);

/**
 * Canonical model content → what DNSimple is sent. TXT goes as one quoted character-string with
 * `"` and `\` escaped, which DNSimple stores verbatim (it splits long values itself when publishing),
 * so a value that itself starts and ends with quotes round-trips. Everything else is sent as is.
 */
export function contentToDnsimple(type: RecordType, content: string): string {
  if (type !== 'TXT') return content;
  const serialized = quoteTxtString(content);
  if (serialized.length > MAX_TXT_SERIALIZED) {
    // Re-labelled with provider and operation by `checked` (dnsimple-client.ts).
    throw new ValidationError(`TXT content is ${serialized.length} characters once quoted`, {
      issues: [
        {
          path: 'content',
          message: `must be at most ${MAX_TXT_SERIALIZED} characters once quoted and escaped (it is ${serialized.length})`,
        },
      ],
    });
  }
  return serialized;
}

/** `@` ↔ `""`: DNSimple's apex name is the empty string. */
export function nameToDnsimple(name: string): string {
  return name === '@' ? '' : name;
}

/**
 * A zone record → DnsRecord, or null for what the model leaves out: system records (SOA, apex NS),
 * records managed by a parent record (`parent_id`, e.g. an ALIAS's TXT) and types outside the model.
 */
export function mapRecord(payload: DnsimpleZoneRecord, zone: string): DnsRecord | null {
  if (payload.system_record || (payload.parent_id !== null && payload.parent_id !== undefined)) return null;
  const type = payload.type.toUpperCase();
  if (!MODEL_TYPES.has(type)) return null;
  return toDnsRecord(payload, zone, type as RecordType);
}

/** Like `mapRecord`, but a record the model cannot hold is a ResponseFormatError (a single record was asked for). */
export function mapRecordStrict(payload: DnsimpleZoneRecord, zone: string, operation: string): DnsRecord {
  const type = payload.type.toUpperCase();
  if (!MODEL_TYPES.has(type)) {
    throw new ResponseFormatError(
      `dnsimple ${operation}: record type ${payload.type} is not a registrar-kit record type`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'data.type', message: `unsupported record type ${payload.type}` }],
      },
    );
  }
  return toDnsRecord(payload, zone, type as RecordType);
}

function toDnsRecord(payload: DnsimpleZoneRecord, zone: string, type: RecordType): DnsRecord {
  const relative = payload.name.toLowerCase().replace(/\.$/, '');
  const name = relative === '' ? '@' : relative;
  return {
    provider: PROVIDER,
    id: String(payload.id),
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type,
    // TXT is stored quoted since Dec 2023, older records may be unquoted (docs/providers/dnsimple.md#txt).
    content: canonicalRecordContent(type, payload.content, zone),
    ttl: payload.ttl,
    priority: type === 'MX' || type === 'SRV' ? (payload.priority ?? null) : null,
    createdAt: parseDate(payload.created_at),
    updatedAt: parseDate(payload.updated_at),
    raw: payload,
  };
}

/** A validated (canonical) record input → the create body. */
export function recordBody(input: DnsRecordInput): Record<string, unknown> {
  return {
    name: nameToDnsimple(input.name),
    type: input.type,
    content: contentToDnsimple(input.type, input.content),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(input.priority !== undefined && input.priority !== null ? { priority: input.priority } : {}),
  };
}

export function mapAvailability(
  check: DnsimpleCheckResult,
  domain: string,
  price: Money | null,
): Availability {
  const premium = check.premium === true;
  const status = check.available ? (premium ? 'premium' : 'available') : 'registered';
  return {
    provider: PROVIDER,
    domain,
    available: check.available,
    status,
    premium: check.available && premium,
    price,
    reason: null,
    suggestions: [],
    providerStatus: [check.available ? 'available' : 'unavailable', ...(premium ? ['premium'] : [])],
    raw: check,
  };
}

const PRICE_FIELDS: Record<PriceOperation, keyof DnsimplePrices> = {
  register: 'registration_price',
  renew: 'renewal_price',
  transfer: 'transfer_price',
  restore: 'restore_price',
};

/** The one-year USD price of an operation from the prices payload (exact decimal string). */
export function priceOf(prices: DnsimplePrices, operation: PriceOperation, method = 'getPrice'): Money {
  const value = prices[PRICE_FIELDS[operation]] as number | string | null | undefined;
  if (value === undefined || value === null) {
    throw new ResponseFormatError(
      `dnsimple ${method}: the prices response has no ${PRICE_FIELDS[operation]}`,
      {
        provider: PROVIDER,
        operation: method,
        issues: [{ path: `data.${PRICE_FIELDS[operation]}`, message: 'missing' }],
      },
    );
  }
  return money(value, CURRENCY);
}

export function mapPriceQuote(
  prices: DnsimplePrices,
  domain: string,
  operation: PriceOperation,
  years: number,
): PriceQuote {
  const unit = priceOf(prices, operation);
  return {
    provider: PROVIDER,
    domain,
    operation,
    years,
    price: { amount: multiplyDecimal(unit.amount, years), currency: unit.currency },
    premium: prices.premium,
    available: null,
    renewalPrice: priceOf(prices, 'renew'),
  };
}

const REGISTRATION_STATES: Record<string, Registration['status']> = {
  new: 'pending',
  registering: 'pending',
  registered: 'completed',
  failed: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
};

/** A registration; an unknown state counts as pending (never reported as done). */
export function mapRegistration(payload: DnsimpleRegistration, domain: string): Registration {
  return {
    provider: PROVIDER,
    id: String(payload.id),
    domain,
    status: REGISTRATION_STATES[payload.state] ?? 'pending',
    cost: null,
    raw: payload,
  };
}

/** Renewal states that mean it did not happen (RenewResult cannot say so: the method throws). */
export const FAILED_RENEWAL_STATES: ReadonlySet<string> = new Set(['failed', 'cancelled', 'canceled']);

export function mapRenewal(payload: DnsimpleRenewal, domain: string, expiresAt: Date | null): RenewResult {
  return {
    provider: PROVIDER,
    domain,
    status: payload.state === 'renewed' ? 'completed' : 'pending',
    expiresAt,
    cost: null,
    raw: payload,
  };
}

const TRANSFER_STATES: Record<string, TransferStatus> = {
  new: 'pending',
  transferring: 'in_progress',
  transferred: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

/** The registrar-kit transfer id: DNSimple's transfer paths need the domain name as well as the id. */
export function transferId(domain: string, id: number | string): string {
  return `${domain}:${id}`;
}

/** `example.com:361` → its parts; anything else is a ValidationError. */
export function parseTransferId(value: string, operation: string): { domain: string; id: string } {
  const match = typeof value === 'string' ? /^(.+):(\d+)$/.exec(value) : null;
  if (!match) {
    throw invalidInput(
      { provider: PROVIDER, operation },
      [{ path: 'id', message: 'must be "<domain>:<transfer id>" as transferDomain returns it' }],
      'transfer id',
    );
  }
  return { domain: match[1]!, id: match[2]! };
}

export function mapTransfer(payload: DnsimpleTransfer, domain: string): Transfer {
  const status = TRANSFER_STATES[payload.state] ?? 'pending';
  return {
    provider: PROVIDER,
    id: transferId(domain, payload.id),
    domain,
    status,
    domainId:
      payload.domain_id === undefined || payload.domain_id === null ? null : String(payload.domain_id),
    startedAt: parseDate(payload.created_at),
    completedAt: status === 'completed' ? parseDate(payload.updated_at) : null,
    estimatedCompletion: null,
    cost: null,
    raw: payload,
  };
}

/** A restore (redemption) order: the adapter-specific result of `restoreDomain`. */
export interface DnsimpleRestoreResult {
  provider: 'dnsimple';
  id: string;
  domain: string;
  status: 'pending' | 'completed' | 'failed';
  raw: unknown;
}

const RESTORE_STATES: Record<string, DnsimpleRestoreResult['status']> = {
  new: 'pending',
  restoring: 'pending',
  restored: 'completed',
  failed: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
};

export function mapRestore(payload: DnsimpleRestore, domain: string): DnsimpleRestoreResult {
  return {
    provider: PROVIDER,
    id: String(payload.id),
    domain,
    status: RESTORE_STATES[payload.state] ?? 'pending',
    raw: payload,
  };
}

/** A DS payload (numbers as strings) → DsRecord. Key data (`public_key`) has an empty digest. */
export function mapDsRecord(payload: DnsimpleDsRecord): DsRecord {
  return {
    keyTag: payload.keytag === null || payload.keytag === undefined ? 0 : Number(payload.keytag),
    algorithm: Number(payload.algorithm),
    digestType:
      payload.digest_type === null || payload.digest_type === undefined ? 0 : Number(payload.digest_type),
    digest: payload.digest ?? '',
    ...(payload.public_key ? { publicKey: payload.public_key } : {}),
  };
}

/** DsRecord → the create body (DNSimple takes every field as a string). */
export function dsRecordBody(record: DsRecord): Record<string, string> {
  return {
    algorithm: String(record.algorithm),
    ...(record.digest
      ? { digest: record.digest, digest_type: String(record.digestType), keytag: String(record.keyTag) }
      : {}),
    ...(record.publicKey ? { public_key: record.publicKey } : {}),
  };
}

/** Whether two DS records are the same delegation (digest compared case-insensitively). */
export function sameDsRecord(a: DsRecord, b: DsRecord): boolean {
  return (
    a.keyTag === b.keyTag &&
    a.algorithm === b.algorithm &&
    a.digestType === b.digestType &&
    a.digest.toLowerCase() === b.digest.toLowerCase() &&
    (a.publicKey ?? '') === (b.publicKey ?? '')
  );
}

/** A zone and the name servers it is served from (its apex NS records, `system_record` at DNSimple). */
export function mapZone(payload: DnsimpleZonePayload, nameservers: string[] | null): Zone {
  return {
    provider: PROVIDER,
    id: String(payload.id),
    name: normalizeDomainName(payload.name),
    nameservers,
  };
}
