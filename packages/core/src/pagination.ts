import { createHash } from 'node:crypto';
import { ResponseFormatError } from './errors/error-classes.js';

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  /** Total pages when the provider says (page-numbered listings); enables concurrent fetching. */
  totalPages?: number | null;
  /** For listings without a total: whether another page follows. */
  hasMore?: boolean;
  /** Total items when the provider says (e.g. a `count` beside a `next` link). */
  totalItems?: number | null;
  /** The provider's cursor or link to the next page, when it gives one: a repeated one is refused. */
  next?: string | null;
  /**
   * The entries as the provider sent them, when the adapter leaves some out of `items` (types the
   * model does not have): emptiness, counts and repeats are judged on what was sent.
   */
  sent?: readonly unknown[];
}

/** Entries the provider sent on a page. */
function sentOf(page: Page<unknown>): readonly unknown[] {
  return page.sent ?? page.items;
}

function sizeOf(page: Page<unknown>): number {
  return sentOf(page).length;
}

export interface PaginateOptions {
  /** Pages in flight at once after the first (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Named on the `ResponseFormatError` of a listing that does not add up. */
  provider?: string;
  operation?: string;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Lists page by page as an async iterable. Page 1 is fetched when iteration starts; when it tells
 * the total, the remaining pages are fetched concurrently (at most `concurrency` in flight, at most
 * that many pages held) and yielded in page order. Breaking out of `for await` (or an abort) starts
 * no further request and aborts those in flight.
 *
 * A listing that does not add up ends, so a lying server cannot keep it going for ever: an empty
 * page before the stated total, or a page (or cursor) that repeats an earlier one, is a
 * `ResponseFormatError` with code `bad_pagination` (after at most the pages seen + `concurrency`
 * requests), as is a listing that ends before the item count it stated; pages past the stated
 * item count, or an empty page when no total was stated, end it.
 */
export function paginate<T>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<Page<T>>,
  options: PaginateOptions = {},
): AsyncIterable<T> {
  const requested = options.concurrency ?? DEFAULT_CONCURRENCY;
  const concurrency = Number.isInteger(requested) && requested >= 1 ? requested : DEFAULT_CONCURRENCY;
  return {
    async *[Symbol.asyncIterator]() {
      const controller = new AbortController();
      const onAbort = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const inFlight = new Map<number, Promise<Page<T>>>();
      const check = new PageCheck(options);
      try {
        const first = await fetchPage(1, controller.signal);
        check.accept(1, first);
        const total = first.totalPages;
        if (sizeOf(first) === 0 && ((typeof total === 'number' && total > 1) || check.countMissing()))
          throw check.error(
            typeof total === 'number' && total > 1
              ? `page 1 of ${total} is empty`
              : `page 1 is empty before the stated ${check.statedItems} items`,
          );
        yield* first.items;
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
            if (sizeOf(result) === 0) throw check.error(`page ${page} of ${total} is empty`);
            check.accept(page, result);
            fill();
            yield* result.items;
          }
        } else {
          let page = 1;
          let current = first;
          while (current.hasMore && sizeOf(current) > 0 && !check.countReached()) {
            page++;
            current = await fetchPage(page, controller.signal);
            if (sizeOf(current) === 0 && check.countMissing())
              throw check.error(`page ${page} is empty before the stated ${check.statedItems} items`);
            check.accept(page, current);
            yield* current.items;
          }
        }
        if (check.countMissing()) throw check.error(check.shortfall());
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        if (inFlight.size > 0) controller.abort();
      }
    },
  };
}

/**
 * For providers that answer a whole list in one response beside its `total`: a list shorter than
 * the total it states is a `ResponseFormatError` code `bad_pagination` (the rest cannot be asked for).
 */
export function assertListComplete(
  received: number,
  stated: number | null | undefined,
  context: { provider: string; operation: string },
): void {
  if (typeof stated !== 'number' || received >= stated) return;
  const check = new PageCheck(context);
  check.statedItems = stated;
  check.accept(1, { items: new Array(received).fill(0) });
  throw check.error(check.shortfall());
}

/** What a listing has shown so far: page fingerprints, cursors and the item count it stated. */
class PageCheck {
  private readonly pages = new Set<string>();
  private readonly cursors = new Set<string>();
  private items = 0;
  statedItems: number | undefined;

  constructor(private readonly options: PaginateOptions) {}

  /** Records a page; throws `bad_pagination` when it or its cursor repeats an earlier one. */
  accept(page: number, result: Page<unknown>): void {
    if (typeof result.totalItems === 'number' && this.statedItems === undefined)
      this.statedItems = result.totalItems;
    if (typeof result.next === 'string') {
      if (this.cursors.has(result.next)) throw this.error(`page ${page} repeats an earlier cursor`);
      this.cursors.add(result.next);
    }
    if (sizeOf(result) > 0) {
      const fingerprint = fingerprintOf(sentOf(result));
      if (this.pages.has(fingerprint)) throw this.error(`page ${page} repeats an earlier page`);
      this.pages.add(fingerprint);
    }
    this.items += sizeOf(result);
  }

  countReached(): boolean {
    return this.statedItems !== undefined && this.items >= this.statedItems;
  }

  /** What is missing when a listing ended before its stated item count. */
  shortfall(): string {
    return `it ended after ${this.items} of the stated ${this.statedItems} items`;
  }

  countMissing(): boolean {
    return this.statedItems !== undefined && this.items < this.statedItems;
  }

  error(detail: string): ResponseFormatError {
    const provider = this.options.provider ?? 'unknown';
    const operation = this.options.operation ?? 'list';
    return new ResponseFormatError(
      `${provider} ${operation}: the listing does not add up (${detail}); stopped`,
      {
        provider,
        operation,
        code: 'bad_pagination',
      },
    );
  }
}

/** A digest of a page's items (kept instead of the items, so memory stays flat). */
function fingerprintOf(items: readonly unknown[]): string {
  let text: string;
  try {
    text = JSON.stringify(items);
  } catch {
    return `unserialisable:${Math.random()}`;
  }
  return createHash('sha1').update(text).digest('base64');
}
