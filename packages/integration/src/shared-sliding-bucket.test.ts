/**
 * A `sliding` bucket shared through Redis: two limiters with one id (as two processes would have)
 * never let more than `limit` requests into one window, counting each request from its send to
 * `intervalMs` after its answer (the provider may count it at any moment of its round trip).
 */
import { BucketLimiters } from '@registrar-kit/core';
import { redisUnavailableReason } from '@registrar-kit/testkit';
import { describe, expect, it } from 'vitest';
import { redisForSuite } from './support/redis-for-suite.js';

const skipReason = redisUnavailableReason();

const LIMIT = 3;
const INTERVAL_MS = 400;
const PER_LIMITER = 12;

interface Sent {
  sentAt: number;
  answeredAt: number;
}

describe.skipIf(skipReason)(
  `a sliding bucket shared through Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const redis = redisForSuite();

    it(`two limiters, one id: never more than ${LIMIT} requests whose round trips reach into one ${INTERVAL_MS} ms window`, async () => {
      const id = `sliding-${Date.now()}`;
      const limiters = [0, 1].map(
        () =>
          new BucketLimiters(
            'test',
            { minute: { limit: LIMIT, intervalMs: INTERVAL_MS, strategy: 'sliding' } },
            { redis: redis.client(), id },
          ),
      );
      // Both limiters register in Redis first.
      await Promise.all(limiters.map(async (l) => (await l.acquireFor('minute')).done()));
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 100));
      const sends: Sent[] = [];
      const started = Date.now();
      await Promise.all(
        limiters.flatMap((limiter, l) =>
          Array.from({ length: PER_LIMITER }, async (_, i) => {
            const slot = await limiter.acquireFor('minute');
            const sentAt = Date.now();
            await new Promise((resolve) => setTimeout(resolve, 20 + ((i * 37 + l * 53) % 130)));
            sends.push({ sentAt, answeredAt: Date.now() });
            slot.done();
          }),
        ),
      );
      const elapsed = Date.now() - started;
      await Promise.all(limiters.map((l) => l.disconnect()));

      expect(sends).toHaveLength(2 * PER_LIMITER);
      // For each send: the requests before it that the provider may still count in its window
      // (answered less than a window earlier, or not answered yet) are fewer than the limit.
      const crowded = sends.filter(
        (send) =>
          sends.filter(
            (other) =>
              other !== send && other.sentAt <= send.sentAt && other.answeredAt + INTERVAL_MS > send.sentAt,
          ).length >= LIMIT,
      );
      expect(crowded).toEqual([]);
      // And the bucket is used: 24 requests, 3 at a time, each place held for its round trip
      // (≤ 150 ms) plus the window: 8 rounds of at most ~550 ms, with room for Redis round trips.
      expect(elapsed).toBeLessThan(8 * (INTERVAL_MS + 150) + 2_000);
    }, 30_000);
  },
);
