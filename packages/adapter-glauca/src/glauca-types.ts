/** Types of the Glauca-specific methods (beyond the `Registrar` interface). */
import type { CallOptions, Money, Registration } from '@registrar-kit/core';

/** Result of `restoreDomain`: the restore order Glauca created. */
export interface GlaucaRestoreResult {
  provider: 'glauca';
  /** The restore order id (`domains_domainrestoreorder_…`). */
  id: string;
  domain: string;
  /** Order state mapped like a registration: completed, failed, anything else pending. */
  status: 'pending' | 'completed' | 'failed';
  cost: Money | null;
  raw: unknown;
}

export interface GlaucaExtras {
  /** Sets a new auth code at the registry (`regen_auth_code: true`) and returns it. */
  regenerateAuthCode(domain: string, opts?: CallOptions): Promise<string>;
  /** Restores a deleted domain in its redemption period (`POST /api/domains/{id}/restore/`; charges). */
  restoreDomain(domain: string, opts?: CallOptions): Promise<GlaucaRestoreResult>;
  /** Reads a registration order (poll it after `registerDomain`). */
  getRegistration(id: string, opts?: CallOptions): Promise<Registration>;
}
