import { abortableDelay } from './abortable-delay.js';
import { type BucketPermit, type BucketSpec, type SharedRateLimit, UNHELD_PERMIT } from './bucket-spec.js';
import { LocalBucket } from './local-bucket.js';
import { SharedBucket } from './shared-bucket.js';
import { SlidingBucket } from './sliding-bucket.js';

export type { BucketPermit, BucketSpec, SharedRateLimit } from './bucket-spec.js';

/** A place taken in a bucket, with how long the caller waited for it (ms). */
export interface AcquiredSlot extends BucketPermit {
  waitedMs: number;
}

export type RateLimitOption =
  | false
  | ({
      /** Overrides per bucket name, or `false` to disable one bucket. */
      buckets?: Record<string, Partial<BucketSpec> | false>;
    } & Partial<SharedRateLimit>);

/** The Redis connection and id when the buckets are shared across processes, else null. */
function sharedOf(option: RateLimitOption | undefined): SharedRateLimit | null {
  if (!option) return null;
  const { redis, id } = option;
  return redis && id ? { redis, id } : null;
}

/** Where pauses of requests without a bucket are kept. */
const UNNAMED_BUCKET = 'default';

/** Extra spacing so that clock and network jitter never push two requests into one window. */
const SPREAD_MARGIN = 1.05;

/** One bottleneck limiter per bucket, plus pauses the provider asks for (rate-limit headers). */
export class BucketLimiters {
  /** Buckets shared through Redis (bottleneck clustering). */
  private readonly limiters = new Map<string, SharedBucket | null>();
  /** In-process buckets (see local-bucket.ts for why these are not bottleneck). */
  private readonly locals = new Map<string, LocalBucket | SlidingBucket | null>();
  private readonly shared: SharedRateLimit | null;
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly namespace: string,
    private readonly defaults: Record<string, BucketSpec>,
    private readonly option: RateLimitOption | undefined,
  ) {
    this.shared = sharedOf(option);
    // A limiter shared through Redis registers itself there first (a few hundred ms): start that
    // now for every known bucket, so the first request does not wait for it.
    if (option && this.shared) {
      const names = new Set([...Object.keys(defaults), ...Object.keys(option.buckets ?? {})]);
      for (const name of names) this.sharedFor(name);
    }
  }

  /**
   * Resolves when a request in `bucket` may be sent, with how long it waited for its slot (ms; a
   * pause the provider asked for included); rejects with an aborted NetworkError on abort, and then
   * gives its slot back. A `sliding` bucket counts the request from this moment: a caller that can
   * tell when the answer came uses `acquireFor`.
   */
  async acquire(bucket: string | undefined, signal?: AbortSignal): Promise<number> {
    const slot = await this.acquireFor(bucket, signal);
    slot.done();
    return slot.waitedMs;
  }

  /**
   * As `acquire`, and the place is held until `done()` is called once the request's answer (or its
   * failure) is in: a `sliding` bucket keeps it for the bucket's interval after that.
   */
  async acquireFor(bucket: string | undefined, signal?: AbortSignal): Promise<AcquiredSlot> {
    if (this.option === false) return { waitedMs: 0, done: UNHELD_PERMIT.done };
    const started = performance.now();
    const paused = this.pausedFor(bucket);
    if (paused > 0) await abortableDelay(paused, signal);
    if (!bucket) return { waitedMs: performance.now() - started, done: UNHELD_PERMIT.done };
    let permit: BucketPermit = UNHELD_PERMIT;
    if (!this.shared) {
      const local = this.localFor(bucket);
      if (local instanceof SlidingBucket) permit = await local.acquire(signal);
      else if (local) {
        const now = performance.now();
        const slot = local.book(now);
        if (slot > now) {
          try {
            await abortableDelay(slot - now, signal);
          } catch (error) {
            local.release(slot);
            throw error;
          }
        }
      }
    } else {
      permit = (await this.sharedFor(bucket)?.reserve(signal)) ?? UNHELD_PERMIT;
    }
    return { waitedMs: performance.now() - started, done: () => permit.done() };
  }

  /** Holds every request of `bucket` (no bucket: the provider-wide pause) until `untilMs` (epoch ms). */
  pause(bucket: string | undefined, untilMs: number): void {
    const key = bucket ?? UNNAMED_BUCKET;
    if (untilMs > (this.pausedUntil.get(key) ?? 0)) this.pausedUntil.set(key, untilMs);
  }

  /** How long (ms) requests of `bucket` are still held by a pause the provider asked for; 0 when none. */
  pausedFor(bucket: string | undefined): number {
    if (this.option === false || this.pausedUntil.size === 0) return 0;
    const until = this.pausedUntil.get(bucket ?? UNNAMED_BUCKET);
    return until === undefined ? 0 : Math.max(0, until - Date.now());
  }

  /** The effective spec of a bucket (defaults merged with overrides), or null when unlimited. */
  spec(bucket: string): BucketSpec | null {
    if (this.option === false) return null;
    const override = this.option?.buckets?.[bucket];
    if (override === false) return null;
    const base = this.defaults[bucket];
    if (!base && !override) return null;
    return { ...(base as BucketSpec), ...(override ?? {}) };
  }

  async disconnect(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter?.disconnect()));
  }

  private localFor(bucket: string): LocalBucket | SlidingBucket | null {
    if (this.locals.has(bucket)) return this.locals.get(bucket) ?? null;
    const spec = this.spec(bucket);
    const local = !spec
      ? null
      : spec.strategy === 'sliding'
        ? new SlidingBucket(spec.limit, spec.intervalMs)
        : new LocalBucket(spec.limit, spec.intervalMs, spec.strategy ?? 'spread', SPREAD_MARGIN);
    this.locals.set(bucket, local);
    return local;
  }

  private sharedFor(bucket: string): SharedBucket | null {
    if (this.limiters.has(bucket)) return this.limiters.get(bucket) ?? null;
    const spec = this.spec(bucket);
    const limiter =
      spec && this.shared
        ? new SharedBucket(spec, this.shared, `${this.namespace}:${bucket}`, SPREAD_MARGIN)
        : null;
    this.limiters.set(bucket, limiter);
    return limiter;
  }
}
