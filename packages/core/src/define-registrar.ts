import { UnsupportedOperationError, ValidationError } from './errors/error-classes.js';
import type { RegistrarError } from './errors/registrar-error.js';
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
import { listOptionIssues } from './validation/list-options.js';

/** A listing that fails with `error` on its first `next()`, before anything is sent. */
function failingIterable(error: () => RegistrarError): AsyncIterable<never> {
  return {
    [Symbol.asyncIterator]() {
      return { next: () => Promise.reject(error()) };
    },
  };
}

/** Where each list method takes its `ListOptions`. */
const LIST_OPTIONS_ARG: Record<string, number> = { listDomains: 0, listRecords: 1, listContacts: 0 };

/** The list method `impl`, with every `ListOptions` value checked before it runs. */
function checkedList(
  provider: string,
  name: string,
  impl: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  const at = LIST_OPTIONS_ARG[name] ?? 0;
  return (...args: unknown[]) => {
    const issues = listOptionIssues(args[at]);
    if (issues.length === 0) return impl(...args);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return failingIterable(
      () =>
        new ValidationError(`${provider} ${name}: invalid list options: ${summary}`, {
          provider,
          operation: name,
          issues,
        }),
    );
  };
}

export interface DefineRegistrarOptions {
  /** Releases what the adapter holds (its transport's limiters); called once however often `close()` is. */
  close?: () => void | Promise<void>;
}

/**
 * Builds a `Registrar` from the methods a provider implements. Every missing method rejects with
 * `UnsupportedOperationError` naming provider and method (list methods fail on the first `next()`),
 * list methods check every `ListOptions` value first (`ValidationError` on the first `next()`),
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
    if (impl)
      registrar[name] = contextual(
        provider,
        name,
        LIST_CAPABILITIES.has(name) ? checkedList(provider, name, impl) : impl,
      );
    else if (LIST_CAPABILITIES.has(name))
      registrar[name] = () => failingIterable(() => new UnsupportedOperationError(provider, name));
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
