/**
 * The standard, provider-neutral seeded data every emulator serves, so that a generic test (the
 * conformance suite) knows which names exist. A provider emulator presents these with its own ids,
 * field names and currency, but the names are always the same.
 */
import type { SeedInfo, SeedOptions } from './emulator-types.js';

/** Fixed reference "now" for the seeded data (never the wall clock, so the data is deterministic). */
export const SEED_NOW = new Date('2026-06-01T00:00:00Z');

/** Creation time of the first seeded domain; domain i is created i hours later. */
export const SEED_CREATED_BASE = new Date('2024-01-15T00:00:00Z');

/** The IDN domain of the portfolio: bücher.com in ASCII (punycode) form. */
export const IDN_DOMAIN = 'xn--bcher-kva.com';
export const IDN_DOMAIN_UNICODE = 'bücher.com';

export const DEFAULT_DOMAIN_COUNT = 3;
export const DEFAULT_RECORDS_PER_DOMAIN = 3;
export const DEFAULT_AVAILABLE_NAME = 'available-name.com';
export const DEFAULT_REGISTERED_NAME = 'registered-name.com';
export const DEFAULT_PREMIUM_NAMES: Readonly<Record<string, string>> = { 'premium-name.com': '1200.00' };

export interface TldPrice {
  register: string;
  renew: string;
  transfer: string;
  restore?: string;
}

export const DEFAULT_TLD_PRICES: Readonly<Record<string, TldPrice>> = {
  com: { register: '12.99', renew: '12.99', transfer: '12.99', restore: '80.00' },
  net: { register: '14.99', renew: '14.99', transfer: '14.99', restore: '80.00' },
  org: { register: '10.99', renew: '10.99', transfer: '10.99', restore: '80.00' },
  io: { register: '39.00', renew: '39.00', transfer: '39.00', restore: '120.00' },
  dev: { register: '15.00', renew: '15.00', transfer: '15.00', restore: '80.00' },
  'co.uk': { register: '8.00', renew: '8.00', transfer: '8.00', restore: '40.00' },
};

export type SeedRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT';

/** A provider-neutral DNS record. `name` is relative to the zone, `@` for the apex. */
export interface SeedRecord {
  type: SeedRecordType;
  name: string;
  content: string;
  ttl: number;
  /** Only MX has a priority; null otherwise. */
  priority: number | null;
}

export interface SeedDomainDates {
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
}

export type DomainAvailability = 'invalid' | 'unsupported-tld' | 'registered' | 'premium' | 'available';

export interface ResolvedSeed {
  seed: number;
  domainCount: number;
  recordsPerDomain: number;
  /** Owned domains, ASCII lower-case, in portfolio order (`test-domain-1.com` … and the IDN last). */
  domainNames: string[];
  /** The IDN domain in `domainNames` (ASCII form), or null when absent (`idnDomain: false` or < 2 domains). */
  idnDomain: string | null;
  /** Dates of the domain at 0-based index i of `domainNames`. */
  domainDates(i: number): SeedDomainDates;
  /** The first n (default `recordsPerDomain`) seeded records of a domain. */
  records(domain: string, n?: number): SeedRecord[];
  /** The canonical available name ('available-name.com'). */
  availableName: string;
  /** Every explicitly available name (the canonical one first, then `availableNames`). */
  availableNames: string[];
  /** The canonical name registered by somebody else ('registered-name.com'). */
  registeredName: string;
  /** Every name registered by somebody else (canonical first, then `registeredNames`); owned domains excluded. */
  registeredNames: string[];
  /** Premium names and their one-year registration price. */
  premiumNames: Record<string, string>;
  /** The first premium name and its price. */
  premiumName: string;
  premiumPrice: string;
  tldPrices: Record<string, TldPrice>;
  /** True when `name` is one of the owned domains. */
  isOwned(name: string): boolean;
  /** True when `name` is owned or registered by somebody else. */
  isRegistered(name: string): boolean;
  /** The seeded TLD (longest matching suffix in tldPrices, e.g. `co.uk`), or null when unsupported. */
  tldOf(name: string): string | null;
  /** Availability of a name as a registry would answer. */
  availability(name: string): DomainAvailability;
  /** Price of an operation for a name (premium price for registering a premium name), or null when unsupported. */
  priceOf(name: string, operation: 'register' | 'renew' | 'transfer' | 'restore'): string | null;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A syntactically valid ASCII domain name: ≥ 2 labels, LDH labels of 1–63 chars, alphabetic or `xn--` TLD. */
export function isValidDomainName(name: string): boolean {
  if (typeof name !== 'string') return false;
  const lower = name.toLowerCase();
  if (lower.length === 0 || lower.length > 253) return false;
  const labels = lower.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  const tld = labels[labels.length - 1]!;
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld);
}

/** IPv4 address of the K-th `host-K` record: 192.0.2.K while K ≤ 254, else a unique 10.x.y.z address. */
function hostAddress(k: number): string {
  if (k >= 1 && k <= 254) return `192.0.2.${k}`;
  return `10.${(k >>> 16) & 255}.${(k >>> 8) & 255}.${k & 255}`;
}

