/** Shared setup of the nock tests: a Glauca registrar with fast retries, no rate limits and a fixed clock. */
import {
  type GlaucaEmulatorOptions,
  type RunningEmulator,
  startGlaucaEmulator,
} from '@registrar-kit/testkit';
import { afterEach } from 'vitest';
import type { GlaucaOptions } from '../glauca-client.js';
import { createGlauca } from '../glauca-registrar.js';

export const TOKEN = 'glauca-secret-token-4f2a9c';
export const NOW = new Date('2025-06-01T00:00:00Z');

export function glauca(options: GlaucaOptions = {}) {
  return createGlauca({
    token: TOKEN,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    now: () => NOW,
    ...options,
  });
}

/** Headers every authenticated request carries. */
export const AUTH = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
export const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };

/** A Glauca registrar against an emulator (both APIs on its one url), fast retries, no rate limits. */
export function glaucaOn(
  emulator: { url: string; seedInfo: { credentials: Record<string, string> } },
  options: GlaucaOptions = {},
) {
  return createGlauca({
    baseURL: emulator.url,
    dnsBaseURL: emulator.url,
    token: emulator.seedInfo.credentials.token,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...options,
  });
}

type GlaucaEmulator = Awaited<ReturnType<typeof startGlaucaEmulator>>;

/**
 * For a test file: `start(emulatorOptions, adapterOptions)` starts a Glauca emulator (no rate
 * limits) and an adapter on it; every emulator started is closed after each test.
 */
export function emulatorPerTest() {
  let running: GlaucaEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.map((emulator) => emulator.close()));
    running = [];
  });
  return async (
    options: GlaucaEmulatorOptions = {},
    adapter: GlaucaOptions | ((emulator: GlaucaEmulator) => GlaucaOptions) = {},
  ) => {
    const emulator = await startGlaucaEmulator({ rateLimits: false, ...options });
    running.push(emulator);
    const adapterOptions = typeof adapter === 'function' ? adapter(emulator) : adapter;
    return { emulator, glauca: glaucaOn(emulator as RunningEmulator<unknown>, adapterOptions) };
  };
}
