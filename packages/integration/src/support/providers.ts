/**
 * The four adapters against their emulators: one place that knows each factory's credential
 * options, so the soak, fuzz, secrets and rate-limit tests loop over providers.
 */
import { createDnsimple, DNSIMPLE_BUCKETS } from '@registrar-kit/adapter-dnsimple';
import { createDomainr } from '@registrar-kit/adapter-domainr';
import { createGlauca } from '@registrar-kit/adapter-glauca';
import { createPocketDns, POCKETDNS_BUCKETS } from '@registrar-kit/adapter-pocketdns';
import type { BucketSpec, RateLimitOption, Registrar, TransportUserOptions } from '@registrar-kit/core';
import {
  type CommonEmulatorOptions,
  POCKETDNS_DEFAULT_USER,
  type RunningEmulator,
  startDnsimpleEmulator,
  startDomainrEmulator,
  startGlaucaEmulator,
  startPocketDnsEmulator,
} from '@registrar-kit/testkit';

export const PROVIDER_IDS = ['pocketdns', 'dnsimple', 'glauca', 'domainr'] as const;
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
};

/** The same buckets with every interval multiplied by `timeScale` (as the emulators' `timeScale` does). */
export function scaledBuckets(provider: ProviderId, timeScale: number): Record<string, Partial<BucketSpec>> {
  const out: Record<string, Partial<BucketSpec>> = {};
  for (const [name, spec] of Object.entries(DEFAULT_BUCKETS[provider]))
    out[name] = { ...spec, intervalMs: spec.intervalMs * timeScale };
  return out;
}

export async function startEmulator(
  provider: ProviderId,
  options: CommonEmulatorOptions = {},
): Promise<AnyEmulator> {
  switch (provider) {
    case 'pocketdns':
      return (await startPocketDnsEmulator(options)) as AnyEmulator;
    case 'dnsimple':
      return (await startDnsimpleEmulator(options)) as AnyEmulator;
    case 'glauca':
      return (await startGlaucaEmulator({ instantOrders: true, ...options })) as AnyEmulator;
    case 'domainr':
      return (await startDomainrEmulator(options)) as AnyEmulator;
  }
}

export interface CreateOptions extends TransportUserOptions {
  /** Replaces the emulator's accepted credential (for the secrets test). */
  credential?: string;
  rateLimit?: RateLimitOption;
}

/**
 * The options of `provider`'s factory for a registrar pointed at `baseURL` with the emulator's
 * credentials (plain data, so a child process can build the same registrar).
 */
export function factoryOptions(
  provider: ProviderId,
  emulator: AnyEmulator | null,
  baseURL: string,
  options: CreateOptions = {},
): Record<string, unknown> {
  const { credential, ...transport } = options;
  const creds = emulator?.seedInfo.credentials ?? {};
  switch (provider) {
    case 'pocketdns':
      return { ...transport, baseURL, apiKey: credential ?? creds.apiKey, owner: POCKETDNS_DEFAULT_USER };
    case 'dnsimple':
      return {
        ...transport,
        baseURL,
        token: credential ?? creds.token,
        accountId: creds.accountId ?? '1010',
        registrantId: 1,
      };
    case 'glauca': {
      const state = emulator?.state as { defaultContactId?: string } | undefined;
      return {
        ...transport,
        baseURL,
        dnsBaseURL: baseURL,
        token: credential ?? creds.token,
        ...(state?.defaultContactId ? { contacts: { registrant: state.defaultContactId } } : {}),
      };
    }
    case 'domainr':
      return { ...transport, baseURL, clientId: credential ?? creds.clientId };
  }
}

const FACTORIES = {
  pocketdns: createPocketDns,
  dnsimple: createDnsimple,
  glauca: createGlauca,
  domainr: createDomainr,
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
