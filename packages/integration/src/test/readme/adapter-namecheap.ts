// The README's `@registrar-kit/adapter-namecheap`, with createNamecheap pointed at the emulator.
import { createNamecheap as real } from '@registrar-kit/adapter-namecheap';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-namecheap';
export const createNamecheap = emulated('namecheap', real);
