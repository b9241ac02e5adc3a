/**
 * PocketDNS payloads ↔ registrar-kit model. Pure functions: no I/O, no state.
 */
import {
  type Availability,
  canonicalIPv4,
  canonicalIPv6,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  type Domain,
  type DomainStatus,
  formatTxt,
  type Money,
  money,
  normalizeDomainName,
  providerDomainNameOr,
  providerZone,
  RECORD_TYPES,
  type RecordType,
  type RenewResult,
  type TldPrice,
  type Transfer,
  toUnicodeDomainName,
  unquoteTxt,
} from '@registrar-kit/core';
import type {
  AvailabilityPayload,
  DnsRecordPayload,
  DomainDetailPayload,
  DomainSummaryPayload,
  RenewPayload,
  TldPayload,
  TransferPayload,
  UserSessionPayload,
} from './pocketdns-schemas.js';

export const PROVIDER = 'pocketdns' as const;

/** A user session of the embed (`POST /api/v1/users`). */
export interface PocketDnsUserSession {
  userIdentifier: string;
  /** Put it in an iframe; valid 24 hours. */
  loginUrl: string;
  /** null when PocketDNS does not say (some documented examples omit it). */
  expiresAt: Date | null;
  raw: unknown;
}

/** A provider domain name in the model's form (ASCII, lower-case, no trailing dot), never throwing. */
export function modelDomainName(name: string): string {
  try {
    return normalizeDomainName(name);
  } catch {
    return name.trim().toLowerCase().replace(/\.$/, '');
  }
}

function unicodeOf(ascii: string): string {
  try {
    return toUnicodeDomainName(ascii);
  } catch {
    return ascii;
  }
}

