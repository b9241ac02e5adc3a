/**
 * Registrar payloads → model: registrations → `Domain`, domain-check → `Availability` and
 * `PriceQuote`, workflow statuses → `Registration` / `Transfer`
 * (docs/providers/cloudflare.md#registrar, #workflows, #transfer-in).
 */
import {
  type Availability,
  type AvailabilityStatus,
  addDecimal,
  type Domain,
  type DomainStatus,
  type Money,
  money,
  multiplyDecimal,
  normalizeDomainName,
  type Registration,
  type RegistrationStatus,
  type Transfer,
  type TransferStatus,
  toUnicodeDomainName,
} from '@registrar-kit/core';
import { PROVIDER } from './cloudflare-client.js';
import type {
  CloudflareCheckedDomain,
  CloudflarePricing,
  CloudflareRegistrationPayload,
  CloudflareWorkflowStatus,
} from './cloudflare-schemas.js';

const DOMAIN_STATUS: Readonly<Record<string, DomainStatus>> = {
  active: 'active',
  registration_pending: 'pending',
  transfer_pending: 'transferring',
  expired: 'expired',
  suspended: 'suspended',
  redemption_period: 'redemption',
  pending_delete: 'pending_delete',
};

export function date(value: string | null | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A registration as a `Domain`; its id is the domain name (the Registrar API keys by name). */
export function toDomain(payload: CloudflareRegistrationPayload): Domain {
  const name = normalizeDomainName(payload.domain_name);
  return {
    provider: PROVIDER,
    id: name,
    name,
    unicodeName: toUnicodeDomainName(name),
    status: DOMAIN_STATUS[payload.status] ?? 'unknown',
    providerStatus: [payload.status],
    owner: null,
    createdAt: date(payload.created_at),
    expiresAt: date(payload.expires_at),
    updatedAt: null,
    autoRenew: payload.auto_renew ?? null,
    whoisPrivacy: payload.privacy_mode === undefined ? null : payload.privacy_mode !== 'off',
    transferLock: payload.locked ?? null,
    // Registrar domains always use the nameservers of their Cloudflare zone (getZone tells them).
    nameservers: null,
    dsRecords: null,
    raw: payload,
  };
}

const AVAILABILITY: Readonly<
  Record<string, { status: AvailabilityStatus; available: boolean; premium: boolean }>
> = {
  domain_unavailable: { status: 'registered', available: false, premium: false },
  // Free at the registry, but the API does not sell premium names.
  domain_premium: { status: 'premium', available: true, premium: true },
  extension_not_supported_via_api: { status: 'unregistrable', available: false, premium: false },
  extension_not_supported: { status: 'unregistrable', available: false, premium: false },
  extension_disallows_registration: { status: 'unregistrable', available: false, premium: false },
};

const REASONS: Readonly<Record<string, string>> = {
  domain_unavailable: 'registered',
  domain_premium: 'premium names cannot be registered through the Cloudflare API',
  extension_not_supported_via_api: 'Cloudflare does not sell this extension through its API',
  extension_not_supported: 'Cloudflare does not sell this extension',
  extension_disallows_registration: 'the registry does not allow registration through a registrar API',
};

export function registrationPrice(pricing: CloudflarePricing | undefined): Money | null {
  return pricing?.registration_cost ? money(pricing.registration_cost, pricing.currency) : null;
}

export function renewalPrice(pricing: CloudflarePricing | undefined): Money | null {
  return pricing?.renewal_cost ? money(pricing.renewal_cost, pricing.currency) : null;
}

/** Several years cost the registration plus one renewal per further year. */
export function termPrice(pricing: CloudflarePricing, years: number): Money | null {
  const first = registrationPrice(pricing);
  const renewal = renewalPrice(pricing);
  if (!first || (years > 1 && !renewal)) return null;
  const amount =
    years > 1 ? addDecimal(first.amount, multiplyDecimal(renewal!.amount, years - 1)) : first.amount;
  return money(amount, first.currency);
}

export function toAvailability(domain: string, checked: CloudflareCheckedDomain): Availability {
  const reason = checked.registrable ? null : (checked.reason ?? 'not_registrable');
  const mapped = checked.registrable
    ? checked.tier === 'premium'
      ? { status: 'premium' as const, available: true, premium: true }
      : { status: 'available' as const, available: true, premium: false }
    : (AVAILABILITY[reason!] ?? { status: 'unknown' as const, available: false, premium: false });
  return {
    provider: PROVIDER,
    domain,
    ...mapped,
    price: registrationPrice(checked.pricing),
    reason: reason === null ? null : (REASONS[reason] ?? reason),
    suggestions: [],
    providerStatus: [reason ?? 'registrable'],
    raw: checked,
  };
}

/** A workflow's state as an order status: only `succeeded` and `failed` are final. */
function orderStatus(state: string): RegistrationStatus {
  if (state === 'succeeded') return 'completed';
  if (state === 'failed') return 'failed';
  return 'pending';
}

/** A registration workflow as a `Registration` (id: the domain name, the key of its status). */
export function toRegistration(
  domain: string,
  status: CloudflareWorkflowStatus | null,
  cost: Money | null,
): Registration {
  const state = status ? orderStatus(status.state) : 'pending';
  return {
    provider: PROVIDER,
    id: domain,
    domain,
    status: state,
    cost: state === 'failed' ? null : cost,
    raw: status,
  };
}

const TRANSFER_STATUS: Readonly<Record<string, TransferStatus>> = {
  pending: 'pending',
  in_progress: 'in_progress',
  blocked: 'in_progress',
  action_required: 'in_progress',
  succeeded: 'completed',
  failed: 'failed',
};

/** A transfer-in workflow as a `Transfer` (id: the domain name, as Cloudflare tracks it). */
export function toTransfer(domain: string, status: CloudflareWorkflowStatus, cost: Money | null): Transfer {
  const state = TRANSFER_STATUS[status.state] ?? 'pending';
  return {
    provider: PROVIDER,
    id: domain,
    domain,
    status: state,
    domainId: state === 'completed' ? domain : null,
    startedAt: date(status.created_at),
    completedAt: status.completed ? date(status.updated_at) : null,
    estimatedCompletion: null,
    cost: state === 'failed' ? null : cost,
    raw: status,
  };
}
