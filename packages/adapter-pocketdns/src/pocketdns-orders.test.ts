/**
 * Contract v2 on PocketDNS's spending calls, against the emulator and its ledger: `maxPrice` on
 * renew and transfer (the price fetched first, nothing sent above it), contacts (PocketDNS has no
 * contact objects and its transfer takes no contact details), and the inputs PocketDNS has no
 * field for.
 */
import { UnsupportedOperationError, ValidationError } from '@registrar-kit/core';
import type { PocketDnsState, RunningEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PocketDnsRegistrar } from './index.js';
import { caught, startWithEmulator } from './test/pocketdns-test-setup.js';

let emulator: RunningEmulator<PocketDnsState>;
let registrar: PocketDnsRegistrar;

beforeAll(async () => {
  ({ emulator, pocketdns: registrar } = await startWithEmulator({
    seed: { domains: 3, recordsPerDomain: 0 },
  }));
});
afterAll(async () => {
  await registrar?.close();
  await emulator?.close();
});

const CONTACT = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.net',
  phone: '+44.2071234567',
  address1: '1 Example Street',
  city: 'London',
  postalCode: 'N1 1AA',
  country: 'GB',
};

/** The spending requests (renew, transfer) sent since `from`. */
const spendingSent = (from: number) =>
  emulator.requests
    .slice(from)
    .filter((request) => request.method === 'POST')
    .map((r) => r.path);

