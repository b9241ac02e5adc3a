/**
 * Bounded concurrency, once for the whole library: plan application, emulated bulk creates, the
 * CLI's per-provider work and availability of many names all run through these two helpers.
 */

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface MapOptions {
  /** Stops starting new tasks once aborted; tasks not started settle with the abort reason. */
  signal?: AbortSignal;
}

/**
 * Runs `task` over `items` with at most `limit` in flight and settles every item, in input order.
 * A failing task never stops the others (the caller decides what a failure means).
 */
export async function mapSettled<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  options: MapOptions = {},
): Promise<Settled<R>[]> {
  const results = new Array<Settled<R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      if (options.signal?.aborted) {
        results[index] = { ok: false, error: options.signal.reason };
        continue;
      }
      try {
        results[index] = { ok: true, value: await task(items[index] as T, index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/** Like `mapSettled`, but rejects with the first failure (in input order) once all have settled. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  options: MapOptions = {},
): Promise<R[]> {
  const settled = await mapSettled(items, limit, task, options);
  return settled.map((result) => {
    if (!result.ok) throw result.error;
    return result.value;
  });
}

/**
 * Runs `task` over `items` with at most `concurrency` running at once and yields the results in
 * completion order. Breaking out of the loop aborts the signal handed to the running tasks and
 * starts no more; an abort of `signal` stops it with `onAbort()`'s error; a failing task ends the
 * iteration with its error.
 */
export async function* mapInCompletionOrder<T, R>(
  items: Iterable<T>,
  concurrency: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
  options: { signal?: AbortSignal; onAbort: () => Error },
): AsyncGenerator<R, void, undefined> {
  const { signal, onAbort } = options;
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const iterator = items[Symbol.iterator]();
  const running = new Map<number, Promise<{ id: number } & Settled<R>>>();
  let nextId = 0;
  let exhausted = false;

  const launch = () => {
    while (!exhausted && running.size < concurrency && !controller.signal.aborted) {
      const step = iterator.next();
      if (step.done) {
        exhausted = true;
        break;
      }
      const id = nextId++;
      running.set(
        id,
        Promise.resolve()
          .then(() => task(step.value, controller.signal))
          .then(
            (value) => ({ id, ok: true as const, value }),
            (error: unknown) => ({ id, ok: false as const, error }),
          ),
      );
    }
  };

  try {
    if (signal?.aborted) throw onAbort();
    launch();
    while (running.size > 0) {
      const settled = await Promise.race(running.values());
      running.delete(settled.id);
      if (signal?.aborted) throw onAbort();
      if (!settled.ok) throw settled.error;
      yield settled.value;
      launch();
    }
  } finally {
    controller.abort();
    signal?.removeEventListener('abort', forward);
  }
}
