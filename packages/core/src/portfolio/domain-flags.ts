/**
 * What a domain owner should act on, read from the model alone: an expiry coming up with
 * auto-renew off, no transfer lock, an expired domain or one in redemption, no DNSSEC where the
 * provider reports it. Unknown values (`null`) never raise a flag.
 */
import type { Domain } from '../model/domain.js';

export const DOMAIN_FLAGS = [
  'expiring_without_auto_renew',
  'expired',
  'redemption',
  'transfer_lock_off',
  'no_dnssec',
] as const;
export type DomainFlag = (typeof DOMAIN_FLAGS)[number];

const DAY_MS = 86_400_000;

export interface FlagOptions {
  /** Days ahead that count as "expiring soon". */
  withinDays: number;
  now: Date;
}

export function domainFlags(domain: Domain, options: FlagOptions): DomainFlag[] {
  const flags: DomainFlag[] = [];
  const now = options.now.getTime();
  const expires = domain.expiresAt?.getTime();
  const expired = domain.status === 'expired' || (expires !== undefined && expires <= now);
  if (expired) flags.push('expired');
  else if (
    expires !== undefined &&
    expires - now <= options.withinDays * DAY_MS &&
    domain.autoRenew === false
  )
    flags.push('expiring_without_auto_renew');
  if (domain.status === 'redemption' || domain.status === 'pending_delete') flags.push('redemption');
  // A DNS-only (hosted) name has no registrar lock or DS records to act on.
  if (domain.status !== 'hosted') {
    if (domain.transferLock === false) flags.push('transfer_lock_off');
    if (Array.isArray(domain.dsRecords) && domain.dsRecords.length === 0) flags.push('no_dnssec');
  }
  return flags;
}
