/**
 * Every error a registrar method throws names the provider and the operation (DESIGN.md, "Promises
 * every adapter keeps"), including errors raised by local checks deep inside an adapter that did
 * not know the method name. `defineRegistrar` wraps each method with these.
 */
import { isRegistrarError } from '../errors/registrar-error.js';

/**
 * Core checks an adapter calls inside a method: their errors name the check when called directly,
 * and the registrar method when raised inside one.
 */
const CHECK_OPERATIONS = new Set(['normalizeDomainName', 'validateRecordInput', 'validateRecordPatch']);

/** Fills `provider`/`operation` on a registrar error that lacks them; other values pass through. */
export function withContext(error: unknown, provider: string, operation: string): unknown {
  if (!isRegistrarError(error)) return error;
  const target = error as { provider: string; operation: string };
  if (!target.provider || target.provider === 'unknown') target.provider = provider;
  if (!target.operation || target.operation === 'unknown' || CHECK_OPERATIONS.has(target.operation))
    target.operation = operation;
  return error;
}

/** `fn` whose rejections carry provider and operation. */
export function contextualAsync<A extends unknown[], R>(
  provider: string,
  operation: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      throw withContext(error, provider, operation);
    }
  };
}

/** `fn` returning an async iterable whose failures (on any `next()`) carry provider and operation. */
export function contextualIterable<A extends unknown[], T>(
  provider: string,
  operation: string,
  fn: (...args: A) => AsyncIterable<T>,
): (...args: A) => AsyncIterable<T> {
  return (...args: A) => ({
    [Symbol.asyncIterator]() {
      let iterator: AsyncIterator<T>;
      try {
        iterator = fn(...args)[Symbol.asyncIterator]();
      } catch (error) {
        const failure = withContext(error, provider, operation);
        return { next: () => Promise.reject(failure) };
      }
      const wrap = <V>(step: () => Promise<V>) =>
        step().catch((error: unknown) => {
          throw withContext(error, provider, operation);
        });
      return {
        next: () => wrap(() => iterator.next()),
        return: (value?: unknown) =>
          iterator.return
            ? wrap(() => iterator.return!(value))
            : Promise.resolve({ done: true as const, value: undefined as T }),
      };
    },
  });
}

/**
 * `fn` whose failures carry provider and operation, whatever it returns: a promise (rejections),
 * an async iterable (failures of `next()`), or a plain value (a synchronous throw).
 */
export function contextual<A extends unknown[], R>(
  provider: string,
  operation: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  const iterable = contextualIterable(
    provider,
    operation,
    (iterableOf: AsyncIterable<unknown>) => iterableOf,
  );
  return (...args: A): R => {
    let result: R;
    try {
      result = fn(...args);
    } catch (error) {
      throw withContext(error, provider, operation);
    }
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw withContext(error, provider, operation);
      }) as R;
    }
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      return iterable(result as AsyncIterable<unknown>) as R;
    }
    return result;
  };
}
