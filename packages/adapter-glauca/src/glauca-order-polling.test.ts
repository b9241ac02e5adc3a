/**
 * Renew and restore orders are not complete at creation on the real server
 * (docs/providers/glauca.md#orders): the results say `pending` and carry the order id to poll.
 */
import { describe, expect, it } from 'vitest';
import { emulatorPerTest } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();

const DELAY_MS = 150;

async function start() {
  const { emulator, glauca } = await startEmulator({ orderDelayMs: DELAY_MS, seed: { domains: 5 } });
  return { running: emulator, glauca };
}

const later = () => new Promise((resolve) => setTimeout(resolve, DELAY_MS + 50));

describe('renewDomain → getRenewal', () => {
  it('pending at creation with the order id; pending while Glauca works; completed with the new expiry', async () => {
    const { running, glauca } = await start();
    const owned = running.seedInfo.ownedDomains[0]!;
    const before = [...running.state.domains.values()].find((d) => d.domain === owned)!.expiry;
    const renewal = await glauca.renewDomain(owned, { years: 2 });
    expect(renewal).toMatchObject({
      provider: 'glauca',
      domain: owned,
      status: 'pending',
      expiresAt: null,
      orderId: expect.stringMatching(/^domains_domainreneworder_[0-9a-f]{32}$/),
    });
    expect(await glauca.getRenewal(renewal.orderId)).toMatchObject({ status: 'pending', expiresAt: null });
    await later();
    const done = await glauca.getRenewal(renewal.orderId);
    expect(done).toMatchObject({ orderId: renewal.orderId, domain: owned, status: 'completed' });
    expect(done.expiresAt?.getUTCFullYear()).toBe(before.getUTCFullYear() + 2);
    expect(running.ledger.map((entry) => entry.operation)).toEqual(['renew']);
  });
});

describe('restoreDomain → getRestore', () => {
  it('pending at creation; completed on a later poll, and the domain is back', async () => {
    const { running, glauca } = await start();
    const redemption = running.seedInfo.ownedDomains[3]!;
    const restore = await glauca.restoreDomain(redemption);
    expect(restore).toMatchObject({ domain: redemption, status: 'pending' });
    expect((await glauca.getRestore(restore.id)).status).toBe('pending');
    await later();
    expect(await glauca.getRestore(restore.id)).toMatchObject({
      id: restore.id,
      domain: redemption,
      status: 'completed',
    });
    expect((await glauca.getDomain(redemption)).status).not.toBe('redemption');
  });
});
