/**
 * What BIND 9 reads in the type, class and TTL fields of a zone file
 * (https://bind9.readthedocs.io/en/stable/chapter3.html#resource-records), so that a field BIND
 * refuses is refused here too and a type BIND knows but the model does not hold is skipped.
 */

/** Type mnemonics BIND 9.18 reads (the IANA registry, https://www.iana.org/assignments/dns-parameters). */
const KNOWN_TYPES: ReadonlySet<string> = new Set(
  (
    'A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP NSAP-PTR ' +
    'SIG KEY PX GPOS AAAA LOC NXT EID NIMLOC SRV ATMA NAPTR KX CERT A6 DNAME SINK APL DS SSHFP IPSECKEY ' +
    'RRSIG NSEC DNSKEY DHCID NSEC3 NSEC3PARAM TLSA SMIMEA HIP NINFO RKEY TALINK CDS CDNSKEY OPENPGPKEY ' +
    'CSYNC ZONEMD SVCB HTTPS DSYNC SPF UINFO UID GID UNSPEC NID L32 L64 LP EUI48 EUI64 URI CAA AVC DOA ' +
    'AMTRELAY RESINFO WALLET TA DLV KEYDATA'
  ).split(' '),
);

/** Query-only (meta) types, which BIND refuses in a zone file. */
const META_TYPES: ReadonlySet<string> = new Set([
  'OPT',
  'TKEY',
  'TSIG',
  'IXFR',
  'AXFR',
  'MAILB',
  'MAILA',
  'ANY',
]);

/** Numbers of the types the model holds, and SOA (RFC 3597 `TYPEnnn` names them too). */
const TYPE_NUMBERS: Readonly<Record<string, number>> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  CAA: 257,
};
const TYPE_BY_NUMBER = new Map(Object.entries(TYPE_NUMBERS).map(([name, number]) => [number, name]));

/** Types that may share a name with a CNAME (DNSSEC data about the CNAME itself, RFC 2181 §10.1). */
export const TYPES_BESIDE_CNAME: ReadonlySet<string> = new Set(['RRSIG', 'NSEC', 'NSEC3', 'KEY', 'SIG']);

export type TypeField = { kind: 'type'; type: string } | { kind: 'meta'; type: string } | { kind: 'unknown' };

/**
 * A type field: a mnemonic (any case), `TYPEnnn` (RFC 3597; the mnemonic when it has one), or
 * a meta type. Anything else is not a type.
 */
export function readTypeField(text: string): TypeField {
  const upper = text.toUpperCase();
  // ALIAS is not a DNS type but a provider one the model holds (printZoneFile writes it).
  if (KNOWN_TYPES.has(upper) || upper === 'ALIAS') return { kind: 'type', type: upper };
  if (META_TYPES.has(upper)) return { kind: 'meta', type: upper };
  const generic = /^TYPE(\d{1,5})$/.exec(upper);
  if (generic) {
    const number = Number(generic[1]);
    if (number > 65535) return { kind: 'unknown' };
    return { kind: 'type', type: TYPE_BY_NUMBER.get(number) ?? `TYPE${number}` };
  }
  return { kind: 'unknown' };
}

/** Class mnemonics BIND reads; the value is the class name as printed (`CLASS1` is IN). */
export function readClassField(text: string): string | null {
  const upper = text.toUpperCase();
  switch (upper) {
    case 'IN':
    case 'CLASS1':
      return 'IN';
    case 'CH':
    case 'CHAOS':
    case 'CLASS3':
      return 'CH';
    case 'HS':
    case 'HESIOD':
    case 'CLASS4':
      return 'HS';
    case 'NONE':
    case 'ANY':
      return upper;
  }
  const generic = /^CLASS(\d{1,5})$/.exec(upper);
  return generic && Number(generic[1]) <= 65535 ? `CLASS${Number(generic[1])}` : null;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const MAX_UINT32 = 0xffff_ffff;
/** RFC 2181 §8: a TTL above 2³¹ − 1 is read as 0 (BIND does so, with a warning). */
export const MAX_TTL = 2_147_483_647;

/**
 * A TTL field as BIND reads it: seconds (`3600`) or units (`1h30m`, `1W`, any case), at most
 * 2³² − 1, else null (the field is then not a TTL). As in BIND, a bare number may only follow units
 * that add up to 0 (`0h30` is 30 s; `1h30` is not a TTL).
 */
export function parseTtl(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    if (j === i) return null;
    const amount = Number(text.slice(i, j));
    if (amount > MAX_UINT32) return null;
    if (j === text.length) {
      if (total !== 0) return null;
      total = amount;
      break;
    }
    const unit = UNIT_SECONDS[text[j]!.toLowerCase()];
    if (unit === undefined) return null;
    total += amount * unit;
    if (total > MAX_UINT32) return null;
    i = j + 1;
  }
  return total;
}

/** A TTL as loaded: above 2³¹ − 1 it is 0 (RFC 2181 §8). */
export function limitTtl(ttl: number): number {
  return ttl > MAX_TTL ? 0 : ttl;
}
