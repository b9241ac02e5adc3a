import { UnsupportedOperationError, ValidationError } from './errors/error-classes.js';
import type { RegistrarError } from './errors/registrar-error.js';
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
const LIST_OPTIONS_ARG: Record<string, number> = { listDomains: 0, listRecords: 1 };

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

/**
 * Builds a `Registrar` from the methods a provider implements. Every missing method rejects with
 * `UnsupportedOperationError` naming provider and method (list methods fail on the first `next()`),
 * list methods check every `ListOptions` value first (`ValidationError` on the first `next()`),
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
    if (impl) registrar[name] = LIST_CAPABILITIES.has(name) ? checkedList(provider, name, impl) : impl;
    else if (LIST_CAPABILITIES.has(name))
      registrar[name] = () => failingIterable(() => new UnsupportedOperationError(provider, name));
    else registrar[name] = () => Promise.reject(new UnsupportedOperationError(provider, name));
  }
  return Object.assign(registrar, extras) as unknown as Registrar & TExtras;
}
