/**
 * `rateLimit: { redis, id }` is accepted by every factory, and two registrars of one factory with
 * the same id share each bucket: their combined sends are spaced as if by one limiter. (Several
 * processes sharing one bucket are proven by shared-rate-limit.test.ts.)
 */
import type { BucketSpec, Registrar, TransportEvent } from '@registrar-kit/core';
import { type CommonEmulatorOptions, redisUnavailableReason } from '@registrar-kit/testkit';
import { describe, expect, it } from 'vitest';
import {
  type AnyEmulator,
  createFor,
  PROVIDER_IDS,
  type ProviderId,
  startEmulator,
} from './support/providers.js';
import { redisForSuite } from './support/redis-for-suite.js';

const skipReason = redisUnavailableReason();

/** One scaled bucket: 20 requests per second, spread (minTime ≈ 52.5 ms). */
const LIMIT = 20;
const INTERVAL_MS = 1_000;
const MIN_GAP_MS = (INTERVAL_MS / LIMIT) * 1.05;
const PER_REGISTRAR = 10;

/** The bucket `checkAvailability` is limited by, per adapter. */
const AVAILABILITY_BUCKET: Record<ProviderId, string> = {
  pocketdns: 'availability',
  dnsimple: 'hourly',
  glauca: 'domains',
  domainr: 'v2',
  porkbun: 'checkDomain',
  // Every Namecheap request takes the minute, hour and day windows; the minute one is the tightest.
  namecheap: 'minute',
  // Cloudflare has one account-wide limit (1200 per 5 minutes) for every call.
  cloudflare: 'client',
};

/**
 * Emulator limits raised to the scaled bucket where the emulator's own, scaled by its default
 * `timeScale`, is below it: Porkbun's checkDomain allows 1 per 10 s
 * (https://porkbun.com/api/json/v3/documentation#Domain%20Check).
 */
const EMULATOR_OPTIONS: Partial<Record<ProviderId, CommonEmulatorOptions>> = {
  porkbun: { limits: { checkDomain: { limit: LIMIT, intervalMs: INTERVAL_MS } } } as CommonEmulatorOptions,
};

const SCALED: BucketSpec = { limit: LIMIT, intervalMs: INTERVAL_MS, strategy: 'spread' };

describe.skipIf(skipReason)(
  `every factory takes rateLimit: { redis, id } and shares its buckets${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const redis = redisForSuite();

    it.each(PROVIDER_IDS)(
      '%s: two registrars with one id send as one limiter',
      async (provider) => {
        const emulator: AnyEmulator = await startEmulator(provider, EMULATOR_OPTIONS[provider]);
        const id = `factory-${provider}-${Date.now()}`;
        const sentAt: number[] = [];
        const onEvent = (event: TransportEvent) => {
          if (event.type === 'request') sentAt.push(performance.now());
        };
        const make = (): Registrar => {
          const client = redis.client();
          return createFor(provider, emulator, emulator.url, {
            retry: false,
            onEvent,
            rateLimit: { redis: client, id, buckets: { [AVAILABILITY_BUCKET[provider]]: SCALED } },
          });
        };
        const registrars = [make(), make()];
        try {
          const names = (k: number) =>
            `shared-${provider}-${k}-${Math.random().toString(36).slice(2, 8)}.com`;
          const results = await Promise.allSettled(
            registrars.flatMap((registrar, r) =>
              Array.from({ length: PER_REGISTRAR }, (_, i) =>
                registrar.checkAvailability(names(r * 100 + i)),
              ),
            ),
          );
          const failures = results
            .filter((r) => r.status === 'rejected')
            .map((r) => String((r as PromiseRejectedResult).reason));
          expect(failures).toEqual([]);
          sentAt.sort((a, b) => a - b);
          const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
          const span = sentAt.at(-1)! - sentAt[0]!;
          console.log(
            `${provider}: ${sentAt.length} requests from 2 registrars in ${span.toFixed(0)} ms, smallest gap ${Math.min(...gaps).toFixed(1)} ms (one limiter: ${MIN_GAP_MS.toFixed(1)} ms)`,
          );
          // One limiter spaces every request by minTime; two independent ones would send about twice as fast.
          expect(span).toBeGreaterThanOrEqual((sentAt.length - 1) * MIN_GAP_MS * 0.9);
          // And no window of the interval holds more than the limit.
          for (let i = 0; i + LIMIT < sentAt.length; i++)
            expect(sentAt[i + LIMIT]! - sentAt[i]!).toBeGreaterThanOrEqual(INTERVAL_MS * 0.95);
          expect(emulator.rateLimited()).toBe(0);
        } finally {
          await emulator.close();
        }
      },
      30_000,
    );

    it('control: with different ids the two registrars do not share (about twice as fast)', async () => {
      const emulator = await startEmulator('pocketdns');
      const sentAt: number[] = [];
      const make = (id: string) => {
        const client = redis.client();
        return createFor('pocketdns', emulator, emulator.url, {
          retry: false,
          onEvent: (event) => {
            if (event.type === 'request') sentAt.push(performance.now());
          },
          rateLimit: { redis: client, id, buckets: { availability: SCALED } },
        });
      };
      const registrars = [make(`a-${Date.now()}`), make(`b-${Date.now()}`)];
      try {
        await Promise.all(
          registrars.flatMap((registrar, r) =>
            Array.from({ length: PER_REGISTRAR }, (_, i) =>
              registrar.checkAvailability(`control-${r}-${i}.com`),
            ),
          ),
        );
        sentAt.sort((a, b) => a - b);
        const span = sentAt.at(-1)! - sentAt[0]!;
        // Independent limiters need about half the time; 0.85 leaves room for a busy machine.
        expect(span).toBeLessThan((sentAt.length - 1) * MIN_GAP_MS * 0.85);
      } finally {
        await emulator.close();
      }
    });
  },
);
