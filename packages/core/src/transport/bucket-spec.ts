/** The shapes of a rate-limit bucket and of a limit shared through Redis (used by both limiter kinds). */

/**
 * A documented rate-limit bucket: at most `limit` requests per `intervalMs`.
 * `spread` (default) spaces requests evenly, so no window of any alignment ever holds more than
 * the limit; `window` allows bursts up to `limit` and refills the whole bucket every interval
 * (for hourly quotas such as DNSimple's, where even spacing would be needlessly slow).
 */
export interface BucketSpec {
  limit: number;
  intervalMs: number;
  strategy?: 'spread' | 'window';
}

/** Redis connection shared by several processes (an ioredis client). */
export interface SharedRateLimit {
  /** An ioredis client (or Cluster). */
  redis: unknown;
  /** All processes with the same id share each bucket. */
  id: string;
}
