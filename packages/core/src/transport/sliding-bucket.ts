import { type BucketPermit, permitReleasing } from './bucket-spec.js';
import { WaitingLine } from './waiting-line.js';

/**
 * An in-process `sliding` bucket: at most `limit` requests in any window of `windowMs`, whatever
 * moment of the round trip the provider counts a request at. A provider counts on arrival, or
 * after some processing, or anywhere before it answers; the client only knows that the count
 * happened between its send and the answer. So each request holds one of `limit` places from
 * the moment it is let through until `windowMs` after its answer (`done()`): a new request can
 * never share a window with `limit` others, even when the server counted those late and counts
 * it early. Waiters are served in call order; one that aborts leaves the line.
 */
export class SlidingBucket {
  /** Requests let through and not yet answered. */
  private inFlight = 0;
  /** When answered requests leave the window, ascending. */
  private readonly leaves: number[] = [];
  private readonly line = new WaitingLine<BucketPermit>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Resolves with a place when the request may be sent; rejects with an aborted NetworkError on abort. */
  acquire(signal?: AbortSignal): Promise<BucketPermit> {
    const place = this.line.join(signal);
    this.serve();
    return place;
  }

  /** Lets waiters through while places are free; wakes up when the next answered request leaves the window. */
  private serve(): void {
    const now = performance.now();
    while (this.leaves.length > 0 && this.leaves[0]! <= now) this.leaves.shift();
    while (this.inFlight + this.leaves.length < this.limit && this.line.serveFirst(() => this.permit()))
      this.inFlight += 1;
    if (this.timer !== undefined || this.line.length === 0 || this.leaves.length === 0) return;
    // Full: a place frees when the oldest answered request leaves the window (or at an answer).
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.serve();
      },
      Math.max(0, this.leaves[0]! - now),
    );
  }

  private permit(): BucketPermit {
    return permitReleasing(() => {
      this.inFlight -= 1;
      const leaves = performance.now() + this.windowMs;
      let at = this.leaves.length;
      while (at > 0 && this.leaves[at - 1]! > leaves) at--;
      this.leaves.splice(at, 0, leaves);
      this.serve();
    });
  }
}
