import { describe, expect, it } from 'vitest';
import { defineRegistrar } from '../define-registrar.js';
import { ProviderError } from '../errors/error-classes.js';
import type { Domain } from '../model/domain.js';
import { domainAt } from '../test/memory-registrar.js';
import { domainFlags } from './domain-flags.js';
import { portfolio } from './portfolio.js';

const NOW = new Date('2026-12-07T00:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function listing(provider: string, domains: Domain[]) {
  return defineRegistrar(provider, {
    listDomains: () => ({
      async *[Symbol.asyncIterator]() {
        yield* domains;
      },
    }),
  });
}

describe('domainFlags', () => {
  const flags = (overrides: Partial<Domain>) =>
    domainFlags(domainAt('p', 'a.com', { dsRecords: null, ...overrides }), { withinDays: 30, now: NOW });

  it('flags an expiry within the horizon only when auto-renew is off', () => {
    expect(flags({ expiresAt: days(10), autoRenew: false })).toEqual(['expiring_without_auto_renew']);
    expect(flags({ expiresAt: days(10), autoRenew: true })).toEqual([]);
    expect(flags({ expiresAt: days(10), autoRenew: null })).toEqual([]);
    expect(flags({ expiresAt: days(40), autoRenew: false })).toEqual([]);
  });

  it('flags expired, redemption, lock off and no DNSSEC where reported; unknowns raise nothing', () => {
    expect(flags({ expiresAt: days(-1) })).toEqual(['expired']);
    expect(flags({ status: 'redemption', expiresAt: days(-20) })).toEqual(['expired', 'redemption']);
    expect(flags({ transferLock: false })).toEqual(['transfer_lock_off']);
    expect(flags({ dsRecords: [] })).toEqual(['no_dnssec']);
    expect(flags({ transferLock: null, dsRecords: null })).toEqual([]);
    expect(flags({ status: 'hosted', transferLock: false, dsRecords: [] })).toEqual([]);
  });
});

describe('portfolio', () => {
  it('lists every provider concurrently, sorted by expiry, and keeps a failing provider apart', async () => {
    const a = listing('alpha', [
      domainAt('alpha', 'late.com', { expiresAt: days(300) }),
      domainAt('alpha', 'soon.com', { expiresAt: days(5), autoRenew: false }),
    ]);
    const b = listing('beta', [domainAt('beta', 'unknown.com', { expiresAt: null })]);
    const broken = defineRegistrar('gamma', {
      listDomains: () => ({
        // biome-ignore lint/correctness/useYield: fails before the first item, as a 500 would.
        async *[Symbol.asyncIterator]() {
          throw new ProviderError('gamma listDomains failed with HTTP 500', { status: 500 });
        },
      }),
    });
    const dnsOnly = defineRegistrar('delta', {});
    const result = await portfolio([a, b, broken, dnsOnly], { now: () => NOW });
    expect(result.entries.map((entry) => [entry.domain.name, entry.flags])).toEqual([
      ['soon.com', ['expiring_without_auto_renew']],
      ['late.com', []],
      ['unknown.com', []],
    ]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({
      provider: 'gamma',
      error: { status: 500, operation: 'listDomains' },
    });
    expect(result.needsAttention).toBe(true);
  });

  it('needs no attention when nothing is flagged and every provider answered', async () => {
    const result = await portfolio([listing('alpha', [domainAt('alpha', 'a.com')])], { now: () => NOW });
    expect(result.needsAttention).toBe(false);
  });
});