describe('renewDomain with maxPrice', () => {
  it('above the price of the domain: refused with price_above_limit, nothing charged or sent', async () => {
    const name = emulator.seedInfo.ownedDomains[0]!;
    const sent = emulator.requests.length;
    const charges = emulator.ledger.length;
    const error = await caught(() =>
      registrar.renewDomain(name, { years: 2, maxPrice: { amount: '25.97', currency: 'USD' } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'price_above_limit',
      provider: 'pocketdns',
      operation: 'renewDomain',
    });
    expect((error as Error).message).toContain('25.98 USD');
    expect(spendingSent(sent)).toEqual([]);
    expect(emulator.ledger.length).toBe(charges);
  });

  it('in another currency: refused, nothing sent', async () => {
    const name = emulator.seedInfo.ownedDomains[0]!;
    const sent = emulator.requests.length;
    expect(
      await caught(() =>
        registrar.renewDomain(name, { years: 1, maxPrice: { amount: '999', currency: 'GBP' } }),
      ),
    ).toMatchObject({ name: 'ValidationError', code: 'price_above_limit' });
    expect(spendingSent(sent)).toEqual([]);
  });

  it('at the price: renewed and charged once, exactly the quoted amount', async () => {
    const name = emulator.seedInfo.ownedDomains[1]!;
    const charges = emulator.ledger.length;
    const result = await registrar.renewDomain(name, {
      years: 2,
      maxPrice: { amount: '25.98', currency: 'USD' },
    });
    expect(result).toMatchObject({
      domain: name,
      status: 'completed',
      cost: { amount: '25.98', currency: 'USD' },
    });
    expect(emulator.ledger.slice(charges)).toMatchObject([
      { operation: 'renew', domain: name, amount: '25.98' },
    ]);
  });

  it('premiumPrice is refused: PocketDNS takes no premium price confirmation', async () => {
    const sent = emulator.requests.length;
    const error = await caught(() =>
      registrar.renewDomain(emulator.seedInfo.ownedDomains[0]!, {
        years: 1,
        premiumPrice: { amount: '12.99', currency: 'USD' },
      }),
    );
    expect(error).toMatchObject({ name: 'ValidationError', issues: [{ path: 'premiumPrice' }] });
    expect(emulator.requests.length).toBe(sent);
  });

  it('a bad years or maxPrice is one ValidationError "pocketdns renewDomain: invalid renewal: …"', async () => {
    const error = await caught(() =>
      registrar.renewDomain(emulator.seedInfo.ownedDomains[0]!, {
        years: 11,
        maxPrice: { amount: '-1', currency: 'USD' },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^pocketdns renewDomain: invalid renewal: years: .*; maxPrice/);
  });
});

describe('transferDomain with maxPrice', () => {
  const name = () => emulator.seedInfo.registeredName;

  it('above the TLD transfer price: refused with price_above_limit, nothing sent', async () => {
    const sent = emulator.requests.length;
    const error = await caught(() =>
      registrar.transferDomain({
        domain: name(),
        authCode: 'auth-123',
        maxPrice: { amount: '12.98', currency: 'USD' },
      }),
    );
    expect(error).toMatchObject({ name: 'ValidationError', code: 'price_above_limit' });
    expect(spendingSent(sent)).toEqual([]);
  });

  it('at the price: the transfer starts, charged once', async () => {
    const charges = emulator.ledger.length;
    const transfer = await registrar.transferDomain({
      domain: name(),
      authCode: 'auth-123',
      maxPrice: { amount: '12.99', currency: 'USD' },
    });
    expect(transfer).toMatchObject({
      domain: name(),
      status: 'pending',
      cost: { amount: '12.99', currency: 'USD' },
    });
    expect(emulator.ledger.slice(charges)).toMatchObject([{ operation: 'transfer', amount: '12.99' }]);
  });
});

describe('contacts and other inputs PocketDNS has no field for', () => {
  it('a contact id is a ValidationError naming the provider; nothing is sent', async () => {
    const sent = emulator.requests.length;
    const error = await caught(() =>
      registrar.transferDomain({ domain: 'elsewhere.com', authCode: 'x', contacts: { registrant: 'c1' } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ issues: [{ path: 'contacts.registrant' }] });
    expect((error as Error).message).toContain('pocketdns has no contact ids');
    expect(emulator.requests.length).toBe(sent);
  });

  it('a ContactInput is refused too: the domain goes to its owner, whose details PocketDNS keeps', async () => {
    const sent = emulator.requests.length;
    const error = await caught(() =>
      registrar.transferDomain({ domain: 'elsewhere.com', authCode: 'x', contacts: { registrant: CONTACT } }),
    );
    expect(error).toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'contacts.registrant', message: expect.stringContaining('user_identifier') }],
    });
    expect(emulator.requests.length).toBe(sent);
  });

  it('extendedAttributes and premiumPrice are refused, every issue in one error', async () => {
    const error = await caught(() =>
      registrar.transferDomain({
        domain: 'elsewhere.com',
        authCode: 'x',
        extendedAttributes: { us_nexus_category: 'C11' },
        premiumPrice: { amount: '10', currency: 'USD' },
      }),
    );
    expect(error).toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'premiumPrice' }, { path: 'extendedAttributes' }],
    });
  });

  it.each([
    ['listContacts', () => registrar.listContacts()[Symbol.asyncIterator]().next()],
    ['getContact', () => registrar.getContact('c1')],
    ['createContact', () => registrar.createContact(CONTACT)],
    ['getTldRequirements', () => registrar.getTldRequirements('com')],
    ['getAuthCode', () => registrar.getAuthCode(emulator.seedInfo.ownedDomains[0]!)],
    ['createZone', () => registrar.createZone('new-zone.com')],
    ['registerDomain', () => registrar.registerDomain({ domain: 'new-name.com' })],
  ] as const)('%s is UnsupportedOperationError (PocketDNS has no such endpoint)', async (operation, call) => {
    expect(await caught(call)).toMatchObject({
      name: 'UnsupportedOperationError',
      provider: 'pocketdns',
      operation,
    });
    expect(await caught(call)).toBeInstanceOf(UnsupportedOperationError);
  });
});

describe('quotes and zones (emulator)', () => {
  it('every quote carries the TLD list renewal price', async () => {
    const info = emulator.seedInfo;
    for (const operation of ['register', 'renew', 'transfer'] as const) {
      const quote = await registrar.getPrice(info.availableName, { operation, years: 1 });
      expect(quote.renewalPrice).toEqual({ amount: info.tldPrices.com!.renew, currency: info.currency });
    }
    const premium = await registrar.getPrice(info.premiumName);
    expect(premium).toMatchObject({ premium: true, price: { amount: info.premiumPrice } });
  });

  it('getZone: the domain zone at PocketDNS (id, name, name servers); an unknown name is NotFoundError', async () => {
    const name = emulator.seedInfo.ownedDomains[0]!;
    const domain = await registrar.getDomain(name);
    expect(await registrar.getZone(name.toUpperCase())).toEqual({
      provider: 'pocketdns',
      id: domain.id,
      name,
      nameservers: domain.nameservers,
    });
    expect(await caught(() => registrar.getZone('not-here.com'))).toMatchObject({ name: 'NotFoundError' });
  });
});
