/**
 * `checkAvailabilityMany`: both APIs take one name per status request
 * (docs/providers/domainr.md#one-name-per-request), so many names are many requests, bounded and
 * yielded as they complete.
 */
import {
  type Availability,
  type CallOptions,
  isRegistrarError,
  mapInCompletionOrder,
  NetworkError,
  ProviderError,
  type RegistrarError,
  type RegistrarMethods,
  redactSecrets,
  type ValidationIssue,
} from '@registrar-kit/core';
import { PROVIDER } from './domainr-client.js';
import { invalid } from './domainr-inputs.js';

export interface CheckManyOptions extends Omit<CallOptions, 'idempotencyKey'> {
  /** Requests in flight at once (default 4); every request also waits for the rate limiter. */
  concurrency?: number;
}

/** One name's outcome in `checkAvailabilityMany`; `name` is the name as given. */
export type DomainrCheckResult =
  | { name: string; result: Availability }
  | { name: string; error: RegistrarError };

const OPERATION = 'checkAvailabilityMany';

function asRegistrarError(error: unknown): RegistrarError {
  if (isRegistrarError(error)) return error;
  return new ProviderError(
    `${PROVIDER} checkAvailability failed: ${redactSecrets(String((error as Error)?.message ?? error))}`,
    { provider: PROVIDER, operation: 'checkAvailability' },
  );
}

/**
 * Checks many names with `checkAvailability`, at most `concurrency` at once, yielding each outcome
 * as it completes; a failure is that name's `error`. A `break` stops further requests and aborts
 * those in flight; an abort of `signal` ends the iteration with an aborted `NetworkError`.
 */
export function checkAvailabilityManyWith(
  checkAvailability: RegistrarMethods['checkAvailability'],
): (names: Iterable<string>, opts?: CheckManyOptions) => AsyncGenerator<DomainrCheckResult> {
  return async function* checkAvailabilityMany(names, opts) {
    const concurrency = opts?.concurrency ?? 4;
    const issues: ValidationIssue[] = [];
    if (
      typeof names === 'string' ||
      typeof (names as Iterable<string> | undefined)?.[Symbol.iterator] !== 'function'
    ) {
      issues.push({ path: 'names', message: 'must be an iterable of names (e.g. an array)' });
    }
    if (!Number.isInteger(concurrency) || concurrency < 1)
      issues.push({ path: 'concurrency', message: 'must be an integer ≥ 1' });
    if (issues.length > 0) throw invalid(OPERATION, issues);
    yield* mapInCompletionOrder(
      names,
      concurrency,
      (name, signal) =>
        checkAvailability(name, { signal, timeoutMs: opts?.timeoutMs }).then(
          (result): DomainrCheckResult => ({ name, result }),
          (error: unknown): DomainrCheckResult => ({ name, error: asRegistrarError(error) }),
        ),
      {
        signal: opts?.signal,
        onAbort: () =>
          new NetworkError(`${PROVIDER} ${OPERATION} was aborted`, {
            provider: PROVIDER,
            operation: OPERATION,
            code: 'aborted',
          }),
      },
    );
  };
}
