// The README's `@registrar-kit/adapter-dnsimple`, with createDnsimple pointed at the emulator.
import { createDnsimple as real } from '@registrar-kit/adapter-dnsimple';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-dnsimple';
export const createDnsimple = emulated('dnsimple', real);
