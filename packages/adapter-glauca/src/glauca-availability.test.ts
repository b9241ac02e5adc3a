/**
 * `available: false` with `reason: null` (docs/providers/glauca.md#check): Glauca passes the
 * registry's EPP check through, whose reason text is optional; the name cannot be registered.
 */
import { describe, expect, it } from 'vitest';
import { emulatorPerTest } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();

describe('checkAvailability of a taken name', () => {
  it('with the registry reason ("In use"): registered, the reason kept', async () => {
    const { emulator, glauca } = await startEmulator({ seed: { domains: 1 } });
    const name = emulator.seedInfo.registeredName;
    expect(await glauca.checkAvailability(name)).toMatchObject({
      domain: name,
      available: false,
      status: 'registered',
      reason: 'In use',
      providerStatus: ['In use'],
      price: null,
    });
  });

  it('without a reason (reason: null): registered too, reason null', async () => {
    const name = (await startEmulator({ seed: { domains: 1 } })).emulator.seedInfo.registeredName;
    const { glauca } = await startEmulator({ seed: { domains: 1 }, checkReasons: { [name]: null } });
    const availability = await glauca.checkAvailability(name);
    expect(availability).toMatchObject({
      available: false,
      status: 'registered',
      reason: null,
      providerStatus: [],
      price: null,
    });
    expect(availability.raw).toEqual({ domain: name, available: false, reason: null, price: null });
  });
});
