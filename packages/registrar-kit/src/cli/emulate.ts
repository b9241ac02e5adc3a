/**
 * `--emulate` and the demo: starts the built-in loopback emulators of the four APIs and builds
 * each registrar against its emulator with the emulator's default credentials.
 */
import type { KnownProviderId, Registrar, RetryOptions } from '@registrar-kit/core';
import {
  POCKETDNS_DEFAULT_USER,
  type RunningEmulator,
  startDnsimpleEmulator,
  startDomainrEmulator,
  startGlaucaEmulator,
  startPocketDnsEmulator,
  TransferRegistry,
} from '@registrar-kit/testkit/emulators';
import { createRegistrar } from '../create-registrar.js';
import { PROVIDER_LIST } from '../providers.js';

type AnyEmulator = RunningEmulator<unknown>;

/** One registry per emulation, so `move` can transfer a domain between the emulators. */
type Start = (options: { registry: TransferRegistry; seed?: { domains: number } }) => Promise<AnyEmulator>;
const START: Record<KnownProviderId, Start> = {
  pocketdns: (options) => startPocketDnsEmulator(options) as Promise<AnyEmulator>,
  glauca: (options) => startGlaucaEmulator(options) as Promise<AnyEmulator>,
  dnsimple: (options) => startDnsimpleEmulator(options) as Promise<AnyEmulator>,
  domainr: () => startDomainrEmulator() as Promise<AnyEmulator>,
};

export interface EmulationOptions {
  /** Providers whose emulator starts without domains (the gaining side of a `move`). */
  empty?: readonly KnownProviderId[];
}

/** Loopback servers need no client-side throttling; quick retries keep a run short. */
const LOCAL = {
  rateLimit: false as const,
  retry: { retries: 1, minDelayMs: 10, maxDelayMs: 50 } satisfies RetryOptions,
};

export interface Emulation {
  readonly emulators: Partial<Record<KnownProviderId, AnyEmulator>>;
  /** The registrar of a started provider, built against its emulator. */
  registrar(id: KnownProviderId): Registrar;
  /** Requests the emulators have answered so far. */
  requestCount(): number;
  close(): Promise<void>;
}

/** The registrar of one provider, against a running emulator, with the emulator's default credentials. */
export function emulatedRegistrar(id: KnownProviderId, emulator: AnyEmulator): Registrar {
  const credentials = emulator.seedInfo.credentials;
  const url = emulator.url;
  switch (id) {
    case 'pocketdns':
      return createRegistrar({
        provider: 'pocketdns',
        baseURL: url,
        apiKey: credentials.apiKey,
        owner: POCKETDNS_DEFAULT_USER,
        ...LOCAL,
      });
    case 'glauca':
      return createRegistrar({
        provider: 'glauca',
        baseURL: url,
        dnsBaseURL: url,
        token: credentials.token,
        // The emulator's contact registers and takes transfers (`move` to Glauca).
        ...(emulator.seedInfo.contactId ? { contacts: { registrant: emulator.seedInfo.contactId } } : {}),
        ...LOCAL,
      });
    case 'dnsimple':
      return createRegistrar({
        provider: 'dnsimple',
        baseURL: url,
        token: credentials.token,
        accountId: credentials.accountId,
        // The emulator's contact registers and takes transfers (`move` to DNSimple).
        ...(emulator.seedInfo.contactId ? { registrantId: emulator.seedInfo.contactId } : {}),
        ...LOCAL,
      });
    case 'domainr':
      return createRegistrar({ provider: 'domainr', baseURL: url, clientId: credentials.clientId, ...LOCAL });
  }
}

/** Starts the emulators of `ids` (default: all four) in parallel. */
export async function startEmulation(
  ids: readonly KnownProviderId[] = PROVIDER_LIST,
  options: EmulationOptions = {},
): Promise<Emulation> {
  const unique = [...new Set(ids)];
  const registry = new TransferRegistry();
  const started = await Promise.allSettled(
    unique.map((id) =>
      START[id]({ registry, ...(options.empty?.includes(id) ? { seed: { domains: 0 } } : {}) }),
    ),
  );
  const emulators: Partial<Record<KnownProviderId, AnyEmulator>> = {};
  started.forEach((result, index) => {
    if (result.status === 'fulfilled') emulators[unique[index]!] = result.value;
  });
  const closeAll = async () => {
    await Promise.allSettled(Object.values(emulators).map((emulator) => emulator.close()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await closeAll();
    throw (failed as PromiseRejectedResult).reason;
  }
  const registrars = new Map<KnownProviderId, Registrar>();
  let closed = false;
  return {
    emulators,
    registrar(id) {
      const emulator = emulators[id];
      if (!emulator) throw new Error(`the ${id} emulator was not started`);
      let registrar = registrars.get(id);
      if (!registrar) {
        registrar = emulatedRegistrar(id, emulator);
        registrars.set(id, registrar);
      }
      return registrar;
    },
    requestCount: () => Object.values(emulators).reduce((sum, emulator) => sum + emulator.requests.length, 0),
    async close() {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}
