import { type AvailabilityStatus, NotFoundError, PermissionError, toArray } from '@registrar-kit/core';
import { type DomainrState, type RunningEmulator, startDomainrEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomainr } from './domainr-registrar.js';
import { FAST } from './test/domainr-test-setup.js';

/** The emulator's named flag combinations (testkit domainr-status-table.ts) → the documented mapping. */
const EMULATOR_NAMES: [string, string, AvailabilityStatus, boolean][] = [
  ['available-name.com', 'undelegated inactive', 'available', true],
  ['registered-name.com', 'active', 'registered', false],
  ['premium-name.com', 'undelegated inactive premium', 'premium', true],
  ['unknown-name.com', 'unknown', 'unknown', false],
  ['undelegated-name.com', 'undelegated', 'unknown', false],
  ['pending-name.cafe', 'undelegated pending', 'unregistrable', false],
  ['unregistrable-name.google', 'undelegated unregistrable', 'unregistrable', false],
  ['disallowed-name.com', 'undelegated disallowed', 'unregistrable', false],
  ['claimed-name.com', 'claimed', 'reserved', false],
  ['reserved-name.com', 'claimed reserved', 'reserved', false],
  ['dpml-name.com', 'undelegated reserved dpml', 'reserved', false],
  ['parked-name.com', 'active parked', 'registered', false],
  ['marketed-name.com', 'active marketed', 'registered', false],
  ['expiring-name.com', 'active expiring', 'registered', false],
  ['deleting-name.com', 'active deleting', 'registered', false],
  ['priced-name.com', 'active marketed priced', 'registered', false],
  ['transferable-name.com', 'active marketed priced transferable', 'registered', false],
  ['premium-active-name.com', 'active premium', 'registered', false],
  ['suffix-name.com', 'active suffix', 'registered', false],
  ['registrar-name.com', 'active registrar', 'registered', false],
  ['future-flag-name.com', 'active frobnicated', 'registered', false],
  ['co.uk', 'active suffix zone', 'unregistrable', false],
  ['never-seen-before.io', 'undelegated inactive', 'available', true],
];

let emulator: RunningEmulator<DomainrState>;

beforeAll(async () => {
  emulator = await startDomainrEmulator({ rateLimits: false });
});
afterAll(() => emulator.close());

describe.each([
  [
    'v2 client_id',
    () => createDomainr({ baseURL: emulator.url, clientId: emulator.seedInfo.credentials.clientId, ...FAST }),
  ],
  [
    'v2 RapidAPI',
    () =>
      createDomainr({
        baseURL: emulator.url,
        rapidApiKey: emulator.seedInfo.credentials.rapidApiKey,
        ...FAST,
      }),
  ],
  [
    'Fastly',
    () =>
      createDomainr({
        api: 'fastly',
        baseURL: emulator.url,
        fastlyToken: emulator.seedInfo.credentials.fastlyToken,
        ...FAST,
      }),
  ],
])('against the Domainr emulator (%s)', (_label, create) => {
  it('maps every named flag combination as documented, through checkAvailabilityMany', async () => {
    const items = await toArray(create().checkAvailabilityMany(EMULATOR_NAMES.map(([name]) => name)));
    expect(items).toHaveLength(EMULATOR_NAMES.length);
    for (const [name, flags, status, available] of EMULATOR_NAMES) {
      const item = items.find((i) => i.name === name);
      expect(item && 'result' in item, name).toBe(true);
      if (item && 'result' in item) {
        expect(item.result, name).toMatchObject({
          domain: name,
          status,
          available,
          providerStatus: flags.split(' '),
        });
      }
    }
  });

  it('suggests names for a query in the requested zones', async () => {
    const suggestions = await create().suggestDomains('acme cafe', {
      tlds: ['io'],
      registrar: 'dnsimple.com',
    });
    expect(suggestions[0]).toMatchObject({ domain: 'acmecafe.io', zone: 'io' });
    expect(suggestions.every((s) => ['com', 'net', 'org', 'io', 'dev', 'co.uk'].includes(s.zone))).toBe(true);
  });
});

