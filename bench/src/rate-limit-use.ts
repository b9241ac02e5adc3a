/**
 * 3. Rate-limit use: 600 PocketDNS availability checks against an emulator enforcing the scaled
 * availability limit, in one process and shared by 4 processes through Redis.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import { redisUnavailableReason, startRedisServer } from '@registrar-kit/testkit/redis';
import type { Figure, Measurement, MeasurementResult } from './measurement.js';
import { median } from './stats.js';
import { startEmulatorProcess } from './support/emulator-process.js';
import type { WorkerConfig, WorkerDone } from './support/rate-limit-worker.js';

const CHECKS = 600;
/**
 * PocketDNS availability: 500 per minute, scaled by TIME_SCALE on both sides (500 per 3.75 s). The
 * adapter spaces requests by ceil(interval / limit × 1.05) whole milliseconds: 1/16 keeps that
 * rounding small (7.875 → 8 ms); at 0.05 it would be 6.3 → 7 ms, 11% on rounding alone.
 */
const LIMIT = 500;
const TIME_SCALE = 1 / 16;
const INTERVAL_MS = 60_000 * TIME_SCALE;
const MIN_MS = (CHECKS / LIMIT) * INTERVAL_MS;
const WORKERS = 4;
const WORKER = fileURLToPath(new URL('./support/rate-limit-worker.ts', import.meta.url));

async function emulator() {
  return startEmulatorProcess('pocketdns', { timeScale: TIME_SCALE });
}

async function singleProcess(): Promise<{ ms: number; rateLimited: number; errors: number }> {
  const emu = await emulator();
  try {
    const { apiKey, owner } = emu.seedInfo.credentials as { apiKey: string; owner?: string };
    const registrar = createPocketDns({
      apiKey,
      owner: owner ?? 'user_123',
      baseURL: emu.url,
      retry: false,
      rateLimit: { buckets: { availability: { limit: LIMIT, intervalMs: INTERVAL_MS } } },
    });
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CHECKS }, (_, i) =>
        registrar.checkAvailability(`bench-single-${i}.com`).catch(() => errors++),
      ),
    );
    const ms = performance.now() - started;
    return { ms, rateLimited: (await emu.stats()).rateLimited, errors };
  } finally {
    await emu.close();
  }
}

function message<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`rate-limit worker exited with ${code}`)),
    );
  });
}

interface SharedRun {
  ms: number;
  rateLimited: number;
  errors: number;
  /** From the common start to the first request sent (bottleneck's first Redis round trips). */
  firstSendMs: number;
  /** Mean gap between consecutive requests of all processes after the first. */
  meanGapMs: number;
}

async function sharedProcesses(redisPort: number, run: number): Promise<SharedRun> {
  const emu = await emulator();
  try {
    const { apiKey, owner } = emu.seedInfo.credentials as { apiKey: string; owner?: string };
    const children = Array.from({ length: WORKERS }, () =>
      fork(WORKER, [], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        execArgv: process.execArgv.filter((a) => a !== '--expose-gc'),
      }),
    );
    const id = `bench-${process.pid}-${Date.now()}-${run}`;
    await Promise.all(
      children.map((child) => {
        const ready = message(child, 'ready');
        const config: WorkerConfig = {
          type: 'config',
          baseURL: emu.url,
          apiKey,
          owner: owner ?? 'user_123',
          redisPort,
          id,
          limit: LIMIT,
          intervalMs: INTERVAL_MS,
          count: CHECKS / WORKERS,
          prefix: `bench-shared-${run}`,
        };
        child.send(config);
        return ready;
      }),
    );
    // Every worker is up with its Redis connection: start them together.
    const done = children.map((child) => message<WorkerDone>(child, 'done'));
    for (const child of children) child.send({ type: 'go' });
    const results = await Promise.all(done);
    const ms = Math.max(...results.map((r) => r.finished)) - Math.min(...results.map((r) => r.started));
    const errors = results.reduce((sum, r) => sum + r.errors.length, 0);
    const sent = results.flatMap((r) => r.sentAt).sort((a, b) => a - b);
    const start = Math.min(...results.map((r) => r.started));
    return {
      ms,
      rateLimited: (await emu.stats()).rateLimited,
      errors,
      firstSendMs: sent[0]! - start,
      meanGapMs: (sent.at(-1)! - sent[0]!) / (sent.length - 1),
    };
  } finally {
    await emu.close();
  }
}

