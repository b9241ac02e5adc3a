/** One page of a listing. */
export interface Page<T> {
  items: T[];
  /** Total pages when the provider says (page-numbered listings); enables concurrent fetching. */
  totalPages?: number | null;
  /** For listings without a total: whether another page follows. */
  hasMore?: boolean;
}

export interface PaginateOptions {
  /** Pages in flight at once after the first (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * Lists page by page as an async iterable. Page 1 is fetched when iteration starts; when it tells
 * the total, the remaining pages are fetched concurrently (at most `concurrency` in flight, at most
 * that many pages held) and yielded in page order. Breaking out of `for await` (or an abort) starts
 * no further request and aborts those in flight.
 */
export function paginate<T>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<Page<T>>,
  options: PaginateOptions = {},
): AsyncIterable<T> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  return {
    async *[Symbol.asyncIterator]() {
      const controller = new AbortController();
      const onAbort = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const inFlight = new Map<number, Promise<Page<T>>>();
      try {
        const first = await fetchPage(1, controller.signal);
        yield* first.items;
        const total = first.totalPages;
        if (typeof total === 'number') {
          let next = 2;
          const fill = () => {
            while (!controller.signal.aborted && inFlight.size < concurrency && next <= total) {
              const pending = fetchPage(next, controller.signal);
              pending.catch(() => {}); // awaited in order below; never an unhandled rejection
              inFlight.set(next, pending);
              next++;
            }
          };
          for (let page = 2; page <= total; page++) {
            fill();
            const result = await inFlight.get(page)!;
            inFlight.delete(page);
            fill();
            yield* result.items;
          }
        } else {
          let page = 1;
          let current = first;
          while (current.hasMore && current.items.length > 0) {
            page++;
            current = await fetchPage(page, controller.signal);
            yield* current.items;
          }
        }
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        if (inFlight.size > 0) controller.abort();
      }
    },
  };
}
