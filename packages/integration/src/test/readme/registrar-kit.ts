// The README's `registrar-kit`, with createRegistrar pointed at the configured provider's emulator.
import { type RegistrarConfig, createRegistrar as real, toProviderId } from 'registrar-kit';
import { emulatorOptions } from './emulated-state.js';

export * from 'registrar-kit';
export function createRegistrar(config: RegistrarConfig): ReturnType<typeof real> {
  const id = toProviderId(config.provider ?? process.env.REGISTRAR_PROVIDER);
  return real({ ...emulatorOptions(id ?? ''), ...config } as RegistrarConfig);
}
