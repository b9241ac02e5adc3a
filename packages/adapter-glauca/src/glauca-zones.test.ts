/** getZone / createZone on HexDNS against the emulator (docs/providers/glauca.md#hexdns). */
import { ValidationError } from '@registrar-kit/core';
import type { RunningEmulator } from '@registrar-kit/testkit';
import { describe, expect, it } from 'vitest';
import { HEXDNS_NAMESERVERS } from './glauca-zones.js';
import { emulatorPerTest, glaucaOn } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();

describe('zones', () => {
  it('getZone finds a zone by name; createZone POSTs zone_root and the new zone is found by name after', async () => {
    const { emulator, glauca } = await startEmulator({ seed: { domains: 2 } });
    const owned = emulator.seedInfo.ownedDomains[0]!;
    expect(await glauca.getZone(owned.toUpperCase())).toEqual({
      provider: 'glauca',
      id: expect.stringMatching(/^hexdns_zone_[0-9a-f]{32}$/),
      name: owned,
      nameservers: HEXDNS_NAMESERVERS,
    });
    const created = await glauca.createZone('Brand-New-Zone.com.');
    expect(created).toEqual({
      provider: 'glauca',
      id: expect.stringMatching(/^hexdns_zone_/),
      name: 'brand-new-zone.com',
      nameservers: HEXDNS_NAMESERVERS,
    });
    expect(emulator.requests.find((r) => r.operation === 'createZone')?.body).toEqual({
      zone_root: 'brand-new-zone.com',
    });
    const fresh = glaucaOn(emulator as RunningEmulator<unknown>);
    expect((await fresh.getZone('brand-new-zone.com')).id).toBe(created.id);
    await expect(
      fresh.createRecord('brand-new-zone.com', { type: 'A', name: '@', content: '192.0.2.1' }),
    ).resolves.toMatchObject({
      domain: 'brand-new-zone.com',
    });
  });

  it('a zone that exists is refused by HexDNS: ValidationError invalid_zone', async () => {
    const { emulator, glauca } = await startEmulator({ seed: { domains: 2 } });
    const error = await glauca.createZone(emulator.seedInfo.ownedDomains[0]!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ operation: 'createZone', code: 'invalid_zone' });
  });

  it('getTldRequirements: Glauca publishes none, UnsupportedOperationError', async () => {
    const { glauca } = await startEmulator({ seed: { domains: 1 } });
    await expect(glauca.getTldRequirements('com')).rejects.toMatchObject({
      name: 'UnsupportedOperationError',
      operation: 'getTldRequirements',
    });
  });
});
