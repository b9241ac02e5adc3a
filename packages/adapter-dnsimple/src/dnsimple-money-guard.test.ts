/**
 * The money guard and premium prices of orders (DESIGN.md, Contract v2, "Money guards"), against
 * the emulator and its ledger: above `maxPrice` nothing is sent; a premium quote within it is the
 * `premium_price` DNSimple asks for (https://developer.dnsimple.com/v2/registrar/#registerDomain).
 */
import { ValidationError } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('maxPrice', () => {
  it('register above maxPrice (or in another currency): price_above_limit, no order, no contact, no charge', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const price = emulator.seedInfo.tldPrices.com!.register;
    for (const maxPrice of [usd('0.01'), { amount: '1000', currency: 'GBP' }]) {
      const error = await dnsimple
        .registerDomain({ domain: 'available-name.com', maxPrice })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'price_above_limit', operation: 'registerDomain' });
      expect((error as Error).message).toContain(`${price} USD`);
    }
    expect(requestsTo(emulator, 'POST', /registrations$/)).toHaveLength(0);
    expect(emulator.ledger).toEqual([]);
  });

  it('register within maxPrice: the quote is read first, then one charge', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const price = emulator.seedInfo.tldPrices.com!.register;
    await dnsimple.registerDomain({ domain: 'available-name.com', maxPrice: usd(price) });
    const order = emulator.requests.map(
      (r) => `${r.method} ${r.path.replace('/v2/1010/registrar/domains/available-name.com', '…')}`,
    );
    expect(order).toEqual(['GET /v2/tlds/com/extended_attributes', 'GET …/prices', 'POST …/registrations']);
    expect(emulator.ledger.map((e) => [e.operation, e.amount])).toEqual([['register', price]]);
  });

  it('renew: price × years against maxPrice; a premium name renews with its price confirmed', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const premium = emulator.seedInfo.premiumName;
    const unit = emulator.seedInfo.premiumPrice!;
    await dnsimple.registerDomain({ domain: premium, maxPrice: usd(unit) });
    expect(requestsTo(emulator, 'POST', /registrations$/)[0]!.body).toEqual({
      registrant_id: 1,
      premium_price: unit,
    });
    const refused = await dnsimple
      .renewDomain(premium, { years: 2, maxPrice: usd(unit) })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'price_above_limit', operation: 'renewDomain' });
    expect(requestsTo(emulator, 'POST', /renewals$/)).toHaveLength(0);
    const renewal = await dnsimple.renewDomain(premium, { years: 1, maxPrice: usd(unit) });
    expect(renewal.status).toBe('pending');
    expect(requestsTo(emulator, 'POST', /renewals$/)[0]!.body).toEqual({ period: 1, premium_price: unit });
    expect(emulator.ledger.map((e) => e.operation)).toEqual(['register', 'renew']);
  });

  it('premiumPrice given on renew and transfer goes out as premium_price (a string in USD)', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const domain = emulator.seedInfo.ownedDomains[0]!;
    await dnsimple.renewDomain(domain, { years: 1, premiumPrice: usd('0') });
    expect(requestsTo(emulator, 'POST', /renewals$/)[0]!.body).toEqual({ period: 1, premium_price: '0' });
    await dnsimple.transferDomain({
      domain: 'registered-name.com',
      authCode: 'code',
      premiumPrice: usd('12.50'),
    });
    expect(requestsTo(emulator, 'POST', /transfers$/)[0]!.body).toEqual({
      registrant_id: 1,
      auth_code: 'code',
      premium_price: '12.50',
    });
    const other = await dnsimple
      .renewDomain(domain, { years: 1, premiumPrice: { amount: '1', currency: 'EUR' } })
      .catch((e: unknown) => e);
    expect(other).toMatchObject({ name: 'ValidationError', issues: [{ path: 'premiumPrice.currency' }] });
  });

  it('transfer above maxPrice: nothing sent after the quote', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const error = await dnsimple
      .transferDomain({ domain: 'registered-name.com', authCode: 'code', maxPrice: usd('0.50') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'price_above_limit', operation: 'transferDomain' });
    expect(requestsTo(emulator, 'POST', /transfers$/)).toHaveLength(0);
    expect(emulator.ledger).toEqual([]);
  });
});
