/**
 * A CommonJS dependency loaded by the first call that needs it rather than when core is imported,
 * so importing core and an adapter stays cheap (bench/RESULTS.md, "Cold start"). For synchronous
 * callers (UTS 46 names, phone numbers); asynchronous paths use `import()` instead.
 */
import { createRequire } from 'node:module';

export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= createRequire(import.meta.url)(specifier) as T;
    return loaded;
  };
}
