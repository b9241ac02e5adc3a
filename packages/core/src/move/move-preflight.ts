/**
 * The checks made before a move changes anything: whether the losing registrar's registry will let
 * the domain go, and whether the gaining registrar's price is acceptable. Each returns a refusal
 * reason or null.
 */
import type { Domain } from '../model/domain.js';

/** ICANN Transfer Policy: no inter-registrar transfer within 60 days of registration or transfer. */
export const TRANSFER_LOCK_DAYS = 60;
const DAY_MS = 86_400_000;

/** EPP statuses compared without case or separators (`serverTransferProhibited`, `server_transfer_prohibited`). */
function eppKey(status: string): string {
  return status.toLowerCase().replace(/[^a-z]/g, '');
}

const REGISTRY_LOCKS = new Set([
  'servertransferprohibited',
  'pendingtransfer',
  'pendingdelete',
  'redemptionperiod',
]);
const UNMOVABLE_STATES: ReadonlySet<Domain['status']> = new Set([
  'expired',
  'redemption',
  'pending_delete',
  'suspended',
  'transferring',
  'pending',
]);

export interface PreflightOptions {
  now: Date;
  /** Refuse when the domain expires within this many days (default 14). */
  expiryWindowDays: number;
}

/** Why the losing registrar's registry would refuse the transfer, or null. */
export function transferRefusal(domain: Domain, options: PreflightOptions): string | null {
  if (domain.status === 'hosted')
    return `${domain.name} is only DNS-hosted at ${domain.provider}, not registered there`;
  if (UNMOVABLE_STATES.has(domain.status)) return `${domain.name} is ${domain.status} at ${domain.provider}`;
  const lock = domain.providerStatus.find((status) => REGISTRY_LOCKS.has(eppKey(status)));
  if (lock)
    return `the registry holds ${domain.name} with status ${lock}; only the registry or the registrar can lift it`;
  const now = options.now.getTime();
  if (domain.createdAt && now - domain.createdAt.getTime() < TRANSFER_LOCK_DAYS * DAY_MS) {
    const free = new Date(domain.createdAt.getTime() + TRANSFER_LOCK_DAYS * DAY_MS);
    return `${domain.name} was registered on ${domain.createdAt.toISOString().slice(0, 10)}; registries refuse transfers for ${TRANSFER_LOCK_DAYS} days (from ${free.toISOString().slice(0, 10)})`;
  }
  if (domain.expiresAt) {
    const left = domain.expiresAt.getTime() - now;
    if (left <= 0) return `${domain.name} expired on ${domain.expiresAt.toISOString().slice(0, 10)}`;
    if (left < options.expiryWindowDays * DAY_MS) {
      return `${domain.name} expires on ${domain.expiresAt.toISOString().slice(0, 10)}, within ${options.expiryWindowDays} days: renew it first`;
    }
  }
  return null;
}
