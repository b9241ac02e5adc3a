/**
 * Every factory hands the transport options to its transport: `maxResponseBytes` reaches it, so a
 * body past the cap is a ResponseFormatError response_too_large whichever adapter reads it.
 */
import { ResponseFormatError } from '@registrar-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnyEmulator, createFor, PROVIDER_IDS, startEmulator } from './support/providers.js';

describe('factories pass maxResponseBytes to the transport', () => {
  const emulators: AnyEmulator[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((emulator) => emulator.close()));
  });

  it.each(PROVIDER_IDS)(
    '%s: a 16-byte cap makes checkAvailability fail with response_too_large',
    async (provider) => {
      const emulator = await startEmulator(provider, { rateLimits: false });
      emulators.push(emulator);
      const capped = createFor(provider, emulator, emulator.url, { retry: false, maxResponseBytes: 16 });
      const error = await capped.checkAvailability('capped-body-test.com').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({ code: 'response_too_large', provider });
      const uncapped = createFor(provider, emulator, emulator.url, { retry: false });
      await expect(uncapped.checkAvailability('capped-body-test.com')).resolves.toMatchObject({ provider });
    },
  );
});
