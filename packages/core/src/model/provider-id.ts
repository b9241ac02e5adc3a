import { z } from 'zod';

/** The providers this project ships adapters for. */
export const PROVIDER_IDS = [
  'pocketdns',
  'glauca',
  'dnsimple',
  'domainr',
  'porkbun',
  'namecheap',
  'cloudflare',
] as const;
export type KnownProviderId = (typeof PROVIDER_IDS)[number];

/**
 * A provider id: one of the shipped adapters, or the lower-case id of a third-party adapter
 * built with `defineRegistrar` (so the model and the conformance suite serve those too).
 */
export const ProviderIdSchema = z.union([z.enum(PROVIDER_IDS), z.string().regex(/^[a-z][a-z0-9-]*$/)]);
export type ProviderId = KnownProviderId | (string & {});
