import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';
import {
  DEFAULT_TLD_PRICES,
  IDN_DOMAIN,
  isValidDomainName,
  resolveSeed,
  SEED_NOW,
  seedDomainDates,
  seedInfoOf,
} from './seed-data.js';

describe('createPrng', () => {
  it('is deterministic per seed, in [0, 1), and differs between seeds', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const c = createPrng(8);
    const seqA = Array.from({ length: 50 }, () => a());
    const seqB = Array.from({ length: 50 }, () => b());
    const seqC = Array.from({ length: 50 }, () => c());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    // Not degenerate: a spread of values.
    expect(new Set(seqA.map((x) => Math.floor(x * 10))).size).toBeGreaterThan(5);
  });
});

describe('resolveSeed: domains', () => {
  it('defaults to seed 1, 3 domains with the IDN last, 3 records each', () => {
    const seed = resolveSeed(undefined);
    expect(seed.seed).toBe(1);
    expect(seed.domainNames).toEqual(['test-domain-1.com', 'test-domain-2.com', IDN_DOMAIN]);
    expect(IDN_DOMAIN).toBe('xn--bcher-kva.com');
    expect(seed.idnDomain).toBe('xn--bcher-kva.com');
    expect(seed.recordsPerDomain).toBe(3);
    expect(seed.records('test-domain-1.com')).toHaveLength(3);
  });

  it('counts 0, 1, 2 and 101', () => {
    expect(resolveSeed({ domains: 0 }).domainNames).toEqual([]);
    expect(resolveSeed({ domains: 0 }).idnDomain).toBeNull();
    // One domain: no room for the IDN (it needs N >= 2).
    expect(resolveSeed({ domains: 1 }).domainNames).toEqual(['test-domain-1.com']);
    expect(resolveSeed({ domains: 1 }).idnDomain).toBeNull();
    expect(resolveSeed({ domains: 2 }).domainNames).toEqual(['test-domain-1.com', 'xn--bcher-kva.com']);
    const big = resolveSeed({ domains: 101 });
    expect(big.domainNames).toHaveLength(101);
    expect(new Set(big.domainNames).size).toBe(101);
    expect(big.domainNames[0]).toBe('test-domain-1.com');
    expect(big.domainNames[99]).toBe('test-domain-100.com');
    expect(big.domainNames[100]).toBe('xn--bcher-kva.com');
  });

  it('omits the IDN with idnDomain: false', () => {
    const seed = resolveSeed({ domains: 3, idnDomain: false });
    expect(seed.domainNames).toEqual(['test-domain-1.com', 'test-domain-2.com', 'test-domain-3.com']);
    expect(seed.idnDomain).toBeNull();
  });

  it('rejects a negative or fractional count', () => {
    expect(() => resolveSeed({ domains: -1 })).toThrow(RangeError);
    expect(() => resolveSeed({ recordsPerDomain: 1.5 })).toThrow(RangeError);
  });

  it('dates: created 2024-01-15 + i hours, expires created + 1 year + (i mod 300) days', () => {
    const d0 = seedDomainDates(0);
    expect(d0.createdAt.toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(d0.expiresAt.toISOString()).toBe('2030-01-15T00:00:00.000Z');
    expect(d0.updatedAt.getTime()).toBeGreaterThanOrEqual(d0.createdAt.getTime());
    const d5 = resolveSeed(undefined).domainDates(5);
    expect(d5.createdAt.toISOString()).toBe('2024-01-15T05:00:00.000Z');
    expect(d5.expiresAt.toISOString()).toBe('2030-01-20T05:00:00.000Z');
    const d301 = seedDomainDates(301);
    // 301 hours later; 301 mod 300 = 1 extra day.
    expect(d301.createdAt.toISOString()).toBe('2024-01-27T13:00:00.000Z');
    expect(d301.expiresAt.toISOString()).toBe('2030-01-28T13:00:00.000Z');
    expect(SEED_NOW.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    // With a large portfolio some domains expire after the reference now.
    expect(seedDomainDates(9999).expiresAt.getTime()).toBeGreaterThan(SEED_NOW.getTime());
  });
});

describe('resolveSeed: records', () => {
  it('follows the A, CNAME, MX, TXT, AAAA, host-K cycle', () => {
    const records = resolveSeed({ recordsPerDomain: 8 }).records('test-domain-1.com');
    expect(records).toEqual([
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600, priority: null },
      { type: 'CNAME', name: 'www', content: 'test-domain-1.com', ttl: 3600, priority: null },
      { type: 'MX', name: '@', content: 'mx1.test-domain-1.com', ttl: 3600, priority: 10 },
      { type: 'TXT', name: '@', content: 'v=spf1 -all', ttl: 3600, priority: null },
      { type: 'AAAA', name: '@', content: '2001:db8::1', ttl: 3600, priority: null },
      { type: 'A', name: 'host-6', content: '192.0.2.6', ttl: 3600, priority: null },
      { type: 'A', name: 'host-7', content: '192.0.2.7', ttl: 3600, priority: null },
      { type: 'A', name: 'host-8', content: '192.0.2.8', ttl: 3600, priority: null },
    ]);
  });

  it('honours recordsPerDomain 0 and an explicit n, and keeps addresses valid and names unique past 254', () => {
    expect(resolveSeed({ recordsPerDomain: 0 }).records('a.com')).toEqual([]);
    const many = resolveSeed(undefined).records('a.com', 600);
    expect(many).toHaveLength(600);
    expect(new Set(many.map((r) => `${r.name}`)).size).toBe(600 - 3); // the four apex records share '@'
    const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
    for (const r of many.filter((x) => x.type === 'A')) {
      const m = ipv4.exec(r.content);
      expect(m, r.content).not.toBeNull();
      for (const octet of m!.slice(1)) expect(Number(octet)).toBeLessThanOrEqual(255);
    }
    expect(new Set(many.filter((x) => x.type === 'A').map((r) => r.content)).size).toBe(596);
  });

  it('is deterministic: two resolutions give equal data', () => {
    const a = resolveSeed({ seed: 42, domains: 5, recordsPerDomain: 6 });
    const b = resolveSeed({ seed: 42, domains: 5, recordsPerDomain: 6 });
    expect(a.domainNames).toEqual(b.domainNames);
    expect(a.domainNames.map((d) => a.records(d))).toEqual(b.domainNames.map((d) => b.records(d)));
    expect(a.domainNames.map((_, i) => a.domainDates(i))).toEqual(
      b.domainNames.map((_, i) => b.domainDates(i)),
    );
  });
});

describe('resolveSeed: names and prices', () => {
  it('has the standard available, registered and premium names and TLD prices', () => {
    const seed = resolveSeed(undefined);
    expect(seed.availableName).toBe('available-name.com');
    expect(seed.registeredName).toBe('registered-name.com');
    expect(seed.premiumName).toBe('premium-name.com');
    expect(seed.premiumPrice).toBe('1200.00');
    expect(seed.tldPrices).toEqual(DEFAULT_TLD_PRICES);
    expect(seed.tldPrices.com).toEqual({
      register: '12.99',
      renew: '12.99',
      transfer: '12.99',
      restore: '80.00',
    });
    expect(seed.tldPrices['co.uk']).toEqual({
      register: '8.00',
      renew: '8.00',
      transfer: '8.00',
      restore: '40.00',
    });
    expect(seed.tldPrices.io?.restore).toBe('120.00');
  });

  it('answers availability: available, registered (incl. owned), premium, unsupported TLD, invalid', () => {
    const seed = resolveSeed({ registeredNames: ['taken.net'], availableNames: ['free.org'] });
    expect(seed.availability('available-name.com')).toBe('available');
    expect(seed.availability('anything-else.dev')).toBe('available');
    expect(seed.availability('free.org')).toBe('available');
    expect(seed.availability('registered-name.com')).toBe('registered');
    expect(seed.availability('taken.net')).toBe('registered');
    expect(seed.availability('test-domain-1.com')).toBe('registered');
    expect(seed.availability('XN--BCHER-KVA.COM')).toBe('registered');
    expect(seed.isOwned('test-domain-2.com')).toBe(true);
    expect(seed.isOwned('registered-name.com')).toBe(false);
    expect(seed.availability('premium-name.com')).toBe('premium');
    expect(seed.availability('example.xyz')).toBe('unsupported-tld');
    expect(seed.availability('not a domain')).toBe('invalid');
    expect(seed.availability('-bad.com')).toBe('invalid');
    expect(seed.availability('com')).toBe('invalid');
    expect(seed.registeredNames).toEqual(['registered-name.com', 'taken.net']);
    expect(seed.availableNames).toEqual(['available-name.com', 'free.org']);
  });

  it('finds the longest TLD and prices operations (premium only for registration)', () => {
    const seed = resolveSeed(undefined);
    expect(seed.tldOf('shop.example.co.uk')).toBe('co.uk');
    expect(seed.tldOf('example.com')).toBe('com');
    expect(seed.tldOf('example.uk')).toBeNull();
    expect(seed.priceOf('example.io', 'register')).toBe('39.00');
    expect(seed.priceOf('example.co.uk', 'restore')).toBe('40.00');
    expect(seed.priceOf('premium-name.com', 'register')).toBe('1200.00');
    expect(seed.priceOf('premium-name.com', 'renew')).toBe('12.99');
    expect(seed.priceOf('example.xyz', 'register')).toBeNull();
  });

  it('takes custom premium names and TLD prices', () => {
    const seed = resolveSeed({
      premiumNames: { 'gold.io': '5000.00' },
      tldPrices: { io: { register: '40.00', renew: '41.00', transfer: '42.00' } },
    });
    expect(seed.premiumName).toBe('gold.io');
    expect(seed.premiumPrice).toBe('5000.00');
    expect(seed.availability('example.com')).toBe('unsupported-tld');
    expect(seed.priceOf('example.io', 'transfer')).toBe('42.00');
    expect(seed.priceOf('example.io', 'restore')).toBeNull();
  });

  it('validates domain syntax', () => {
    expect(isValidDomainName('example.com')).toBe(true);
    expect(isValidDomainName('xn--bcher-kva.com')).toBe(true);
    expect(isValidDomainName('a.b.co.uk')).toBe(true);
    expect(isValidDomainName('example')).toBe(false);
    expect(isValidDomainName('exa_mple.com')).toBe(false);
    expect(isValidDomainName('example-.com')).toBe(false);
    expect(isValidDomainName(`${'a'.repeat(64)}.com`)).toBe(false);
    expect(isValidDomainName('example.c0m')).toBe(false);
    expect(isValidDomainName('bücher.com')).toBe(false);
  });
});

describe('seedInfoOf', () => {
  it('describes the seed with the given currency and credentials, on copies of its lists', () => {
    const seed = resolveSeed({ domains: 2 });
    const info = seedInfoOf(seed, 'USD', { apiKey: 'k' });
    expect(info).toEqual({
      ownedDomains: ['test-domain-1.com', 'xn--bcher-kva.com'],
      idnDomain: 'xn--bcher-kva.com',
      availableName: 'available-name.com',
      registeredName: 'registered-name.com',
      premiumName: 'premium-name.com',
      premiumPrice: '1200.00',
      currency: 'USD',
      tldPrices: seed.tldPrices,
      credentials: { apiKey: 'k' },
    });
    info.ownedDomains.push('x.com');
    info.tldPrices.com!.register = '0.01';
    expect(seed.domainNames).toHaveLength(2);
    expect(seed.tldPrices.com!.register).toBe('12.99');
  });
});
