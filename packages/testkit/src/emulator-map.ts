/**
 * One entry per provider: how to start its loopback emulator and the factory options that point the
 * provider's adapter at a running one, with the credentials the emulator accepts. The CLI's
 * `--emulate`, the demo, the integration tests and the benchmarks read this map instead of knowing
 * each provider; adding a provider is one entry. Option names are written from each provider's
 * adapter documentation (its README); nothing here imports adapter code.
 */

import { CLOUDFLARE_API_PREFIX, startCloudflareEmulator } from './cloudflare/cloudflare-emulator.js';
import { startDnsimpleEmulator } from './dnsimple/dnsimple-emulator.js';
import { startDomainrEmulator } from './domainr/domainr-emulator.js';
import type { CommonEmulatorOptions, RunningEmulator, SeedInfo } from './emulator/emulator-types.js';
import { startGlaucaEmulator } from './glauca/glauca-emulator.js';
import { startNamecheapEmulator } from './namecheap/namecheap-emulator.js';
import { POCKETDNS_DEFAULT_USER, startPocketDnsEmulator } from './pocketdns/pocketdns-emulator.js';
import { PORKBUN_API_PREFIX } from './porkbun/porkbun-context.js';
import { startPorkbunEmulator } from './porkbun/porkbun-emulator.js';

export type AnyRunningEmulator = RunningEmulator<unknown>;

/** Where an emulator listens and what its seed holds (a running emulator, or one in another process). */
export interface EmulatorAddress {
  url: string;
  seedInfo: SeedInfo;
}

export interface ProviderEmulator {
  /** Starts the emulator on a free loopback port (options as each `start…Emulator` takes them). */
  start(options?: CommonEmulatorOptions & Record<string, unknown>): Promise<AnyRunningEmulator>;
  /**
   * Options for the provider's factory (`baseURL`, credentials, and whatever else the adapter
   * needs to work against the emulator's seed, such as a default registrant contact).
   */
  adapterOptions(emulator: EmulatorAddress): Record<string, unknown>;
}

const credential = (emulator: EmulatorAddress, option: string) => emulator.seedInfo.credentials[option];

/** By provider id (lower-case, as `providerInfo.id`). */
export const PROVIDER_EMULATORS = {
  pocketdns: {
    start: startPocketDnsEmulator,
    adapterOptions: (emulator) => ({
      baseURL: emulator.url,
      apiKey: credential(emulator, 'apiKey'),
      owner: POCKETDNS_DEFAULT_USER,
    }),
  },
  glauca: {
    start: startGlaucaEmulator,
    adapterOptions: (emulator) => ({
      baseURL: emulator.url,
      dnsBaseURL: emulator.url,
      token: credential(emulator, 'token'),
      ...(emulator.seedInfo.contactId ? { contacts: { registrant: emulator.seedInfo.contactId } } : {}),
    }),
  },
  dnsimple: {
    start: startDnsimpleEmulator,
    adapterOptions: (emulator) => ({
      baseURL: emulator.url,
      token: credential(emulator, 'token'),
      accountId: credential(emulator, 'accountId'),
      // The seeded account's first contact.
      registrantId: 1,
    }),
  },
  domainr: {
    start: startDomainrEmulator,
    adapterOptions: (emulator) => ({ baseURL: emulator.url, clientId: credential(emulator, 'clientId') }),
  },
  porkbun: {
    start: startPorkbunEmulator,
    adapterOptions: (emulator) => ({
      baseURL: `${emulator.url}${PORKBUN_API_PREFIX}`,
      apiKey: credential(emulator, 'apiKey'),
      secretApiKey: credential(emulator, 'secretApiKey'),
    }),
  },
  namecheap: {
    start: startNamecheapEmulator,
    adapterOptions: (emulator) => ({
      baseURL: emulator.url,
      apiUser: credential(emulator, 'apiUser'),
      apiKey: credential(emulator, 'apiKey'),
      userName: credential(emulator, 'userName'),
      clientIp: credential(emulator, 'clientIp'),
    }),
  },
  cloudflare: {
    start: startCloudflareEmulator,
    adapterOptions: (emulator) => ({
      baseURL: `${emulator.url}${CLOUDFLARE_API_PREFIX}`,
      apiToken: credential(emulator, 'apiToken'),
      accountId: credential(emulator, 'accountId'),
    }),
  },
} satisfies Record<string, ProviderEmulator>;

export type EmulatedProviderId = keyof typeof PROVIDER_EMULATORS;

/** The ids the map holds, in its order. */
export const EMULATED_PROVIDERS = Object.keys(PROVIDER_EMULATORS) as EmulatedProviderId[];

/** The entry of `id` (any case), or undefined when the testkit has no emulator for it. */
export function providerEmulator(id: string): ProviderEmulator | undefined {
  const key = id.toLowerCase();
  return Object.hasOwn(PROVIDER_EMULATORS, key)
    ? (PROVIDER_EMULATORS as Record<string, ProviderEmulator>)[key]
    : undefined;
}
