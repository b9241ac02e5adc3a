/**
 * `--emulate` and the demo: starts the testkit's loopback emulators (its `PROVIDER_EMULATORS` map)
 * and builds each registrar against its emulator with the emulator's default credentials.
 */
import type { KnownProviderId, Registrar, RetryOptions } from '@registrar-kit/core';
import {
  type AnyRunningEmulator,
  PROVIDER_EMULATORS,
  TransferRegistry,
} from '@registrar-kit/testkit/emulators';
import { createRegistrar, type RegistrarConfig } from '../create-registrar.js';
import { PROVIDER_LIST } from '../providers.js';

type AnyEmulator = AnyRunningEmulator;

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
export function emulatedRegistrar(
  id: KnownProviderId,
  emulator: AnyEmulator,
  overrides: Record<string, unknown> = {},
): Registrar {
  return createRegistrar({
    provider: id,
    ...PROVIDER_EMULATORS[id].adapterOptions(emulator),
    ...LOCAL,
    ...overrides,
  } as RegistrarConfig);
}

/**
 * Starts the emulators of `ids` (default: all of them) in parallel. `overrides`: factory options
 * that replace the emulator's defaults per provider (the CLI's `--owner` for PocketDNS); `options`:
 * how they are seeded.
 */
export interface EmulationOptions {
  /** Providers whose emulator starts without domains (the gaining side of a `move`). */
  empty?: readonly KnownProviderId[];
}

export async function startEmulation(
  ids: readonly KnownProviderId[] = PROVIDER_LIST,
  overrides: Partial<Record<KnownProviderId, Record<string, unknown>>> = {},
  options: EmulationOptions = {},
): Promise<Emulation> {
  const unique = [...new Set(ids)];
  // One registry for the emulation, so `move` can transfer a domain between the emulators.
  const registry = new TransferRegistry();
  const started = await Promise.allSettled(
    unique.map((id) =>
      // No server-side limits: the walk-through is a sandbox (Porkbun's 1 check per 10 s would stall it).
      PROVIDER_EMULATORS[id].start({
        registry,
        rateLimits: false,
        ...(options.empty?.includes(id) ? { seed: { domains: 0 } } : {}),
      }),
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
        registrar = emulatedRegistrar(id, emulator, overrides[id]);
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
