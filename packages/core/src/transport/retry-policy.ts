import { isRegistrarError, type RegistrarError } from '../errors/registrar-error.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay (default 250 ms); doubles per retry with jitter (×1–2). */
  minDelayMs?: number;
  /** Longest backoff delay (default 10 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the RateLimitError is thrown (default 60 s). */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 3,
  minDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** Network error codes that prove the request never reached the server. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Statuses an idempotent request is retried on. */
const IDEMPOTENT_RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * The retry matrix (DESIGN.md, Transport):
 * - idempotent requests (GET, PUT, DELETE, PATCH of settings, read-only POST) retry on network
 *   errors and timeouts, 429, 502, 503 and 504;
 * - requests that spend money or create something retry only when the request certainly did not
 *   reach the server (connection refused, DNS failure) or was refused with 429; never after a
 *   timeout, a reset or a 5xx;
 * - no request retries another 4xx, a response-format error, or an abort by the caller.
 */
export function shouldRetry(error: unknown, idempotent: boolean): boolean {
  if (!isRegistrarError(error)) return false;
  if (error.code === 'aborted') return false;
  // A rate-limit refusal executed nothing (a 429, or a provider's own signal such as Namecheap's 405).
  if (error.code === 'rate_limited') return true;
  if (error.status !== undefined) {
    if (error.status === 429) return true;
    return idempotent && IDEMPOTENT_RETRY_STATUSES.has(error.status);
  }
  if (error.code === 'network' || error.code === 'timeout') {
    return idempotent || NOT_SENT_CODES.has(networkCode(error) ?? '');
  }
  return false;
}

/** The low-level code (ECONNRESET…) kept on a NetworkError's cause. */
export function networkCode(error: RegistrarError): string | undefined {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
