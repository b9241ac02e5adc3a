import { slotAbortedError } from './slot-aborted-error.js';

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Callers waiting for a rate-limit slot, first come first served. One whose signal aborts leaves
 * the line at once (an aborted NetworkError), so a slot is only ever handed to a caller still
 * waiting.
 */
export class WaitingLine<T> {
  private readonly waiters: Waiter<T>[] = [];

  get length(): number {
    return this.waiters.length;
  }

  /** Joins the line: resolves with what `serveFirst` hands over, or rejects on abort. */
  join(signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) return Promise.reject(slotAbortedError());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { resolve, reject, signal, onAbort: () => {} };
      waiter.onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at !== -1) this.waiters.splice(at, 1);
        reject(slotAbortedError());
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Hands `value()` to the first caller in line; false (and `value` not called) when nobody waits. */
  serveFirst(value: () => T): boolean {
    const waiter = this.waiters.shift();
    if (!waiter) return false;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.resolve(value());
    return true;
  }

  /** Rejects every caller in line with `error`. */
  failAll(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(error);
    }
  }
}
