/**
 * Glauca and HexDNS check that a token's audience is their own (docs/providers/glauca.md#authentication):
 * a separate DNS credential (`dnsToken`, `getDnsToken`, GLAUCA_DNS_TOKEN), else the domains one.
 */
import { AuthenticationError, toArray } from '@registrar-kit/core';
import { type RunningEmulator, startGlaucaEmulator } from '@registrar-kit/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glaucaOn } from './test/glauca-test-setup.js';

const DNS_TOKEN = 'hexdns-audience-token-9c1e';
let emulator: Awaited<ReturnType<typeof startGlaucaEmulator>>;
beforeEach(async () => {
  emulator = await startGlaucaEmulator({ rateLimits: false, dnsTokens: [DNS_TOKEN], seed: { domains: 2 } });
});
afterEach(async () => {
  await emulator.close();
  vi.unstubAllEnvs();
});

const on = (options: Parameters<typeof glaucaOn>[1] = {}) =>
  glaucaOn(emulator as RunningEmulator<unknown>, options);
const authOf = (path: RegExp) => [
  ...new Set(emulator.requests.filter((r) => path.test(r.path)).map((r) => r.headers.authorization)),
];

describe('dnsToken', () => {
  it('HexDNS requests carry the DNS token, domains requests the domains token', async () => {
    const glauca = on({ dnsToken: DNS_TOKEN });
    const owned = emulator.seedInfo.ownedDomains[0]!;
    await glauca.getDomain(owned);
    expect((await toArray(glauca.listRecords(owned))).length).toBeGreaterThan(0);
    expect(authOf(/^\/api\/(dns_zones|zone_)/)).toEqual([`Bearer ${DNS_TOKEN}`]);
    expect(authOf(/^\/api\/domains/)).toEqual([`Bearer ${emulator.seedInfo.credentials.token}`]);
  });

  it('without it HexDNS refuses the domains token: AuthenticationError (403 Invalid token)', async () => {
    vi.stubEnv('GLAUCA_DNS_TOKEN', '');
    const error = await toArray(on().listRecords(emulator.seedInfo.ownedDomains[0]!)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ operation: 'listRecords', status: 403 });
  });

  it('GLAUCA_DNS_TOKEN is read when the option is absent or empty', async () => {
    vi.stubEnv('GLAUCA_DNS_TOKEN', DNS_TOKEN);
    const owned = emulator.seedInfo.ownedDomains[0]!;
    await expect(toArray(on().listRecords(owned))).resolves.not.toHaveLength(0);
    await expect(toArray(on({ dnsToken: '' }).listRecords(owned))).resolves.not.toHaveLength(0);
  });

  it('getDnsToken is called for HexDNS only, and again with forceRefresh after "Invalid token"', async () => {
    const calls: boolean[] = [];
    const glauca = on({
      getDnsToken: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? DNS_TOKEN : 'stale-dns-token';
      },
    });
    await glauca.getDomain(emulator.seedInfo.ownedDomains[0]!);
    expect(calls).toEqual([]);
    await expect(toArray(glauca.listRecords(emulator.seedInfo.ownedDomains[0]!))).resolves.not.toHaveLength(
      0,
    );
    expect(calls.slice(0, 2)).toEqual([false, true]);
  });

  it('refuses dnsToken and getDnsToken together', () => {
    expect(() => on({ dnsToken: 'a', getDnsToken: () => 'b' })).toThrow(/only one of dnsToken, getDnsToken/);
  });
});
