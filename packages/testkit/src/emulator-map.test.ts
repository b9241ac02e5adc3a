import { describe, expect, it } from 'vitest';
import { EMULATED_PROVIDERS, PROVIDER_EMULATORS, providerEmulator } from './emulator-map.js';
import * as emulatorsEntry from './emulators.js';
import * as redisEntry from './redis.js';

describe('PROVIDER_EMULATORS', () => {
  it('holds every provider, found by id in any case', () => {
    expect(EMULATED_PROVIDERS).toEqual([
      'pocketdns',
      'glauca',
      'dnsimple',
      'domainr',
      'porkbun',
      'namecheap',
      'cloudflare',
    ]);
    expect(providerEmulator('GLAUCA')).toBe(PROVIDER_EMULATORS.glauca);
    expect(providerEmulator('nope')).toBeUndefined();
    expect(providerEmulator('constructor')).toBeUndefined();
  });

  it.each(EMULATED_PROVIDERS)(
    '%s: adapter options point at the running emulator with its credentials',
    async (id) => {
      const emulator = await PROVIDER_EMULATORS[id].start();
      try {
        const options = PROVIDER_EMULATORS[id].adapterOptions(emulator);
        // The emulator's address, with the API's path prefix where the adapter's baseURL includes it.
        expect(String(options.baseURL).startsWith(emulator.url)).toBe(true);
        const secret = Object.entries(options).filter(
          ([key, value]) => typeof value === 'string' && emulator.seedInfo.credentials[key] === value,
        );
        expect(secret.length).toBeGreaterThan(0);
      } finally {
        await emulator.close();
      }
    },
  );
});

describe('entries', () => {
  it('the run-time emulators entry does not carry the test-only redis-server helper', () => {
    expect('startRedisServer' in emulatorsEntry).toBe(false);
    expect(typeof redisEntry.startRedisServer).toBe('function');
  });
});
