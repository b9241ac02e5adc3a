/**
 * The README snippets run as written, against the emulators: their imports of an adapter (or of
 * `registrar-kit`) resolve to these wrappers, whose factories add the emulator's `baseURL` and
 * seeded credentials under the options the snippet gives, as a sandbox would be configured.
 */
import type { Registrar } from '@registrar-kit/core';
import { type AnyRunningEmulator, PROVIDER_EMULATORS } from '@registrar-kit/testkit';

const running = new Map<string, AnyRunningEmulator>();

export function useEmulators(emulators: ReadonlyMap<string, AnyRunningEmulator>): void {
  running.clear();
  for (const [id, emulator] of emulators) running.set(id, emulator);
}

/** The options that point provider `id`'s adapter at its emulator (quick retries, no throttling). */
export function emulatorOptions(id: string): Record<string, unknown> {
  const emulator = running.get(id);
  if (!emulator) throw new Error(`no ${id} emulator is running for the README snippets`);
  const entry = PROVIDER_EMULATORS[id as keyof typeof PROVIDER_EMULATORS];
  return {
    ...entry.adapterOptions(emulator),
    rateLimit: false,
    retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
  };
}

/** `factory` with the emulator's options under the caller's (options the caller gives win). */
export function emulated<Options extends object>(
  id: string,
  factory: (options?: Options) => Registrar,
): (options?: Options) => Registrar {
  return (options) => factory({ ...emulatorOptions(id), ...(options ?? {}) } as Options);
}
