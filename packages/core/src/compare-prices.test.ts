import { describe, expect, it } from 'vitest';
import { comparePrices } from './compare-prices.js';
import { defineRegistrar } from './define-registrar.js';
import { NetworkError, ProviderError, UnsupportedOperationError } from './errors/error-classes.js';
import type { PriceQuote } from './model/price.js';
import type { ProviderId } from './model/provider-id.js';
import type { Registrar } from './registrar.js';

function fake(
  provider: ProviderId,
  amount: string,
  currency: string,
  delayMs = 0,
  renewal: string | null = null,
): Registrar {
  return defineRegistrar(provider, {
    getPrice: async (name, opts) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delayMs);
        opts?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new NetworkError('aborted', { code: 'aborted' }));
        });
      });
      return {
        provider,
        domain: name,
        operation: opts?.operation ?? 'register',
        years: opts?.years ?? 1,
        price: { amount, currency },
        premium: false,
        available: true,
        renewalPrice: renewal === null ? null : { amount: renewal, currency },
      } satisfies PriceQuote;
    },
  });
}

const failing = defineRegistrar('glauca', {
  getPrice: async () => {
    throw new ProviderError('glauca getPrice failed with HTTP 500', {
      provider: 'glauca',
      operation: 'getPrice',
      status: 500,
    });
  },
});

