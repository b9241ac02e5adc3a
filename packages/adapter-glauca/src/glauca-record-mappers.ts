/**
 * HexDNS per-type records ↔ the model's DnsRecord (ids, names, canonical content). Pure functions.
 */
import {
  canonicalRecordContent,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  normalizeDomainName,
  type RecordType,
} from '@registrar-kit/core';
import type {
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
import { PROVIDER } from './glauca-values.js';

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

function escapeCaaValue(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}

/** The model type and content of a HexDNS record of a kind, in HexDNS's fields. */
function typeAndFields(
  kind: HexKind,
  record: HexRecord,
): { type: RecordType; content: string; priority: number | null } {
  switch (kind) {
    case 'address': {
      const address = (record as HexAddressRecord).address.trim();
      return { type: address.includes(':') ? 'AAAA' : 'A', content: address, priority: null };
    }
    case 'aname':
      return { type: 'ALIAS', content: (record as HexAliasRecord).alias, priority: null };
    case 'cname':
      return { type: 'CNAME', content: (record as HexAliasRecord).alias, priority: null };
    case 'mx': {
      const mx = record as HexMxRecord;
      return { type: 'MX', content: mx.exchange, priority: mx.priority };
    }
    case 'ns':
      return { type: 'NS', content: (record as HexNsRecord).nameserver, priority: null };
    case 'txt':
      return { type: 'TXT', content: (record as HexTxtRecord).data, priority: null };
    case 'srv': {
      const srv = record as HexSrvRecord;
      return {
        type: 'SRV',
        content: `${srv.weight} ${srv.port} ${srv.target}`,
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
  const zone = normalizeDomainName(zoneRoot);
  const name = relativeName(record.record_name, zone);
  const { type, content: fields, priority } = typeAndFields(kind, record);
  // TXT `data` is the plain value as stored; everything else in the one canonical form plans compare.
  const content = type === 'TXT' ? fields : canonicalRecordContent(type, fields, zone);
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
