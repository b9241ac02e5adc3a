/**
 * A call aborted while it waits for a slot of a bucket shared through Redis gives the slot back:
 * after 50 queued calls on a 10/s bucket are aborted, a fresh call on the idle bucket goes at once
 * (before, it waited behind every abandoned slot: 10.5 s in the issue's measurement).
 */
import { setMaxListeners } from 'node:events';
import type { Registrar } from '@registrar-kit/core';
import { redisUnavailableReason } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnyEmulator, createFor, startEmulator } from './support/providers.js';
import { redisForSuite } from './support/redis-for-suite.js';

const skipReason = redisUnavailableReason();

describe.skipIf(skipReason)(
  `shared buckets give back the slots of aborted calls${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const redis = redisForSuite();
    let emulator: AnyEmulator;
    beforeAll(async () => {
      emulator = await startEmulator('pocketdns', { rateLimits: false });
    });
    afterAll(async () => {
      await emulator?.close();
    });

    it.each(['spread', 'window', 'sliding'] as const)(
      '%s bucket: 50 aborted waiters, then a fresh call is not delayed',
      async (strategy) => {
        const client = redis.client();
        const registrar: Registrar = createFor('pocketdns', emulator, emulator.url, {
          retry: false,
          rateLimit: {
            redis: client,
            id: `giveback-${strategy}-${Date.now()}`,
            buckets: { availability: { limit: 10, intervalMs: 1000, strategy } },
          },
        });
        // The bucket registers in Redis first; one call makes sure it is ready.
        await registrar.checkAvailability('warm-up.com');
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const controller = new AbortController();
        setMaxListeners(100, controller.signal);
        const queued = Array.from({ length: 50 }, (_, i) =>
          registrar
            .checkAvailability(`queued-${i}.com`, { signal: controller.signal })
            .catch((e: unknown) => e),
        );
        await new Promise((resolve) => setTimeout(resolve, 150));
        controller.abort();
        const outcomes = await Promise.all(queued);
        expect(
          outcomes.filter((o) => (o as { code?: string }).code === 'aborted').length,
        ).toBeGreaterThanOrEqual(35);
        await new Promise((resolve) => setTimeout(resolve, 1100)); // past the slots used before the abort
        const started = performance.now();
        await registrar.checkAvailability('fresh.com');
        expect(performance.now() - started).toBeLessThan(600);
      },
      30_000,
    );
  },
);
