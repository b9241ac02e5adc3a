/**
 * A CommonJS dependency loaded by the first call that needs it rather than when its package is
 * imported, so importing core and an adapter stays cheap (bench/RESULTS.md, "Cold start"). For
 * synchronous callers (UTS 46 names, phone numbers, an adapter's XML parser); asynchronous paths use
 * `import()` instead. `from` is the importing module's `import.meta.url`: the specifier resolves
 * from there, so an adapter loads its own dependencies (its CommonJS build needs tsup's `shims`).
 */
import { createRequire } from 'node:module';

export function lazyRequire<T>(specifier: string, from: string | URL = import.meta.url): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= createRequire(from)(specifier) as T;
    return loaded;
  };
}
