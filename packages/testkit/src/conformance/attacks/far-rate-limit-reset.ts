/**
 * `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset` 10 days away on a normal answer: the next
 * call of that bucket fails at once with `RateLimitError` code `rate_limited` and `retryAfterMs`
 * close to the time to the reset (nothing sent), since the wait exceeds its deadline; a reset a
 * second or two away is still waited for. The call that received the headers may itself make
 * further requests in the bucket (DNSimple's `getDomain` reads more than one resource): those meet
 * the same rules.
 */
import { RateLimitError } from '@registrar-kit/core';
import { expect } from 'vitest';
import { FAR_RESET_SECONDS } from '../../emulator/hostile-responses.js';
import {
  type Arena,
  type AttackCase,
  describeError,
  expectError,
  failure,
  readProbe,
  requestsSince,
  type Settled,
  SLACK_MS,
  settle,
} from './attack-kit.js';

const FAST_MS = 1_000;
/** Rate limiting on (the provider's documented buckets): a pause asked for by headers is the limiter's. */
const RATE_LIMITS_ON = { rateLimit: {} } as const;
/** Said when the call after the headers was not held back at all. */
const NOT_HELD =
  'the request after the headers went out at once (is the rate limiter on: does create() pass its overrides to the factory?)';
/** Seconds to the near reset; the header is whole epoch seconds, so the wait is 1–2 s. */
const NEAR_RESET_SECONDS = 2;

/** Sends the call whose answer carries the headers; returns it and the log index of that answer. */
async function receiveHeaders(arena: Arena, resetInSeconds?: number) {
  const probe = readProbe(arena)!;
  const { emulator } = arena;
  emulator.setFaults([
    {
      route: probe.operation,
      sequence: [{ type: 'rate-limit-headers', ...(resetInSeconds === undefined ? {} : { resetInSeconds }) }],
    },
  ]);
  const from = emulator.requests.length;
  const first = await settle((signal) => probe.call({ signal, timeoutMs: 10_000 }));
  const answered = requestsSince(emulator, from, probe.operation)[0];
  expect(answered, `the ${probe.operation} answer carrying the headers`).toBeDefined();
  return { probe, first, answered: answered! };
}

/** The call that got the headers succeeded, or one of its later requests met the pause. */
function expectFirstSettled(first: Settled<unknown>, arena: Arena): void {
  expect(first.hung, 'the call that received the headers is still pending').toBe(false);
  if (first.error === undefined) return;
  expectError(first.error, RateLimitError, { code: 'rate_limited' }, arena.emulator);
  expect(first.ms, 'its later request failed at once').toBeLessThan(FAST_MS + SLACK_MS);
}

export function farRateLimitResetAttacks(): AttackCase[] {
  return [
    {
      check: 'farRateLimitReset',
      title: 'after X-RateLimit-Remaining 0 with a reset 10 days away the next call fails at once',
      requires: null,
      overrides: () => RATE_LIMITS_ON,
      run: async (arena) => {
        const { emulator } = arena;
        const { probe, first } = await receiveHeaders(arena);
        expectFirstSettled(first, arena);
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
      title: 'a reset one or two seconds away is waited for, then the calls succeed',
      requires: null,
      overrides: () => RATE_LIMITS_ON,
      run: async (arena) => {
        const { emulator } = arena;
        const { probe, first, answered } = await receiveHeaders(arena, NEAR_RESET_SECONDS);
        const next = await settle((signal) => probe.call({ signal, timeoutMs: 10_000 }));
        for (const settled of [first, next]) {
          expect(settled.hung).toBe(false);
          expect(
            settled.error,
            `a short wait ends in a success: ${describeError(settled.error)}`,
          ).toBeUndefined();
        }
        // The earliest the header's reset can be (it was written in the second of the answer or later).
        const resetAt = (Math.floor(answered.at / 1000) + NEAR_RESET_SECONDS) * 1000;
        const after = emulator.requests.find((request) => request.seq > answered.seq);
        expect(after, 'a request after the headers').toBeDefined();
        expect(after!.at, NOT_HELD).toBeGreaterThanOrEqual(resetAt - 50);
        expect(next.ms, 'and no longer than the reset').toBeLessThan(NEAR_RESET_SECONDS * 1000 + SLACK_MS);
      },
    },
  ];
}
