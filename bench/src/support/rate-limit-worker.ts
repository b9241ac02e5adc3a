/**
 * One of the processes sharing the PocketDNS availability bucket through Redis (as in
 * packages/integration/src/support/limit-worker.mjs): configured over IPC, reports `ready` once its
 * Redis connection is up and one listing has gone through the shared limiter of another bucket (a
 * process's first request loads the HTTP stack and bottleneck, which section 6 measures, and loads
 * bottleneck's scripts into Redis), runs its share of availability checks on `go`, reports `done`.
 */

import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import type { Registrar } from '@registrar-kit/core';
import { Redis } from 'ioredis';

export interface WorkerConfig {
  type: 'config';
  baseURL: string;
  apiKey: string;
  owner: string;
  redisPort: number;
  id: string;
  limit: number;
  intervalMs: number;
  count: number;
  prefix: string;
}

export interface WorkerDone {
  type: 'done';
  started: number;
  finished: number;
  errors: string[];
  /** When each request was sent (epoch ms). */
  sentAt: number[];
}

let config: WorkerConfig | undefined;
let redis: Redis | undefined;
let registrar: Registrar | undefined;
const sentAt: number[] = [];

process.on('message', async (message: WorkerConfig | { type: 'go' }) => {
  if (message.type === 'config') {
    config = message;
    redis = new Redis({ port: config.redisPort, host: '127.0.0.1' });
    await redis.ping();
    registrar = createRegistrar(config, redis);
    // Only what the first request loads matters here, not what the listing finds.
    await registrar
      .listDomains()
      [Symbol.asyncIterator]()
      .next()
      .catch(() => undefined);
    sentAt.length = 0;
    process.send?.({ type: 'ready' });
    return;
  }
  if (!config || !redis || !registrar) return;
  const errors: string[] = [];
  const started = Date.now();
  const checks = registrar;
  await Promise.all(
    Array.from({ length: config.count }, (_, i) =>
      checks
        .checkAvailability(`${config!.prefix}-${process.pid}-${i}.com`)
        .catch((error: Error) => errors.push(`${error.name}: ${error.message}`)),
    ),
  );
  const done: WorkerDone = {
    type: 'done',
    started,
    finished: Date.now(),
    errors: errors.slice(0, 5),
    sentAt,
  };
  process.send?.(done);
  redis.disconnect();
  process.exit(0);
});

function createRegistrar(config: WorkerConfig, redis: Redis): Registrar {
  return createPocketDns({
    apiKey: config.apiKey,
    owner: config.owner,
    baseURL: config.baseURL,
    retry: false,
    rateLimit: {
      redis,
      id: config.id,
      buckets: { availability: { limit: config.limit, intervalMs: config.intervalMs } },
    },
    onEvent: (event) => {
      if (event.type === 'request') sentAt.push(Date.now());
    },
  });
}
