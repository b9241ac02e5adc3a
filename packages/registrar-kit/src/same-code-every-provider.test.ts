/**
 * One piece of application code, typed against `Registrar` only, run unchanged against the four
 * emulated providers through createRegistrar: the "swap provider without code changes" promise.
 */
import { type Registrar, toArray, UnsupportedOperationError } from '@registrar-kit/core';
import type { RunningEmulator } from '@registrar-kit/testkit/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulation, startEmulation } from './cli/emulate.js';
import { PROVIDER_LIST } from './providers.js';

/** The application: what a portfolio dashboard would do, whatever the provider. */
async function dashboard(registrar: Registrar, names: { free: string; taken: string }) {
  const [free, taken] = await Promise.all([
    registrar.checkAvailability(names.free),
    registrar.checkAvailability(names.taken),
  ]);
  const domains = registrar.supports('listDomains') ? await toArray(registrar.listDomains()) : null;
  const first = domains?.[0] ? await registrar.getDomain(domains[0].name) : null;
  const records =
    first && registrar.supports('listRecords') ? await toArray(registrar.listRecords(first.name)) : null;
  return { free, taken, domains, first, records };
}

let emulation: Emulation;

beforeAll(async () => {
  emulation = await startEmulation(PROVIDER_LIST);
});

afterAll(async () => {
  await emulation?.close();
});

describe.each(PROVIDER_LIST)('the same app code on %s', (id) => {
  it('runs unchanged and gets the seeded data', async () => {
    const registrar = emulation.registrar(id);
    const seed = (emulation.emulators[id] as RunningEmulator<unknown>).seedInfo;
    const result = await dashboard(registrar, { free: seed.availableName, taken: seed.registeredName });

    expect(result.free).toMatchObject({ provider: id, available: true, status: 'available' });
    expect(result.taken).toMatchObject({ provider: id, available: false, status: 'registered' });
    if (id === 'domainr') {
      expect(result.domains).toBeNull();
      await expect(registrar.getDomain(seed.ownedDomains[0]!)).rejects.toBeInstanceOf(
        UnsupportedOperationError,
      );
      return;
    }
    expect(result.domains?.map((domain) => domain.name).sort()).toEqual([...seed.ownedDomains].sort());
    expect(result.first?.name).toBe(result.domains?.[0]?.name);
    expect(result.first?.expiresAt).toBeInstanceOf(Date);
    expect(result.records?.length).toBeGreaterThanOrEqual(3);
    expect(result.records).toContainEqual(
      expect.objectContaining({ type: 'A', name: '@', content: '192.0.2.1', domain: result.first?.name }),
    );
  });
});
