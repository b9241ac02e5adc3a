import { describe, expect, it } from 'vitest';
import { ResponseFormatError } from './errors/error-classes.js';
import { type Page, paginate } from './pagination.js';
import { toArray } from './to-array.js';

/** A fake listing of `total` items in pages of `size`, recording requests and concurrency. */
function listing(
  total: number,
  size: number,
  { delay = (_page: number): number => 5, withTotal = true } = {},
) {
  const requested: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (page: number, signal: AbortSignal): Promise<Page<number>> => {
    requested.push(page);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay(page));
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
      const start = (page - 1) * size;
      const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
      const totalPages = Math.max(1, Math.ceil(total / size));
      return withTotal ? { items, totalPages } : { items, hasMore: page < totalPages };
    } finally {
      inFlight--;
    }
  };
  return { fetchPage, requested, maxInFlight: () => maxInFlight };
}

describe('paginate', () => {
  it('yields every item in page order even when later pages answer first', async () => {
    const fake = listing(1000, 100, { delay: (page) => (11 - page) * 3 });
    expect(await toArray(paginate(fake.fetchPage, { concurrency: 4 }))).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expect(fake.requested).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps at most `concurrency` pages in flight', async () => {
    const fake = listing(2000, 100);
    await toArray(paginate(fake.fetchPage, { concurrency: 3 }));
    expect(fake.maxInFlight()).toBe(3);
  });

  it.each([0, 1, 99, 100, 101, 250])('handles %i items', async (total) => {
    const fake = listing(total, 100);
    expect(await toArray(paginate(fake.fetchPage))).toHaveLength(total);
    expect(fake.requested).toHaveLength(Math.max(1, Math.ceil(total / 100)));
  });

  it('walks sequentially when the provider gives no total', async () => {
    const fake = listing(250, 100, { withTotal: false });
    expect(await toArray(paginate(fake.fetchPage))).toHaveLength(250);
    expect(fake.maxInFlight()).toBe(1);
    expect(fake.requested).toEqual([1, 2, 3]);
  });

  it('sends no further request once the consumer breaks out', async () => {
    const fake = listing(10_000, 100);
    const seen: number[] = [];
    for await (const item of paginate(fake.fetchPage, { concurrency: 2 })) {
      seen.push(item);
      if (item === 150) break;
    }
    const requestedAtBreak = fake.requested.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.requested.length).toBe(requestedAtBreak);
    expect(requestedAtBreak).toBeLessThanOrEqual(4);
    expect(seen).toHaveLength(151);
  });

  it('fetches nothing until iteration starts, and stops on abort', async () => {
    const fake = listing(1000, 100, { delay: () => 20 });
    const controller = new AbortController();
    const iterable = paginate(fake.fetchPage, { signal: controller.signal });
    expect(fake.requested).toEqual([]);
    const pending = toArray(iterable);
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toThrow('aborted');
    const count = fake.requested.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fake.requested.length).toBe(count);
  });

  it('a failing page rejects the iteration without unhandled rejections from pages in flight', async () => {
    const fetchPage = async (page: number): Promise<Page<number>> => {
      if (page >= 3) throw new Error(`page ${page} failed`);
      return { items: [page], totalPages: 6 };
    };
    await expect(toArray(paginate(fetchPage, { concurrency: 4 }))).rejects.toThrow('page 3 failed');
  });
});

