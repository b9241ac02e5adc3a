/**
 * Porkbun's limits and access rules against the emulator: the edge's HTML 503 for bursts
 * (docs/providers/porkbun.md#rate-limits) and domains not opted in to API access
 * (docs/providers/porkbun.md#authentication).
 */
import { PermissionError, type TransportEvent, toArray } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PORKBUN_BUCKETS } from './porkbun-client.js';
import { type PorkbunFixture, startPorkbun } from './test/porkbun-test-setup.js';

let fixture: PorkbunFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const edgeRejections = (f: PorkbunFixture) => f.emulator.requests.filter((r) => r.status === 503).length;

describe('the edge burst limit (HTML 503)', () => {
  it("with the adapter's buckets on, a burst of reads is spread at 2 per 1.1 s (the edge allows about 2 per second)", async () => {
    const sentAt: number[] = [];
    fixture = await startPorkbun(
      { edgeBurst: true },
      {
        rateLimit: undefined,
        onEvent: (event) => {
          if (event.type === 'request') sentAt.push(performance.now());
        },
      },
    );
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    const started = performance.now();
    const lists = await Promise.all(
      Array.from({ length: 4 }, () => toArray(fixture!.porkbun.listRecords(zone))),
    );
    expect(lists.every((records) => records.length > 0)).toBe(true);
    // Slots 1100 / 2 × 1.05 = 577.5 ms apart: the fourth send waits at least three of them (timers
    // fire late under load, never early, so only this lower bound is exact).
    expect(sentAt.length).toBeGreaterThanOrEqual(4);
    expect(sentAt[3]! - started).toBeGreaterThanOrEqual(3 * 577);
  });

  it('without pacing, every 503 of the edge is retried (reads) until the burst passes', async () => {
    const events: TransportEvent[] = [];
    fixture = await startPorkbun(
      { edgeBurst: { limit: 2, intervalMs: 200 } },
      { retry: { retries: 6, minDelayMs: 100, maxDelayMs: 200 }, onEvent: (event) => events.push(event) },
    );
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    const lists = await Promise.all(
      Array.from({ length: 5 }, () => toArray(fixture!.porkbun.listRecords(zone))),
    );
    expect(lists.every((records) => records.length > 0)).toBe(true);
    expect(edgeRejections(fixture)).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'retry').length).toBe(edgeRejections(fixture));
  });
});

describe('the one-request buckets (checkDomain 1 per 10 s, create/renew/transfer 1 per 10 s)', () => {
  // 10 s scaled to 500 ms on both sides, as in the fault soak.
  const scale = 0.05;
  const scaled = Object.fromEntries(
    Object.entries(PORKBUN_BUCKETS).map(([name, spec]) => [
      name,
      { ...spec, intervalMs: spec.intervalMs * scale },
    ]),
  );

  it('a check the server counts late (its answer took 300 ms) does not get the next one refused', async () => {
    fixture = await startPorkbun(
      {
        rateLimits: true,
        timeScale: scale,
        faults: [{ route: 'checkAvailability', sequence: [{ type: 'latency', ms: 300 }] }],
      },
      { retry: false, rateLimit: { buckets: scaled } },
    );
    // The server counts the first check after its 300 ms: the second must come 500 ms after that.
    const results = await Promise.allSettled([
      fixture.porkbun.checkAvailability('first-free.com'),
      fixture.porkbun.checkAvailability('second-free.com'),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect(fixture.emulator.rateLimited()).toBe(0);
    const [first, second] = fixture.emulator.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(300 + 500 - 1);
  });
});

describe('a domain not opted in to API access', () => {
  it('DNS calls fail with a PermissionError saying how to opt in; getDomain still answers (nameservers null)', async () => {
    fixture = await startPorkbun({ apiAccessDisabled: ['test-domain-1.com'] });
    const error = await toArray(fixture.porkbun.listRecords('test-domain-1.com')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({
      code: 'API_ACCESS_DISABLED',
      provider: 'porkbun',
      operation: 'listRecords',
    });
    expect((error as Error).message).toContain('Opt In All Domains');
    expect(await fixture.porkbun.getDomain('test-domain-1.com')).toMatchObject({
      name: 'test-domain-1.com',
      nameservers: null,
    });
  });
});
