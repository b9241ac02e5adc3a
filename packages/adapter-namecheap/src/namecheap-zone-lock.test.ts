import { type RunningRedis, redisUnavailableReason, startRedisServer } from '@registrar-kit/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf, serializeZoneWrite, withRedisLock } from './namecheap-zone-lock.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('zone writes in one process', () => {
  it('run one after another per zone, in call order, a failure not blocking the next', async () => {
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await pause(ms);
        events.push(`${name} end`);
        if (fail) throw new Error(name);
      };
    const a = serializeZoneWrite('zone-a', undefined, task('a1', 30, true));
    const b = serializeZoneWrite('zone-a', undefined, task('a2', 5));
    const other = serializeZoneWrite('zone-b', undefined, task('b1', 5));
    await Promise.allSettled([a, b, other]);
    expect(await a.catch((e: Error) => e.message)).toBe('a1');
    expect(events.filter((e) => e.startsWith('a'))).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end']);
    expect(events.indexOf('b1 end')).toBeLessThan(events.indexOf('a1 end'));
  });
});

const skip = redisUnavailableReason();
describe.skipIf(skip !== null)(
  `zone writes across processes (Redis lock)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let server: RunningRedis;
    let redis: Redis;
    let other: Redis;
    beforeAll(async () => {
      server = await startRedisServer();
      redis = new Redis({ port: server.port, lazyConnect: false });
      other = new Redis({ port: server.port, lazyConnect: false });
    });
    afterAll(async () => {
      redis?.disconnect();
      other?.disconnect();
      await server?.stop();
    });

    it('a second holder (another connection, as another process) waits until the first releases', async () => {
      const first = redisOf({ redis, id: 'app' })!;
      const second = redisOf({ redis: other, id: 'app' })!;
      const events: string[] = [];
      let started!: () => void;
      const firstHolds = new Promise<void>((resolve) => {
        started = resolve;
      });
      const holder = withRedisLock(
        first,
        'zone',
        async () => {
          events.push('first start');
          started();
          await pause(150);
          events.push('first end');
        },
        undefined,
      );
      await firstHolds;
      await withRedisLock(
        second,
        'zone',
        async () => {
          events.push('second start');
        },
        undefined,
      );
      await holder;
      expect(events).toEqual(['first start', 'first end', 'second start']);
      expect(await redis.keys('registrar-kit:namecheap:zone-lock:*')).toEqual([]);
    });

    it('releases only its own lock (a lock that expired and was taken by another holder stays)', async () => {
      const first = redisOf({ redis, id: 'app2' })!;
      await withRedisLock(
        first,
        'zone',
        async () => {
          await redis.set('registrar-kit:namecheap:zone-lock:app2:zone', 'someone-else');
        },
        undefined,
      );
      expect(await redis.get('registrar-kit:namecheap:zone-lock:app2:zone')).toBe('someone-else');
    });
  },
);
