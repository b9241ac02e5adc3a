/**
 * The provider registry: each shipped adapter's factory next to its `providerInfo` (id, display
 * name, credential options and environment variables). `createRegistrar` and the CLI read from
 * here only, and what they say about a provider comes from its adapter's `providerInfo`.
 */

import {
  type CloudflareOptions,
  cloudflareProviderInfo,
  createCloudflare,
} from '@registrar-kit/adapter-cloudflare';
import { createDnsimple, type DnsimpleOptions, dnsimpleProviderInfo } from '@registrar-kit/adapter-dnsimple';
import { createDomainr, type DomainrOptions, domainrProviderInfo } from '@registrar-kit/adapter-domainr';
import { createGlauca, type GlaucaOptions, glaucaProviderInfo } from '@registrar-kit/adapter-glauca';
import {
  createNamecheap,
  type NamecheapOptions,
  namecheapProviderInfo,
} from '@registrar-kit/adapter-namecheap';
import {
  createPocketDns,
  type PocketDnsOptions,
  pocketDnsProviderInfo,
} from '@registrar-kit/adapter-pocketdns';
import { createPorkbun, type PorkbunOptions, porkbunProviderInfo } from '@registrar-kit/adapter-porkbun';
import type { KnownProviderId, ProviderInfo, Registrar } from '@registrar-kit/core';

/** Options of each provider's factory, by provider id. */
export interface ProviderOptionsMap {
  pocketdns: PocketDnsOptions;
  glauca: GlaucaOptions;
  dnsimple: DnsimpleOptions;
  domainr: DomainrOptions;
  porkbun: PorkbunOptions;
  namecheap: NamecheapOptions;
  cloudflare: CloudflareOptions;
}

export interface ProviderDefinition<Id extends KnownProviderId = KnownProviderId> {
  id: Id;
  /** Human name for tables and messages (`info.name`). */
  label: string;
  /** The adapter's own description of itself. */
  info: ProviderInfo;
  /** The adapter's factory. */
  create: (options?: ProviderOptionsMap[Id]) => Registrar;
  /**
   * Environment variables the adapter reads its credentials from when the options hold none
   * (from `info.credentials`). `requires`: all must be set; `oneOf`: any one of them is enough.
   */
  env: { requires: string[]; oneOf?: string[]; optional?: string[] };
}

function define<Id extends KnownProviderId>(
  info: ProviderInfo & { id: Id },
  create: (options?: ProviderOptionsMap[Id]) => Registrar,
): ProviderDefinition<Id> {
  const variables = (need: 'required' | 'one-of' | 'optional') =>
    info.credentials.filter((credential) => credential.need === need).map((credential) => credential.env);
  const oneOf = variables('one-of');
  const optional = variables('optional');
  return {
    id: info.id,
    label: info.name,
    info,
    create,
    env: {
      requires: variables('required'),
      ...(oneOf.length ? { oneOf } : {}),
      ...(optional.length ? { optional } : {}),
    },
  };
}

/** The shipped adapters, in the order tables list them. */
export const PROVIDERS: { readonly [Id in KnownProviderId]: ProviderDefinition<Id> } = {
  pocketdns: define(pocketDnsProviderInfo, createPocketDns),
  glauca: define(glaucaProviderInfo, createGlauca),
  dnsimple: define(dnsimpleProviderInfo, createDnsimple),
  domainr: define(domainrProviderInfo, createDomainr),
  porkbun: define(porkbunProviderInfo, createPorkbun),
  namecheap: define(namecheapProviderInfo, createNamecheap),
  cloudflare: define(cloudflareProviderInfo, createCloudflare),
};

/** The known provider ids, in table order. */
export const PROVIDER_LIST = Object.keys(PROVIDERS) as readonly KnownProviderId[];

/** True for a known provider id as written in output (lower-case). */
export function isKnownProvider(id: unknown): id is KnownProviderId {
  return typeof id === 'string' && Object.hasOwn(PROVIDERS, id);
}

/**
 * The provider id for user input: ids are case-insensitive on input (`GLAUCA`, ` Glauca `) and
 * lower-case in output (DESIGN.md, "Factories"). Undefined when unknown.
 */
export function toProviderId(input: unknown): KnownProviderId | undefined {
  if (typeof input !== 'string') return undefined;
  const id = input.trim().toLowerCase();
  return isKnownProvider(id) ? id : undefined;
}

/** The environment variable(s) to set for a provider's credentials, as a human phrase. */
export function credentialHint(id: KnownProviderId): string {
  const { env } = PROVIDERS[id];
  const parts = [...env.requires];
  if (env.oneOf?.length) parts.push(env.oneOf.join(' or '));
  return parts.join(' and ');
}
