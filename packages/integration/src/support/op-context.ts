/**
 * Ties transport events to the operation that caused them (AsyncLocalStorage follows the awaits of
 * one call), so a test can tell how many attempts a failing operation made under concurrency.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TransportEvent } from '@registrar-kit/core';

export interface OpTrace {
  events: TransportEvent[];
}

const storage = new AsyncLocalStorage<OpTrace>();

/** Runs `fn` with a fresh trace; events emitted while it runs are recorded in it. */
export async function traced<T>(
  fn: () => Promise<T>,
): Promise<{ trace: OpTrace; result: PromiseSettledResult<T> }> {
  const trace: OpTrace = { events: [] };
  const result = await storage.run(trace, async () => {
    try {
      return { status: 'fulfilled', value: await fn() } as const;
    } catch (reason) {
      return { status: 'rejected', reason } as const;
    }
  });
  return { trace, result };
}

/** An `onEvent` listener that records into the current operation's trace. */
export function recordEvent(event: TransportEvent): void {
  storage.getStore()?.events.push(event);
}
