import type { CallOptions } from '../registrar.js';
import type { RequestSpec } from './http-transport.js';

/** The per-call options every request of a `Registrar` method carries: signal, timeout, idempotency key. */
export function requestOptions(
  opts: CallOptions | undefined,
): Pick<RequestSpec<unknown>, 'signal' | 'timeoutMs' | 'idempotencyKey'> {
  return {
    ...(opts?.signal ? { signal: opts.signal } : {}),
    ...(opts?.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts?.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
  };
}
