import type { DnsRecord, RecordType } from '../model/dns-record.js';

let nextId = 0;

/** A current record as an adapter would list it (test helper). */
export function record(
  name: string,
  type: RecordType,
  content: string,
  extra: { ttl?: number; priority?: number | null; id?: string; domain?: string } = {},
): DnsRecord {
  const domain = extra.domain ?? 'example.com';
  return {
    provider: 'pocketdns',
    id: extra.id ?? `r${++nextId}`,
    domain,
    name,
    fqdn: name === '@' ? domain : `${name}.${domain}`,
    type,
    content,
    ttl: extra.ttl ?? 3600,
    priority: extra.priority ?? null,
    createdAt: null,
    updatedAt: null,
    raw: null,
  };
}