export const rateLimitUse: Measurement = async ({ runs, log }): Promise<MeasurementResult> => {
  const single = { ratio: [] as number[], r429: [] as number[], errors: 0 };
  for (let run = 0; run < runs; run++) {
    const r = await singleProcess();
    single.ratio.push(r.ms / MIN_MS);
    single.r429.push(r.rateLimited);
    single.errors += r.errors;
    log(
      `  run ${run + 1} (1 process): ${r.ms.toFixed(0)} ms for ${CHECKS} checks, ratio ${(r.ms / MIN_MS).toFixed(3)}, 429s ${r.rateLimited}`,
    );
  }

  const skipped = redisUnavailableReason();
  const shared = {
    ratio: [] as number[],
    r429: [] as number[],
    errors: 0,
    firstSend: [] as number[],
    gap: [] as number[],
  };
  if (!skipped) {
    const redis = await startRedisServer();
    try {
      for (let run = 0; run < runs; run++) {
        const r = await sharedProcesses(redis.port, run);
        shared.ratio.push(r.ms / MIN_MS);
        shared.r429.push(r.rateLimited);
        shared.errors += r.errors;
        shared.firstSend.push(r.firstSendMs);
        shared.gap.push(r.meanGapMs);
        log(
          `  run ${run + 1} (${WORKERS} processes, Redis): ${r.ms.toFixed(0)} ms for ${CHECKS} checks, ratio ${(r.ms / MIN_MS).toFixed(3)}, 429s ${r.rateLimited}`,
        );
      }
    } finally {
      await redis.stop();
    }
  }

  const spacing = Math.ceil((INTERVAL_MS / LIMIT) * 1.05);
  const figures: Figure[] = [
    {
      label: 'completion / minimum time, 1 process',
      unit: '×',
      values: single.ratio,
      target: { op: '<=', value: 1.15 },
      digits: 3,
    },
    {
      label: '429s received, 1 process',
      unit: '',
      values: single.r429,
      target: { op: '<=', value: 0 },
      digits: 0,
    },
    skipped
      ? {
          label: `completion / minimum time, ${WORKERS} processes sharing through Redis`,
          unit: '×',
          values: [],
          target: { op: '<=', value: 1.15 },
          skipped,
        }
      : {
          label: `completion / minimum time, ${WORKERS} processes sharing through Redis`,
          unit: '×',
          values: shared.ratio,
          target: { op: '<=', value: 1.15 },
          digits: 3,
        },
    skipped
      ? {
          label: `429s received, ${WORKERS} processes`,
          unit: '',
          values: [],
          target: { op: '<=', value: 0 },
          skipped,
        }
      : {
          label: `429s received, ${WORKERS} processes`,
          unit: '',
          values: shared.r429,
          target: { op: '<=', value: 0 },
          digits: 0,
        },
  ];
  const notes = [
    `Minimum time = ${CHECKS} / (${LIMIT} per ${INTERVAL_MS} ms) = ${MIN_MS} ms. The adapter's \`spread\` strategy spaces requests ${spacing} ms apart (the limit's ${INTERVAL_MS / LIMIT} ms plus its 5% safety margin), so its best possible ratio is about ${((CHECKS * spacing) / MIN_MS).toFixed(3)} (${((INTERVAL_MS / LIMIT) * 1.05).toFixed(3)} ms rounded up to bottleneck's whole-millisecond \`minTime\`): the margin is what keeps every window of any alignment under the limit, and the rest is the time of the last request itself.`,
    `Medians: ${median(single.ratio).toFixed(3)} in one process${skipped ? '' : `, ${median(shared.ratio).toFixed(3)} with ${WORKERS} processes through Redis (measured from the first worker's start to the last worker's end; every worker waits for a common start signal after its Redis connection is up and one listing through another shared bucket has loaded the HTTP stack and bottleneck, so process start-up and module loading are not counted (section 6 measures them), but the availability limiter's first Redis round trips are)`}. Errors from checks: ${single.errors + shared.errors}.`,
  ];
  if (!skipped)
    notes.push(
      `Where the shared run's extra time goes (medians): ${median(shared.firstSend).toFixed(0)} ms from the start signal to the first request (bottleneck's set-up of the shared limiter in Redis, then the first slot), then a mean gap of ${median(shared.gap).toFixed(2)} ms between consecutive requests of all ${WORKERS} processes against the ${spacing} ms spacing.`,
    );
  if (skipped) notes.push(`The Redis rows are skipped: ${skipped}.`);
  return {
    id: 'rate-limit-use',
    title: 'Rate-limit use',
    setup:
      `${CHECKS} \`checkAvailability\` calls, all issued at once, through the PocketDNS adapter (\`retry: false\`, so a 429 would surface) against a fresh PocketDNS emulator per run with \`timeScale: ${TIME_SCALE}\` (availability: ${LIMIT} per ${INTERVAL_MS} ms, i.e. 500 per minute scaled, enforced as a sliding window). ` +
      `The adapter's availability bucket is overridden with the same scaled limit (\`rateLimit: { buckets: { availability: { limit: ${LIMIT}, intervalMs: ${INTERVAL_MS} } } }\`). ` +
      `Shared: ${WORKERS} processes × ${CHECKS / WORKERS} checks with \`rateLimit: { redis, id, buckets }\` on one redis-server (bottleneck clustering over ioredis), as in packages/integration/src/shared-rate-limit.test.ts. Figure: completion time / minimum time allowed by the limit.`,
    figures,
    notes,
  };
};
