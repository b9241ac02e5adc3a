/**
 * Glauca domain payloads (EPP statuses, rgp_state, name servers, sec_dns) ↔ the model. Pure functions.
 */
import {
  type Domain,
  type DomainStatus,
  type DsRecord,
  DsRecordSchema,
  invalidInput,
  normalizeDomainName,
  toUnicodeDomainName,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { GlaucaDomainPayload, GlaucaKeyData, GlaucaSecDns } from './glauca-schemas.js';
import { PROVIDER, toDate } from './glauca-values.js';

// ---------------------------------------------------------------------------------------------
// Domains

const REDEMPTION_RGP = new Set(['redemption_grace_period', 'pending_restore_grace_period']);
const HOLD = new Set(['client_hold', 'server_hold']);

/**
 * The domain status table (first match wins; README "Status mapping"):
 *
 * | Glauca                                                                          | DomainStatus     |
 * |---------------------------------------------------------------------------------|------------------|
 * | `deleted: true`, rgp `redemption_grace_period` or `pending_restore_grace_period` | `redemption`     |
 * | status `pending_delete`, rgp `pending_delete_grace_period`                       | `pending_delete` |
 * | status `pending_transfer` (may really be a pending renew, see README)            | `transferring`   |
 * | status `pending_create`                                                          | `pending`        |
 * | status `client_hold` or `server_hold`                                            | `suspended`      |
 * | `expiry` before now                                                              | `expired`        |
 * | anything else                                                                    | `active`         |
 */
export function mapDomainStatus(payload: GlaucaDomainPayload, now: Date): DomainStatus {
  const statuses = new Set(payload.statuses);
  const rgp = payload.rgp_state ?? [];
  if (payload.deleted === true || rgp.some((state) => REDEMPTION_RGP.has(state))) return 'redemption';
  if (statuses.has('pending_delete') || rgp.includes('pending_delete_grace_period')) return 'pending_delete';
  if (statuses.has('pending_transfer')) return 'transferring';
  if (statuses.has('pending_create')) return 'pending';
  if ([...statuses].some((status) => HOLD.has(status))) return 'suspended';
  if (payload.expiry && new Date(payload.expiry).getTime() < now.getTime()) return 'expired';
  return 'active';
}

/** Raw values kept on the model: EPP statuses, then RGP states, then `deleted` when the domain is deleted. */
export function glaucaProviderStatus(payload: GlaucaDomainPayload): string[] {
  return [
    ...payload.statuses,
    ...(payload.rgp_state ?? []),
    ...(payload.deleted === true ? ['deleted'] : []),
  ];
}

export function mapDomain(payload: GlaucaDomainPayload, now: Date): Domain {
  // The schema checked the name: its ASCII form (a Unicode name becomes its punycode).
  const name = normalizeDomainName(payload.domain);
  return {
    provider: PROVIDER,
    id: payload.id,
    name,
    unicodeName: toUnicodeDomainName(name),
    status: mapDomainStatus(payload, now),
    providerStatus: glaucaProviderStatus(payload),
    owner: payload.registrant ?? null,
    createdAt: toDate(payload.created),
    expiresAt: toDate(payload.expiry),
    updatedAt: toDate(payload.last_updated),
    autoRenew: null,
    whoisPrivacy: null,
    transferLock: payload.statuses.includes('client_transfer_prohibited'),
    nameservers: (payload.name_servers ?? [])
      .map((ns) => ns.host_object ?? ns.host_name ?? null)
      .filter((host): host is string => typeof host === 'string' && host.length > 0)
      .map((host) => normalizeDomainName(host)),
    dsRecords: dsRecordsFromSecDns(payload.sec_dns ?? null),
    raw: payload,
  };
}

/** `name_servers` host objects for a PATCH. */
export function nameServersBody(
  hosts: string[],
): { host_object: string; host_name: null; addresses: null }[] {
  return hosts.map((host) => ({ host_object: host, host_name: null, addresses: null }));
}

// ---------------------------------------------------------------------------------------------
// DNSSEC (sec_dns)

/** RFC 4034 Appendix B key tag of a DNSKEY (flags, protocol, algorithm, base64 public key). */
export function dnskeyKeyTag(flags: number, protocol: number, algorithm: number, publicKey: string): number {
  const key = Buffer.from(publicKey, 'base64');
  const rdata = Buffer.concat([
    Buffer.from([(flags >> 8) & 0xff, flags & 0xff, protocol & 0xff, algorithm & 0xff]),
    key,
  ]);
  let sum = 0;
  for (let i = 0; i < rdata.length; i++) sum += i & 1 ? rdata[i]! : rdata[i]! << 8;
  sum += (sum >> 16) & 0xffff;
  return sum & 0xffff;
}

function keyDataToDs(key: GlaucaKeyData): DsRecord {
  return {
    keyTag: dnskeyKeyTag(key.flags, key.protocol, key.algorithm, key.public_key),
    algorithm: key.algorithm,
    digestType: 0,
    digest: '',
    publicKey: key.public_key,
    flags: key.flags,
    protocol: key.protocol,
  };
}

/**
 * `sec_dns` → DsRecord[]: `ds_data` entries as DS records (with their optional DNSKEY in
 * `publicKey/flags/protocol`), `key_data` entries as key records (`digest` empty, `digestType` 0,
 * `keyTag` computed from the key). `null` (DNSSEC off) → [].
 */
export function dsRecordsFromSecDns(secDns: GlaucaSecDns | null): DsRecord[] {
  if (!secDns) return [];
  const ds = (secDns.ds_data ?? []).map((entry) => ({
    keyTag: entry.key_tag,
    algorithm: entry.algorithm,
    digestType: entry.digest_type,
    digest: entry.digest,
    ...(entry.key_data
      ? {
          publicKey: entry.key_data.public_key,
          flags: entry.key_data.flags,
          protocol: entry.key_data.protocol,
        }
      : {}),
  }));
  return [...ds, ...(secDns.key_data ?? []).map(keyDataToDs)];
}

const SET_DS = { provider: PROVIDER, operation: 'setDsRecords' };
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * DsRecord[] → `sec_dns` for a PATCH. A record with a digest is DS data (its `publicKey`, `flags`,
 * `protocol` become the optional `key_data`); a record without a digest but with `publicKey` is key
 * data (the registry computes the DS). Glauca takes one form at a time, so mixing them is refused.
 * An empty list removes DNSSEC (`sec_dns: null`). Throws one ValidationError with every issue.
 */
export function secDnsFromDsRecords(records: DsRecord[]): GlaucaSecDns | null {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(records)) {
    throw invalidInput(SET_DS, [{ path: '', message: 'must be an array' }], 'DS records');
  }
  if (records.length === 0) return null;
  const dsData: NonNullable<GlaucaSecDns['ds_data']> = [];
  const keyData: GlaucaKeyData[] = [];
  records.forEach((record, index) => {
    const path = `records.${index}`;
    const parsed = DsRecordSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message });
      return;
    }
    const r = parsed.data;
    const hasKey = r.publicKey !== undefined;
    if (hasKey) {
      if (!BASE64.test(r.publicKey!) || r.publicKey!.length > 255)
        issues.push({ path: `${path}.publicKey`, message: 'must be base64, at most 255 characters' });
      if (r.flags === undefined)
        issues.push({ path: `${path}.flags`, message: 'is required with publicKey' });
      if (r.protocol === undefined)
        issues.push({ path: `${path}.protocol`, message: 'is required with publicKey' });
    }
    const key =
      hasKey && r.flags !== undefined && r.protocol !== undefined
        ? { flags: r.flags, protocol: r.protocol, algorithm: r.algorithm, public_key: r.publicKey! }
        : null;
    if (r.digest === '') {
      if (!hasKey)
        issues.push({
          path: `${path}.digest`,
          message: 'must be a hex digest (or give publicKey, flags and protocol for key data)',
        });
      else if (key) keyData.push(key);
      return;
    }
    if (!HEX.test(r.digest) || r.digest.length > 255)
      issues.push({ path: `${path}.digest`, message: 'must be a hex string of at most 255 characters' });
    dsData.push({
      key_tag: r.keyTag,
      algorithm: r.algorithm,
      digest_type: r.digestType,
      digest: r.digest,
      key_data: key,
    });
  });
  if (issues.length === 0 && dsData.length > 0 && keyData.length > 0) {
    issues.push({
      path: '',
      message:
        'Glauca takes either DS records (with a digest) or key records (publicKey, no digest), not both at once',
    });
  }
  if (issues.length > 0) {
    throw invalidInput(SET_DS, issues, 'DS records');
  }
  return dsData.length > 0
    ? { max_sig_life: null, ds_data: dsData, key_data: null }
    : { max_sig_life: null, ds_data: null, key_data: keyData };
}
