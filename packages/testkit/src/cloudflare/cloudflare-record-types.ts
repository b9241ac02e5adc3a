/**
 * Per-type rules of Cloudflare DNS records: which types exist, which are proxiable, which are
 * written through a `data` object, and how `content` is computed from `data`
 * (docs/providers/cloudflare.md#dns-records).
 */

export const RECORD_TYPES = [
  'A',
  'AAAA',
  'CAA',
  'CERT',
  'CNAME',
  'DNSKEY',
  'DS',
  'HTTPS',
  'LOC',
  'MX',
  'NAPTR',
  'NS',
  'OPENPGPKEY',
  'PTR',
  'SMIMEA',
  'SRV',
  'SSHFP',
  'SVCB',
  'TLSA',
  'TXT',
  'URI',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}

/** Only A, AAAA and CNAME records can go through Cloudflare's proxy. */
export const PROXIABLE_TYPES: ReadonlySet<string> = new Set(['A', 'AAAA', 'CNAME']);

/** Types whose `content` is a host name. */
export const HOSTNAME_TYPES: ReadonlySet<string> = new Set(['CNAME', 'NS', 'PTR', 'MX']);

/** Types that take a top-level `priority`. */
export const TOP_LEVEL_PRIORITY: ReadonlySet<string> = new Set(['MX', 'URI']);

type FieldKind = 'number' | 'string';

/** The `data` keys of each data-based type, in the order they appear in the computed content. */
export const DATA_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, FieldKind]>>> = {
  SRV: [
    ['priority', 'number'],
    ['weight', 'number'],
    ['port', 'number'],
    ['target', 'string'],
  ],
  CAA: [
    ['flags', 'number'],
    ['tag', 'string'],
    ['value', 'string'],
  ],
  URI: [
    ['weight', 'number'],
    ['target', 'string'],
  ],
  HTTPS: [
    ['priority', 'number'],
    ['target', 'string'],
    ['value', 'string'],
  ],
  SVCB: [
    ['priority', 'number'],
    ['target', 'string'],
    ['value', 'string'],
  ],
  DS: [
    ['key_tag', 'number'],
    ['algorithm', 'number'],
    ['digest_type', 'number'],
    ['digest', 'string'],
  ],
  DNSKEY: [
    ['flags', 'number'],
    ['protocol', 'number'],
    ['algorithm', 'number'],
    ['public_key', 'string'],
  ],
  CERT: [
    ['type', 'number'],
    ['key_tag', 'number'],
    ['algorithm', 'number'],
    ['certificate', 'string'],
  ],
  TLSA: [
    ['usage', 'number'],
    ['selector', 'number'],
    ['matching_type', 'number'],
    ['certificate', 'string'],
  ],
  SMIMEA: [
    ['usage', 'number'],
    ['selector', 'number'],
    ['matching_type', 'number'],
    ['certificate', 'string'],
  ],
  SSHFP: [
    ['algorithm', 'number'],
    ['type', 'number'],
    ['fingerprint', 'string'],
  ],
  NAPTR: [
    ['order', 'number'],
    ['preference', 'number'],
    ['flags', 'string'],
    ['service', 'string'],
    ['regex', 'string'],
    ['replacement', 'string'],
  ],
  LOC: [
    ['lat_degrees', 'number'],
    ['lat_minutes', 'number'],
    ['lat_seconds', 'number'],
    ['lat_direction', 'string'],
    ['long_degrees', 'number'],
    ['long_minutes', 'number'],
    ['long_seconds', 'number'],
    ['long_direction', 'string'],
    ['altitude', 'number'],
    ['size', 'number'],
    ['precision_horz', 'number'],
    ['precision_vert', 'number'],
  ],
};

/** SRV `data` keys removed after their 2024 deprecation: sending them is an error. */
export const REMOVED_SRV_KEYS = ['service', 'proto', 'name'] as const;

export const CAA_TAGS: ReadonlySet<string> = new Set(['issue', 'issuewild', 'iodef']);

/**
 * `content` computed from `data`, in zone-file presentation order. SRV and HTTPS/SVCB leave their
 * priority out of SRV's content (it is returned top-level), as the docs' SRV example shows.
 */
export function contentFromData(type: string, data: Record<string, unknown>): string {
  const v = (key: string) => String(data[key]);
  switch (type) {
    case 'SRV':
      return `${v('weight')} ${v('port')} ${v('target')}`;
    case 'CAA':
      return `${v('flags')} ${v('tag')} "${v('value')}"`;
    case 'URI':
      return `${v('weight')} "${v('target')}"`;
    case 'NAPTR':
      return `${v('order')} ${v('preference')} "${v('flags')}" "${v('service')}" "${v('regex')}" ${v('replacement')}`;
    case 'LOC':
      return (
        `${v('lat_degrees')} ${v('lat_minutes')} ${v('lat_seconds')} ${v('lat_direction')} ` +
        `${v('long_degrees')} ${v('long_minutes')} ${v('long_seconds')} ${v('long_direction')} ` +
        `${v('altitude')}m ${v('size')}m ${v('precision_horz')}m ${v('precision_vert')}m`
      );
    default:
      return (DATA_FIELDS[type] ?? []).map(([key]) => v(key)).join(' ');
  }
}
