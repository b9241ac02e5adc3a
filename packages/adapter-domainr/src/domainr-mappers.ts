/**
 * What Domainr v2 and Fastly share: status flags → `Availability`, zones in ASCII. Pure functions;
 * the API-specific mappers are domainr-v2-mappers.ts and domainr-fastly-mappers.ts.
 */
import { type Availability, providerZone } from '@registrar-kit/core';
import { interpretStatusFlags, splitStatusFlags } from './domainr-status-flags.js';

const PROVIDER = 'domainr';

/** Said when an answer carries no status at all (Fastly's `status` is optional). */
export const NO_STATUS_REASON = 'the answer carries no status: whether the name is taken is not known';

/**
 * ASCII form of a zone the schema checked (`coffee`, `co.uk`, a Unicode TLD → punycode),
 * lower-case, no leading dot.
 */
export function asciiZone(zone: string): string {
  return providerZone(zone);
}

/**
 * An `Availability` from a space-delimited status string (docs/providers/domainr.md#status-flags).
 * `domain` is the ASCII name that was asked for. `extraReason` is appended to the flag reason
 * (Fastly's cheapest offer). Without a status nothing is known: `unknown`, not available.
 */
export function statusToAvailability(
  domain: string,
  status: string | undefined,
  raw: unknown,
  extraReason?: string,
): Availability {
  const providerStatus = status === undefined ? [] : splitStatusFlags(status);
  const meaning =
    status === undefined
      ? { status: 'unknown' as const, available: false, premium: false, reason: NO_STATUS_REASON }
      : interpretStatusFlags(providerStatus);
  const reason = [meaning.reason, extraReason].filter((part): part is string => !!part).join('; ') || null;
  return {
    provider: PROVIDER,
    domain,
    available: meaning.available,
    status: meaning.status,
    premium: meaning.premium,
    // Domainr quotes no registration prices.
    price: null,
    reason,
    suggestions: [],
    providerStatus,
    raw,
  };
}
