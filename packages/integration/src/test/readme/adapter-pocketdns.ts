// The README's `@registrar-kit/adapter-pocketdns`, with createPocketDns pointed at the emulator.
import { createPocketDns as real } from '@registrar-kit/adapter-pocketdns';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-pocketdns';
export const createPocketDns = emulated('pocketdns', real);