function date(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

function amountOf(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
): Money | null {
  if (amount === null || amount === undefined || !currency) return null;
  return money(typeof amount === 'string' ? amount.trim() : amount, currency);
}

const DOMAIN_STATUSES: Readonly<Record<string, DomainStatus>> = {
  active: 'active',
  pending: 'pending',
  expired: 'expired',
  suspended: 'suspended',
};

/** PocketDNS's documented states (active, pending, expired, suspended); anything else is `unknown`. */
export function toDomainStatus(status: string): DomainStatus {
  return DOMAIN_STATUSES[status.toLowerCase()] ?? 'unknown';
}

/**
 * A domain from the list (summary) or the details endpoint. The summary has no owner, name
 * servers or privacy flag: `owner` is the `user_identifier` the list was asked for, the others null.
 */
export function toDomain(
  payload: DomainSummaryPayload | DomainDetailPayload,
  owner: string | null = null,
): Domain {
  const detail = payload as DomainDetailPayload;
  const name = modelDomainName(payload.name);
  return {
    provider: PROVIDER,
    id: payload.id,
    name,
    unicodeName: unicodeOf(name),
    status: toDomainStatus(payload.status),
    providerStatus: [payload.status],
    owner: detail.user_identifier ?? owner,
    createdAt: date(payload.purchased_at),
    expiresAt: date(payload.expires_at),
    updatedAt: date(detail.updated_at),
    autoRenew: payload.auto_renew ?? null,
    whoisPrivacy: detail.whois_privacy ?? null,
    transferLock: null,
    nameservers: detail.nameservers ? detail.nameservers.map(modelDomainName) : null,
    dsRecords: null,
    raw: payload,
  };
}

/**
 * `POST /domains/{id}/renew`: done when PocketDNS says when it renewed (`renewed_at`). `domain` is
 * the name the adapter knows; when it does not (called with an id), PocketDNS's name if it is a
 * valid domain name, else the argument as given: the renewal is paid, so it never fails here.
 */
export function toRenewResult(payload: RenewPayload, known: string, argument: string): RenewResult {
  return {
    provider: PROVIDER,
    domain: known || providerDomainNameOr(payload.name, argument),
    status: payload.renewed_at ? 'completed' : 'pending',
    expiresAt: date(payload.expires_at),
    cost: amountOf(payload.renewal_cost, payload.currency),
    raw: payload,
  };
}

/**
 * A transfer (initiation or status answer); PocketDNS's five states are the model's. `domain` is
 * the name sent when the adapter started it, else PocketDNS's (checked by the schema).
 */
export function toTransfer(payload: TransferPayload, sent?: string): Transfer {
  return {
    provider: PROVIDER,
    id: payload.transfer_id,
    domain: sent ?? modelDomainName(payload.domain_name),
    status: payload.status,
    domainId: payload.domain_id ?? null,
    startedAt: date(payload.started_at),
    completedAt: date(payload.completed_at),
    estimatedCompletion: date(payload.estimated_completion),
    cost: amountOf(payload.cost, payload.currency),
    raw: payload,
  };
}

/** A TLD of `GET /domains/tlds`. A TLD marked `available: false` cannot be registered: `register` is null. */
export function toTldPrice(payload: TldPayload): TldPrice {
  return {
    provider: PROVIDER,
    tld: providerZone(payload.tld),
    register: payload.available === false ? null : amountOf(payload.registration_price, payload.currency),
    renew: amountOf(payload.renewal_price, payload.currency),
    transfer: amountOf(payload.transfer_price, payload.currency),
    restore: null,
  };
}

/** Availability: PocketDNS says available or not, and premium; a name not available is `registered`. */
export function toAvailability(payload: AvailabilityPayload, requested: string): Availability {
  const premium = payload.premium ?? false;
  return {
    provider: PROVIDER,
    domain: payload.domain_name ? modelDomainName(payload.domain_name) : requested,
    available: payload.available,
    status: payload.available ? (premium ? 'premium' : 'available') : 'registered',
    premium,
    price: payload.available ? amountOf(payload.price, payload.currency) : null,
    reason: null,
    suggestions: (payload.suggestions ?? []).map(modelDomainName),
    providerStatus: [],
    raw: payload,
  };
}

export function toUserSession(payload: UserSessionPayload): PocketDnsUserSession {
  return {
    userIdentifier: payload.user_identifier,
    loginUrl: payload.login_url,
    expiresAt: date(payload.expires_at),
    raw: payload,
  };
}

// ---- DNS records ----

const MODEL_TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);
const HOST_TYPES: ReadonlySet<RecordType> = new Set(['CNAME', 'NS', 'MX', 'ALIAS']);
const CAA = /^(\d{1,3})\s+([A-Za-z0-9]+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))$/;

function canonicalHost(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '') || '.';
}

/** A record name relative to the zone, lower-case, `@` for the apex. */
export function relativeName(name: string, zone: string): string {
  let relative = name.trim().toLowerCase();
  if (relative.endsWith('.')) {
    const absolute = relative.slice(0, -1);
    if (absolute === zone) return '@';
    if (absolute.endsWith(`.${zone}`)) relative = absolute.slice(0, -zone.length - 1);
  }
  return relative === '' ? '@' : relative;
}

/** Content and priority of a PocketDNS record in the model's canonical form. */
export function contentFromWire(
  type: RecordType,
  content: string,
  priority: number | null,
): { content: string; priority: number | null } {
  switch (type) {
    case 'A':
      return { content: canonicalIPv4(content.trim()) ?? content.trim(), priority: null };
    case 'AAAA':
      return { content: canonicalIPv6(content.trim()) ?? content.trim().toLowerCase(), priority: null };
    case 'TXT':
      return { content: content.trimStart().startsWith('"') ? unquoteTxt(content) : content, priority: null };
    case 'SRV': {
      // PocketDNS writes `priority weight port target`; the model keeps `weight port target` + priority.
      const parts = content.trim().split(/\s+/);
      if (parts.length === 4) {
        const [first, weight, port, target] = parts as [string, string, string, string];
        return {
          content: `${Number(weight)} ${Number(port)} ${canonicalHost(target)}`,
          priority: Number(first),
        };
      }
      if (parts.length === 3) {
        const [weight, port, target] = parts as [string, string, string];
        return { content: `${Number(weight)} ${Number(port)} ${canonicalHost(target)}`, priority };
      }
      return { content: content.trim(), priority };
    }
    case 'CAA': {
      const match = CAA.exec(content.trim());
      if (!match) return { content: content.trim(), priority: null };
      return {
        content: `${Number(match[1])} ${match[2]!.toLowerCase()} "${match[3] ?? match[4] ?? ''}"`,
        priority: null,
      };
    }
    default:
      return {
        content: HOST_TYPES.has(type) ? canonicalHost(content) : content.trim(),
        priority: type === 'MX' ? priority : null,
      };
  }
}

