export * from '@registrar-kit/core';
export {
  createRegistrar,
  REGISTRAR_PROVIDER_ENV,
  type RegistrarConfig,
  type RegistrarConfigFromEnv,
} from './create-registrar.js';
export {
  credentialHint,
  isKnownProvider,
  PROVIDER_LIST,
  PROVIDERS,
  type ProviderDefinition,
  type ProviderOptionsMap,
  toProviderId,
} from './providers.js';
