/**
 * Domainr status flags and the emulator's name → flags table.
 *
 * Domainr answers a status as a space-delimited list of flags in increasing order of precedence
 * (the right-most is the summary). The vocabulary is the union of the 2015 v2 preview table and the
 * current docs (docs/providers/domainr.md#status-flags). The table below seeds one name per documented flag
 * combination, so a test can produce every combination by asking for a fixed name.
 */
import { domainToASCII } from 'node:url';
import { isValidDomainName, type ResolvedSeed } from '../emulator/seed-data.js';

/** Every documented flag, lowest precedence first. */
export const DOMAINR_STATUS_FLAGS = [
  'unknown',
  'undelegated',
  'inactive',
  'pending',
  'unregistrable',
  'disallowed',
  'claimed',
  'reserved',
  'dpml',
  'invalid',
  'active',
  'parked',
  'marketed',
  'expiring',
  'deleting',
  'priced',
  'transferable',
  'premium',
  'suffix',
  'registrar',
  'zone',
  'tld',
] as const;

export type DomainrStatusFlag = (typeof DOMAINR_STATUS_FLAGS)[number];

/**
 * An aftermarket offer, as the Fastly Domain Research status method returns it. Every field is
 * optional in Fastly's spec (https://www.fastly.com/documentation/reference/api/domain-management/domain-research/),
 * and the price is free text (`"2500.00"`, `"2,500.00"`).
 */
export interface DomainrOffer {
  vendor?: string;
  /** Decimal string, e.g. `"2500.00"`; may be absent or formatted with thousands separators. */
  price?: string;
  currency?: string;
}

/** What the emulator knows about one name. */
export interface DomainrStatusEntry {
  /** Space-delimited flags, increasing precedence. */
  status: string;
  /** Fastly `tags` (semantics undocumented; empty string unless a test sets one). */
  tags?: string;
  /** Fastly aftermarket offers (only names with aftermarket flags have them). */
  offers?: DomainrOffer[];
  /** Fields the Fastly status answer leaves out for this name (optional in Fastly's spec). */
  fastlyOmit?: ('domain' | 'zone' | 'status')[];
}

/** The aftermarket vendor every seeded offer names. */
export const DOMAINR_OFFER_VENDOR = 'ExampleAftermarket';

const offer = (price: string): DomainrOffer[] => [{ vendor: DOMAINR_OFFER_VENDOR, price, currency: 'USD' }];

/**
 * Extra names → flags, one per documented combination that the standard seed names
 * (available/registered/premium/owned) do not already produce. Exposed in `state.statusTable`.
 */
export const DOMAINR_EXTRA_STATUSES: Readonly<Record<string, DomainrStatusEntry>> = {
  // Registry could not be asked (maintenance): retry later.
  'unknown-name.com': { status: 'unknown' },
  // The 30 s best-effort fallback: no DNS delegation, nothing known about registration.
  'undelegated-name.com': { status: 'undelegated' },
  // TLD not yet in the root zone (docs example `morning.cafe`).
  'pending-name.cafe': { status: 'undelegated pending' },
  // No registrar sells this zone (docs example `hello.google`).
  'unregistrable-name.google': { status: 'undelegated unregistrable' },
  'disallowed-name.com': { status: 'undelegated disallowed' },
  'claimed-name.com': { status: 'claimed' },
  'reserved-name.com': { status: 'claimed reserved' },
  // Docs example `google.bargains` is both reserved and DPML-blocked.
  'dpml-name.com': { status: 'undelegated reserved dpml' },
  'parked-name.com': { status: 'active parked' },
  'marketed-name.com': { status: 'active marketed', offers: offer('2500.00') },
  'expiring-name.com': { status: 'active expiring' },
  'deleting-name.com': { status: 'active deleting' },
  'priced-name.com': { status: 'active marketed priced', offers: offer('4800.00') },
  'transferable-name.com': { status: 'active marketed priced transferable', offers: offer('990.00') },
  // Offers as Fastly's spec allows them: no price, a thousands separator, nothing at all, next to a usable one.
  'offer-without-price.com': {
    status: 'active marketed',
    offers: [{ vendor: DOMAINR_OFFER_VENDOR, currency: 'USD' }, ...offer('1500.00')],
  },
  'offer-comma-price.com': {
    status: 'active marketed priced',
    offers: [{ vendor: DOMAINR_OFFER_VENDOR, price: '2,500.00', currency: 'USD' }],
  },
  'offer-empty.com': { status: 'active marketed', offers: [{}] },
  // A Fastly answer without `zone` and `domain` (both optional in the spec).
  'sparse-answer.com': { status: 'active', fastlyOmit: ['domain', 'zone'] },
  // A Fastly answer without `status` (optional in the spec too): nothing says whether the name is taken.
  'no-status-answer.com': { status: 'active', fastlyOmit: ['status'] },
  // A registered name that the registry lists at a premium tier: registered, not available.
  'premium-active-name.com': { status: 'active premium' },
  // A name that is itself a public suffix (docs example `blogspot.com`).
  'suffix-name.com': { status: 'active suffix' },
  // A domain controlled by a registrar (docs example `dnsimple.com`).
  'registrar-name.com': { status: 'active registrar' },
  // A flag this emulator does not know, as a future Domainr release might add: parsers must skip it.
  'future-flag-name.com': { status: 'active frobnicated' },
};

