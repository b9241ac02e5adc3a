import type { Capability, Registrar } from '@registrar-kit/core';
import type { RunningEmulator } from '../emulator/emulator-types.js';

export { errorRenderings } from '../secrets/error-renderings.js';

/** Runs `fn` and returns what it threw (fails the test when it did not throw). */
export async function caught(fn: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The credential values an emulator accepts: none may appear in an error. */
export function secretsOf(emulator: RunningEmulator<unknown>): string[] {
  return Object.values(emulator.seedInfo.credentials).filter(
    (value) => typeof value === 'string' && value.length >= 4,
  );
}

/** A simple read call on the registrar, targeted by fault rules under the same operation name. */
export function readCall(
  registrar: Registrar,
  emulator: RunningEmulator<unknown>,
): { operation: Capability; call: (signal?: AbortSignal) => Promise<unknown> } | null {
  const domain = emulator.seedInfo.ownedDomains[0];
  if (registrar.supports('getDomain') && domain) {
    return { operation: 'getDomain', call: (signal) => registrar.getDomain(domain, { signal }) };
  }
  if (registrar.supports('checkAvailability')) {
    return {
      operation: 'checkAvailability',
      call: (signal) => registrar.checkAvailability(emulator.seedInfo.availableName, { signal }),
    };
  }
  return null;
}

/** Records sent to the emulator since `from` (an index into `emulator.requests`). */
export function requestsSince(emulator: RunningEmulator<unknown>, from: number): number {
  return emulator.requests.length - from;
}
