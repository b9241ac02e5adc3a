/**
 * Sliding-window rate limiter (a log of request times): at most `limit` requests in any window of
 * `windowMs`. Used per documented bucket by emulator-server.ts.
 */

export interface SlidingWindowState {
  limit: number;
  /** Requests still allowed in the current window. */
  remaining: number;
  /** When the oldest request in the window leaves it (a slot frees); now when the window is empty. */
  resetAt: Date;
}

export interface SlidingWindowDecision extends SlidingWindowState {
  allowed: boolean;
  /** ms until a request would be allowed; 0 when allowed. */
  retryAfterMs: number;
}

export class SlidingWindow {
  private readonly hits: number[] = [];
  /** While `now` is before this time every request is refused (set by a refusal when `lockoutMs` > 0). */
  private lockedUntil = 0;

  /**
   * `lockoutMs` (optional): once a request is refused, every request is refused for that long, as
   * an API that blocks a client for a fixed time after it exceeded its limit does.
   */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    readonly lockoutMs = 0,
  ) {
    if (!(limit >= 0) || !(windowMs > 0))
      throw new RangeError('SlidingWindow needs limit >= 0 and windowMs > 0');
    if (!(lockoutMs >= 0)) throw new RangeError('SlidingWindow needs lockoutMs >= 0');
  }

  private prune(at: number): void {
    // A hit at time t counts for the window [t, t + windowMs).
    while (this.hits.length > 0 && this.hits[0]! + this.windowMs <= at) this.hits.shift();
  }

  /** Current state without recording anything. */
  peek(): SlidingWindowState {
    const at = this.now();
    this.prune(at);
    return this.state(at);
  }

  /**
   * Records a request when the window has room (`enforce` true: otherwise the request is refused and
   * not recorded). With `enforce` false the request is always recorded and allowed, and the state
   * still reports what the limit would be (for rate-limit headers when limiting is disabled).
   */
  take(enforce = true): SlidingWindowDecision {
    const at = this.now();
    this.prune(at);
    if (enforce && at < this.lockedUntil) {
      return { ...this.state(at), remaining: 0, allowed: false, retryAfterMs: this.lockedUntil - at };
    }
    if (enforce && this.hits.length >= this.limit) {
      if (this.lockoutMs > 0) {
        this.lockedUntil = at + this.lockoutMs;
        return { ...this.state(at), allowed: false, retryAfterMs: this.lockoutMs };
      }
      const oldest = this.hits[0];
      const retryAfterMs = oldest === undefined ? this.windowMs : Math.max(1, oldest + this.windowMs - at);
      return { ...this.state(at), allowed: false, retryAfterMs };
    }
    this.hits.push(at);
    return { ...this.state(at), allowed: true, retryAfterMs: 0 };
  }

  private state(at: number): SlidingWindowState {
    const oldest = this.hits[0];
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.hits.length),
      resetAt: new Date(oldest === undefined ? at : oldest + this.windowMs),
    };
  }
}
