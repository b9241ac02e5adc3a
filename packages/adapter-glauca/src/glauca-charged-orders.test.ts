/**
 * Once Glauca has charged, the call resolves: a failing read after the charge leaves the fields it
 * could not read null and never invites a second purchase (DESIGN.md, "Promises every adapter keeps").
 */
import { type RunningEmulator, startGlaucaEmulator } from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createGlauca } from './glauca-registrar.js';

let emulator: RunningEmulator<unknown> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  const running = await startGlaucaEmulator({ rateLimits: false, instantOrders: true, seed: { domains: 5 } });
  emulator = running as RunningEmulator<unknown>;
  const glauca = createGlauca({
    baseURL: running.url,
    dnsBaseURL: running.url,
    token: running.seedInfo.credentials.token,
    contacts: { registrant: running.state.defaultContactId },
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
  });
  return { running, glauca };
}

describe('renewDomain after the charge', () => {
  it('resolves with expiresAt null when the read of the new expiry fails, and charges once', async () => {
    const { running, glauca } = await start();
    const id = [...running.state.domains.values()][0]!.id;
    running.setFaults([{ route: 'GET /api/domains/:id/', fault: { type: 'status', status: 500 } }]);
    const charged = running.ledger.length;
    const result = await glauca.renewDomain(id, { years: 1 });
    expect(result).toMatchObject({ provider: 'glauca', status: 'completed', expiresAt: null });
    expect(result.cost?.currency).toBe('GBP');
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual(['renew']);
    expect(running.requests.filter((r) => r.operation === 'renewDomain')).toHaveLength(1);
  });

  it('reads the new expiry when the read succeeds', async () => {
    const { running, glauca } = await start();
    const domain = [...running.state.domains.values()][0]!;
    const before = domain.expiry;
    const result = await glauca.renewDomain(domain.id, { years: 1 });
    expect(result.status).toBe('completed');
    expect(result.expiresAt?.getUTCFullYear()).toBe(before.getUTCFullYear() + 1);
  });
});

describe('register, transfer and restore while every read fails', () => {
  it('each resolves and charges once: no read follows a Glauca charge', async () => {
    const { running, glauca } = await start();
    const redemption = running.seedInfo.ownedDomains[3]!;
    const id = [...running.state.domains.values()].find((d) => d.domain === redemption)!.id;
    running.setFaults([
      { route: 'GET /api/domains/', fault: { type: 'status', status: 500 } },
      { route: 'GET /api/domains/:id/', fault: { type: 'status', status: 500 } },
    ]);
    const charged = running.ledger.length;
    expect(await glauca.registerDomain({ domain: 'fresh-name.com', years: 1 })).toMatchObject({
      domain: 'fresh-name.com',
      cost: { currency: 'GBP' },
    });
    expect(
      await glauca.transferDomain({ domain: running.seedInfo.registeredName, authCode: 'abc123' }),
    ).toMatchObject({ domain: running.seedInfo.registeredName });
    expect(await glauca.restoreDomain(id)).toMatchObject({ domain: redemption, cost: { currency: 'GBP' } });
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual([
      'register',
      'transfer',
      'restore',
    ]);
  });
});
