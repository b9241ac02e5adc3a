/**
 * `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset` 10 days away on a normal answer: the next
 * call of that bucket fails at once with `RateLimitError` code `rate_limited` and `retryAfterMs`
 * close to the time to the reset (nothing sent), since the wait exceeds its deadline; a reset a
 * second or two away is still waited for.
 */
import { RateLimitError } from '@registrar-kit/core';
import { expect } from 'vitest';
import { FAR_RESET_SECONDS } from '../../emulator/hostile-responses.js';
import {
  type AttackCase,
  expectError,
  failure,
  readProbe,
  requestsSince,
  SLACK_MS,
  settle,
} from './attack-kit.js';

const FAST_MS = 1_000;
/** Rate limiting on (the provider's documented buckets): a pause asked for by headers is the limiter's. */
const RATE_LIMITS_ON = { rateLimit: {} } as const;
/** Said when the call after the headers was not held back at all. */
const NOT_HELD =
  'the call after the headers went out (is the rate limiter on: does create() pass its overrides to the factory?)';

export function farRateLimitResetAttacks(): AttackCase[] {
  return [
    {
      check: 'farRateLimitReset',
      title: 'after X-RateLimit-Remaining 0 with a reset 10 days away the next call fails at once',
      requires: null,
      overrides: () => RATE_LIMITS_ON,
      run: async (arena) => {
        const probe = readProbe(arena)!;
        const { emulator } = arena;
        emulator.setFaults([{ route: probe.operation, sequence: [{ type: 'rate-limit-headers' }] }]);
        const first = await settle((signal) => probe.call({ signal }));
        expect(first.error, 'the answer carrying the headers is a success').toBeUndefined();
        const resetAt = Date.now() + FAR_RESET_SECONDS * 1000;
        const from = emulator.requests.length;
        const next = await settle((signal) => probe.call({ signal, timeoutMs: 5_000 }));
        expect(requestsSince(emulator, from), NOT_HELD).toHaveLength(0);
        expectError(
          failure(next, `the next ${probe.operation}`),
          RateLimitError,
          { code: 'rate_limited' },
          emulator,
        );
        expect(next.ms, 'failed at once').toBeLessThan(FAST_MS);
        const retryAfterMs = (next.error as RateLimitError).retryAfterMs ?? 0;
        expect(
          Math.abs(retryAfterMs - (resetAt - Date.now())),
          'retryAfterMs ≈ time to the reset',
        ).toBeLessThan(60_000);
      },
    },
    {
      check: 'farRateLimitReset',
      title: 'a reset about two seconds away is waited for, then the call succeeds',
      requires: null,
      overrides: () => RATE_LIMITS_ON,
      run: async (arena) => {
        const probe = readProbe(arena)!;
        const { emulator } = arena;
        emulator.setFaults([
          { route: probe.operation, sequence: [{ type: 'rate-limit-headers', resetInSeconds: 2 }] },
        ]);
        await probe.call();
        // The reset is in whole epoch seconds: between one and two seconds from now.
        const next = await settle((signal) => probe.call({ signal, timeoutMs: 10_000 }));
        expect(next.error, 'the short wait ends in a success').toBeUndefined();
        expect(next.hung).toBe(false);
        expect(next.ms, `the wait was honoured: ${NOT_HELD}`).toBeGreaterThanOrEqual(900);
        expect(next.ms).toBeLessThan(2_000 + SLACK_MS);
      },
    },
  ];
}
