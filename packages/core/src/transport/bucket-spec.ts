/** The shapes of a rate-limit bucket, of a request's place in one, and of a limit shared through Redis (used by every limiter kind). */

/**
 * A documented rate-limit bucket: at most `limit` requests per `intervalMs`.
 * - `spread` (default) spaces requests evenly from their sends, so no window of any alignment
 *   ever holds more than the limit when the provider counts requests as they are sent;
 * - `window` allows bursts up to `limit` and refills the whole bucket every interval, fixed
 *   windows from the first request (for quotas the provider counts in fixed windows and says
 *   so, such as DNSimple's hourly one with its reset time, where even spacing would be slow);
 * - `sliding` allows bursts up to `limit` and keeps every window of `intervalMs` within it,
 *   wherever the provider counts a request between its send and its answer: each request holds
 *   its place until `intervalMs` after its answer (for a provider that does not say how it
 *   counts, such as Namecheap's per-minute limit, and for one-request buckets such as Porkbun's
 *   checkDomain, where an early send is refused).
 */
export interface BucketSpec {
  limit: number;
  intervalMs: number;
  strategy?: 'spread' | 'window' | 'sliding';
}

/** A request's place in a bucket: `done()` once its answer (or its failure) is in. */
export interface BucketPermit {
  done(): void;
}

/** The permit of a bucket that does not hold its place until the answer. */
export const UNHELD_PERMIT: BucketPermit = { done: () => {} };

/** A permit that calls `release` at its first `done()` only (however often it is called). */
export function permitReleasing(release: () => void): BucketPermit {
  let answered = false;
  return {
    done: () => {
      if (answered) return;
      answered = true;
      release();
    },
  };
}

/** Redis connection shared by several processes (an ioredis client). */
export interface SharedRateLimit {
  /** An ioredis client (or Cluster). */
  redis: unknown;
  /** All processes with the same id share each bucket. */
  id: string;
}
