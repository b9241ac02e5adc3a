/**
 * Porkbun's per-account limits, reported in a `limits` object and enforced with a 429
 * `RATE_LIMIT_EXCEEDED` + `Retry-After` + `ttlRemaining` (docs/providers/porkbun.md#rate-limits):
 * checkDomain 1 per 10 s; create/renew/transfer attempts 1 per 10 s and successes 50 per day, each
 * operation on its own. Windows are multiplied by the emulator's `timeScale`; the `TTL` and text
 * in `limits` keep the documented (unscaled) numbers.
 */
import { SlidingWindow } from '../emulator/sliding-window.js';
import { PorkbunError } from './porkbun-errors.js';

export interface LimitSpec {
  limit: number;
  /** Documented window in ms (before `timeScale`). */
  intervalMs: number;
}

export interface LimitReport {
  TTL: number;
  limit: number;
  used: number;
  naturalLanguage: string;
}

/** The 429 `RATE_LIMIT_EXCEEDED` for a wait of `ms`, with `ttlRemaining` and `Retry-After` in whole seconds. */
export function rateLimitError(ms: number): PorkbunError {
  const ttlRemaining = Math.max(1, Math.ceil(ms / 1000));
  return new PorkbunError(
    'RATE_LIMIT_EXCEEDED',
    undefined,
    { ttlRemaining },
    { 'retry-after': String(ttlRemaining), 'x-emulator-retry-after-ms': String(Math.ceil(ms)) },
  );
}

export class PorkbunLimiter {
  private readonly window: SlidingWindow;

  constructor(
    private readonly spec: LimitSpec,
    timeScale: number,
    private readonly enforce: boolean,
    /** Words of `naturalLanguage`: `checks`, `create attempts`, `successful creates`. */
    private readonly noun: string,
  ) {
    this.window = new SlidingWindow(spec.limit, spec.intervalMs * timeScale);
  }

  private report(remaining: number): LimitReport {
    const ttl = Math.round(this.spec.intervalMs / 1000);
    const used = this.spec.limit - remaining;
    return {
      TTL: ttl,
      limit: this.spec.limit,
      used,
      naturalLanguage: `${used} out of ${this.spec.limit} ${this.noun} within ${ttl} seconds used.`,
    };
  }

  /** Whole seconds until the window frees a slot (at least 1, like Retry-After). */
  private ttlRemaining(resetAt: Date): number {
    return Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
  }

  /** Counts one use, or throws the 429 when the window is full (and limits are enforced). */
  take(): { limits: LimitReport; ttlRemaining: number } {
    const decision = this.window.take(this.enforce);
    if (!decision.allowed) throw rateLimitError(decision.retryAfterMs);
    return { limits: this.report(decision.remaining), ttlRemaining: this.ttlRemaining(decision.resetAt) };
  }

  /** Throws the 429 when no use is left, without counting one. */
  assertRoom(): void {
    const state = this.window.peek();
    if (this.enforce && state.remaining <= 0)
      throw rateLimitError(Math.max(1, state.resetAt.getTime() - Date.now()));
  }
}

export type OrderKind = 'create' | 'renew' | 'transfer';

/** The limiters of one emulator. */
export class PorkbunLimits {
  readonly checkDomain: PorkbunLimiter;
  readonly attempts: Record<OrderKind, PorkbunLimiter>;
  readonly successes: Record<OrderKind, PorkbunLimiter>;

  constructor(
    specs: { checkDomain: LimitSpec; orderAttempts: LimitSpec; orderSuccesses: LimitSpec },
    timeScale: number,
    enforce: boolean,
  ) {
    this.checkDomain = new PorkbunLimiter(specs.checkDomain, timeScale, enforce, 'checks');
    const per = (spec: LimitSpec, noun: (kind: OrderKind) => string) =>
      Object.fromEntries(
        (['create', 'renew', 'transfer'] as const).map((k) => [
          k,
          new PorkbunLimiter(spec, timeScale, enforce, noun(k)),
        ]),
      ) as Record<OrderKind, PorkbunLimiter>;
    this.attempts = per(specs.orderAttempts, (k) => `${k} attempts`);
    this.successes = per(specs.orderSuccesses, (k) => `successful ${k}s`);
  }
}
