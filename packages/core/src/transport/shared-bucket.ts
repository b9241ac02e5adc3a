import type Bottleneck from 'bottleneck';
import {
  type BucketPermit,
  type BucketSpec,
  permitReleasing,
  type SharedRateLimit,
  UNHELD_PERMIT,
} from './bucket-spec.js';
import { slotAbortedError } from './slot-aborted-error.js';
import { WaitingLine } from './waiting-line.js';

let loading: Promise<typeof Bottleneck> | undefined;

/** bottleneck is loaded only when a bucket is shared through Redis (it costs ~17 ms at import). */
function loadBottleneck(): Promise<typeof Bottleneck> {
  loading ??= import('bottleneck').then(
    (module) => ((module as { default?: typeof Bottleneck }).default ?? module) as typeof Bottleneck,
  );
  return loading;
}

/**
 * A rate-limit bucket shared by every process using the same `id`, through bottleneck's
 * clustering over an ioredis connection (the limiter registers in Redis as soon as it is built).
 * A `sliding` bucket is bottleneck's `maxConcurrent` (counted across the cluster): each request
 * holds one of `limit` jobs from when it is let through until `intervalMs` after its answer
 * (see sliding-bucket.ts for why from the answer). A process that dies holding jobs frees them
 * when bottleneck's heartbeat drops it (`clientTimeout`).
 */
export class SharedBucket {
  private readonly limiter: Promise<Bottleneck>;
  /** The connection built over the caller's client; it opens a duplicate of it for subscriptions. */
  private connection: { subscriber?: { disconnect(): void } } | undefined;
  private readonly strategy: NonNullable<BucketSpec['strategy']>;
  private readonly intervalMs: number;
  /** Callers of a `spread` or `sliding` bucket waiting for a slot, first come first served. */
  private readonly line = new WaitingLine<BucketPermit>();
  private serving = false;

  constructor(spec: BucketSpec, shared: SharedRateLimit, key: string, spreadMargin: number) {
    this.strategy = spec.strategy ?? 'spread';
    this.intervalMs = spec.intervalMs;
    this.limiter = loadBottleneck().then((BottleneckClass) => {
      const settings: Bottleneck.ConstructorOptions =
        spec.strategy === 'window'
          ? {
              reservoir: spec.limit,
              reservoirRefreshAmount: spec.limit,
              reservoirRefreshInterval: spec.intervalMs,
              maxConcurrent: null,
            }
          : spec.strategy === 'sliding'
            ? { maxConcurrent: spec.limit }
            : { minTime: Math.ceil((spec.intervalMs / spec.limit) * spreadMargin), maxConcurrent: null };
      const connection = new BottleneckClass.IORedisConnection({ client: shared.redis as never });
      this.connection = connection as unknown as { subscriber?: { disconnect(): void } };
      const limiter = new BottleneckClass({
        ...settings,
        id: `${shared.id}:${key}`,
        datastore: 'ioredis',
        clearDatastore: false,
        connection,
      });
      limiter.on('error', () => {});
      return limiter;
    });
    this.limiter.catch(() => {});
  }

  /**
   * Resolves when this process may send; rejects at once with an aborted NetworkError on abort,
   * and the abandoned slot is not used up. bottleneck cannot take a queued job back, so a `spread`
   * or `sliding` bucket keeps its waiters here and asks bottleneck for one slot at a time, handing
   * each slot to the first caller still waiting (an aborted one has left the line); a `window`
   * bucket's reservoir gets an abandoned slot back once its job comes up. The permit's `done()`
   * matters to a `sliding` bucket only (its place is held until then, plus the window).
   */
  async reserve(signal?: AbortSignal): Promise<BucketPermit> {
    if (signal?.aborted) throw slotAbortedError();
    if (this.strategy !== 'window') return this.reserveInLine(signal);
    const limiter = await this.limiter;
    const slot = limiter.schedule(() => Promise.resolve());
    if (!signal) return slot.then(() => UNHELD_PERMIT);
    return new Promise<BucketPermit>((resolve, reject) => {
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        reject(slotAbortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      slot.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          if (abandoned) limiter.incrementReservoir(1).catch(() => {});
          resolve(UNHELD_PERMIT);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private reserveInLine(signal: AbortSignal | undefined): Promise<BucketPermit> {
    const place = this.line.join(signal);
    void this.serveLine();
    return place;
  }

  /** Takes slots from bottleneck one at a time while anyone waits, each for the first in line. */
  private async serveLine(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      const limiter = await this.limiter;
      while (this.line.length > 0) {
        const release = await this.nextSlot(limiter);
        const served = this.line.serveFirst(() =>
          this.strategy === 'sliding' ? permitReleasing(() => release(this.intervalMs)) : UNHELD_PERMIT,
        );
        if (!served) release(0); // everyone left the line: nothing was sent
      }
    } catch (error) {
      this.line.failAll(error);
    } finally {
      this.serving = false;
    }
  }

  /**
   * Waits for bottleneck's next slot. `spread`: a job that ends at once (its `minTime` spaces the
   * next). `sliding`: a job that keeps running (one of `maxConcurrent`) until the returned
   * function is called, `holdMs` after which it ends.
   */
  private nextSlot(limiter: Bottleneck): Promise<(holdMs: number) => void> {
    if (this.strategy !== 'sliding') return limiter.schedule(() => Promise.resolve()).then(() => () => {});
    return new Promise((started, failed) => {
      limiter
        .schedule(
          () =>
            new Promise<void>((end) => {
              started((holdMs) => {
                if (holdMs > 0) setTimeout(end, holdMs);
                else end();
              });
            }),
        )
        .catch(failed);
    });
  }

  /**
   * Unregisters the limiter and closes the subscriber connection bottleneck duplicated from the
   * caller's client (bottleneck leaves a passed-in connection open); the caller's client stays open.
   */
  async disconnect(): Promise<void> {
    await (await this.limiter).disconnect(false);
    this.connection?.subscriber?.disconnect();
  }
}
