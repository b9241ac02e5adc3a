/**
 * `waitForTransfer`: polls `getTransfer` until the transfer is completed, failed or cancelled.
 */
import { NetworkError, ValidationError } from '../errors/error-classes.js';
import type { Transfer } from '../model/orders.js';
import type { Registrar } from '../registrar.js';
import { abortableDelay } from '../transport/abortable-delay.js';

export interface WaitForTransferOptions {
  /** Time between polls (default 60 s: transfers take days, not seconds). */
  intervalMs?: number;
  /** Give up after this long (default: no limit but the signal). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every state read. */
  onPoll?: (transfer: Transfer) => void;
}

const FINAL: ReadonlySet<Transfer['status']> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Resolves with the transfer once it is final. Rejects with `NetworkError` code `timeout` (naming
 * the last state) after `timeoutMs`, with code `aborted` on abort, and with the registrar's own
 * typed error when a poll fails.
 */
export async function waitForTransfer(
  registrar: Registrar,
  id: string,
  options: WaitForTransferOptions = {},
): Promise<Transfer> {
  const intervalMs = options.intervalMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
  for (const [path, value] of [
    ['intervalMs', intervalMs],
    ['timeoutMs', timeoutMs],
  ] as const) {
    if (Number.isNaN(value) || value < 0) {
      throw new ValidationError(`waitForTransfer: ${path} must be a number of milliseconds ≥ 0`, {
        provider: registrar.provider,
        operation: 'waitForTransfer',
        issues: [{ path, message: 'expected a number ≥ 0' }],
      });
    }
  }
  const deadline = Date.now() + timeoutMs;
  const context = { provider: registrar.provider, operation: 'waitForTransfer' };
  for (;;) {
    const transfer = await registrar.getTransfer(id, options.signal ? { signal: options.signal } : {});
    options.onPoll?.(transfer);
    if (FINAL.has(transfer.status)) return transfer;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new NetworkError(
        `waitForTransfer: transfer ${id} is still ${transfer.status} after ${timeoutMs} ms`,
        {
          ...context,
          code: 'timeout',
        },
      );
    }
    try {
      await abortableDelay(Math.min(intervalMs, left), options.signal);
    } catch {
      throw new NetworkError(`waitForTransfer: waiting for transfer ${id} was aborted`, {
        ...context,
        code: 'aborted',
      });
    }
  }
}
