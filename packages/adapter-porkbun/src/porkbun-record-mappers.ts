/**
 * DNS records between Porkbun and the model (docs/providers/porkbun.md#dns-records): Porkbun
 * answers fully-qualified names (`www.example.com`, the apex is `example.com`) and numbers as
 * strings, and takes relative names (`""` for the apex) with the priority apart in `prio`.
 */
import {
  canonicalRecordContent,
  checkProviderId,
  type DnsRecord,
  type DnsRecordInput,
  RECORD_TYPES,
  type RecordType,
  ResponseFormatError,
} from '@registrar-kit/core';
import { PROVIDER } from './porkbun-client.js';
import type { PorkbunRecord } from './porkbun-schemas.js';

const MODEL_TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);
const WITH_PRIORITY: ReadonlySet<string> = new Set(['MX', 'SRV']);

/** `www.example.com` in zone `example.com` → `www`; the zone itself → `@`. */
function relativeName(fqdn: string, zone: string, field: string, operation: string): string {
  const name = fqdn.trim().toLowerCase().replace(/\.$/, '');
  if (name === zone || name === '') return '@';
  if (name.endsWith(`.${zone}`)) return name.slice(0, -zone.length - 1);
  throw new ResponseFormatError(
    `${PROVIDER} ${operation}: ${field}: ${JSON.stringify(fqdn)} is not in ${zone}`,
    {
      provider: PROVIDER,
      operation,
      issues: [{ path: field, message: `not a name in ${zone}` }],
    },
  );
}

/**
 * A listed record in the model, or null for what the model cannot hold or the user cannot change:
 * types outside the model (TLSA, SSHFP, HTTPS, SVCB, SOA) and Porkbun's own apex NS records
 * (docs/providers/porkbun.md#dns-records).
 */
export function toRecord(
  zone: string,
  item: PorkbunRecord,
  field: string,
  operation: string,
): DnsRecord | null {
  const type = item.type.toUpperCase();
  if (!MODEL_TYPES.has(type)) return null;
  const name = relativeName(item.name, zone, `${field}.name`, operation);
  const content = canonicalRecordContent(type as RecordType, item.content, zone);
  if (type === 'NS' && name === '@' && /(^|\.)porkbun\.com$/.test(content)) return null;
  const ttl = Number(item.ttl ?? 0);
  const prio = item.prio === null || item.prio === undefined || item.prio === '' ? 0 : Number(item.prio);
  return {
    provider: PROVIDER,
    id: checkProviderId(item.id, `${field}.id`, { provider: PROVIDER, operation }),
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type: type as RecordType,
    content,
    ttl: Number.isSafeInteger(ttl) ? ttl : 0,
    priority: WITH_PRIORITY.has(type) ? prio : null,
    createdAt: null,
    updatedAt: null,
    raw: item,
  };
}

/** The full record as `/dns/create`, `/dns/edit` and `/dns/import` take it. */
export function toPorkbunRecordBody(record: DnsRecordInput): Record<string, unknown> {
  return {
    name: record.name === '@' ? '' : record.name,
    type: record.type,
    content: record.content,
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
    prio: record.priority ?? 0,
  };
}
