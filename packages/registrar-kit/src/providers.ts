/**
 * The provider registry: each shipped adapter's id, human label, factory and the environment
 * variables its credentials come from. `createRegistrar` and the CLI read from here only.
 */
import { createDnsimple, type DnsimpleOptions } from '@registrar-kit/adapter-dnsimple';
import { createDomainr, type DomainrOptions } from '@registrar-kit/adapter-domainr';
import { createGlauca, type GlaucaOptions } from '@registrar-kit/adapter-glauca';
import { createPocketDns, type PocketDnsOptions } from '@registrar-kit/adapter-pocketdns';
import type { KnownProviderId, Registrar } from '@registrar-kit/core';

/** Options of each provider's factory, by provider id. */
export interface ProviderOptionsMap {
  pocketdns: PocketDnsOptions;
  glauca: GlaucaOptions;
  dnsimple: DnsimpleOptions;
  domainr: DomainrOptions;
}

export interface ProviderDefinition<Id extends KnownProviderId = KnownProviderId> {
  id: Id;
  /** Human name for tables and messages. */
  label: string;
  /** The adapter's factory. */
  create: (options?: ProviderOptionsMap[Id]) => Registrar;
  /**
   * Environment variables the adapter reads its credentials from when the options hold none.
   * `requires`: all must be set; `oneOf`: any one of them is enough.
   */
  env: { requires: string[]; oneOf?: string[]; optional?: string[] };
}

/** The four shipped adapters, in the order tables list them. */
export const PROVIDERS: { readonly [Id in KnownProviderId]: ProviderDefinition<Id> } = {
  pocketdns: {
    id: 'pocketdns',
    label: 'PocketDNS',
    create: createPocketDns,
    env: { requires: ['POCKETDNS_API_KEY'] },
  },
  glauca: {
    id: 'glauca',
    label: 'Glauca',
    create: createGlauca,
    env: { requires: ['GLAUCA_TOKEN'] },
  },
  dnsimple: {
    id: 'dnsimple',
    label: 'DNSimple',
    create: createDnsimple,
    env: { requires: ['DNSIMPLE_TOKEN'], optional: ['DNSIMPLE_ACCOUNT_ID'] },
  },
  domainr: {
    id: 'domainr',
    label: 'Domainr',
    create: createDomainr,
    env: { requires: [], oneOf: ['DOMAINR_CLIENT_ID', 'DOMAINR_RAPIDAPI_KEY'] },
  },
};

/** The known provider ids, in table order. */
export const PROVIDER_LIST: readonly KnownProviderId[] = ['pocketdns', 'glauca', 'dnsimple', 'domainr'];

export function isKnownProvider(id: unknown): id is KnownProviderId {
  return typeof id === 'string' && Object.hasOwn(PROVIDERS, id);
}

/** The environment variable(s) to set for a provider's credentials, as a human phrase. */
export function credentialHint(id: KnownProviderId): string {
  const { env } = PROVIDERS[id];
  const parts = [...env.requires];
  if (env.oneOf?.length) parts.push(env.oneOf.join(' or '));
  return parts.join(' and ');
}
