import { AuthenticationError, toArray } from '@registrar-kit/core';
import { type RunningEmulator, startGlaucaEmulator, testRegistrar } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlaucaOptions } from './glauca-client.js';
import { glaucaProviderInfo } from './glauca-provider-info.js';
import { createGlauca } from './glauca-registrar.js';
import { RFC4034_PUBLIC_KEY } from './test/glauca-fixtures.js';

const create = (url: string, emulator: RunningEmulator<unknown>, options: GlaucaOptions = {}) =>
  createGlauca({
    baseURL: url,
    dnsBaseURL: url,
    token: emulator.seedInfo.credentials.token,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...options,
  });

testRegistrar({
  name: 'glauca',
  emulator: (options) => startGlaucaEmulator(options),
  create: (url, emulator, overrides) => create(url, emulator, overrides as GlaucaOptions),
  readBucket: 'domains',
  providerInfo: glaucaProviderInfo,
  skip: {
    availability:
      'Glauca has no premium flag (docs/providers/glauca.md#check: a higher price is the only hint), so a premium name answers premium: false; the rest of this check runs below',
  },
});

describe('Glauca adapter against the Glauca emulator', () => {
  let emulator: Awaited<ReturnType<typeof startGlaucaEmulator>>;
  let glauca: ReturnType<typeof create>;
  const contacts = () => ({ registrant: emulator.state.defaultContactId });

  beforeAll(async () => {
    emulator = await startGlaucaEmulator({ rateLimits: false, seed: { domains: 5 } });
    glauca = create(emulator.url, emulator as RunningEmulator<unknown>, { contacts: contacts() });
  });
  afterAll(() => emulator.close());

  it('availability: available, registered, premium (price only), invalid', async () => {
    const info = emulator.seedInfo;
    expect(await glauca.checkAvailability(info.availableName)).toMatchObject({
      available: true,
      status: 'available',
      price: { amount: info.tldPrices.com!.register, currency: 'GBP' },
    });
    expect(await glauca.checkAvailability(info.registeredName)).toMatchObject({
      available: false,
      status: 'registered',
      reason: 'In use',
    });
    expect(await glauca.checkAvailability(info.premiumName)).toMatchObject({
      available: true,
      premium: false,
      price: { amount: info.premiumPrice, currency: 'GBP' },
    });
    expect(await glauca.checkAvailability('name.unsold-tld')).toMatchObject({
      available: false,
      status: 'unregistrable',
    });
  });

  it('maps the seeded special states (transfer lock, pending transfer, redemption)', async () => {
    const [, locked, pending, redemption] = emulator.seedInfo.ownedDomains;
    expect(await glauca.getDomain(locked!)).toMatchObject({ transferLock: true });
    expect(await glauca.getDomain(pending!)).toMatchObject({
      status: 'transferring',
      providerStatus: ['pending_transfer'],
    });
    expect(await glauca.getDomain(redemption!)).toMatchObject({
      status: 'redemption',
      providerStatus: ['pending_delete', 'redemption_grace_period', 'deleted'],
    });
  });

  it('prices every operation in GBP', async () => {
    const info = emulator.seedInfo;
    const [owned, , , redemption] = info.ownedDomains;
    expect((await glauca.getPrice(info.availableName, { years: 2 })).price).toEqual({
      amount: '25.98',
      currency: 'GBP',
    });
    expect((await glauca.getPrice(info.registeredName, { operation: 'transfer' })).price).toEqual({
      amount: info.tldPrices.com!.transfer,
      currency: 'GBP',
    });
    expect((await glauca.getPrice(owned!, { operation: 'renew' })).price).toEqual({
      amount: info.tldPrices.com!.renew,
      currency: 'GBP',
    });
    expect((await glauca.getPrice(redemption!, { operation: 'restore' })).price).toEqual({
      amount: info.tldPrices.com!.restore,
      currency: 'GBP',
    });
  });

  it('registers through an order and polls it to completion', async () => {
    const registration = await glauca.registerDomain({ domain: 'fresh-name.com', years: 2 });
    expect(registration).toMatchObject({
      domain: 'fresh-name.com',
      status: 'pending',
      cost: { amount: '25.98', currency: 'GBP' },
    });
    let status = registration.status;
    for (let i = 0; i < 5 && status === 'pending'; i++)
      status = (await glauca.getRegistration(registration.id)).status;
    expect(status).toBe('completed');
    expect(await glauca.getDomain('fresh-name.com')).toMatchObject({
      name: 'fresh-name.com',
      status: 'active',
    });
    expect(emulator.ledger.at(-1)).toMatchObject({
      operation: 'register',
      domain: 'fresh-name.com',
      amount: '25.98',
      currency: 'GBP',
    });
  });

  it('transfers through an order: pending → in_progress → completed, with the domain id', async () => {
    const transfer = await glauca.transferDomain({
      domain: emulator.seedInfo.registeredName,
      authCode: 'abc123',
    });
    expect(transfer.status).toBe('pending');
    const seen = [transfer.status];
    let current = transfer;
    for (let i = 0; i < 5 && current.status !== 'completed'; i++) {
      current = await glauca.getTransfer(transfer.id);
      seen.push(current.status);
    }
    expect(seen).toEqual(['pending', 'in_progress', 'in_progress', 'completed']);
    expect((await glauca.getDomain(current.domainId!)).name).toBe(emulator.seedInfo.registeredName);
  });

  it('renews and restores through the domain actions', async () => {
    const [owned, , , redemption] = emulator.seedInfo.ownedDomains;
    expect(await glauca.renewDomain(owned!, { years: 1 })).toMatchObject({
      status: 'pending',
      cost: { amount: '12.99', currency: 'GBP' },
    });
    const restore = await glauca.restoreDomain(redemption!);
    expect(restore).toMatchObject({ status: 'pending', cost: { amount: '80.00', currency: 'GBP' } });
  });

  it('round-trips DS records in both sec_dns forms, and removes them', async () => {
    const name = emulator.seedInfo.ownedDomains[0]!;
    const ds = [
      {
        keyTag: 6687,
        algorithm: 13,
        digestType: 2,
        digest: '66818ACF61D1EF06C90B5871A045E2302A7474A6BAC046FE3FE23B9338F9D559',
      },
    ];
    expect(await glauca.setDsRecords(name, ds)).toEqual(ds);
    expect(await glauca.getDsRecords(name)).toEqual(ds);
    const key = [
      {
        keyTag: 60485,
        algorithm: 5,
        digestType: 0,
        digest: '',
        publicKey: RFC4034_PUBLIC_KEY,
        flags: 256,
        protocol: 3,
      },
    ];
    expect(await glauca.setDsRecords(name, key)).toEqual(key);
    expect(await glauca.setDsRecords(name, [])).toEqual([]);
  });

  it('reads and regenerates the auth code', async () => {
    const name = emulator.seedInfo.ownedDomains[0]!;
    const before = (await glauca.getAuthCode(name)).authCode;
    const after = await glauca.regenerateAuthCode(name);
    expect(after).toMatch(/^.{16}$/);
    expect(after).not.toBe(before);
    expect((await glauca.getAuthCode(name)).authCode).toBe(after);
  });

  it('authenticates with a personal access token', async () => {
    const pat = createGlauca({
      baseURL: emulator.url,
      dnsBaseURL: emulator.url,
      personalAccessToken: emulator.seedInfo.credentials.personalAccessToken,
      rateLimit: false,
    });
    expect((await toArray(pat.listDomains())).length).toBeGreaterThan(0);
    expect((await toArray(pat.listRecords(emulator.seedInfo.ownedDomains[0]!))).length).toBeGreaterThan(0);
  });

  it('getToken: a refused token ("Invalid token", 403) is refreshed once', async () => {
    const calls: boolean[] = [];
    const refreshing = createGlauca({
      baseURL: emulator.url,
      rateLimit: false,
      retry: false,
      getToken: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? emulator.seedInfo.credentials.token! : 'expired-token';
      },
    });
    expect((await toArray(refreshing.listDomains())).length).toBeGreaterThan(0);
    expect(calls).toEqual([false, true]);
    const hopeless = createGlauca({
      baseURL: emulator.url,
      rateLimit: false,
      getToken: () => 'expired-token',
    });
    await expect(toArray(hopeless.listDomains())).rejects.toThrow(AuthenticationError);
  });
});
