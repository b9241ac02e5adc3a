type HeaderBag = Record<string, string | undefined>;

/**
 * How long the server asked us to wait, in ms: `Retry-After` as delta-seconds or an HTTP-date,
 * else the rate-limit window's reset (`X-RateLimit-Reset`, epoch seconds as DNSimple sends it, or the
 * `t` of the `RateLimit` field) when `useResetHeader` is set.
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
    const reset = rateLimitResetAt(headers, now);
    if (reset !== undefined) return Math.max(0, reset - now);
  }
  return undefined;
}

/**
 * A parameter of the IETF `RateLimit` / `RateLimit-Policy` fields
 * (https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/), as Cloudflare sends them
 * since September 2025: `"default";r=50;t=30` (remaining, seconds to reset), `"burst";q=100;w=60`
 * (quota per window). The first policy's value; undefined when absent.
 */
function structuredParameter(field: string | undefined, key: string): number | undefined {
  const first = field?.split(',')[0];
  const match = first ? new RegExp(`;\\s*${key}=(\\d+)(?:;|\\s*$)`).exec(first) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * When the rate-limit window resets, as an epoch time in ms: `X-RateLimit-Reset` (epoch seconds),
 * else the `t` (seconds from now) of the `RateLimit` field.
 */
export function rateLimitResetAt(headers: HeaderBag, now = Date.now()): number | undefined {
  const reset = headers['x-ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000;
  const seconds = structuredParameter(headers.ratelimit, 't');
  return seconds === undefined ? undefined : now + seconds * 1000;
}

/** Requests left in the window: `X-RateLimit-Remaining`, else the `r` of the `RateLimit` field. */
export function rateLimitRemaining(headers: HeaderBag): number | undefined {
  const remaining = headers['x-ratelimit-remaining']?.trim();
  if (remaining && /^\d+$/.test(remaining)) return Number(remaining);
  return structuredParameter(headers.ratelimit, 'r');
}

/** The window's quota: `X-RateLimit-Limit`, else the `q` of the `RateLimit-Policy` field. */
export function rateLimitLimit(headers: HeaderBag): number | undefined {
  const limit = headers['x-ratelimit-limit']?.trim();
  if (limit && /^\d+$/.test(limit)) return Number(limit);
  return structuredParameter(headers['ratelimit-policy'], 'q');
}
