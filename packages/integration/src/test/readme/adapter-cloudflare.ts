// The README's `@registrar-kit/adapter-cloudflare`, with createCloudflare pointed at the emulator.
import { createCloudflare as real } from '@registrar-kit/adapter-cloudflare';
import { emulated } from './emulated-state.js';

export * from '@registrar-kit/adapter-cloudflare';
export const createCloudflare = emulated('cloudflare', real);
