/**
 * DNSimple API v2 payload shapes, as the official fixtures show them (field names and order follow
 * `fixtures/v2/api/**.http` in https://github.com/dnsimple/dnsimple-developer, copied to
 * `shared/fixtures/dnsimple/`). Only what the emulator serves.
 */

export interface DnsimpleAccount {
  id: number;
  email: string;
  name: string;
  plan_identifier: string;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleUser {
  id: number;
  email: string;
  created_at: string;
  updated_at: string;
}

export type DnsimpleDomainState = 'hosted' | 'registered' | 'expired';

/** A domain of the account, with the emulator's own bookkeeping next to the rendered fields. */
export interface DnsimpleDomain {
  id: number;
  account_id: number;
  registrant_id: number | null;
  name: string;
  unicode_name: string;
  state: DnsimpleDomainState;
  auto_renew: boolean;
  private_whois: boolean;
  trustee: boolean;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  /** Registrar transfer lock (GET/POST/DELETE …/transfer_lock). */
  transferLock: boolean;
  /** Delegation (GET/PUT …/delegation). */
  nameServers: string[];
  dnssec: DnsimpleDnssec | null;
  whoisPrivacy: DnsimpleWhoisPrivacy | null;
  /** Auth code issued by `authorize_transfer_out` (e-mailed, never rendered); null until then. */
  authCode: string | null;
  /** Last transfer in (bookkeeping for the registry's 60-day lock; not rendered). */
  lastTransferredAt: string | null;
}

export interface DnsimpleZone {
  id: number;
  account_id: number;
  name: string;
  reverse: boolean;
  secondary: boolean;
  last_transferred_at: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleZoneRecord {
  id: number;
  /** The zone NAME, not the zone id. */
  zone_id: string;
  parent_id: number | null;
  /** Relative name, apex is "". */
  name: string;
  content: string;
  ttl: number;
  priority: number | null;
  type: string;
  regions: string[];
  system_record: boolean;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleRegistration {
  id: number;
  domain_id: number;
  registrant_id: number;
  period: number;
  state: 'new' | 'registering' | 'registered' | 'failed' | 'cancelled';
  auto_renew: boolean;
  whois_privacy: boolean;
  trustee: boolean;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleRenewal {
  id: number;
  domain_id: number;
  period: number;
  state: 'new' | 'renewing' | 'renewed' | 'failed' | 'cancelled';
  created_at: string;
  updated_at: string;
}

export interface DnsimpleTransfer {
  id: number;
  domain_id: number;
  registrant_id: number;
  state: 'new' | 'transferring' | 'transferred' | 'failed' | 'cancelled';
  auto_renew: boolean;
  whois_privacy: boolean;
  trustee: boolean;
  status_description: string | null;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleRestore {
  id: number;
  domain_id: number;
  state: 'new' | 'restoring' | 'restored' | 'cancelled';
  created_at: string;
  updated_at: string;
}

export interface DnsimpleWhoisPrivacy {
  id: number;
  domain_id: number;
  expires_on: string | null;
  enabled: boolean | null;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleDnssec {
  enabled: boolean;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleDsRecord {
  id: number;
  domain_id: number;
  algorithm: string;
  digest: string | null;
  digest_type: string | null;
  keytag: string | null;
  public_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface DnsimpleTld {
  tld: string;
  tld_type: number;
  whois_privacy: boolean;
  auto_renew_only: boolean;
  idn: boolean;
  minimum_registration: number;
  registration_enabled: boolean;
  renewal_enabled: boolean;
  transfer_enabled: boolean;
  dnssec_interface_type: 'ds' | 'key';
  /** Strings in the fixtures (the spec says integer). */
  name_server_min: string;
  name_server_max: string;
  trustee_service_enabled: boolean;
  trustee_service_required: boolean;
}

/** An operation (registration, renewal, transfer, restore) with the name of its domain. */
export interface DomainOperation<T> {
  domain: string;
  data: T;
  /** GET requests seen so far (the emulator completes an operation on its first GET by default). */
  polls: number;
  /** Wall-clock creation time (epoch ms), for `completion.afterMs`. */
  createdMs?: number;
}

/** ISO 8601 UTC without milliseconds, as the API writes timestamps (`2016-12-09T19:35:31Z`). */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The Domain object. `trustee` appears in the getDomain fixture but not in the listDomains and
 * createDomain fixtures, so it is rendered only where asked.
 */
export function renderDomain(domain: DnsimpleDomain, withTrustee: boolean): Record<string, unknown> {
  return {
    id: domain.id,
    account_id: domain.account_id,
    registrant_id: domain.registrant_id,
    name: domain.name,
    unicode_name: domain.unicode_name,
    state: domain.state,
    auto_renew: domain.auto_renew,
    private_whois: domain.private_whois,
    ...(withTrustee ? { trustee: domain.trustee } : {}),
    expires_on: domain.expires_at === null ? null : domain.expires_at.slice(0, 10),
    expires_at: domain.expires_at,
    created_at: domain.created_at,
    updated_at: domain.updated_at,
  };
}