describe('emulator specifics', () => {
  it('v2 registerUrl comes from the search result', async () => {
    const registrar = createDomainr({
      baseURL: emulator.url,
      clientId: emulator.seedInfo.credentials.clientId,
      ...FAST,
    });
    const [first] = await registrar.suggestDomains('acme', { tlds: ['com'] });
    expect(first).toEqual({
      domain: 'acme.com',
      zone: 'com',
      registerUrl: `${emulator.url}/v2/register?domain=acme.com&registrar=&source=api`,
    });
    const last = emulator.requests.at(-1)!;
    expect(last).toMatchObject({
      method: 'GET',
      path: '/v2/search',
      query: { query: 'acme', defaults: 'com', client_id: 'domainr-test-client' },
    });
    expect(last.query.callback).toBeUndefined();
  });

  it('Fastly getPrice quotes the seeded aftermarket offer', async () => {
    const registrar = createDomainr({
      api: 'fastly',
      baseURL: emulator.url,
      fastlyToken: emulator.seedInfo.credentials.fastlyToken,
      ...FAST,
    });
    expect(await registrar.getPrice('transferable-name.com')).toEqual({
      provider: 'domainr',
      domain: 'transferable-name.com',
      operation: 'register',
      years: 1,
      price: { amount: '990.00', currency: 'USD' },
      premium: false,
      available: false,
      renewalPrice: null,
      raw: { vendor: 'ExampleAftermarket', price: '990.00', currency: 'USD' },
    });
  });

  it('Fastly scope=estimate is accepted by the emulator', async () => {
    const registrar = createDomainr({
      api: 'fastly',
      scope: 'estimate',
      baseURL: emulator.url,
      fastlyToken: emulator.seedInfo.credentials.fastlyToken,
      ...FAST,
    });
    expect(await registrar.checkAvailability('available-name.com')).toMatchObject({
      status: 'unknown',
      providerStatus: ['undelegated'],
    });
  });

  it('RapidAPI with a wrong X-RapidAPI-Host is refused by the gateway (PermissionError)', async () => {
    const registrar = createDomainr({
      baseURL: emulator.url,
      rapidApiKey: emulator.seedInfo.credentials.rapidApiKey,
      rapidApiHost: 'wrong.p.rapidapi.com',
      ...FAST,
    });
    const error = await registrar.checkAvailability('a-b.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
  });

  it('the undocumented {"errors": [...]} answer for an invalid name is status invalid', async () => {
    const errorsMode = await startDomainrEmulator({
      rateLimits: false,
      invalidNameResponse: 'errors',
      statuses: { 'bad-by-domainr.com': 'invalid' },
    });
    try {
      const registrar = createDomainr({ baseURL: errorsMode.url, clientId: 'domainr-test-client', ...FAST });
      expect(await registrar.checkAvailability('bad-by-domainr.com')).toMatchObject({
        status: 'invalid',
        available: false,
        reason: 'invalid domain name: bad-by-domainr.com',
      });
    } finally {
      await errorsMode.close();
    }
  });
});

describe('Fastly answers as its spec allows them (issue 16: every offer field, domain, zone and status optional)', () => {
  const fastly = () =>
    createDomainr({
      api: 'fastly',
      baseURL: emulator.url,
      fastlyToken: emulator.seedInfo.credentials.fastlyToken,
      ...FAST,
    });
  const rawOf = async (name: string) => {
    const availability = await fastly().checkAvailability(name);
    return availability.raw as { offers?: unknown[] };
  };

  it('an offer without a price is skipped (kept in raw); the usable one next to it is quoted', async () => {
    const availability = await fastly().checkAvailability('offer-without-price.com');
    expect(availability).toMatchObject({
      status: 'registered',
      available: false,
      reason:
        'registered: for sale on the aftermarket (marketed); aftermarket offer from ExampleAftermarket: 1500.00 USD',
      providerStatus: ['active', 'marketed'],
    });
    expect((availability.raw as { offers: unknown[] }).offers).toEqual([
      { vendor: 'ExampleAftermarket', currency: 'USD' },
      { vendor: 'ExampleAftermarket', price: '1500.00', currency: 'USD' },
    ]);
    expect(await fastly().getPrice('offer-without-price.com')).toEqual({
      provider: 'domainr',
      domain: 'offer-without-price.com',
      operation: 'register',
      years: 1,
      price: { amount: '1500.00', currency: 'USD' },
      premium: false,
      available: false,
      renewalPrice: null,
      raw: { vendor: 'ExampleAftermarket', price: '1500.00', currency: 'USD' },
    });
  });

  it('"2,500.00" (thousands separator) is read as 2500.00; raw keeps the text as sent', async () => {
    expect(await fastly().checkAvailability('offer-comma-price.com')).toMatchObject({
      status: 'registered',
      reason:
        'registered: for sale on the aftermarket (marketed, priced); aftermarket offer from ExampleAftermarket: 2500.00 USD',
    });
    expect(await fastly().getPrice('offer-comma-price.com')).toMatchObject({
      price: { amount: '2500.00', currency: 'USD' },
      raw: { vendor: 'ExampleAftermarket', price: '2,500.00', currency: 'USD' },
    });
  });

  it('an empty offer is skipped: availability still answers, getPrice finds no offer (NotFoundError)', async () => {
    expect(await fastly().checkAvailability('offer-empty.com')).toMatchObject({
      status: 'registered',
      reason: 'registered: for sale on the aftermarket (marketed)',
    });
    expect((await rawOf('offer-empty.com')).offers).toEqual([{}]);
    const error = await fastly()
      .getPrice('offer-empty.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: 'domainr', operation: 'getPrice' });
  });

  it('an answer without domain and zone reports the asked name', async () => {
    expect(await fastly().checkAvailability('sparse-answer.com')).toEqual({
      provider: 'domainr',
      domain: 'sparse-answer.com',
      available: false,
      status: 'registered',
      premium: false,
      price: null,
      reason: null,
      suggestions: [],
      providerStatus: ['active'],
      raw: { status: 'active', tags: '' },
    });
  });

  it('an answer without status is unknown, never available', async () => {
    expect(await fastly().checkAvailability('no-status-answer.com')).toEqual({
      provider: 'domainr',
      domain: 'no-status-answer.com',
      available: false,
      status: 'unknown',
      premium: false,
      price: null,
      reason: 'the answer carries no status: whether the name is taken is not known',
      suggestions: [],
      providerStatus: [],
      raw: { domain: 'no-status-answer.com', zone: 'com', tags: '' },
    });
  });
});
