import { describe, expect, it } from 'vitest';
import { rateLimitLimit, rateLimitRemaining, rateLimitResetAt, retryAfterMs } from './retry-after.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('rate-limit headers', () => {
  it('reads X-RateLimit-* first', () => {
    const headers = {
      'x-ratelimit-remaining': '7',
      'x-ratelimit-reset': '1800000000',
      'x-ratelimit-limit': '2400',
    };
    expect(rateLimitRemaining(headers)).toBe(7);
    expect(rateLimitResetAt(headers, NOW)).toBe(1_800_000_000_000);
    expect(rateLimitLimit(headers)).toBe(2400);
  });

  it('reads the IETF RateLimit and RateLimit-Policy fields (Cloudflare since 2025-09) when X-RateLimit-* are absent', () => {
    const headers = { ratelimit: '"default";r=0;t=30', 'ratelimit-policy': '"default";q=1200;w=300' };
    expect(rateLimitRemaining(headers)).toBe(0);
    expect(rateLimitResetAt(headers, NOW)).toBe(NOW + 30_000);
    expect(rateLimitLimit(headers)).toBe(1200);
    expect(retryAfterMs(headers, NOW)).toBe(30_000);
    expect(rateLimitRemaining({ ratelimit: '"burst";r=12;t=1, "daily";r=0;t=3600' })).toBe(12);
  });

  it('ignores malformed fields', () => {
    expect(rateLimitRemaining({ ratelimit: 'r=abc' })).toBeUndefined();
    expect(rateLimitResetAt({ ratelimit: '"default";rt=5' }, NOW)).toBeUndefined();
    expect(rateLimitLimit({})).toBeUndefined();
  });
});
