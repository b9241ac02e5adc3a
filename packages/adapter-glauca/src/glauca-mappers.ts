/**
 * Glauca / HexDNS payloads ↔ the registrar-kit model. Pure functions, no I/O.
 */
import {
  type Availability,
  canonicalIPv6,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  type Domain,
  type DomainStatus,
  type DsRecord,
  DsRecordSchema,
  type Money,
  money,
  type RecordType,
  type Registration,
  type RegistrationStatus,
  type Transfer,
  type TransferStatus,
  toUnicodeDomainName,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import type {
  GlaucaCheckResult,
  GlaucaDomainPayload,
  GlaucaKeyData,
  GlaucaOrder,
  GlaucaSecDns,
  HexAddressRecord,
  HexAliasRecord,
  HexCaaRecord,
  HexMxRecord,
  HexNsRecord,
  HexRecord,
  HexSrvRecord,
  HexTxtRecord,
  HexZone,
} from './glauca-schemas.js';

const PROVIDER = 'glauca' as const;
/** Every Glauca price is in GBP; no response carries a currency [src]. */
export const GLAUCA_CURRENCY = 'GBP';

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

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

function hostName(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

export function mapDomain(payload: GlaucaDomainPayload, now: Date): Domain {
  const name = hostName(payload.domain);
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
      .map(hostName),
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
    throw new ValidationError('Invalid DS records: expected an array', {
      operation: 'setDsRecords',
      issues: [{ path: '', message: 'must be an array' }],
    });
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
    throw new ValidationError(
      `Invalid DS records: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      {
        operation: 'setDsRecords',
        issues,
      },
    );
  }
  return dsData.length > 0
    ? { max_sig_life: null, ds_data: dsData, key_data: null }
    : { max_sig_life: null, ds_data: null, key_data: keyData };
}

// ---------------------------------------------------------------------------------------------
// Checks and orders

export const UNSUPPORTED_REASON = 'Unsupported or invalid domain';
export const INVALID_PERIOD_REASON = 'Invalid period for domain';

export function gbp(amount: number | string): Money {
  return money(amount, GLAUCA_CURRENCY);
}

/**
 * `check` → Availability: available → `available`; reason `Unsupported or invalid domain` →
 * `unregistrable`; `Invalid period for domain` → `unknown`; any other reason (the registry's text,
 * e.g. "In use") → `registered`. Glauca has no premium flag, so `premium` is always false.
 */
export function mapAvailability(result: GlaucaCheckResult, domain: string): Availability {
  let status: Availability['status'];
  if (result.available) status = 'available';
  else if (result.reason === UNSUPPORTED_REASON) status = 'unregistrable';
  else if (result.reason === INVALID_PERIOD_REASON || result.reason === null) status = 'unknown';
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

export function mapRegistration(order: GlaucaOrder): Registration {
  return {
    provider: PROVIDER,
    id: order.id,
    domain: hostName(order.domain),
    status: registrationStatus(order.state),
    cost: orderCost(order),
    raw: order,
  };
}

export function mapTransfer(order: GlaucaOrder): Transfer {
  return {
    provider: PROVIDER,
    id: order.id,
    domain: hostName(order.domain),
    status: transferStatus(order.state),
    // `domain_obj` of registration/transfer orders is built from the order in the published source;
    // `domain_id` is the id the domain gets.
    domainId: order.domain_id ?? null,
    startedAt: toDate(order.timestamp),
    completedAt: null,
    estimatedCompletion: null,
    cost: orderCost(order),
    raw: order,
  };
}

// ---------------------------------------------------------------------------------------------
// HexDNS records

export type HexKind = 'address' | 'aname' | 'cname' | 'mx' | 'ns' | 'txt' | 'srv' | 'caa';

/** Per-type endpoint (`/api/zone_<kind>_records/`) of each model type. */
export const KIND_OF_TYPE: Record<RecordType, HexKind> = {
  A: 'address',
  AAAA: 'address',
  CNAME: 'cname',
  ALIAS: 'aname',
  MX: 'mx',
  NS: 'ns',
  TXT: 'txt',
  SRV: 'srv',
  CAA: 'caa',
};

const HEX_ID_PREFIX: Record<string, HexKind> = {
  hexdns_zoneaddressrecord_: 'address',
  hexdns_zoneanamerecord_: 'aname',
  hexdns_zonecnamerecord_: 'cname',
  hexdns_zonemxrecord_: 'mx',
  hexdns_zonensrecord_: 'ns',
  hexdns_zonetxtrecord_: 'txt',
  hexdns_zonesrvrecord_: 'srv',
  hexdns_zonecaarecord_: 'caa',
};

export function recordSegment(kind: HexKind): string {
  return `zone_${kind}_records`;
}

/** The model's record id: the type and the HexDNS id, `mx:hexdns_zonemxrecord_…` (ids are unique per endpoint). */
export function encodeRecordId(type: RecordType, hexId: string): string {
  return `${type.toLowerCase()}:${hexId}`;
}

/**
 * Splits a model record id into its endpoint and HexDNS id. Accepts `<type>:<id>` as this adapter
 * hands them out, and a bare HexDNS typed id (`hexdns_zonemxrecord_…`). Null when neither.
 */
export function decodeRecordId(id: string): { kind: HexKind; hexId: string } | null {
  if (typeof id !== 'string') return null;
  const colon = id.indexOf(':');
  if (colon > 0) {
    const type = id.slice(0, colon).toUpperCase() as RecordType;
    const kind = KIND_OF_TYPE[type];
    const hexId = id.slice(colon + 1);
    return kind && hexId ? { kind, hexId } : null;
  }
  for (const [prefix, kind] of Object.entries(HEX_ID_PREFIX))
    if (id.startsWith(prefix)) return { kind, hexId: id };
  return null;
}

function relativeName(recordName: string, zoneRoot: string): string {
  const name = recordName.trim().toLowerCase();
  if (name === '' || name === '@') return '@';
  if (name.endsWith('.')) {
    const absolute = name.slice(0, -1);
    if (absolute === zoneRoot) return '@';
    if (absolute.endsWith(`.${zoneRoot}`)) return absolute.slice(0, -zoneRoot.length - 1);
    return absolute;
  }
  return name;
}

function target(value: string): string {
  const trimmed = value.trim();
  return trimmed === '.' ? '.' : hostName(trimmed);
}

function escapeCaaValue(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}

/** The model type and canonical content of a HexDNS record of a kind. */
function typeAndContent(
  kind: HexKind,
  record: HexRecord,
): { type: RecordType; content: string; priority: number | null } {
  switch (kind) {
    case 'address': {
      const address = (record as HexAddressRecord).address.trim();
      if (address.includes(':'))
        return { type: 'AAAA', content: canonicalIPv6(address) ?? address.toLowerCase(), priority: null };
      return { type: 'A', content: address, priority: null };
    }
    case 'aname':
      return { type: 'ALIAS', content: target((record as HexAliasRecord).alias), priority: null };
    case 'cname':
      return { type: 'CNAME', content: target((record as HexAliasRecord).alias), priority: null };
    case 'mx': {
      const mx = record as HexMxRecord;
      return { type: 'MX', content: target(mx.exchange), priority: mx.priority };
    }
    case 'ns':
      return { type: 'NS', content: target((record as HexNsRecord).nameserver), priority: null };
    case 'txt':
      return { type: 'TXT', content: (record as HexTxtRecord).data, priority: null };
    case 'srv': {
      const srv = record as HexSrvRecord;
      return {
        type: 'SRV',
        content: `${srv.weight} ${srv.port} ${target(srv.target)}`,
        priority: srv.priority,
      };
    }
    case 'caa': {
      const caa = record as HexCaaRecord;
      return {
        type: 'CAA',
        content: `${caa.flag} ${caa.tag.toLowerCase()} "${escapeCaaValue(caa.value)}"`,
        priority: null,
      };
    }
  }
}

export function mapRecord(kind: HexKind, record: HexRecord, zoneRoot: string): DnsRecord {
  const zone = hostName(zoneRoot);
  const name = relativeName(record.record_name, zone);
  const { type, content, priority } = typeAndContent(kind, record);
  return {
    provider: PROVIDER,
    id: encodeRecordId(type, record.id),
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type,
    content,
    ttl: record.ttl,
    priority,
    createdAt: null,
    updatedAt: null,
    raw: record,
  };
}

/** Zone arrays the model can represent, in the order they are listed. Other types are left out. */
const ZONE_ARRAYS: [keyof HexZone, HexKind][] = [
  ['address_records', 'address'],
  ['aname_records', 'aname'],
  ['cname_records', 'cname'],
  ['mx_records', 'mx'],
  ['ns_records', 'ns'],
  ['txt_records', 'txt'],
  ['srv_records', 'srv'],
  ['caa_records', 'caa'],
];

/** Every record of a zone object (its embedded per-type arrays) as one list. */
export function mapZoneRecords(zone: HexZone): DnsRecord[] {
  return ZONE_ARRAYS.flatMap(([key, kind]) =>
    (zone[key] as HexRecord[]).map((record) => mapRecord(kind, record, zone.zone_root)),
  );
}

function unescapeCaaValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Type-specific fields of a canonical (validated) content. */
function contentFields(
  type: RecordType,
  content: string,
  priority: number | null | undefined,
): Record<string, unknown> {
  switch (type) {
    case 'A':
    case 'AAAA':
      return { address: content };
    case 'CNAME':
    case 'ALIAS':
      return { alias: content };
    case 'MX':
      return { exchange: content, ...(priority !== undefined && priority !== null ? { priority } : {}) };
    case 'NS':
      return { nameserver: content };
    case 'TXT':
      return { data: content };
    case 'SRV': {
      const [weight, port, host] = content.split(' ') as [string, string, string];
      return {
        ...(priority !== undefined && priority !== null ? { priority } : {}),
        weight: Number(weight),
        port: Number(port),
        target: host,
      };
    }
    case 'CAA': {
      const match = /^(\d+) (\S+) "(.*)"$/s.exec(content);
      if (!match) return { value: content };
      return { flag: Number(match[1]), tag: match[2], value: unescapeCaaValue(match[3]!) };
    }
  }
}

/** The POST body of a validated record input for its per-type endpoint. */
export function recordCreateBody(
  input: DnsRecordInput,
  zoneId: string,
  options: { autoReverse?: boolean } = {},
): { kind: HexKind; body: Record<string, unknown> } {
  const kind = KIND_OF_TYPE[input.type];
  const body: Record<string, unknown> = {
    zone: zoneId,
    record_name: input.name,
    ...contentFields(input.type, input.content, input.priority),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(kind === 'address' && options.autoReverse !== undefined ? { auto_reverse: options.autoReverse } : {}),
  };
  return { kind, body };
}

/** The PATCH body of a validated record patch (only the fields that change). */
export function recordPatchBody(type: RecordType, patch: DnsRecordPatch): Record<string, unknown> {
  return {
    ...(patch.name !== undefined ? { record_name: patch.name } : {}),
    ...(patch.content !== undefined ? contentFields(type, patch.content, undefined) : {}),
    ...(patch.priority !== undefined && patch.priority !== null ? { priority: patch.priority } : {}),
    ...(patch.ttl !== undefined ? { ttl: patch.ttl } : {}),
  };
}
