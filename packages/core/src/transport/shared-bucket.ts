import type Bottleneck from 'bottleneck';
import { NetworkError } from '../errors/error-classes.js';
import type { BucketSpec, SharedRateLimit } from './bucket-spec.js';

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
 */
export class SharedBucket {
  private readonly limiter: Promise<Bottleneck>;
  /** The connection built over the caller's client; it opens a duplicate of it for subscriptions. */
  private connection: { subscriber?: { disconnect(): void } } | undefined;
  private readonly windowed: boolean;
  /** Callers of a `spread` bucket waiting for a slot, first come first served. */
  private readonly line: Waiter[] = [];
  private serving = false;

  constructor(spec: BucketSpec, shared: SharedRateLimit, key: string, spreadMargin: number) {
    this.windowed = spec.strategy === 'window';
    this.limiter = loadBottleneck().then((BottleneckClass) => {
      const settings: Bottleneck.ConstructorOptions =
        spec.strategy === 'window'
          ? {
              reservoir: spec.limit,
              reservoirRefreshAmount: spec.limit,
              reservoirRefreshInterval: spec.intervalMs,
              maxConcurrent: null,
            }
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
   * bucket keeps its waiters here and asks bottleneck for one slot at a time, handing each slot to
   * the first caller still waiting (an aborted one has left the line); a `window` bucket's
   * reservoir gets an abandoned slot back once its job comes up.
   */
  async reserve(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError();
    if (!this.windowed) return this.reserveInLine(signal);
    const limiter = await this.limiter;
    const slot = limiter.schedule(() => Promise.resolve());
    if (!signal) return slot;
    await new Promise<void>((resolve, reject) => {
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      slot.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          if (abandoned) limiter.incrementReservoir(1).catch(() => {});
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private reserveInLine(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: () => {} };
      waiter.onAbort = () => {
        const at = this.line.indexOf(waiter);
        if (at !== -1) this.line.splice(at, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.line.push(waiter);
      void this.serveLine();
    });
  }

  /** Takes slots from bottleneck one at a time while anyone waits, each for the first in line. */
  private async serveLine(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      const limiter = await this.limiter;
      while (this.line.length > 0) {
        await limiter.schedule(() => Promise.resolve());
        const waiter = this.line.shift();
        if (!waiter) continue;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
    } catch (error) {
      for (const waiter of this.line.splice(0)) {
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(error);
      }
    } finally {
      this.serving = false;
    }
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

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

function abortError(): NetworkError {
  return new NetworkError('The request was aborted while waiting for a rate-limit slot', { code: 'aborted' });
}
