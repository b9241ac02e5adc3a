/**
 * The objects the Cloudflare emulator stores and returns, in the API's own field names
 * (docs/providers/cloudflare.md).
 */
import { createHash } from 'node:crypto';

export interface CloudflareAccount {
  id: string;
  name: string;
  created_on: string;
}

export type ZonePlan = 'free' | 'pro' | 'business' | 'enterprise';

export interface CloudflareZone {
  id: string;
  name: string;
  status: 'initializing' | 'pending' | 'active' | 'moved';
  paused: boolean;
  type: 'full' | 'partial' | 'secondary';
  name_servers: string[];
  original_name_servers: string[] | null;
  original_registrar: string | null;
  original_dnshost: string | null;
  account: { id: string; name: string };
  created_on: string;
  modified_on: string;
  activated_on: string | null;
  development_mode: number;
  meta: Record<string, unknown>;
  owner: Record<string, unknown>;
  plan: { id: string; name: string; legacy_id: string };
}

export interface CloudflareRecord {
  id: string;
  type: string;
  /** FQDN, lower-case punycode, no trailing dot. */
  name: string;
  content: string;
  data?: Record<string, unknown>;
  priority?: number;
  ttl: number;
  proxied: boolean;
  proxiable: boolean;
  settings: Record<string, unknown>;
  meta: Record<string, unknown>;
  comment?: string;
  tags: string[];
  created_on: string;
  modified_on: string;
  comment_modified_on?: string;
  tags_modified_on?: string;
}

export type DnssecStatus = 'active' | 'pending' | 'disabled' | 'pending-disabled';

export interface CloudflareDnssec {
  status: DnssecStatus;
  modified_on: string | null;
  dnssec_multi_signer: boolean;
  dnssec_presigned: boolean;
  dnssec_use_nsec3: boolean;
}

export type RegistrationStatus =
  | 'active'
  | 'registration_pending'
  | 'transfer_pending'
  | 'expired'
  | 'suspended'
  | 'redemption_period'
  | 'pending_delete';

export interface CloudflareRegistration {
  domain_name: string;
  status: RegistrationStatus;
  created_at: string;
  expires_at: string | null;
  auto_renew: boolean;
  locked: boolean;
  privacy_mode: 'off' | 'redaction';
}

/** A 32-hex identifier derived from a text (deterministic ids for seeded and created objects). */
export function hexId(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** RFC 3339 with microseconds, as DNS records and zones are dated. */
export function microTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

/** RFC 3339 in whole seconds, as the Registrar API dates its objects. */
export function secondTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
