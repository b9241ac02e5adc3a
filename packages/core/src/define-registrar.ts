import { UnsupportedOperationError } from './errors/error-classes.js';
import type { ProviderId } from './model/provider-id.js';
import {
  CAPABILITIES,
  type Capability,
  LIST_CAPABILITIES,
  type Registrar,
  type RegistrarMethods,
} from './registrar.js';

function unsupportedIterable(provider: string, method: string): AsyncIterable<never> {
  return {
    [Symbol.asyncIterator]() {
      return {
        next: () => Promise.reject(new UnsupportedOperationError(provider, method)),
      };
    },
  };
}

/**
 * Builds a `Registrar` from the methods a provider implements. Every missing method rejects with
 * `UnsupportedOperationError` naming provider and method (list methods fail on the first `next()`),
 * and `capabilities`/`supports()` are derived from what is present. `extras` are adapter-specific
 * methods, kept on the result with their own types.
 */
export function defineRegistrar<TExtras extends object = {}>(
  provider: ProviderId,
  methods: Partial<RegistrarMethods>,
  extras?: TExtras,
): Registrar & TExtras {
  const capabilities = Object.freeze(
    Object.fromEntries(CAPABILITIES.map((name) => [name, typeof methods[name] === 'function'])) as Record<
      Capability,
      boolean
    >,
  );
  const registrar: Record<string, unknown> = {
    provider,
    capabilities,
    supports: (capability: Capability) => capabilities[capability] === true,
  };
  for (const name of CAPABILITIES) {
    const impl = methods[name] as ((...args: unknown[]) => unknown) | undefined;
    if (impl) registrar[name] = impl;
    else if (LIST_CAPABILITIES.has(name)) registrar[name] = () => unsupportedIterable(provider, name);
    else registrar[name] = () => Promise.reject(new UnsupportedOperationError(provider, name));
  }
  return Object.assign(registrar, extras) as unknown as Registrar & TExtras;
}
