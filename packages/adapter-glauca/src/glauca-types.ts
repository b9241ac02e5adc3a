/** Types of the Glauca-specific methods (beyond the `Registrar` interface). */
import type { CallOptions, Registration, RenewResult } from '@registrar-kit/core';

/**
 * Result of `restoreDomain` / `getRestore`: the restore order (`id`: `domains_domainrestoreorder_…`,
 * poll it with `getRestore`), states mapped like a registration: completed, failed, else pending.
 */
export type GlaucaRestoreResult = Registration;

/** `renewDomain`'s result with the renew order's id, to poll with `getRenewal`. */
export interface GlaucaRenewResult extends RenewResult {
  /** The renew order id (`domains_domainreneworder_…`). */
  orderId: string;
}

export interface GlaucaExtras {
  /** Sets a new auth code at the registry (`regen_auth_code: true`) and returns it. */
  regenerateAuthCode(domain: string, opts?: CallOptions): Promise<string>;
  /** Restores a deleted domain in its redemption period (`POST /api/domains/{id}/restore/`; charges). */
  restoreDomain(domain: string, opts?: CallOptions): Promise<GlaucaRestoreResult>;
  /** Reads a restore order (poll it after `restoreDomain`). */
  getRestore(orderId: string, opts?: CallOptions): Promise<GlaucaRestoreResult>;
  /** Reads a renew order (poll it after `renewDomain`, with `result.orderId`). */
  getRenewal(orderId: string, opts?: CallOptions): Promise<GlaucaRenewResult>;
  /** Reads a registration order (poll it after `registerDomain`). */
  getRegistration(id: string, opts?: CallOptions): Promise<Registration>;
}
