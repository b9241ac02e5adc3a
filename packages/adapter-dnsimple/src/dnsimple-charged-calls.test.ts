/**
 * Once DNSimple has charged, the call resolves: a failing read after the charge leaves the fields
 * it could not read null and never invites a second purchase (DESIGN.md, "Promises every adapter
 * keeps"). Against the emulator, with its ledger and fault injection.
 */
import { type RunningEmulator, startDnsimpleEmulator } from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDnsimple } from './index.js';

let emulator: RunningEmulator<unknown> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  const running = await startDnsimpleEmulator({ rateLimits: false });
  emulator = running as RunningEmulator<unknown>;
  const dnsimple = createDnsimple({
    baseURL: running.url,
    token: running.seedInfo.credentials.token,
    accountId: running.seedInfo.credentials.accountId,
    registrantId: 1,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
  });
  return { running, dnsimple, name: running.seedInfo.ownedDomains[0]! };
}

const sent = (running: RunningEmulator<unknown>, method: string, suffix: string) =>
  running.requests.filter((r) => r.method === method && r.path.endsWith(suffix)).length;

describe('renewDomain after the charge', () => {
  // The emulator answers a renewal `new` (it completes when polled): the call reads nothing after
  // the charge, so failing reads change nothing. The `renewed` answer, whose expiry is read, is
  // covered with nock in dnsimple-orders.test.ts.
  it('resolves pending with expiresAt null while reads of the domain fail, and charges once', async () => {
    const { running, dnsimple, name } = await start();
    running.setFaults([{ route: 'getDomain', fault: { type: 'status', status: 500 } }]);
    const charged = running.ledger.length;
    const result = await dnsimple.renewDomain(name, { years: 1 });
    expect(result).toMatchObject({ provider: 'dnsimple', domain: name, status: 'pending', expiresAt: null });
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual(['renew']);
    expect(sent(running, 'POST', '/renewals')).toBe(1);
  });
});

describe('registerDomain and transferDomain while every read fails', () => {
  it('each resolves and charges once: no read follows the charge', async () => {
    const { running, dnsimple } = await start();
    running.setFaults([
      { route: 'getDomain', fault: { type: 'status', status: 500 } },
      { route: 'listDomains', fault: { type: 'status', status: 500 } },
    ]);
    const charged = running.ledger.length;
    const fresh = running.seedInfo.availableName;
    expect(await dnsimple.registerDomain({ domain: fresh, years: 1 })).toMatchObject({ domain: fresh });
    const incoming = running.seedInfo.registeredName;
    expect(await dnsimple.transferDomain({ domain: incoming, authCode: 'abc123' })).toMatchObject({
      domain: incoming,
    });
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual(['register', 'transfer']);
  });
});

describe('updateDomain enabling WHOIS privacy (may buy the service)', () => {
  it('resolves when every read after the purchase fails: what it set is known, updatedAt null; one PUT', async () => {
    const { running, dnsimple, name } = await start();
    const before = await dnsimple.getDomain(name);
    expect(before.whoisPrivacy).toBe(false);
    // The read before the purchase passes, every read of the domain after it fails.
    running.setFaults([
      { route: 'getDomain', sequence: [null], rate: 1, fault: { type: 'status', status: 500 } },
    ]);
    const result = await dnsimple.updateDomain(name, { whoisPrivacy: true, autoRenew: true });
    expect(result).toEqual({
      ...before,
      whoisPrivacy: true,
      autoRenew: true,
      updatedAt: null,
    });
    expect(sent(running, 'PUT', '/whois_privacy')).toBe(1);
    expect(sent(running, 'PUT', '/auto_renewal')).toBe(1);
    // The purchase is the last write: nothing is sent after it but reads.
    const put = running.requests.findIndex((r) => r.method === 'PUT' && r.path.endsWith('/whois_privacy'));
    expect(running.requests.slice(put + 1).every((r) => r.method === 'GET')).toBe(true);
  });

  it('a failing read before the purchase refuses with nothing bought', async () => {
    const { running, dnsimple, name } = await start();
    running.setFaults([{ route: 'getDomain', fault: { type: 'status', status: 500 } }]);
    await expect(dnsimple.updateDomain(name, { whoisPrivacy: true })).rejects.toMatchObject({
      name: 'ProviderError',
      operation: 'updateDomain',
    });
    expect(sent(running, 'PUT', '/whois_privacy')).toBe(0);
  });

  it('reads the domain after the purchase when the read succeeds', async () => {
    const { dnsimple, name } = await start();
    const result = await dnsimple.updateDomain(name, { whoisPrivacy: true });
    expect(result.whoisPrivacy).toBe(true);
    expect(result.updatedAt).toBeInstanceOf(Date);
  });
});
