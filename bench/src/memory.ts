/**
 * 5. Memory: heap growth (after a full GC) while iterating 100,000 DNS records of one zone, sampled
 * every 10,000 records.
 */
import { createDnsimple } from '@registrar-kit/adapter-dnsimple';
import type { Measurement, MeasurementResult } from './measurement.js';
import { median } from './stats.js';
import { startEmulatorProcess } from './support/emulator-process.js';

const RECORDS = 100_000;
const SAMPLE_EVERY = 10_000;
const MB = 1024 * 1024;

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory needs node --expose-gc (the bench script passes it)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const memory: Measurement = async ({ runs, log }): Promise<MeasurementResult> => {
  // The emulator (and its 100,000-record zone and request log) lives in its own process and heap.
  const emulator = await startEmulatorProcess('dnsimple', {
    seed: { domains: 1, recordsPerDomain: RECORDS, idnDomain: false },
    rateLimits: false,
  });
  try {
    const { token, accountId } = emulator.seedInfo.credentials as { token: string; accountId: string };
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const maxGrowth: number[] = [];
    const at10k: number[] = [];
    const at100k: number[] = [];
    const slope: number[] = [];
    const retainedKb: number[] = [];
    for (let run = 0; run < runs; run++) {
      const registrar = createDnsimple({ baseURL: emulator.url, token, accountId, rateLimit: false });
      const baseline = heapAfterGc();
      const samples: number[] = [];
      let count = 0;
      for await (const _record of registrar.listRecords(zone, { pageSize: 100 })) {
        count++;
        if (count % SAMPLE_EVERY === 0) samples.push((heapAfterGc() - baseline) / MB);
      }
      if (count !== RECORDS) throw new Error(`listRecords yielded ${count} records, expected ${RECORDS}`);
      maxGrowth.push(Math.max(...samples));
      at10k.push(samples[0]!);
      at100k.push(samples.at(-1)!);
      slope.push((samples.at(-1)! - samples[0]!) / (samples.length - 1));
      // For scale: what keeping the records would cost (the same listing collected into an array).
      if (run === 0) {
        const kept: unknown[] = [];
        const before = heapAfterGc();
        for await (const record of registrar.listRecords(zone, { pageSize: 100 })) {
          kept.push(record);
          if (kept.length === SAMPLE_EVERY) break;
        }
        retainedKb.push((heapAfterGc() - before) / 1024);
        kept.length = 0;
      }
      log(
        `  run ${run + 1}: growth at 10k ${samples[0]!.toFixed(2)} MB, at 100k ${samples.at(-1)!.toFixed(2)} MB, max ${Math.max(...samples).toFixed(2)} MB`,
      );
      await emulator.stats(true);
    }
    const keptMb = (retainedKb[0] ?? 0) / 1024;
    return {
      id: 'memory',
      title: 'Memory while iterating 100,000 records',
      setup:
        `DNSimple emulator (own process) with one zone of ${RECORDS} records, rate limits off; \`for await (const r of registrar.listRecords(zone, { pageSize: 100 }))\` (default concurrency 4, \`rateLimit: false\`) counting records without keeping them. ` +
        `The heap is measured with \`process.memoryUsage().heapUsed\` after \`gc()\` (node --expose-gc) before the listing and every ${SAMPLE_EVERY} records. "Bounded" (the issue's target) is read as: growth does not scale with the records iterated, i.e. the growth from the 10k sample to the 100k sample stays under 0.25 MB per 10k records (keeping the records would cost ${keptMb.toFixed(1)} MB per 10k, measured).`,
      figures: [
        {
          label: 'growth per 10k records between the 10k and 100k samples (MB)',
          unit: 'MB',
          values: slope,
          target: { op: '<=', value: 0.25 },
          digits: 3,
        },
        {
          label: 'max heap growth during the listing (MB)',
          unit: 'MB',
          values: maxGrowth,
          digits: 2,
          summary: true,
        },
        { label: 'heap growth at 10k records (MB)', unit: 'MB', values: at10k, digits: 2 },
        { label: 'heap growth at 100k records (MB)', unit: 'MB', values: at100k, digits: 2 },
      ],
      notes: [
        `Medians: ${median(at10k).toFixed(2)} MB above the baseline at 10k records, ${median(at100k).toFixed(2)} MB at 100k: the growth is flat from the 10k sample to the 100k sample, so nothing is kept per record already yielded (what remains is of the order of the pages in flight, at most 4 × 100 records, and the adapter's name ↔ id cache). Collecting the same records into an array instead retains ${keptMb.toFixed(1)} MB per 10k records (${((keptMb * 10) / 1).toFixed(0)} MB for 100k).`,
      ],
    };
  } finally {
    await emulator.close();
  }
};
