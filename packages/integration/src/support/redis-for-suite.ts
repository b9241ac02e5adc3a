/**
 * A throwaway redis-server for one describe block, and ioredis clients on it: started before its
 * tests, stopped (clients disconnected first) after them.
 */
import { type RunningRedis, startRedisServer } from '@registrar-kit/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

export interface SuiteRedis {
  /** A new client on the suite's server (disconnected after the suite). */
  client(): Redis;
}

/** Call inside a `describe`: registers the server's start and stop around its tests. */
export function redisForSuite(): SuiteRedis {
  let redis: RunningRedis | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });
  return {
    client() {
      if (!redis)
        throw new Error('redisForSuite: the server is not started yet (call client() inside a test)');
      const client = new Redis({ port: redis.port });
      clients.push(client);
      return client;
    },
  };
}
