/**
 * Writes to one zone, one at a time. `setHosts` replaces the whole host list and has no version
 * check (docs/providers/namecheap.md#sethosts-rules), so two read-modify-writes that overlap lose
 * the first one's change. Within a process every registrar instance shares this queue per
 * (API, account, zone); with `rateLimit: { redis, id }` a Redis lock (SET NX PX, released only by
 * its holder) serialises the writers of every process sharing that Redis and id.
 */
import { randomUUID } from 'node:crypto';
import { abortableDelay, type RateLimitOption } from '@registrar-kit/core';

const queues = new Map<string, Promise<unknown>>();
/** A Redis lock outlives a crashed holder by at most this long. */
const LOCK_TTL_MS = 60_000;
const POLL_MS = 25;
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

interface RedisLike {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<string | null>;
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

export function redisOf(option: RateLimitOption | undefined): { redis: RedisLike; id: string } | null {
  const shared = option === false ? undefined : option;
  if (!shared?.redis || !shared.id) return null;
  return { redis: shared.redis as RedisLike, id: shared.id };
}

export async function withRedisLock<T>(
  shared: { redis: RedisLike; id: string },
  key: string,
  run: () => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  const lockKey = `registrar-kit:namecheap:zone-lock:${shared.id}:${key}`;
  const token = randomUUID();
  while ((await shared.redis.set(lockKey, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK')
    await abortableDelay(POLL_MS, signal);
  try {
    return await run();
  } finally {
    await shared.redis.eval(RELEASE, 1, lockKey, token);
  }
}

/** Runs `run` when every earlier write to `key` has finished (and holds the Redis lock when shared). */
export function serializeZoneWrite<T>(
  key: string,
  rateLimit: RateLimitOption | undefined,
  run: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const shared = redisOf(rateLimit);
  const task = () => (shared ? withRedisLock(shared, key, run, signal) : run());
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
