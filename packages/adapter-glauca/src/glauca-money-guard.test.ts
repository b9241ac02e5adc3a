/**
 * maxPrice on register, renew and transfer (DESIGN.md, Contract v2 "Money guards"): Glauca's quote
 * is read first; above the limit, or in another currency, ValidationError price_above_limit and
 * no order is sent.
 */
import { ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { emulatorPerTest } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();

type Running = Awaited<ReturnType<typeof startEmulator>>['emulator'];

async function start() {
  const { emulator, glauca } = await startEmulator({ instantOrders: true, seed: { domains: 4 } }, (e) => ({
    contacts: { registrant: e.state.defaultContactId },
  }));
  return { running: emulator, glauca, prices: emulator.seedInfo.tldPrices.com! };
}

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const orders = (running: Running) =>
  running.requests.filter((r) =>
    ['registerDomain', 'transferDomain', 'renewDomain'].includes(r.operation ?? ''),
  );

async function refused(call: () => Promise<unknown>, operation: string) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ provider: 'glauca', operation, code: 'price_above_limit' });
  return error as ValidationError;
}

describe('registerDomain maxPrice', () => {
  it('above the quote for the years asked: refused, no order; at the quote: ordered and charged once', async () => {
    const { running, glauca, prices } = await start();
    const twoYears = (Number(prices.register) * 2).toFixed(2);
    const error = await refused(
      () => glauca.registerDomain({ domain: 'guarded-name.com', years: 2, maxPrice: gbp(prices.register) }),
      'registerDomain',
    );
    expect(error.message).toContain(`costs ${twoYears} GBP, above maxPrice ${prices.register} GBP`);
    expect(orders(running)).toEqual([]);
    await refused(
      () =>
        glauca.registerDomain({
          domain: 'guarded-name.com',
          maxPrice: { amount: '1000.00', currency: 'USD' },
        }),
      'registerDomain',
    );
    expect(orders(running)).toEqual([]);
    expect(running.ledger).toEqual([]);
    const ok = await glauca.registerDomain({ domain: 'guarded-name.com', years: 2, maxPrice: gbp(twoYears) });
    expect(ok).toMatchObject({ status: 'completed', cost: gbp(twoYears) });
    expect(running.ledger.map((entry) => [entry.operation, entry.amount])).toEqual([['register', twoYears]]);
  });

  it('a premium name is guarded by its own (higher) price', async () => {
    const { running, glauca } = await start();
    await refused(
      () => glauca.registerDomain({ domain: running.seedInfo.premiumName, maxPrice: gbp('100.00') }),
      'registerDomain',
    );
    expect(orders(running)).toEqual([]);
  });
});

describe('renewDomain maxPrice', () => {
  it('reads check_renew first: above it refused with nothing sent, at it renewed', async () => {
    const { running, glauca, prices } = await start();
    const owned = running.seedInfo.ownedDomains[0]!;
    await refused(() => glauca.renewDomain(owned, { years: 1, maxPrice: gbp('0.99') }), 'renewDomain');
    expect(orders(running)).toEqual([]);
    const renewed = await glauca.renewDomain(owned, { years: 1, maxPrice: gbp(prices.renew) });
    expect(renewed).toMatchObject({ status: 'completed', cost: gbp(prices.renew) });
    expect(
      running.requests.map((r) => r.operation).filter((op) => op === 'getPrice' || op === 'renewDomain'),
    ).toEqual(['getPrice', 'getPrice', 'renewDomain']);
  });
});

describe('transferDomain maxPrice', () => {
  it("a registered name: guarded by the zone's transfer price (check_transfer gives none for it)", async () => {
    const { running, glauca, prices } = await start();
    const name = running.seedInfo.registeredName;
    await refused(
      () => glauca.transferDomain({ domain: name, authCode: 'abc', maxPrice: gbp('0.50') }),
      'transferDomain',
    );
    expect(orders(running)).toEqual([]);
    const transfer = await glauca.transferDomain({
      domain: name,
      authCode: 'abc',
      maxPrice: gbp(prices.transfer),
    });
    expect(transfer).toMatchObject({ status: 'completed', cost: gbp(prices.transfer) });
    expect(running.ledger.map((entry) => entry.operation)).toEqual(['transfer']);
  });

  it('a name not eligible for transfer: no price, refused with no_price before any order', async () => {
    const { running, glauca } = await start();
    const locked = running.seedInfo.ownedDomains[1]!; // transfer-locked in the seed
    const error = await glauca
      .transferDomain({ domain: locked, authCode: 'abc', maxPrice: gbp('100.00') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', code: 'no_price', operation: 'transferDomain' });
    expect(orders(running)).toEqual([]);
  });
});
