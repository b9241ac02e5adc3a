import { describe, expect, it } from 'vitest';
import { LocalBucket } from './local-bucket.js';

describe('LocalBucket (pure arithmetic, no timers)', () => {
  it('spread: books evenly spaced slots in call order, with the margin', () => {
    const bucket = new LocalBucket(10, 1000, 'spread');
    expect([0, 0, 0, 0].map(() => bucket.reserve(0))).toEqual(
      [0, 105, 210, 315].map((v) => expect.closeTo(v, 6)),
    );
    // Later, once the booked slots have passed, a request goes at once.
    expect(bucket.reserve(10_000)).toBe(0);
    expect(bucket.reserve(10_000)).toBeCloseTo(105, 6);
  });

  it('spread: never more than the limit in any window of the interval', () => {
    const bucket = new LocalBucket(20, 1000, 'spread');
    const sends = Array.from({ length: 200 }, (_, i) => {
      const now = i * 3; // callers arrive every 3 ms, faster than allowed
      return now + bucket.reserve(now);
    });
    for (let i = 0; i + 20 < sends.length; i++)
      expect(sends[i + 20]! - sends[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('window: a burst up to the limit, then the next window; idle windows reset the count', () => {
    const bucket = new LocalBucket(3, 1000, 'window');
    expect([0, 0, 0, 0, 0, 0, 0].map(() => bucket.reserve(100))).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    // At 2,100 ms the first two windows are over; the booking made into the third window remains.
    expect(bucket.reserve(2100)).toBe(0);
    expect(bucket.reserve(2100)).toBe(0);
    expect(bucket.reserve(2100)).toBe(1000);
    expect(bucket.reserve(60_000)).toBe(0);
  });
});
