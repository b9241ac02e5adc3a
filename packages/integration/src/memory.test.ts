/**
 * Memory: iterating 100,000 records (one DNSimple zone, 100 records per page, 1,000 pages) keeps
 * the heap bounded. The iterator never holds whole listings: while the consumer is slow, the pages
 * requested ahead of the one it reads never exceed `concurrency` (seen in the emulator's request
 * log), and the heap after gc at 100k records consumed is not bigger than at 20k in proportion.
 * The MB figures come from the benchmark in bench/ (bench/src/memory.ts); this test asserts the
 * behaviour.
 */
import { createDnsimple } from '@registrar-kit/adapter-dnsimple';
import { startDnsimpleEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heapAfterGc } from './support/heap.js';

const RECORDS = 100_000;
const PAGE = 100;
const CONCURRENCY = 4;
const ZONE = 'test-domain-1.com';

describe(`iterating ${RECORDS.toLocaleString('en')} records keeps memory bounded`, () => {
  let emulator: Awaited<ReturnType<typeof startDnsimpleEmulator>>;
  beforeAll(async () => {
    emulator = await startDnsimpleEmulator({
      rateLimits: false,
      seed: { domains: 1, recordsPerDomain: RECORDS, idnDomain: false },
    });
  }, 60_000);
  afterAll(() => emulator?.close());

  it('pages are fetched at most `concurrency` ahead of a slow consumer; heap growth from 20k to 100k stays small', async () => {
    const dnsimple = createDnsimple({
      baseURL: emulator.url,
      token: emulator.seedInfo.credentials.token,
      accountId: emulator.seedInfo.credentials.accountId,
      retry: false,
      rateLimit: false,
    });
    const pageOf = (path: string, query: Record<string, string>) =>
      path.endsWith(`/zones/${ZONE}/records`) ? Number(query.page ?? '1') : 0;
    const highestRequested = (from: number) => {
      let most = 0;
      for (let i = from; i < emulator.requests.length; i++) {
        const request = emulator.requests[i]!;
        most = Math.max(most, pageOf(request.path, request.query));
      }
      return most;
    };
    const from = emulator.requests.length;

    let count = 0;
    let aheadMax = 0;
    let heapAt20k = 0;
    let heapAt100k = 0;
    let checksum = 0;
    const started = Date.now();
    for await (const record of dnsimple.listRecords(ZONE, { pageSize: PAGE, concurrency: CONCURRENCY })) {
      count++;
      checksum += record.content.length; // consume, keep nothing
      if (count % PAGE === 0) {
        // A slow consumer: give the prefetch every chance to run ahead before looking.
        if (count % (PAGE * 50) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        else await new Promise((resolve) => setImmediate(resolve));
        const reading = count / PAGE; // pages fully consumed so far
        aheadMax = Math.max(aheadMax, highestRequested(from) - reading);
      }
      if (count === 20_000) heapAt20k = heapAfterGc();
    }
    heapAt100k = heapAfterGc();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `memory: ${count} records in ${Date.now() - started} ms; pages requested ahead of the consumer at most ${aheadMax} (concurrency ${CONCURRENCY}); heap after gc at 20k ${mb(heapAt20k)} MB, at 100k ${mb(heapAt100k)} MB (growth ${mb(heapAt100k - heapAt20k)} MB)`,
    );
    expect(count).toBe(RECORDS);
    expect(checksum).toBeGreaterThan(0);
    // Never more pages ahead than `concurrency` (+1: the page being read was itself requested ahead).
    expect(aheadMax).toBeLessThanOrEqual(CONCURRENCY + 1);
    // Each page exactly once (the zone's SOA and NS system records make one page more than 1,000).
    const pages = emulator.requests
      .slice(from)
      .map((r) => pageOf(r.path, r.query))
      .filter((page) => page > 0);
    expect(new Set(pages).size).toBe(pages.length);
    expect(Math.max(...pages)).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(RECORDS / PAGE);
    // 80,000 more records went through: buffering them would add tens of MB (a DnsRecord with its raw
    // payload is ~1 KB). Bounded iteration adds only the request log's 800 entries.
    expect(heapAt100k - heapAt20k).toBeLessThan(15 * 1024 * 1024);
  }, 90_000);
});
