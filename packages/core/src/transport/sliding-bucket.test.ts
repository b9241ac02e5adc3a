import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../errors/error-classes.js';
import { BucketLimiters } from './rate-limiter.js';

/** One request through the bucket: when it was sent and when its answer came. */
interface Sent {
  sentAt: number;
  answeredAt: number;
}

/**
 * The most requests a provider can see in one window of `windowMs`, whatever moment between the
 * send and the answer it counts each at: requests whose [sent, answered] spans all reach into one
 * window [x, x + windowMs) (x taken at an answer: the earliest answer of the set).
 */
function worstWindow(sends: Sent[], windowMs: number): number {
  let most = 0;
  for (const first of sends) {
    const x = first.answeredAt;
    most = Math.max(most, sends.filter((s) => s.answeredAt >= x && s.sentAt < x + windowMs).length);
  }
  return most;
}

const MINUTE = 60_000;

describe("'sliding' bucket: at most `limit` requests in any window, wherever in its round trip the provider counts each", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Sends `roundTrips.length` requests at once through a 20/min sliding bucket. */
  async function burst(roundTrips: number[], limiters = sliding(20, MINUTE)): Promise<Sent[]> {
    const start = performance.now();
    const sends: Sent[] = [];
    const all = roundTrips.map(async (roundTripMs) => {
      const permit = await limiters.acquireFor('minute');
      const sentAt = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, roundTripMs));
      sends.push({ sentAt, answeredAt: performance.now() - start });
      permit.done();
    });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    await Promise.all(all);
    return sends.sort((a, b) => a.sentAt - b.sentAt);
  }

  it('21 requests on 20/min: 20 go at once, the 21st a full minute after the first answer, never 21 in one window', async () => {
    // Answers after 100 ms … 2 s: the provider may count each anywhere in that span.
    const roundTrips = Array.from({ length: 21 }, (_, i) => 100 + ((i * 337) % 1900));
    const sends = await burst(roundTrips);
    expect(sends.slice(0, 20).map((s) => s.sentAt)).toEqual(Array(20).fill(0));
    const firstAnswer = Math.min(...sends.slice(0, 20).map((s) => s.answeredAt));
    expect(sends[20]!.sentAt).toBe(firstAnswer + MINUTE);
    expect(worstWindow(sends, MINUTE)).toBe(20);
  });

  it('a request still waiting for its answer holds its place: the next waits for its answer plus the window', async () => {
    // limit 1 (Porkbun's checkDomain, 1 per 10 s): the first answer takes 3 s.
    const sends = await burst([3_000, 50, 50], sliding(1, 10_000));
    expect(sends.map((s) => s.sentAt)).toEqual([0, 13_000, 23_050]);
    expect(worstWindow(sends, 10_000)).toBe(1);
  });

  it('200 requests with mixed round trips never put more than 20 in one sliding minute, and lose no throughput', async () => {
    const roundTrips = Array.from({ length: 200 }, (_, i) => 10 + ((i * 7919) % 5000));
    const sends = await burst(roundTrips);
    expect(sends).toHaveLength(200);
    expect(worstWindow(sends, MINUTE)).toBeLessThanOrEqual(20);
    // Each request frees its place one window after its answer: 200 requests take ten windows plus the round trips.
    expect(sends.at(-1)!.sentAt).toBeLessThanOrEqual(9 * (MINUTE + 5010));
  });

  it('a caller that aborts while waiting leaves the line: the NetworkError aborted, and the next caller takes the place', async () => {
    const limiters = sliding(1, 1_000);
    const first = await limiters.acquireFor('minute');
    const controller = new AbortController();
    const aborted = limiters.acquireFor('minute', controller.signal).catch((error: unknown) => error);
    let grantedAt = -1;
    const next = limiters.acquireFor('minute').then((permit) => {
      grantedAt = performance.now();
      return permit;
    });
    const start = performance.now();
    controller.abort();
    const error = await aborted;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted' });
    await vi.advanceTimersByTimeAsync(200);
    first.done();
    first.done(); // twice: counted once
    await vi.advanceTimersByTimeAsync(2_000);
    (await next).done();
    expect(grantedAt - start).toBe(1_200);
  });

  it('acquire() (no answer to wait for) counts the request from the moment it is let through', async () => {
    const limiters = sliding(2, 1_000);
    const start = performance.now();
    const granted: number[] = [];
    const all = [0, 1, 2, 3, 4].map(() =>
      limiters.acquire('minute').then(() => granted.push(performance.now() - start)),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    expect(granted).toEqual([0, 0, 1_000, 1_000, 2_000]);
  });
});

function sliding(limit: number, intervalMs: number): BucketLimiters {
  return new BucketLimiters('test', { minute: { limit, intervalMs, strategy: 'sliding' } }, undefined);
}
