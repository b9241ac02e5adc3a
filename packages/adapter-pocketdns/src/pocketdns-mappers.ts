/**
 * PocketDNS domain, order, price and user payloads → the model. Pure functions: no I/O, no state.
 * Records: pocketdns-record-mappers.ts. See docs/providers/pocketdns.md.
 */
import {
  type Availability,
  type Domain,
  type DomainStatus,
  type Money,
  money,
  normalizeDomainName,
  providerDomainNameOr,
  providerZone,
  type RenewResult,
  type TldPrice,
  type Transfer,
  toUnicodeDomainName,
  type Zone,
} from '@registrar-kit/core';
import { PROVIDER } from './pocketdns-provider-info.js';
import type {
  AvailabilityPayload,
  DomainDetailPayload,
  DomainSummaryPayload,
  RenewPayload,
  TldPayload,
  TransferPayload,
  UserSessionPayload,
} from './pocketdns-schemas.js';

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

/**
 * The DNS side of a PocketDNS domain: every domain's zone lives at PocketDNS with the domain, so
 * the zone is the domain's details (its id, name and the name servers it is delegated to).
 */
export function toZone(payload: DomainDetailPayload): Zone {
  return {
    provider: PROVIDER,
    id: payload.id,
    name: modelDomainName(payload.name),
    nameservers: payload.nameservers ? payload.nameservers.map(modelDomainName) : null,
  };
}
