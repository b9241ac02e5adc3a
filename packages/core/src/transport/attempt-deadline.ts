/**
 * The deadline of one attempt: an AbortSignal that fires when the caller's signal aborts or when
 * `timeoutMs` has passed since the attempt started, whichever comes first. Handed to axios, it
 * stops the request at any stage, the body included (axios's own `timeout` stops at the headers).
 */
export class AttemptDeadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private expired = false;
  private readonly onCallerAbort = () => this.controller.abort();

  constructor(
    timeoutMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the attempt was stopped by its timeout (not by the caller). */
  get timedOut(): boolean {
    return this.expired && !this.caller?.aborted;
  }

  /** Stops the timer and forgets the caller's signal (call once the body has been read). */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}
