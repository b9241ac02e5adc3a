/**
 * The adapters against their emulators, for the soak, fuzz, secrets, rate-limit and CommonJS
 * tests that loop over providers. How an adapter points at its emulator comes from the testkit's
 * `PROVIDER_EMULATORS`, which credential option to replace from the adapter's `providerInfo`.
 */
import {
  CLOUDFLARE_BUCKETS,
  cloudflareProviderInfo,
  createCloudflare,
} from '@registrar-kit/adapter-cloudflare';
import { createDnsimple, DNSIMPLE_BUCKETS, dnsimpleProviderInfo } from '@registrar-kit/adapter-dnsimple';
import { createDomainr, domainrProviderInfo } from '@registrar-kit/adapter-domainr';
import { createGlauca, glaucaProviderInfo } from '@registrar-kit/adapter-glauca';
import { createNamecheap, NAMECHEAP_BUCKETS, namecheapProviderInfo } from '@registrar-kit/adapter-namecheap';
import { createPocketDns, POCKETDNS_BUCKETS, pocketDnsProviderInfo } from '@registrar-kit/adapter-pocketdns';
import { createPorkbun, PORKBUN_BUCKETS, porkbunProviderInfo } from '@registrar-kit/adapter-porkbun';
import type {
  BucketSpec,
  ProviderInfo,
  RateLimitOption,
  Registrar,
  TransportUserOptions,
} from '@registrar-kit/core';
import {
  type CommonEmulatorOptions,
  PROVIDER_EMULATORS,
  type RunningEmulator,
  type SeedInfo,
} from '@registrar-kit/testkit';

export const PROVIDER_IDS = [
  'pocketdns',
  'dnsimple',
  'glauca',
  'domainr',
  'porkbun',
  'namecheap',
  'cloudflare',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type AnyEmulator = RunningEmulator<unknown>;

/** Domainr publishes no limit; the emulator enforces 1000/min per API (the adapter's bucket names). */
export const DOMAINR_EMULATED_BUCKETS: Record<string, BucketSpec> = {
  v2: { limit: 1000, intervalMs: 60_000 },
  fastly: { limit: 1000, intervalMs: 60_000 },
};

/** Each adapter's default buckets (Glauca documents none). */
export const DEFAULT_BUCKETS: Record<ProviderId, Record<string, BucketSpec>> = {
  pocketdns: POCKETDNS_BUCKETS as unknown as Record<string, BucketSpec>,
  dnsimple: DNSIMPLE_BUCKETS,
  glauca: {},
  domainr: DOMAINR_EMULATED_BUCKETS,
  porkbun: PORKBUN_BUCKETS as unknown as Record<string, BucketSpec>,
  namecheap: NAMECHEAP_BUCKETS as unknown as Record<string, BucketSpec>,
  cloudflare: CLOUDFLARE_BUCKETS as unknown as Record<string, BucketSpec>,
};

/** The same buckets with every interval multiplied by `timeScale` (as the emulators' `timeScale` does). */
export function scaledBuckets(provider: ProviderId, timeScale: number): Record<string, Partial<BucketSpec>> {
  const out: Record<string, Partial<BucketSpec>> = {};
  for (const [name, spec] of Object.entries(DEFAULT_BUCKETS[provider]))
    out[name] = { ...spec, intervalMs: spec.intervalMs * timeScale };
  return out;
}

/** Each adapter's own description (credential options and variables). */
export const PROVIDER_INFO: Record<ProviderId, ProviderInfo> = {
  pocketdns: pocketDnsProviderInfo,
  dnsimple: dnsimpleProviderInfo,
  glauca: glaucaProviderInfo,
  domainr: domainrProviderInfo,
  porkbun: porkbunProviderInfo,
  namecheap: namecheapProviderInfo,
  cloudflare: cloudflareProviderInfo,
};

export async function startEmulator(
  provider: ProviderId,
  options: CommonEmulatorOptions = {},
): Promise<AnyEmulator> {
  // Glauca's orders complete at once, so registrations resolve within a test.
  const extra = provider === 'glauca' ? { instantOrders: true } : {};
  return PROVIDER_EMULATORS[provider].start({ ...extra, ...options });
}

export interface CreateOptions extends TransportUserOptions {
  /** Replaces the emulator's accepted credential (for the secrets test). */
  credential?: string;
  rateLimit?: RateLimitOption;
}

/**
 * The options of `provider`'s factory for a registrar pointed at `baseURL` with the emulator's
 * credentials (plain data, so a child process can build the same registrar). `baseURL` may be a
 * proxy in front of the emulator, or a closed port when `emulator` is null.
 */
export function factoryOptions(
  provider: ProviderId,
  emulator: AnyEmulator | null,
  baseURL: string,
  options: CreateOptions = {},
): Record<string, unknown> {
  const { credential, ...transport } = options;
  const target = emulator ?? { url: baseURL, seedInfo: { credentials: {} } as SeedInfo };
  const pointed: Record<string, unknown> = {};
  // Every option that names the emulator's URL (Glauca's dnsBaseURL too) names baseURL instead.
  for (const [key, value] of Object.entries(PROVIDER_EMULATORS[provider].adapterOptions(target)))
    pointed[key] =
      typeof value === 'string' && value.startsWith(target.url)
        ? baseURL + value.slice(target.url.length)
        : value;
  if (credential !== undefined) pointed[secretOption(provider, pointed)] = credential;
  return { ...transport, ...pointed };
}

/** The secret credential option the emulator's options carry (the one a test replaces). */
function secretOption(provider: ProviderId, options: Record<string, unknown>): string {
  const secrets = PROVIDER_INFO[provider].credentials.filter((credential) => credential.secret);
  return (secrets.find((credential) => credential.option in options) ?? secrets[0])!.option;
}

const FACTORIES = {
  pocketdns: createPocketDns,
  dnsimple: createDnsimple,
  glauca: createGlauca,
  domainr: createDomainr,
  porkbun: createPorkbun,
  namecheap: createNamecheap,
  cloudflare: createCloudflare,
} as unknown as Record<ProviderId, (options: Record<string, unknown>) => Registrar>;

/** A registrar of `provider` pointed at `baseURL` with the emulator's credentials. */
export function createFor(
  provider: ProviderId,
  emulator: AnyEmulator | null,
  baseURL: string,
  options: CreateOptions = {},
): Registrar {
  return FACTORIES[provider](factoryOptions(provider, emulator, baseURL, options));
}

/** Fast retries for tests: the default policy's shape with millisecond delays. */
export const FAST_RETRY = { retries: 3, minDelayMs: 1, maxDelayMs: 10 } as const;
