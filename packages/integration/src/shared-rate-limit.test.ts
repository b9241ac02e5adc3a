import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  type RunningRedis,
  redisUnavailableReason,
  startPocketDnsEmulator,
  startRedisServer,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./support/limit-worker.mjs', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../adapter-pocketdns/dist/index.js', import.meta.url)));
const skipReason = redisUnavailableReason() ?? (built ? null : 'the adapters are not built (pnpm build)');

// PocketDNS availability: 500 per minute. Scaled by 0.1 for the test: 500 per 6 s.
const TIME_SCALE = 0.1;
const LIMIT = 500;
const INTERVAL_MS = 60_000 * TIME_SCALE;
const WORKERS = 4;
const PER_WORKER = 75;

interface WorkerResult {
  sentAt: number[];
  errors: string[];
}

async function runWorkers(
  baseURL: string,
  redisPort: number,
  shared: boolean,
  id: string,
): Promise<WorkerResult[]> {
  const env = {
    ...process.env,
    BASE_URL: baseURL,
    REDIS_PORT: String(redisPort),
    COUNT: String(PER_WORKER),
    LIMIT_ID: id,
    LIMIT: String(LIMIT),
    INTERVAL_MS: String(INTERVAL_MS),
    SHARED: shared ? '1' : '0',
    // A common start: process start-up (slow on a busy 2-core machine) must not stagger the senders.
    START_AT: String(Date.now() + 4_000),
  };
  const outputs = await Promise.all(
    Array.from({ length: WORKERS }, () => run(process.execPath, [worker], { env, timeout: 60_000 })),
  );
  return outputs.map((output) => JSON.parse(output.stdout) as WorkerResult);
}

/** The most requests sent within any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe.skipIf(skipReason)(
  `rate limits shared across processes through Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let redis: RunningRedis;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it(`${WORKERS} processes with one id share each bucket: 0 429s, within the limit, >= 80% of the allowed throughput`, async () => {
      const emulator = await startPocketDnsEmulator({ timeScale: TIME_SCALE });
      try {
        const started = Date.now();
        const results = await runWorkers(emulator.url, redis.port, true, `test-${Date.now()}`);
        const elapsed = Date.now() - started;
        const sent = results.flatMap((r) => r.sentAt);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(emulator.rateLimited()).toBe(0);
        expect(sent).toHaveLength(WORKERS * PER_WORKER);
        expect(maxInWindow(sent, INTERVAL_MS)).toBeLessThanOrEqual(LIMIT);
        // Throughput: the requests after the first, over the time they took, against the allowed rate.
        const span = Math.max(...sent) - Math.min(...sent);
        const utilisation = ((sent.length - 1) / span) * (INTERVAL_MS / LIMIT);
        console.log(
          `shared limit: ${sent.length} requests in ${span} ms (wall ${elapsed} ms), utilisation ${(utilisation * 100).toFixed(1)}%, 429s ${emulator.rateLimited()}`,
        );
        expect(utilisation).toBeGreaterThanOrEqual(0.8);
        expect(utilisation).toBeLessThanOrEqual(1.0);
      } finally {
        await emulator.close();
      }
    }, 90_000);
  },
);
