/**
 * Issue 16's program, as a user writes it: the same name registered with the same ContactInput at
 * DNSimple and at Glauca, renewed under a maxPrice, and the 3-year cost compared across the four
 * providers. Nothing here knows a provider's contact ids or price formats.
 */
import { createDnsimple } from '@registrar-kit/adapter-dnsimple';
import { createDomainr } from '@registrar-kit/adapter-domainr';
import { createGlauca } from '@registrar-kit/adapter-glauca';
import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import { type ContactInput, comparePrices, type Registrar, toArray } from '@registrar-kit/core';
import {
  POCKETDNS_DEFAULT_USER,
  startDnsimpleEmulator,
  startDomainrEmulator,
  startGlaucaEmulator,
  startPocketDnsEmulator,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FAST = { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 }, rateLimit: false } as const;

const owner: ContactInput = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  organization: 'Analytical Engines Ltd',
  email: 'ada@example.com',
  phone: '+44.2071234567',
  address1: '12 St James Square',
  city: 'London',
  stateProvince: 'Greater London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

describe('one program registers, renews and compares at every provider', () => {
  const closers: (() => Promise<void>)[] = [];
  let dnsimple: Registrar;
  let glauca: Registrar;
  let pocketdns: Registrar;
  let domainr: Registrar;
  let ledgers: { dnsimple: unknown[]; glauca: unknown[] };

  beforeAll(async () => {
    const d = await startDnsimpleEmulator({ rateLimits: false });
    const g = await startGlaucaEmulator({ rateLimits: false, instantOrders: true });
    const p = await startPocketDnsEmulator({ rateLimits: false });
    const r = await startDomainrEmulator({ rateLimits: false });
    closers.push(d.close, g.close, p.close, r.close);
    ledgers = { dnsimple: d.ledger, glauca: g.ledger };
    const c = (e: { seedInfo: { credentials: Record<string, string | undefined> } }) =>
      e.seedInfo.credentials;
    dnsimple = createDnsimple({ baseURL: d.url, token: c(d).token, accountId: c(d).accountId, ...FAST });
    glauca = createGlauca({ baseURL: g.url, dnsBaseURL: g.url, token: c(g).token, ...FAST });
    pocketdns = createPocketDns({
      baseURL: p.url,
      apiKey: c(p).apiKey,
      owner: POCKETDNS_DEFAULT_USER,
      ...FAST,
    });
    domainr = createDomainr({ baseURL: r.url, clientId: c(r).clientId, ...FAST });
  });
  afterAll(async () => {
    await Promise.all([dnsimple, glauca, pocketdns, domainr].map((registrar) => registrar?.close()));
    await Promise.all(closers.map((close) => close()));
  });

  it('registers the same name with the same ContactInput at DNSimple and at Glauca', async () => {
    for (const registrar of [dnsimple, glauca]) {
      const registration = await registrar.registerDomain({
        domain: 'lovelace-engines.com',
        years: 1,
        contacts: { registrant: owner, admin: owner, tech: owner, billing: owner },
        maxPrice: { amount: '50.00', currency: registrar === glauca ? 'GBP' : 'USD' },
      });
      expect(registration).toMatchObject({ provider: registrar.provider, domain: 'lovelace-engines.com' });
      // The contact was created once and is the one reused for every role.
      const contacts = (await toArray(registrar.listContacts())).filter(
        (contact) => contact.email === owner.email,
      );
      expect(contacts).toHaveLength(1);
      expect(contacts[0]).toMatchObject({ firstName: 'Ada', phone: '+44.2071234567', country: 'GB' });
    }
    expect(ledgers.dnsimple).toHaveLength(1);
    expect(ledgers.glauca).toHaveLength(1);
  });

  it('renews under a maxPrice; above it, nothing is sent', async () => {
    await expect(
      dnsimple.renewDomain('lovelace-engines.com', {
        years: 1,
        maxPrice: { amount: '1.00', currency: 'USD' },
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'price_above_limit', provider: 'dnsimple' });
    expect(ledgers.dnsimple).toHaveLength(1);
    const renewed = await dnsimple.renewDomain('lovelace-engines.com', {
      years: 1,
      maxPrice: { amount: '50.00', currency: 'USD' },
    });
    expect(renewed).toMatchObject({ provider: 'dnsimple', domain: 'lovelace-engines.com' });
    expect(ledgers.dnsimple).toHaveLength(2);
  });

  it('compares what 3 years cost at the four providers, ranked by total cost within each currency', async () => {
    const { quotes, failures } = await comparePrices(
      [dnsimple, glauca, pocketdns, domainr],
      'babbage-engines.com',
      {
        totalYears: 3,
      },
    );
    expect(quotes.map((quote) => quote.provider).sort()).toEqual(['dnsimple', 'glauca', 'pocketdns']);
    const total = Object.fromEntries(quotes.map((quote) => [quote.provider, quote.totalCost]));
    // DNSimple and PocketDNS publish a renewal price: 1 registration + 2 renewals, exact decimals.
    expect(total.dnsimple).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'USD' });
    expect(total.pocketdns).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'USD' });
    // Glauca quotes one operation for one period only: no renewal price, so no total (never a guess).
    expect(total.glauca).toBeNull();
    // USD quotes are ranked by total cost, GBP on its own: currencies are never mixed without rates.
    const usd = quotes.filter((quote) => quote.price.currency === 'USD');
    expect(Number(usd[0]!.totalCost!.amount)).toBeLessThanOrEqual(Number(usd[1]!.totalCost!.amount));
    expect(failures.map((failure) => [failure.provider, failure.error.name])).toEqual([
      ['domainr', 'UnsupportedOperationError'],
    ]);
  });
});
