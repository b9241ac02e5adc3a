import type Bottleneck from 'bottleneck';
import { NetworkError } from '../errors/error-classes.js';
import type { BucketSpec, SharedRateLimit } from './rate-limiter.js';

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
  private readonly windowed: boolean;

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
      const limiter = new BottleneckClass({
        ...settings,
        id: `${shared.id}:${key}`,
        datastore: 'ioredis',
        clearDatastore: false,
        connection: new BottleneckClass.IORedisConnection({ client: shared.redis as never }),
      });
      limiter.on('error', () => {});
      return limiter;
    });
    this.limiter.catch(() => {});
  }

  /**
   * Resolves when this process may send; rejects at once with an aborted NetworkError on abort.
   * bottleneck cannot take a queued job back, so an abandoned slot is given back where the
   * limiter allows it: a `window` bucket's reservoir gets the slot again once the job comes up.
   */
  async reserve(signal?: AbortSignal): Promise<void> {
    const limiter = await this.limiter;
    const slot = limiter.schedule(() => Promise.resolve());
    if (!signal) return slot;
    await new Promise<void>((resolve, reject) => {
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        reject(abortError());
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      slot.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          if (abandoned && this.windowed) limiter.incrementReservoir(1).catch(() => {});
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  async disconnect(): Promise<void> {
    await (await this.limiter).disconnect(false);
  }
}

function abortError(): NetworkError {
  return new NetworkError('The request was aborted while waiting for a rate-limit slot', { code: 'aborted' });
}
