/**
 * Order answers → the model: availability (domains.check rows), transfers (transfer status ids,
 * docs/providers/namecheap.md#orders-and-prices), registrations and renewals.
 */
import type { Availability, Money, Transfer, TransferStatus } from '@registrar-kit/core';
import { PROVIDER } from './namecheap-errors.js';
import type { CheckRow } from './namecheap-schemas.js';
import { DEFAULT_CURRENCY, positiveAmount } from './namecheap-values.js';

/** A check row → Availability. `Available="error"` rows (bad name, TLD not sold) are not available. */
export function availabilityFromRow(row: CheckRow, domain: string): Availability {
  const flag = row.available.trim().toLowerCase();
  const premium = row.ispremiumname === true;
  const eap = positiveAmount(row.eapfee, DEFAULT_CURRENCY);
  const base = {
    provider: PROVIDER,
    domain,
    premium,
    suggestions: [],
    providerStatus: [row.available, ...(row.errorno && row.errorno !== '0' ? [row.errorno] : [])],
    raw: row,
  };
  if (flag === 'true' && eap)
    // Names in an early-access period cannot be registered through the API.
    return {
      ...base,
      available: false,
      status: 'unregistrable',
      price: null,
      reason: `early-access fee ${eap.amount} ${eap.currency}: not registrable through the API`,
    };
  if (flag === 'true')
    return {
      ...base,
      available: true,
      status: premium ? 'premium' : 'available',
      price: premium ? positiveAmount(row.premiumregistrationprice, DEFAULT_CURRENCY) : null,
      reason: null,
    };
  if (flag === 'false') return { ...base, available: false, status: 'registered', price: null, reason: null };
  const reason = row.description?.trim() || `Namecheap answered Available="${row.available}"`;
  // 2030280: TLD not supported; 2011166: invalid name.
  const status =
    row.errorno === '2030280' ? 'unregistrable' : row.errorno === '2011166' ? 'invalid' : 'unknown';
  return { ...base, available: false, status, price: null, reason };
}

/**
 * Transfer StatusID → model status (docs/providers/namecheap.md#orders-and-prices): 5 completed;
 * 27 cancelled by the customer; the other cancellation ids (15–26, 28–37 except 34/35, 45, 48–51)
 * failed; everything else (negative Namecheap-side ids, 0–14, 34, 35) still going.
 */
export function transferStatusOf(statusId: string | undefined, text: string | undefined): TransferStatus {
  const id = Number(statusId);
  if (id === 5) return 'completed';
  if (id === 27) return 'cancelled';
  if (
    (id >= 15 && id <= 37 && id !== 34 && id !== 35 && id !== 28 && id !== 29) ||
    id === 45 ||
    (id >= 48 && id <= 51)
  )
    return 'failed';
  if (Number.isInteger(id)) return id === -1 || id === 0 ? 'pending' : 'in_progress';
  const words = text?.toLowerCase() ?? '';
  if (words.includes('complete')) return 'completed';
  if (words.includes('cancel')) return 'cancelled';
  return 'in_progress';
}

export function transferOf(
  id: string,
  domain: string,
  statusId: string | undefined,
  statusText: string | undefined,
  cost: Money | null,
  raw: unknown,
): Transfer {
  const status = transferStatusOf(statusId, statusText);
  return {
    provider: PROVIDER,
    id,
    domain,
    status,
    domainId: null,
    startedAt: null,
    completedAt: null,
    estimatedCompletion: null,
    cost,
    raw,
  };
}
