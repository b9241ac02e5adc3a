// The README's `@registrar-kit/adapter-porkbun`, with createPorkbun pointed at the emulator.
import { createPorkbun as real } from '@registrar-kit/adapter-porkbun';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-porkbun';
export const createPorkbun = emulated('porkbun', real);
