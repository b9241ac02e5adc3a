/**
 * Glauca checks and orders (registration, transfer, renew, restore) ↔ the model. Pure functions.
 */
import {
  type Availability,
  checkProviderDomainName,
  type Money,
  money,
  providerIdProblem,
  type Registration,
  type RegistrationStatus,
  type Transfer,
  type TransferStatus,
} from '@registrar-kit/core';
import type { GlaucaCheckResult, GlaucaOrder } from './glauca-schemas.js';
import { GLAUCA_CURRENCY, PROVIDER, toDate } from './glauca-values.js';

// ---------------------------------------------------------------------------------------------
// Checks and orders

export const UNSUPPORTED_REASON = 'Unsupported or invalid domain';
export const INVALID_PERIOD_REASON = 'Invalid period for domain';

export function gbp(amount: number | string): Money {
  return money(amount, GLAUCA_CURRENCY);
}

/**
 * `check` → Availability (docs/providers/glauca.md#check): available → `available`; reason
 * `Unsupported or invalid domain` → `unregistrable`; `Invalid period for domain` → `unknown`; any
 * other answer with `available: false` → `registered`. Glauca passes the registry's EPP check
 * through: `available: false` is the registry's "cannot be registered" and `reason` its optional
 * text (RFC 5731 section 3.1.1), so `reason: null` means the same as "In use" without the text.
 * Glauca has no premium flag, so `premium` is always false.
 */
export function mapAvailability(result: GlaucaCheckResult, domain: string): Availability {
  let status: Availability['status'];
  if (result.available) status = 'available';
  else if (result.reason === UNSUPPORTED_REASON) status = 'unregistrable';
  else if (result.reason === INVALID_PERIOD_REASON) status = 'unknown';
  else status = 'registered';
  return {
    provider: PROVIDER,
    domain,
    available: result.available,
    status,
    premium: false,
    price: result.price === null ? null : gbp(result.price),
    reason: result.reason,
    suggestions: [],
    providerStatus: result.reason === null ? [] : [result.reason],
    raw: result,
  };
}

export function orderCost(order: GlaucaOrder): Money | null {
  return order.price === null || order.price === undefined ? null : gbp(order.price);
}

/** Order state → Registration status: completed → completed, failed → failed, anything else → pending. */
export function registrationStatus(state: string): RegistrationStatus {
  if (state === 'completed') return 'completed';
  if (state === 'failed') return 'failed';
  return 'pending';
}

/**
 * Order state → Transfer status: `pending`, `started` (and an unknown state) → pending;
 * `needs_payment`, `processing`, `pending_approval` → in_progress; `completed`; `failed`.
 */
export function transferStatus(state: string): TransferStatus {
  switch (state) {
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'needs_payment':
    case 'processing':
    case 'pending_approval':
      return 'in_progress';
    default:
      return 'pending';
  }
}

/**
 * The domain name of an order the adapter did not start in this call (`getRegistration`,
 * `getTransfer`): Glauca's, checked like input.
 */
export function orderDomain(order: GlaucaOrder, operation: string): string {
  return checkProviderDomainName(order.domain, 'domain', { provider: PROVIDER, operation });
}

/** `domain`: the checked name (the one sent, or `orderDomain`). */
export function mapRegistration(order: GlaucaOrder, domain: string): Registration {
  return {
    provider: PROVIDER,
    id: order.id,
    domain,
    status: registrationStatus(order.state),
    cost: orderCost(order),
    raw: order,
  };
}

/** `domain`: the checked name (the one sent, or `orderDomain`). */
export function mapTransfer(order: GlaucaOrder, domain: string): Transfer {
  return {
    provider: PROVIDER,
    id: order.id,
    domain,
    status: transferStatus(order.state),
    // `domain_obj` of registration/transfer orders is built from the order in the published source;
    // `domain_id` is the id the domain gets (null when missing or unusable).
    domainId: order.domain_id && providerIdProblem(order.domain_id) === null ? order.domain_id : null,
    startedAt: toDate(order.timestamp),
    completedAt: null,
    estimatedCompletion: null,
    cost: orderCost(order),
    raw: order,
  };
}
