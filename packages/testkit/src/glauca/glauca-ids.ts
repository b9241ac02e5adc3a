/**
 * Glauca "typed UUIDs": `<type prefix>_<32 lower-case hex chars>` (e.g.
 * `domains_domainregistration_631a9f986f2045a09468d599f318133a`). The emulator derives them from
 * the seed and a per-prefix counter, so the same seed always gives the same ids.
 */
import { createHash } from 'node:crypto';

export const ID_PREFIX = {
  domain: 'domains_domainregistration',
  contact: 'domains_contact',
  contactAddress: 'domains_contactaddress',
  registrationOrder: 'domains_domainregistrationorder',
  transferOrder: 'domains_domaintransferorder',
  renewOrder: 'domains_domainreneworder',
  restoreOrder: 'domains_domainrestoreorder',
  zone: 'hexdns_zone',
  addressRecord: 'hexdns_zoneaddressrecord',
  anameRecord: 'hexdns_zoneanamerecord',
  cnameRecord: 'hexdns_zonecnamerecord',
  mxRecord: 'hexdns_zonemxrecord',
  nsRecord: 'hexdns_zonensrecord',
  txtRecord: 'hexdns_zonetxtrecord',
  srvRecord: 'hexdns_zonesrvrecord',
  caaRecord: 'hexdns_zonecaarecord',
} as const;

export type IdPrefix = (typeof ID_PREFIX)[keyof typeof ID_PREFIX];

/** Deterministic typed-id factory: the n-th id of a prefix depends only on the seed. */
export function createIdFactory(seed: number): (prefix: IdPrefix) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const hex = createHash('sha256').update(`${seed}:${prefix}:${n}`).digest('hex').slice(0, 32);
    return `${prefix}_${hex}`;
  };
}

/**
 * The server also accepts the bare UUID (with or without dashes) in place of a typed id, as
 * Glauca's published server source shows (https://github.com/AS207960/domains;
 * docs/providers/glauca.md#domains).
 * Returns the typed id for the given prefix, or the input unchanged.
 */
export function normaliseId(input: string, prefix: IdPrefix): string {
  const lower = input.toLowerCase();
  const bare = lower.replace(/-/g, '');
  if (
    /^[0-9a-f]{32}$/.test(bare) &&
    (lower === bare || /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(lower))
  ) {
    return `${prefix}_${bare}`;
  }
  return input;
}

/** A typed id (`<prefix>_<32 hex>`) or a bare UUID with or without dashes: what the ID field parses. */
export function isWellFormedId(input: string): boolean {
  const lower = input.toLowerCase();
  return (
    /^[a-z]+(?:_[a-z]+)*_[0-9a-f]{32}$/.test(lower) ||
    /^[0-9a-f]{32}$/.test(lower) ||
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(lower)
  );
}
