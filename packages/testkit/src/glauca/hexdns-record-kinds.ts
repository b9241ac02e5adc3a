/**
 * The HexDNS per-type record endpoints the emulator serves (docs/providers/glauca.md#hexdns): path
 * segment, id prefix and type-specific fields with their DRF validation. Target names (`alias`,
 * `exchange`, `nameserver`) are lower-cased on save; SRV `target` is stored as sent, as HexDNS's
 * published server source does (https://github.com/AS207960/hexdns).
 */
import { ID_PREFIX, type IdPrefix } from './glauca-ids.js';
import type { RecordKind } from './glauca-state.js';
import { parseBoolean, parseInteger, parseIp, parseString, type Result } from './glauca-validation.js';

export interface RecordFieldSpec {
  name: string;
  parse: (value: unknown) => Result<string | number | boolean>;
  /** Default on create when absent; undefined = required. */
  default?: string | number | boolean;
}

export interface RecordKindSpec {
  kind: RecordKind;
  /** `zone_<type>_records`. */
  segment: string;
  prefix: IdPrefix;
  fields: RecordFieldSpec[];
}

const u16 = (v: unknown) => parseInteger(v, 0, 65535);
const host = (v: unknown): Result<string> => {
  const parsed = parseString(v, 255);
  return parsed.ok ? { ok: true, value: parsed.value.toLowerCase() } : parsed;
};
const text255 = (v: unknown) => parseString(v, 255);

export const RECORD_KINDS: RecordKindSpec[] = [
  {
    kind: 'address',
    segment: 'zone_address_records',
    prefix: ID_PREFIX.addressRecord,
    fields: [
      { name: 'address', parse: parseIp },
      { name: 'auto_reverse', parse: parseBoolean, default: true },
    ],
  },
  {
    kind: 'aname',
    segment: 'zone_aname_records',
    prefix: ID_PREFIX.anameRecord,
    fields: [{ name: 'alias', parse: host }],
  },
  {
    kind: 'cname',
    segment: 'zone_cname_records',
    prefix: ID_PREFIX.cnameRecord,
    fields: [{ name: 'alias', parse: host }],
  },
  {
    kind: 'mx',
    segment: 'zone_mx_records',
    prefix: ID_PREFIX.mxRecord,
    fields: [
      { name: 'exchange', parse: host },
      { name: 'priority', parse: u16 },
    ],
  },
  {
    kind: 'ns',
    segment: 'zone_ns_records',
    prefix: ID_PREFIX.nsRecord,
    fields: [{ name: 'nameserver', parse: host }],
  },
  {
    kind: 'txt',
    segment: 'zone_txt_records',
    prefix: ID_PREFIX.txtRecord,
    fields: [{ name: 'data', parse: (v) => parseString(v) }],
  },
  {
    kind: 'srv',
    segment: 'zone_srv_records',
    prefix: ID_PREFIX.srvRecord,
    fields: [
      { name: 'priority', parse: u16 },
      { name: 'weight', parse: u16 },
      { name: 'port', parse: u16 },
      { name: 'target', parse: text255 },
    ],
  },
  {
    kind: 'caa',
    segment: 'zone_caa_records',
    prefix: ID_PREFIX.caaRecord,
    fields: [
      { name: 'flag', parse: (v) => parseInteger(v, 0, 255) },
      { name: 'tag', parse: text255 },
      { name: 'value', parse: text255 },
    ],
  },
];

/** Zone object keys of every record array, in the order the zone serializer emits them. */
export const ZONE_RECORD_ARRAYS: { key: string; kind: RecordKind | null }[] = [
  { key: 'address_records', kind: 'address' },
  { key: 'dynamic_address_records', kind: null },
  { key: 'aname_records', kind: 'aname' },
  { key: 'cname_records', kind: 'cname' },
  { key: 'mx_records', kind: 'mx' },
  { key: 'ns_records', kind: 'ns' },
  { key: 'txt_records', kind: 'txt' },
  { key: 'srv_records', kind: 'srv' },
  { key: 'caa_records', kind: 'caa' },
  { key: 'naptr_records', kind: null },
  { key: 'sshfp_records', kind: null },
  { key: 'ds_records', kind: null },
  { key: 'loc_records', kind: null },
  { key: 'hinfo_records', kind: null },
  { key: 'rp_records', kind: null },
  { key: 'https_records', kind: null },
];
