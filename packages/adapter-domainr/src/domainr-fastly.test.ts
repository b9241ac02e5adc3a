import {
  AuthenticationError,
  CAPABILITIES,
  NotFoundError,
  PermissionError,
  PriceQuoteSchema,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DomainrOptions } from './domainr-client.js';
import { createDomainr } from './domainr-registrar.js';
import { marketed } from './test/domainr-fixtures.js';
import { expectNoSecret, FAST, isolateDomainrEnv } from './test/domainr-test-setup.js';

const FASTLY = 'https://api.fastly.com';
const STATUS = '/domain-management/v1/tools/status';
const SUGGEST = '/domain-management/v1/tools/suggest';
const TOKEN = 'fastly-SECRET-token-42';

const fastly = (options: DomainrOptions = {}) =>
  createDomainr({ api: 'fastly', fastlyToken: TOKEN, ...FAST, ...options });

beforeAll(() => nock.disableNetConnect());
isolateDomainrEnv();
afterEach(() => nock.cleanAll());

describe('Fastly checkAvailability (tools/status)', () => {
  it('GET /domain-management/v1/tools/status?domain=… with Fastly-Key; no scope unless asked; offer in reason, price null', async () => {
    const scope = nock(FASTLY, {
      reqheaders: { 'fastly-key': TOKEN, accept: 'application/json' },
      badheaders: ['x-rapidapi-key', 'authorization'],
    })
      .get(STATUS)
      .query({ domain: 'la.co' })
      .reply(200, marketed);
    expect(await fastly().checkAvailability('LA.co.')).toEqual({
      provider: 'domainr',
      domain: 'la.co',
      available: false,
      status: 'registered',
      premium: false,
      price: null,
      reason:
        'registered: for sale on the aftermarket (marketed, priced); aftermarket offer from ExampleAftermarket: 2500.50 USD',
      suggestions: [],
      providerStatus: ['active', 'marketed', 'priced'],
      raw: marketed,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends scope=estimate when configured', async () => {
    const body = { domain: 'a-b.com', zone: 'com', status: 'undelegated', scope: 'estimate' };
    const scope = nock(FASTLY, { reqheaders: { 'fastly-key': TOKEN } })
      .get(STATUS)
      .query({ domain: 'a-b.com', scope: 'estimate' })
      .reply(200, body);
    const result = await fastly({ scope: 'estimate' }).checkAvailability('a-b.com');
    expect(result).toMatchObject({
      status: 'unknown',
      available: false,
      providerStatus: ['undelegated'],
      raw: body,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('reads FASTLY_API_TOKEN at request time; missing → AuthenticationError naming it and the option, no request', async () => {
    const registrar = createDomainr({ api: 'fastly', ...FAST });
    const never = nock(FASTLY).get(/.*/).query(true).reply(200, {});
    const error = await registrar.checkAvailability('a-b.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'missing_credentials', operation: 'checkAvailability' });
    expect((error as Error).message).toBe(
      'domainr checkAvailability: missing credential: pass the `fastlyToken` option or set FASTLY_API_TOKEN',
    );
    expect(never.isDone()).toBe(false);
    nock.cleanAll();
    process.env.FASTLY_API_TOKEN = 'env-token';
    const scope = nock(FASTLY, { reqheaders: { 'fastly-key': 'env-token' } })
      .get(STATUS)
      .query({ domain: 'a-b.com' })
      .reply(200, { domain: 'a-b.com', status: 'undelegated inactive' });
    expect((await registrar.checkAvailability('a-b.com')).status).toBe('available');
    expect(scope.isDone()).toBe(true);
  });

  it('v2 credentials are not used by the Fastly API', async () => {
    const error = await createDomainr({ api: 'fastly', clientId: 'cid', ...FAST })
      .checkAvailability('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('a wrong-shaped body (offers not a list, status not a string) is a ResponseFormatError naming the field', async () => {
    nock(FASTLY)
      .get(STATUS)
      .query(true)
      .reply(200, { ...marketed, offers: { vendor: 'X', price: '2500', currency: 'USD' } });
    const first = await fastly()
      .checkAvailability('la.co')
      .catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ResponseFormatError);
    expect((first as ResponseFormatError).issues[0]?.path).toBe('offers');
    nock(FASTLY).get(STATUS).query(true).reply(200, { domain: 'la.co', status: 7 });
    const second = await fastly()
      .checkAvailability('la.co')
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ResponseFormatError);
    expect((second as ResponseFormatError).issues[0]?.path).toBe('status');
  });

  it('an offer priced with a number (the spec says text) is skipped and kept in raw; no status is unknown', async () => {
    const body = { ...marketed, offers: [{ vendor: 'X', price: 2500, currency: 'USD' }] };
    nock(FASTLY).get(STATUS).query(true).reply(200, body);
    expect(await fastly().checkAvailability('la.co')).toMatchObject({
      status: 'registered',
      reason: 'registered: for sale on the aftermarket (marketed, priced)',
      raw: body,
    });
    nock(FASTLY).get(STATUS).query(true).reply(200, { domain: 'la.co' });
    expect(await fastly().checkAvailability('la.co')).toEqual({
      provider: 'domainr',
      domain: 'la.co',
      available: false,
      status: 'unknown',
      premium: false,
      price: null,
      reason: 'the answer carries no status: whether the name is taken is not known',
      suggestions: [],
      providerStatus: [],
      raw: { domain: 'la.co' },
    });
  });
});

describe('Fastly errors', () => {
  const cases: [number, object, new (...args: never[]) => Error, string][] = [
    [
      401,
      { msg: 'Provided credentials are missing or invalid' },
      AuthenticationError,
      'Provided credentials are missing or invalid',
    ],
    [
      403,
      { msg: 'Forbidden', detail: 'Domain Research is not enabled for this account' },
      PermissionError,
      'Forbidden: Domain Research is not enabled for this account',
    ],
    [
      400,
      { msg: 'Bad request', detail: 'missing required parameter: domain' },
      ValidationError,
      'Bad request: missing required parameter: domain',
    ],
    [429, { message: 'Too many requests' }, RateLimitError, 'Too many requests'],
    [500, { msg: 'Internal error' }, ProviderError, 'Internal error'],
  ];
  it.each(cases)(
    "HTTP %i → the error class with Fastly's message",
    async (status, body, errorClass, message) => {
      nock(FASTLY).get(STATUS).query(true).times(3).reply(status, body, { 'retry-after': '0' });
      const error = await fastly()
        .checkAvailability('a-b.com')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      expect((error as Error).message).toBe(
        `domainr checkAvailability failed with HTTP ${status}: ${message}`,
      );
    },
  );

  it('a token echoed in an error body is redacted', async () => {
    nock(FASTLY)
      .get(STATUS)
      .query(true)
      .reply(401, { msg: 'bad token', detail: `token ${TOKEN} unknown` });
    const error = await fastly()
      .checkAvailability('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(error, [TOKEN]);
  });
});

describe('Fastly getPrice (cheapest aftermarket offer)', () => {
  it('capabilities: getPrice only with api fastly', () => {
    const registrar = fastly();
    expect(CAPABILITIES.filter((name) => registrar.capabilities[name])).toEqual([
      'checkAvailability',
      'getPrice',
      'suggestDomains',
    ]);
    expect(registrar.api).toBe('fastly');
    expect(createDomainr({ clientId: 'x' }).capabilities.getPrice).toBe(false);
  });

  it('the v2 API rejects getPrice with UnsupportedOperationError, without a request', async () => {
    const never = nock('https://api.domainr.com').get(/.*/).query(true).reply(200, {});
    const error = await createDomainr({ clientId: 'x', ...FAST })
      .getPrice('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ provider: 'domainr', operation: 'getPrice' });
    expect(never.isDone()).toBe(false);
  });

  it("quotes the cheapest offer in the first offer's currency, vendor in raw", async () => {
    const scope = nock(FASTLY, { reqheaders: { 'fastly-key': TOKEN } })
      .get(STATUS)
      .query({ domain: 'la.co' })
      .reply(200, marketed);
    const quote = await fastly().getPrice('la.co', { operation: 'register', years: 1 });
    expect(quote).toEqual({
      provider: 'domainr',
      domain: 'la.co',
      operation: 'register',
      years: 1,
      price: { amount: '2500.50', currency: 'USD' },
      premium: false,
      available: false,
      renewalPrice: null,
      raw: { vendor: 'ExampleAftermarket', price: '2500.5', currency: 'USD' },
    });
    expect(PriceQuoteSchema.parse(quote)).toBeTruthy();
    expect(scope.isDone()).toBe(true);
  });

  it('premium with an offer: premium true, available true', async () => {
    nock(FASTLY)
      .get(STATUS)
      .query({ domain: 'ace.pizza' })
      .reply(200, {
        domain: 'ace.pizza',
        status: 'undelegated inactive premium',
        offers: [{ vendor: 'Registry', price: '1200.00', currency: 'usd' }],
      });
    expect(await fastly().getPrice('ace.pizza')).toMatchObject({
      price: { amount: '1200.00', currency: 'USD' },
      premium: true,
      available: true,
    });
  });

  it('no offers (absent, empty or null) → NotFoundError', async () => {
    for (const offers of [undefined, [], null]) {
      nock(FASTLY)
        .get(STATUS)
        .query(true)
        .reply(200, { domain: 'a-b.com', status: 'undelegated inactive', offers });
      const error = await fastly()
        .getPrice('a-b.com')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe(
        'domainr getPrice: no aftermarket offer for a-b.com (Domainr quotes no registration prices)',
      );
    }
  });

  it('refuses an operation other than register, years other than 1 and a bad name, before any request', async () => {
    const never = nock(FASTLY).get(/.*/).query(true).reply(200, marketed);
    const error = await fastly()
      .getPrice('la.co', { operation: 'renew', years: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['operation', 'years']);
    expect(
      await fastly()
        .getPrice('../x')
        .catch((e: unknown) => e),
    ).toBeInstanceOf(ValidationError);
    expect(never.isDone()).toBe(false);
  });
});

describe('Fastly suggestDomains (tools/suggest)', () => {
  it('sends query, defaults, keywords, location and vendor; no register URL', async () => {
    const scope = nock(FASTLY, { reqheaders: { 'fastly-key': TOKEN } })
      .get(SUGGEST)
      .query({
        query: 'acme',
        defaults: 'coffee,io',
        keywords: 'shop,store',
        location: 'GB',
        vendor: 'dnsimple.com',
      })
      .reply(200, {
        results: [
          { domain: 'acme.coffee', subdomain: 'acme.', zone: 'coffee', path: '' },
          { domain: 'acmeshop.coffee', subdomain: 'acmeshop.', zone: 'coffee' },
        ],
      });
    const suggestions = await fastly().suggestDomains('acme', {
      tlds: ['coffee', 'io'],
      keywords: ['shop', ' store '],
      location: 'GB',
      registrar: 'DNSimple.com',
    });
    expect(suggestions).toEqual([
      { domain: 'acme.coffee', zone: 'coffee', registerUrl: null },
      { domain: 'acmeshop.coffee', zone: 'coffee', registerUrl: null },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses keywords with commas, before any request', async () => {
    const never = nock(FASTLY).get(/.*/).query(true).reply(200, { results: [] });
    const error = await fastly()
      .suggestDomains('acme', { keywords: ['a,b'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'keywords', message: 'must be non-empty strings without commas' },
    ]);
    expect(never.isDone()).toBe(false);
  });
});