/**
 * A PocketDNS record in the model, or null for what the user cannot manage here (SOA, types
 * outside the model). `fallback` fills fields that bulk and template answers leave out.
 */
export function toDnsRecord(
  payload: DnsRecordPayload,
  zone: string,
  fallback: { ttl?: number; priority?: number | null } = {},
): DnsRecord | null {
  const type = payload.type.trim().toUpperCase();
  if (!MODEL_TYPES.has(type)) return null;
  const recordType = type as RecordType;
  const name = relativeName(payload.name, zone);
  const { content, priority } = contentFromWire(
    recordType,
    payload.content,
    payload.priority ?? fallback.priority ?? null,
  );
  return {
    provider: PROVIDER,
    id: payload.id,
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type: recordType,
    content,
    ttl: payload.ttl ?? fallback.ttl ?? DEFAULT_TTL,
    priority: recordType === 'MX' || recordType === 'SRV' ? priority : null,
    createdAt: date(payload.created_at),
    updatedAt: date(payload.updated_at),
    raw: payload,
  };
}

/** PocketDNS's TTL when none is sent ("default: 300"). */
export const DEFAULT_TTL = 300;

/** A TXT value as PocketDNS takes it: plain when one string of at most 255 bytes, else quoted 255-byte strings. */
export function txtToWire(value: string): string {
  const plain = value !== '' && Buffer.byteLength(value, 'utf8') <= 255 && !value.trimStart().startsWith('"');
  return plain ? value : formatTxt(value);
}

/** Content as PocketDNS takes it: SRV `priority weight port target`, TXT quoted past 255 bytes. */
export function contentToWire(
  type: RecordType,
  content: string,
  priority: number | null | undefined,
): string {
  if (type === 'TXT') return txtToWire(content);
  if (type === 'SRV') return `${priority ?? 0} ${content}`;
  return content;
}

/** The create body (single or bulk item) of a checked, canonical input. */
export function toRecordBody(input: DnsRecordInput): Record<string, unknown> {
  const priority = input.priority ?? null;
  return {
    type: input.type,
    name: input.name,
    content: contentToWire(input.type, input.content, priority),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(priority !== null ? { priority } : {}),
  };
}

/**
 * The update body of a checked, canonical patch: only the fields provided. For an SRV record the
 * content carries the priority, so a change of either sends both (`current` fills the other).
 */
export function toRecordPatchBody(
  patch: DnsRecordPatch,
  type: RecordType | undefined,
  current?: { content: string; priority: number | null },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.ttl !== undefined) body.ttl = patch.ttl;
  if (
    type === 'SRV' &&
    (patch.content !== undefined || (patch.priority !== undefined && patch.priority !== null))
  ) {
    const priority = patch.priority ?? current?.priority ?? 0;
    body.content = contentToWire('SRV', patch.content ?? current?.content ?? '', priority);
    body.priority = priority;
    return body;
  }
  if (patch.content !== undefined)
    body.content = type ? contentToWire(type, patch.content, null) : patch.content;
  if (patch.priority !== undefined && patch.priority !== null) body.priority = patch.priority;
  return body;
}