describe('paginate against a lying server', () => {
  /** Every request made, and a listing whose pages `pageOf` invents. */
  function lying(pageOf: (page: number) => Page<number>) {
    const requested: number[] = [];
    const fetchPage = async (page: number): Promise<Page<number>> => {
      requested.push(page);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return pageOf(page);
    };
    return { fetchPage, requested };
  }
  const who = { provider: 'dnsimple', operation: 'listDomains' } as const;

  async function failure(iterable: AsyncIterable<number>): Promise<unknown> {
    return toArray(iterable).then(
      () => 'resolved',
      (e: unknown) => e,
    );
  }

  it('total_pages 1e6 with empty pages: bad_pagination after at most the pages seen + concurrency', async () => {
    const fake = lying((page) => ({ items: page === 1 ? [1, 2] : [], totalPages: 1e6 }));
    const error = await failure(paginate(fake.fetchPage, { concurrency: 4, ...who }));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ code: 'bad_pagination', provider: 'dnsimple', operation: 'listDomains' });
    expect(fake.requested.length).toBeLessThanOrEqual(2 + 4);
  });

  it('a page repeated where the next one was due: bad_pagination (with a total)', async () => {
    const fake = lying(() => ({ items: [1, 2, 3], totalPages: 50 }));
    const error = await failure(paginate(fake.fetchPage, { concurrency: 2, ...who }));
    expect(error).toMatchObject({ name: 'ResponseFormatError', code: 'bad_pagination' });
    expect(fake.requested.length).toBeLessThanOrEqual(2 + 2);
  });

  it('a page repeated for ever without a total (Glauca zone list): bad_pagination after 2 requests', async () => {
    const fake = lying(() => ({ items: [1, 2, 3], hasMore: true }));
    const error = await failure(paginate(fake.fetchPage, who));
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      code: 'bad_pagination',
      provider: 'dnsimple',
    });
    expect(fake.requested).toEqual([1, 2]);
  });

  it('a repeated cursor: bad_pagination', async () => {
    const fake = lying((page) => ({
      items: [page],
      hasMore: true,
      next: page >= 2 ? 'cursor-b' : 'cursor-a',
    }));
    const error = await failure(paginate(fake.fetchPage, who));
    expect(error).toMatchObject({ code: 'bad_pagination' });
    expect(fake.requested).toEqual([1, 2, 3]);
  });

  it('an empty page before the stated item count: bad_pagination', async () => {
    const fake = lying((page) => ({ items: page === 1 ? [1, 2] : [], hasMore: true, totalItems: 10 }));
    const error = await failure(paginate(fake.fetchPage, who));
    expect(error).toMatchObject({ code: 'bad_pagination' });
    expect(fake.requested).toEqual([1, 2]);
  });

  it('pages beyond the stated item count stop the listing', async () => {
    const fake = lying((page) => ({ items: [page * 10, page * 10 + 1], hasMore: true, totalItems: 4 }));
    expect(await toArray(paginate(fake.fetchPage, who))).toEqual([10, 11, 20, 21]);
    expect(fake.requested).toEqual([1, 2]);
  });

  it('an empty last page with no total just ends', async () => {
    const fake = lying((page) => ({ items: page === 1 ? [1, 2] : [], hasMore: true }));
    expect(await toArray(paginate(fake.fetchPage, who))).toEqual([1, 2]);
    expect(fake.requested).toEqual([1, 2]);
  });
  it('an empty first page of a stated total (count 1e6, no items): bad_pagination after one request', async () => {
    for (const first of [
      { items: [], totalPages: 3 },
      { items: [], hasMore: true, totalItems: 1e6 },
      { items: [], hasMore: false, totalItems: 1e6 },
    ] as Page<number>[]) {
      const fake = lying(() => first);
      const error = await failure(paginate(fake.fetchPage, who));
      expect(error).toMatchObject({ name: 'ResponseFormatError', code: 'bad_pagination' });
      expect(fake.requested).toEqual([1]);
    }
  });

  it('a whole list that says its total is larger (PocketDNS total 1e6 beside 3 items): bad_pagination', async () => {
    const fake = lying(() => ({ items: [1, 2, 3], hasMore: false, totalItems: 1e6 }));
    const error = await failure(paginate(fake.fetchPage, who));
    expect(error).toMatchObject({
      code: 'bad_pagination',
      message:
        'dnsimple listDomains: the listing does not add up (it ended after 3 of the stated 1000000 items); stopped',
    });
  });

  it('an empty listing that states 0 items, and one without any count, just end', async () => {
    expect(await toArray(paginate(lying(() => ({ items: [], totalItems: 0 })).fetchPage, who))).toEqual([]);
    expect(await toArray(paginate(lying(() => ({ items: [], totalPages: 1 })).fetchPage, who))).toEqual([]);
    expect(await toArray(paginate(lying(() => ({ items: [] })).fetchPage, who))).toEqual([]);
  });
  it('judges emptiness on what the provider sent: a page whose entries the adapter left out is not empty', async () => {
    const fake = lying((page) => ({
      items: page === 1 ? [] : [page],
      totalPages: 3,
      sent: [`a${page}`, `b${page}`],
    }));
    expect(await toArray(paginate(fake.fetchPage, who))).toEqual([2, 3]);
  });
  it('a first page of left-out entries answered again for every later page: bad_pagination', async () => {
    const fake = lying(() => ({ items: [], totalPages: 3, sent: ['soa', 'ns'] }));
    expect(await failure(paginate(fake.fetchPage, who))).toMatchObject({ code: 'bad_pagination' });
  });
});
