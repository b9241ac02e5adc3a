/**
 * Runs `task` over `items` with at most `concurrency` running at once and yields the results in
 * completion order. Generic (core has no such helper: `paginate` yields pages in order).
 * Breaking out of the loop aborts the signal handed to the running tasks and starts no more;
 * an abort of `signal` stops it with `onAbort()`'s error.
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
  const running = new Map<
    number,
    Promise<{ id: number; ok: true; value: R } | { id: number; ok: false; error: unknown }>
  >();
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
