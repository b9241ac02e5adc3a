// The README's `@registrar-kit/adapter-glauca`, with createGlauca pointed at the emulator.
import { createGlauca as real } from '@registrar-kit/adapter-glauca';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-glauca';
export const createGlauca = emulated('glauca', real);