/** The i-th (0-based) seeded record of a domain. */
export function seedRecord(domain: string, i: number): SeedRecord {
  switch (i) {
    case 0:
      return { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600, priority: null };
    case 1:
      return { type: 'CNAME', name: 'www', content: domain, ttl: 3600, priority: null };
    case 2:
      return { type: 'MX', name: '@', content: `mx1.${domain}`, ttl: 3600, priority: 10 };
    case 3:
      return { type: 'TXT', name: '@', content: 'v=spf1 -all', ttl: 3600, priority: null };
    case 4:
      return { type: 'AAAA', name: '@', content: '2001:db8::1', ttl: 3600, priority: null };
    default: {
      // K is the 1-based position of the record: the 6th record is host-6 192.0.2.6.
      const k = i + 1;
      return { type: 'A', name: `host-${k}`, content: hostAddress(k), ttl: 3600, priority: null };
    }
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Dates of the seeded domain at 0-based index i. */
export function seedDomainDates(i: number): SeedDomainDates {
  const createdAt = new Date(SEED_CREATED_BASE.getTime() + i * HOUR_MS);
  const expiresAt = new Date(createdAt.getTime());
  // Six years after creation (2030 onwards): seeded domains stay unexpired for years of real time.
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + 6);
  expiresAt.setTime(expiresAt.getTime() + (i % 300) * DAY_MS);
  // Last updated one day after creation (any fixed, deterministic choice would do).
  const updatedAt = new Date(createdAt.getTime() + DAY_MS);
  return { createdAt, expiresAt, updatedAt };
}

function nonNegativeInt(value: number | undefined, fallback: number, label: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`seed.${label} must be a non-negative integer`);
  return value;
}

function unique(names: string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))];
}

export function resolveSeed(options: SeedOptions | undefined): ResolvedSeed {
  const seed = options?.seed ?? 1;
  const domainCount = nonNegativeInt(options?.domains, DEFAULT_DOMAIN_COUNT, 'domains');
  const recordsPerDomain = nonNegativeInt(
    options?.recordsPerDomain,
    DEFAULT_RECORDS_PER_DOMAIN,
    'recordsPerDomain',
  );

  const domainNames = Array.from({ length: domainCount }, (_, i) => `test-domain-${i + 1}.com`);
  let idnDomain: string | null = null;
  if (options?.idnDomain !== false && domainCount >= 2) {
    domainNames[domainCount - 1] = IDN_DOMAIN;
    idnDomain = IDN_DOMAIN;
  }
  const owned = new Set(domainNames);

  const tldPrices: Record<string, TldPrice> = {};
  for (const [tld, price] of Object.entries(options?.tldPrices ?? DEFAULT_TLD_PRICES)) {
    tldPrices[tld.toLowerCase().replace(/^\./, '')] = { ...price };
  }
  const premiumNames: Record<string, string> = {};
  for (const [name, price] of Object.entries(options?.premiumNames ?? DEFAULT_PREMIUM_NAMES)) {
    premiumNames[name.toLowerCase()] = price;
  }
  const [premiumName, premiumPrice] = Object.entries(premiumNames)[0] ?? ['', ''];

  const availableNames = unique([DEFAULT_AVAILABLE_NAME, ...(options?.availableNames ?? [])]);
  const registeredNames = unique([DEFAULT_REGISTERED_NAME, ...(options?.registeredNames ?? [])]).filter(
    (n) => !owned.has(n),
  );
  const registered = new Set([...registeredNames, ...owned]);
  const explicitlyAvailable = new Set(availableNames.filter((n) => !registered.has(n)));

  const tldOf = (name: string): string | null => {
    const labels = name.toLowerCase().split('.');
    // Longest suffix first, so `example.co.uk` is `co.uk` and not `uk`; a TLD needs a label before it.
    for (let start = 1; start < labels.length; start++) {
      const suffix = labels.slice(start).join('.');
      if (Object.hasOwn(tldPrices, suffix)) return suffix;
    }
    return null;
  };

  const availability = (name: string): DomainAvailability => {
    const lower = name.toLowerCase();
    if (!isValidDomainName(lower)) return 'invalid';
    if (registered.has(lower)) return 'registered';
    // Explicitly available names answer as available even in an unseeded TLD.
    if (explicitlyAvailable.has(lower)) return 'available';
    if (tldOf(lower) === null) return 'unsupported-tld';
    if (Object.hasOwn(premiumNames, lower)) return 'premium';
    return 'available';
  };

  const priceOf = (name: string, operation: 'register' | 'renew' | 'transfer' | 'restore'): string | null => {
    const lower = name.toLowerCase();
    const tld = tldOf(lower);
    if (tld === null) return null;
    if (operation === 'register' && Object.hasOwn(premiumNames, lower)) return premiumNames[lower]!;
    const prices = tldPrices[tld]!;
    return prices[operation] ?? null;
  };

  return {
    seed,
    domainCount,
    recordsPerDomain,
    domainNames,
    idnDomain,
    domainDates: seedDomainDates,
    records: (domain, n = recordsPerDomain) => Array.from({ length: n }, (_, i) => seedRecord(domain, i)),
    availableName: DEFAULT_AVAILABLE_NAME,
    availableNames,
    registeredName: DEFAULT_REGISTERED_NAME,
    registeredNames,
    premiumNames,
    premiumName,
    premiumPrice,
    tldPrices,
    isOwned: (name) => owned.has(name.toLowerCase()),
    isRegistered: (name) => registered.has(name.toLowerCase()),
    tldOf,
    availability,
    priceOf,
  };
}

/** The provider-neutral `SeedInfo` of a resolved seed, with the emulator's currency and credentials. */
export function seedInfoOf(
  seed: ResolvedSeed,
  currency: string,
  credentials: Record<string, string>,
): SeedInfo {
  return {
    ownedDomains: [...seed.domainNames],
    idnDomain: seed.idnDomain,
    availableName: seed.availableName,
    registeredName: seed.registeredName,
    premiumName: seed.premiumName,
    premiumPrice: seed.premiumPrice,
    currency,
    tldPrices: structuredClone(seed.tldPrices),
    credentials,
  };
}
