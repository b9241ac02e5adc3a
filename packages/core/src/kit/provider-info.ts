/**
 * What the rest of the project needs to know about an adapter without importing its code paths:
 * its id, display name and credentials (factory option + environment variable). `createRegistrar`,
 * the CLI, the integration tests and the benchmarks read it instead of retyping it.
 */
import type { ProviderId } from '../model/provider-id.js';
import type { CredentialSpec } from './credential.js';

export interface CredentialInfo extends CredentialSpec {
  /**
   * `required`: every call needs it; `optional`: discovered or defaulted when absent;
   * `one-of`: one of the provider's `one-of` credentials is needed.
   */
  need: 'required' | 'optional' | 'one-of';
  /** Secret values are redacted everywhere; non-secret ones (an account id) may be shown. */
  secret: boolean;
  description: string;
}

export interface ProviderInfo {
  id: ProviderId;
  /** Display name (`DNSimple`). */
  name: string;
  /** The provider's public API documentation. */
  docsUrl: string;
  credentials: readonly CredentialInfo[];
  /** Registrar (sells domains), DNS host, or both; availability-only services are neither. */
  roles: readonly ('registrar' | 'dns' | 'availability')[];
}

/** Identity, for type checking an adapter's `providerInfo` literal. */
export function defineProviderInfo<const T extends ProviderInfo>(info: T): T {
  return info;
}

/** The environment variables that would configure a provider, in its declared order. */
export function credentialVariables(info: ProviderInfo): string[] {
  return info.credentials.map((credential) => credential.env);
}

/**
 * Whether the environment holds enough credentials for the provider: every `required` one, and one
 * of the `one-of` ones when it has any.
 */
export function hasCredentialsInEnv(info: ProviderInfo, env: Record<string, string | undefined>): boolean {
  const set = (credential: CredentialInfo) => Boolean(env[credential.env]);
  const required = info.credentials.filter((credential) => credential.need === 'required');
  const oneOf = info.credentials.filter((credential) => credential.need === 'one-of');
  return required.every(set) && (oneOf.length === 0 || oneOf.some(set));
}
