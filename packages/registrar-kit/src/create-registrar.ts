import type { KnownProviderId, Registrar } from '@registrar-kit/core';
import { ValidationError } from '@registrar-kit/core';
import { PROVIDER_LIST, PROVIDERS, type ProviderOptionsMap, toProviderId } from './providers.js';

/** The environment variable that picks the provider when `config.provider` is absent. */
export const REGISTRAR_PROVIDER_ENV = 'REGISTRAR_PROVIDER';

/** `{ provider, ...options of that provider's factory }`, a discriminated union over the four adapters. */
export type RegistrarConfig = {
  [Id in KnownProviderId]: { provider: Id } & ProviderOptionsMap[Id];
}[KnownProviderId];

/** Config without a provider: the provider comes from `REGISTRAR_PROVIDER`. Options are then untyped per provider. */
export type RegistrarConfigFromEnv = { provider?: undefined } & Partial<ProviderOptionsMap[KnownProviderId]>;

/**
 * Builds the registrar of `config.provider` (or of the `REGISTRAR_PROVIDER` environment variable),
 * passing the other options to that adapter's factory. The id is case-insensitive (`'Glauca'`). Code typed against `Registrar` then runs
 * unchanged whichever provider is configured.
 *
 * @throws ValidationError when the provider is missing or unknown (the message lists the known ids).
 */
export function createRegistrar(config: RegistrarConfig | RegistrarConfigFromEnv = {}): Registrar {
  const { provider: fromConfig, ...options } = config as { provider?: unknown } & Record<string, unknown>;
  const provider = fromConfig ?? process.env[REGISTRAR_PROVIDER_ENV]?.trim();
  const id = toProviderId(provider);
  const known = PROVIDER_LIST.join(', ');
  if (provider === undefined || provider === '') {
    throw new ValidationError(
      `createRegistrar: no provider: pass config.provider or set ${REGISTRAR_PROVIDER_ENV} (one of ${known})`,
      {
        provider: 'registrar-kit',
        operation: 'createRegistrar',
        issues: [{ path: 'provider', message: `required: one of ${known}` }],
      },
    );
  }
  if (id === undefined) {
    const source = fromConfig === undefined ? `${REGISTRAR_PROVIDER_ENV}=` : 'provider ';
    throw new ValidationError(
      `createRegistrar: unknown ${source}${JSON.stringify(provider)}: expected one of ${known}`,
      {
        provider: 'registrar-kit',
        operation: 'createRegistrar',
        issues: [{ path: 'provider', message: `must be one of ${known}` }],
      },
    );
  }
  const create = PROVIDERS[id].create as (options: object) => Registrar;
  return create(options);
}