/** A technically invalid name (64-character label): answers `invalid`. */
export const DOMAINR_INVALID_NAME = `${'a'.repeat(64)}.com`;

/** Flags of a zone (extension) query: `com` → `active zone tld` as in the current docs; `co.uk` → `active suffix zone`. */
export function zoneStatus(zone: string): string {
  return zone.includes('.') ? 'active suffix zone' : 'active zone tld';
}

/** Every zone the emulator knows (seeded TLD prices, plus the TLDs under multi-label zones such as `uk`). */
export function knownZones(seed: ResolvedSeed): string[] {
  const zones = Object.keys(seed.tldPrices);
  for (const zone of [...zones]) {
    const last = zone.split('.').pop()!;
    if (!zones.includes(last)) zones.push(last);
  }
  return zones;
}

/** Builds the name → entry table: zones, the seeded names, then the extra names (a test's `extra` wins). */
export function buildStatusTable(
  seed: ResolvedSeed,
  extra: Record<string, string | DomainrStatusEntry> = {},
): Map<string, DomainrStatusEntry> {
  const table = new Map<string, DomainrStatusEntry>();
  for (const zone of knownZones(seed)) table.set(zone, { status: zoneStatus(zone) });
  for (const name of seed.availableNames) table.set(name, { status: 'undelegated inactive' });
  for (const name of Object.keys(seed.premiumNames))
    table.set(name, { status: 'undelegated inactive premium' });
  for (const name of seed.registeredNames) table.set(name, { status: 'active' });
  for (const name of seed.domainNames) table.set(name, { status: 'active' });
  for (const [name, entry] of Object.entries(DOMAINR_EXTRA_STATUSES)) table.set(name, { ...entry });
  for (const [name, entry] of Object.entries(extra)) {
    table.set(
      toAsciiName(name) || name.toLowerCase(),
      typeof entry === 'string' ? { status: entry } : { ...entry },
    );
  }
  return table;
}

/** Lower-case ASCII (punycode) form of a name without a trailing dot; '' when it cannot be converted. */
export function toAsciiName(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '');
  if (trimmed === '') return '';
  return domainToASCII(trimmed).toLowerCase();
}

/** The zone of a name: the longest known zone it ends with, else its last label (a zone is its own zone). */
export function zoneOf(asciiName: string, zones: readonly string[]): string {
  const labels = asciiName.split('.');
  for (let start = 1; start < labels.length; start++) {
    const suffix = labels.slice(start).join('.');
    if (zones.includes(suffix)) return suffix;
  }
  return labels[labels.length - 1] ?? '';
}

/**
 * The status of a name. Order: the table (zones, seeded and extra names), then rules:
 * invalid syntax (including a 64-character label) → `invalid`; a zone we do not sell
 * (not in the seeded TLD prices) → `undelegated unregistrable`; any other name in a known zone is
 * unregistered → `undelegated inactive` (the docs' `acecafe.io` example).
 */
export function lookupStatus(
  table: ReadonlyMap<string, DomainrStatusEntry>,
  seed: ResolvedSeed,
  name: string,
): DomainrStatusEntry {
  const ascii = toAsciiName(name);
  const known = table.get(ascii);
  if (known) return known;
  if (ascii === '' || !isValidDomainName(ascii)) return { status: 'invalid' };
  if (seed.tldOf(ascii) === null) return { status: 'undelegated unregistrable' };
  return { status: 'undelegated inactive' };
}

/** The summary (right-most) flag of a status string. */
export function summaryOf(status: string): string {
  const flags = status.split(/\s+/).filter(Boolean);
  return flags[flags.length - 1] ?? 'unknown';
}
