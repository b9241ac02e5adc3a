/**
 * Host rows (domains.dns.getHosts) ↔ the model's `DnsRecord`, and rows → setHosts parameters
 * (docs/providers/namecheap.md#dns-commands). Rows of types the model has no place for (URL,
 * URL301, FRAME redirects, MXE) are not listed, but every write sends them back verbatim.
 */
import {
  canonicalRecordContent,
  type DnsRecord,
  type DnsRecordInput,
  type RecordType,
} from '@registrar-kit/core';
import type { CommandParams } from './namecheap-client.js';
import { PROVIDER } from './namecheap-errors.js';
import type { HostRow } from './namecheap-schemas.js';

/** The record types setHosts takes that the model has (SRV cannot be read or written). */
export const NAMECHEAP_RECORD_TYPES: readonly RecordType[] = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'NS',
  'CAA',
  'ALIAS',
];
/** TTL bounds of setHosts (60–60000 s); sent explicitly, 1800 when the input has none. */
export const NAMECHEAP_TTL = { min: 60, max: 60_000, default: 1800 } as const;
/** Host-name targets: Namecheap stores them with a trailing dot; we send them fully qualified. */
const HOST_TARGETS: ReadonlySet<string> = new Set(['CNAME', 'ALIAS', 'NS', 'MX']);
/** MX preference Namecheap shows on every other row. */
const DEFAULT_MX_PREF = '10';

/** A row to write: the fields setHosts takes. */
export interface WriteRow {
  name: string;
  type: string;
  address: string;
  mxpref: string;
  ttl: string;
}

export function isModelled(row: HostRow): boolean {
  return (NAMECHEAP_RECORD_TYPES as readonly string[]).includes(row.type.toUpperCase());
}

export function recordFromRow(row: HostRow, zone: string): DnsRecord {
  const type = row.type.toUpperCase() as RecordType;
  const name = row.name.trim().toLowerCase() || '@';
  return {
    provider: PROVIDER,
    id: row.hostid,
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type,
    content: canonicalRecordContent(type, row.address, zone),
    ttl: row.ttl === undefined ? NAMECHEAP_TTL.default : Number(row.ttl),
    priority: type === 'MX' ? Number(row.mxpref ?? DEFAULT_MX_PREF) : null,
    createdAt: null,
    updatedAt: null,
    raw: row,
  };
}

/** A row read from getHosts, to send back exactly as read. */
export function verbatim(row: HostRow): WriteRow {
  return {
    name: row.name,
    type: row.type,
    address: row.address,
    mxpref: row.mxpref ?? DEFAULT_MX_PREF,
    ttl: row.ttl ?? String(NAMECHEAP_TTL.default),
  };
}

/** A validated (canonical) input as a row. */
export function rowFromInput(input: DnsRecordInput): WriteRow {
  return {
    name: input.name,
    type: input.type,
    address: HOST_TARGETS.has(input.type) ? `${input.content}.` : input.content,
    mxpref: input.type === 'MX' ? String(input.priority) : DEFAULT_MX_PREF,
    ttl: String(input.ttl ?? NAMECHEAP_TTL.default),
  };
}

/** Whether a read row is the record `input` asks for (Namecheap's identity: name, type, address; MX preference not). */
export function rowMatches(row: HostRow, input: DnsRecordInput, zone: string): boolean {
  const record = recordFromRow(row, zone);
  return record.type === input.type && record.name === input.name && record.content === input.content;
}

/** setHosts parameters for the whole list (indices from 1). */
export function setHostsParams(rows: WriteRow[]): CommandParams {
  const params: CommandParams = {};
  rows.forEach((row, i) => {
    const n = i + 1;
    params[`HostName${n}`] = row.name;
    params[`RecordType${n}`] = row.type;
    params[`Address${n}`] = row.address;
    params[`MXPref${n}`] = row.mxpref;
    params[`TTL${n}`] = row.ttl;
  });
  return params;
}
