/**
 * Calls waiting for a rate-limit slot that are aborted give their slots back: after 50 calls
 * queued on a bucket of 10 a second are aborted, a fresh call on the then idle bucket goes out at
 * once, not after the aborted calls' turns (about 5 s later).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { NetworkError } from '@registrar-kit/core';
import { expect } from 'vitest';
import {
  type AttackCase,
  type AttackTarget,
  describeError,
  readProbe,
  requestsSince,
  SLACK_MS,
  settle,
} from './attack-kit.js';

/** The read's bucket for this attack: 10 requests a second. */
const BUCKET = { limit: 10, intervalMs: 1_000 } as const;
/** Calls queued at once: five seconds of the bucket. */
const QUEUED = 50;
/** How long the queued calls wait before they are aborted. */
const QUEUED_FOR_MS = 150;

export function abortedSlotAttacks(target: AttackTarget): AttackCase[] {
  return [
    {
      check: 'abortedSlot',
      title: `${QUEUED} calls queued on a bucket of ${BUCKET.limit}/s and aborted give their slots back: a fresh call is not delayed`,
      requires: null,
      overrides: ({ readBucket }) => ({
        rateLimit: { buckets: readBucket === undefined ? {} : { [readBucket]: BUCKET } },
      }),
      run: async (arena) => {
        expect(
          target.readBucket,
          'testRegistrar({ readBucket }) names the rate-limit bucket of the read probe (getDomain, else checkAvailability)',
        ).toBeDefined();
        const probe = readProbe(arena)!;
        const { emulator } = arena;
        const from = emulator.requests.length;
        const abort = new AbortController();
        const queued = Array.from({ length: QUEUED }, () =>
          settle((signal) => probe.call({ signal: AbortSignal.any([signal, abort.signal]) })),
        );
        await delay(QUEUED_FOR_MS);
        abort.abort();
        const results = await Promise.all(queued);
        const sent = requestsSince(emulator, from).length;
        expect(sent, `the bucket held the calls back (${sent} of ${QUEUED} sent)`).toBeLessThan(QUEUED / 2);
        const aborted = results.filter(
          (result) => result.error instanceof NetworkError && result.error.code === 'aborted',
        );
        expect(results.filter((result) => result.hung)).toEqual([]);
        expect(aborted.length, 'every call still waiting was rejected as aborted').toBeGreaterThanOrEqual(
          QUEUED - sent,
        );
        // The calls that did go out used the bucket's current second; after it the bucket is idle.
        await delay(BUCKET.intervalMs);
        const fresh = await settle((signal) => probe.call({ signal }));
        expect(fresh.error, `the fresh call: ${describeError(fresh.error)}`).toBeUndefined();
        expect(fresh.ms, 'the fresh call waited for the aborted calls’ slots').toBeLessThan(SLACK_MS);
      },
    },
  ];
}
