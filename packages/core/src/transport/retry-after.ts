type HeaderBag = Record<string, string | undefined>;

/**
 * How long the server asked us to wait, in ms: `Retry-After` as delta-seconds or an HTTP-date,
 * else `X-RateLimit-Reset` (epoch seconds, as DNSimple sends it) when `useResetHeader` is set.
 * Undefined when the server said nothing usable.
 */
export function retryAfterMs(
  headers: HeaderBag,
  now = Date.now(),
  useResetHeader = true,
): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (useResetHeader) {
    const reset = rateLimitResetAt(headers);
    if (reset !== undefined) return Math.max(0, reset - now);
  }
  return undefined;
}

/** `X-RateLimit-Reset` as an epoch time in ms (the header holds epoch seconds). */
export function rateLimitResetAt(headers: HeaderBag): number | undefined {
  const reset = headers['x-ratelimit-reset']?.trim();
  if (!reset || !/^\d+$/.test(reset)) return undefined;
  return Number(reset) * 1000;
}

/** `X-RateLimit-Remaining` as a number, when sent. */
export function rateLimitRemaining(headers: HeaderBag): number | undefined {
  const remaining = headers['x-ratelimit-remaining']?.trim();
  return remaining && /^\d+$/.test(remaining) ? Number(remaining) : undefined;
}