describe('comparePrices', () => {
  it('ranks quotes cheapest first and lists failures (a failing and an unsupported provider) without sinking others', async () => {
    const result = await comparePrices(
      [
        fake('pocketdns', '12.99', 'USD'),
        failing,
        fake('dnsimple', '9.50', 'USD'),
        defineRegistrar('domainr', {}),
      ],
      'example.com',
    );
    expect(result.quotes.map((q) => [q.provider, q.price.amount])).toEqual([
      ['dnsimple', '9.50'],
      ['pocketdns', '12.99'],
    ]);
    expect(result.failures.map((f) => f.provider)).toEqual(['glauca', 'domainr']);
    expect(result.failures[0]!.error).toBeInstanceOf(ProviderError);
    expect(result.failures[1]!.error).toBeInstanceOf(UnsupportedOperationError);
  });

  it('passes operation and years through', async () => {
    const result = await comparePrices([fake('dnsimple', '20.00', 'USD')], 'example.com', {
      operation: 'renew',
      years: 2,
    });
    expect(result.quotes[0]).toMatchObject({ operation: 'renew', years: 2 });
  });

  it('a slow provider past the deadline becomes a timeout failure; the others are kept', async () => {
    const started = Date.now();
    const result = await comparePrices(
      [fake('pocketdns', '12.99', 'USD'), fake('dnsimple', '1.00', 'USD', 5_000)],
      'example.com',
      { timeoutMs: 50 },
    );
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(result.quotes.map((q) => q.provider)).toEqual(['pocketdns']);
    expect(result.failures[0]).toMatchObject({ provider: 'dnsimple' });
    expect(result.failures[0]!.error).toMatchObject({ code: 'timeout' });
  });

  it('without exchange rates never compares two currencies as if equal: ranks within each currency', async () => {
    const result = await comparePrices(
      [fake('pocketdns', '12.99', 'USD'), fake('glauca', '8.00', 'GBP'), fake('dnsimple', '10.00', 'USD')],
      'example.com',
    );
    expect(result.quotes.map((q) => `${q.price.currency} ${q.price.amount}`)).toEqual([
      'GBP 8.00',
      'USD 10.00',
      'USD 12.99',
    ]);
    expect(Object.keys(result.byCurrency)).toEqual(['GBP', 'USD']);
    expect(result.byCurrency.USD!.map((q) => q.price.amount)).toEqual(['10.00', '12.99']);
  });

  it('with exchange rates ranks across currencies by worth', async () => {
    const result = await comparePrices(
      [fake('pocketdns', '12.99', 'USD'), fake('glauca', '9.00', 'GBP'), fake('dnsimple', '11.00', 'USD')],
      'example.com',
      { exchangeRates: { USD: 1, GBP: 1.27 } },
    );
    // GBP 9.00 = 11.43 reference units: between USD 11.00 and USD 12.99.
    expect(result.quotes.map((q) => `${q.price.currency} ${q.price.amount}`)).toEqual([
      'USD 11.00',
      'GBP 9.00',
      'USD 12.99',
    ]);
  });

  it('a currency missing from the rates is ranked within its own currency, after the converted ones', async () => {
    const result = await comparePrices(
      [fake('pocketdns', '1.00', 'EUR'), fake('glauca', '9.00', 'GBP'), fake('dnsimple', '11.00', 'USD')],
      'example.com',
      {
        exchangeRates: { USD: 1, GBP: 1.27 },
      },
    );
    expect(result.quotes.map((q) => q.price.currency)).toEqual(['USD', 'GBP', 'EUR']);
  });

  it('an abort of the whole comparison fails every provider still waiting', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const result = await comparePrices([fake('dnsimple', '1.00', 'USD', 5_000)], 'example.com', {
      signal: controller.signal,
    });
    expect(result.quotes).toEqual([]);
    expect(result.failures[0]!.error).toBeInstanceOf(NetworkError);
  });

  it('the signal settles the comparison even when a provider ignores it (that provider in failures)', async () => {
    const deaf = defineRegistrar('pocketdns', { getPrice: () => new Promise<PriceQuote>(() => {}) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const result = await comparePrices([fake('dnsimple', '1.00', 'USD'), deaf], 'example.com', {
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.quotes.map((quote) => quote.provider)).toEqual(['dnsimple']);
    expect(result.failures).toEqual([{ provider: 'pocketdns', error: expect.any(NetworkError) }]);
    expect(result.failures[0]!.error).toMatchObject({
      code: 'aborted',
      provider: 'pocketdns',
      operation: 'getPrice',
    });
  });

  it('an already aborted signal settles at once, every provider in failures', async () => {
    const deaf = defineRegistrar('pocketdns', { getPrice: () => new Promise<PriceQuote>(() => {}) });
    const result = await comparePrices([deaf], 'example.com', { signal: AbortSignal.abort() });
    expect(result.failures).toEqual([
      { provider: 'pocketdns', error: expect.objectContaining({ code: 'aborted' }) },
    ]);
  });
});

describe('comparePrices with totalYears: what a customer pays over time', () => {
  const promo = fake('pocketdns', '1.99', 'USD', 0, '45.00');
  const steady = fake('dnsimple', '15.00', 'USD', 0, '15.00');
  const unknownRenewal = fake('glauca', '5.00', 'USD');

  it('adds totalCost (the term plus renewals, exact decimals) and ranks by it, not by the first year', async () => {
    const result = await comparePrices([promo, steady, unknownRenewal], 'example.com', { totalYears: 3 });
    expect(result.quotes.map((q) => [q.provider, q.price.amount, q.totalCost?.amount ?? null])).toEqual([
      ['dnsimple', '15.00', '45.00'],
      ['pocketdns', '1.99', '91.99'],
      ['glauca', '5.00', null],
    ]);
    expect(result.byCurrency.USD!.map((q) => q.provider)).toEqual(['dnsimple', 'pocketdns', 'glauca']);
  });

  it('totalYears equal to the term is the price itself; without totalYears there is no totalCost', async () => {
    const same = await comparePrices([promo], 'example.com', { years: 2, totalYears: 2 });
    expect(same.quotes[0]!.totalCost).toEqual({ amount: '1.99', currency: 'USD' });
    const plain = await comparePrices([promo, steady], 'example.com');
    expect(plain.quotes.map((q) => q.provider)).toEqual(['pocketdns', 'dnsimple']);
    expect('totalCost' in plain.quotes[0]!).toBe(false);
  });

  it('never mixes currencies: a GBP total is ranked in its own group without rates, with them by worth', async () => {
    const pounds = fake('glauca', '10.00', 'GBP', 0, '10.00');
    const alone = await comparePrices([steady, pounds], 'example.com', { totalYears: 2 });
    expect(alone.quotes.map((q) => [q.provider, q.totalCost])).toEqual([
      ['glauca', { amount: '20.00', currency: 'GBP' }],
      ['dnsimple', { amount: '30.00', currency: 'USD' }],
    ]);
    const ranked = await comparePrices([steady, pounds], 'example.com', {
      totalYears: 2,
      exchangeRates: { USD: 1, GBP: 2 },
    });
    expect(ranked.quotes.map((q) => q.provider)).toEqual(['dnsimple', 'glauca']);
  });

  it.each([0, 1.5, Number.NaN, 101])(
    'refuses totalYears %s below the term or not whole (ValidationError)',
    async (totalYears) => {
      await expect(comparePrices([promo], 'example.com', { years: 2, totalYears })).rejects.toMatchObject({
        name: 'ValidationError',
        issues: [{ path: 'totalYears' }],
      });
    },
  );
});
