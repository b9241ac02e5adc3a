import { UnsupportedOperationError } from './errors/error-classes.js';
import { createRecordsOneByOne } from './kit/create-records-one-by-one.js';
import { contextual } from './kit/error-context.js';
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

export interface DefineRegistrarOptions {
  /** Releases what the adapter holds (its transport's limiters); called once however often `close()` is. */
  close?: () => void | Promise<void>;
}

/**
 * Builds a `Registrar` from the methods a provider implements. Every missing method rejects with
 * `UnsupportedOperationError` naming provider and method (list methods fail on the first `next()`),
 * and `capabilities`/`supports()` are derived from what is present. A provider with `createRecord`
 * and no bulk call gets `createRecords` as bounded single creates. Every error a method (or an
 * extra) throws names the provider and the operation. `extras` are adapter-specific methods, kept
 * on the result with their own types. `close()` is idempotent.
 */
export function defineRegistrar<TExtras extends object = {}>(
  provider: ProviderId,
  implemented: Partial<RegistrarMethods>,
  extras?: TExtras,
  options: DefineRegistrarOptions = {},
): Registrar & TExtras {
  const methods: Partial<RegistrarMethods> = { ...implemented };
  const createRecord = methods.createRecord;
  if (createRecord && !methods.createRecords) {
    methods.createRecords = (domain, inputs, opts) =>
      createRecordsOneByOne(createRecord, domain, inputs, opts);
  }
  const capabilities = Object.freeze(
    Object.fromEntries(CAPABILITIES.map((name) => [name, typeof methods[name] === 'function'])) as Record<
      Capability,
      boolean
    >,
  );
  let closing: Promise<void> | undefined;
  const registrar: Record<string, unknown> = {
    provider,
    capabilities,
    supports: (capability: Capability) => capabilities[capability] === true,
    close: () => {
      closing ??= Promise.resolve().then(() => options.close?.());
      return closing;
    },
  };
  for (const name of CAPABILITIES) {
    const impl = methods[name] as ((...args: unknown[]) => unknown) | undefined;
    if (impl) registrar[name] = contextual(provider, name, impl);
    else if (LIST_CAPABILITIES.has(name)) registrar[name] = () => unsupportedIterable(provider, name);
    else registrar[name] = () => Promise.reject(new UnsupportedOperationError(provider, name));
  }
  for (const [name, value] of Object.entries(extras ?? {})) {
    registrar[name] =
      typeof value === 'function'
        ? contextual(provider, name, value as (...args: unknown[]) => unknown)
        : value;
  }
  return registrar as unknown as Registrar & TExtras;
}
