// The README's `@registrar-kit/adapter-domainr`, with createDomainr pointed at the emulator.
import { createDomainr as real } from '@registrar-kit/adapter-domainr';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-domainr';
export const createDomainr = emulated('domainr', real);
