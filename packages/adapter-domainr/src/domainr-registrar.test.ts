import {
  AuthenticationError,
  AvailabilitySchema,
  CAPABILITIES,
  DomainSuggestionSchema,
  isRegistrarError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
  type TransportEvent,
  toArray,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DomainrOptions } from './domainr-client.js';
import { createDomainr } from './domainr-registrar.js';
import { statusBody } from './test/domainr-fixtures.js';
import { expectNoSecret, FAST, isolateDomainrEnv } from './test/domainr-test-setup.js';

const DOMAINR = 'https://api.domainr.com';
const RAPID = 'https://domainr.p.rapidapi.com';
const CLIENT_ID = 'cid-SECRET-1234';
const RAPID_KEY = 'rapid-SECRET-5678';

const domainr = (options: DomainrOptions = {}) => createDomainr({ clientId: CLIENT_ID, ...FAST, ...options });
const availableModel = (domain: string, raw: unknown) => ({
  provider: 'domainr',
  domain,
  available: true,
  status: 'available',
  premium: false,
  price: null,
  reason: null,
  suggestions: [],
  providerStatus: ['undelegated', 'inactive'],
  raw,
});

beforeAll(() => nock.disableNetConnect());
isolateDomainrEnv();
afterEach(() => nock.cleanAll());

describe('auth modes and exact requests', () => {
  it('client id: GET api.domainr.com/v2/status?domain=…&client_id=…, no RapidAPI headers, no callback', async () => {
    const body = statusBody('acecafe.io', 'undelegated inactive', 'io');
    const scope = nock(DOMAINR, {
      reqheaders: { accept: 'application/json', 'user-agent': /^registrar-kit\/\d/ },
      badheaders: ['x-rapidapi-key', 'x-rapidapi-host', 'fastly-key', 'idempotency-key', 'authorization'],
    })
      .get('/v2/status')
      .query({ domain: 'acecafe.io', client_id: CLIENT_ID })
      .reply(200, body);
    const result = await domainr().checkAvailability('acecafe.io');
    expect(result).toEqual(availableModel('acecafe.io', body.status[0]));
    expect(AvailabilitySchema.parse(result)).toEqual(result);
    expect(scope.isDone()).toBe(true);
  });

  it('RapidAPI key: domainr.p.rapidapi.com with X-RapidAPI-Key and X-RapidAPI-Host headers, no key in the query', async () => {
    const body = statusBody('acecafe.io', 'undelegated inactive', 'io');
    const scope = nock(RAPID, {
      reqheaders: {
        'x-rapidapi-key': RAPID_KEY,
        'x-rapidapi-host': 'domainr.p.rapidapi.com',
        accept: 'application/json',
      },
      badheaders: ['fastly-key', 'authorization'],
    })
      .get('/v2/status')
      .query({ domain: 'acecafe.io' })
      .reply(200, body);
    const result = await createDomainr({ rapidApiKey: RAPID_KEY, ...FAST }).checkAvailability('acecafe.io');
    expect(result).toEqual(availableModel('acecafe.io', body.status[0]));
    expect(scope.isDone()).toBe(true);
  });

  it('rapidApiHost overrides the X-RapidAPI-Host header; baseURL keeps a proxy prefix', async () => {
    const scope = nock('https://proxy.example.test', {
      reqheaders: { 'x-rapidapi-host': 'other.p.rapidapi.com', 'x-rapidapi-key': RAPID_KEY },
    })
      .get('/domainr/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(200, statusBody('a-b.com', 'active'));
    const registrar = createDomainr({
      rapidApiKey: RAPID_KEY,
      rapidApiHost: 'other.p.rapidapi.com',
      baseURL: 'https://proxy.example.test/domainr/',
      ...FAST,
    });
    expect((await registrar.checkAvailability('a-b.com')).status).toBe('registered');
    expect(scope.isDone()).toBe(true);
  });

  it('sends the ASCII form of a Unicode, upper-case, trailing-dot name and reports that form', async () => {
    const body = statusBody('bücher.com', 'active');
    const scope = nock(DOMAINR)
      .get('/v2/status')
      .query({ domain: 'xn--bcher-kva.com', client_id: CLIENT_ID })
      .reply(200, body);
    const result = await domainr().checkAvailability('BÜCHER.com.');
    expect(result.domain).toBe('xn--bcher-kva.com');
    expect(result.status).toBe('registered');
    expect(result.raw).toEqual(body.status[0]);
    expect(scope.isDone()).toBe(true);
  });

  it('passes idempotencyKey, and aborts with the caller signal before sending', async () => {
    const scope = nock(DOMAINR, { reqheaders: { 'idempotency-key': 'k-1' } })
      .get('/v2/status')
      .query({ domain: 'a-b.com', client_id: CLIENT_ID })
      .reply(200, statusBody('a-b.com', 'active'));
    await domainr().checkAvailability('a-b.com', { idempotencyKey: 'k-1' });
    expect(scope.isDone()).toBe(true);

    const never = nock(DOMAINR).get('/v2/status').query(true).reply(200, statusBody('a-b.com', 'active'));
    const controller = new AbortController();
    controller.abort();
    const error = await domainr()
      .checkAvailability('a-b.com', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted', provider: 'domainr', operation: 'checkAvailability' });
    expect(never.isDone()).toBe(false);
  });

  it('honours a per-call timeoutMs', async () => {
    nock(DOMAINR).get('/v2/status').query(true).delay(300).reply(200, statusBody('a-b.com', 'active'));
    const error = await domainr({ retry: false })
      .checkAvailability('a-b.com', { timeoutMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it('picks the status object of the asked name from a multi-object answer (2015 comma form)', async () => {
    const body = {
      status: [
        { domain: 'acecafe.com', status: 'active', summary: 'active' },
        { domain: 'acecafe.io', status: 'undelegated inactive', summary: 'inactive' },
      ],
    };
    nock(DOMAINR).get('/v2/status').query({ domain: 'acecafe.io', client_id: CLIENT_ID }).reply(200, body);
    expect(await domainr().checkAvailability('acecafe.io')).toEqual(
      availableModel('acecafe.io', body.status[1]),
    );
  });
});

describe('credentials from the environment, read at request time', () => {
  it('reads DOMAINR_CLIENT_ID on every call, not at construction', async () => {
    const registrar = createDomainr(FAST);
    process.env.DOMAINR_CLIENT_ID = 'env-client-1';
    const first = nock(DOMAINR)
      .get('/v2/status')
      .query({ domain: 'a-b.com', client_id: 'env-client-1' })
      .reply(200, statusBody('a-b.com', 'active'));
    await registrar.checkAvailability('a-b.com');
    process.env.DOMAINR_CLIENT_ID = 'env-client-2';
    const second = nock(DOMAINR)
      .get('/v2/status')
      .query({ domain: 'a-b.com', client_id: 'env-client-2' })
      .reply(200, statusBody('a-b.com', 'active'));
    await registrar.checkAvailability('a-b.com');
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('uses DOMAINR_RAPIDAPI_KEY (RapidAPI host, header) when no client id is set; the client id wins when both are', async () => {
    const registrar = createDomainr(FAST);
    process.env.DOMAINR_RAPIDAPI_KEY = 'env-rapid';
    const rapid = nock(RAPID, {
      reqheaders: { 'x-rapidapi-key': 'env-rapid', 'x-rapidapi-host': 'domainr.p.rapidapi.com' },
    })
      .get('/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(200, statusBody('a-b.com', 'active'));
    await registrar.checkAvailability('a-b.com');
    expect(rapid.isDone()).toBe(true);
    process.env.DOMAINR_CLIENT_ID = 'env-client';
    const direct = nock(DOMAINR, { badheaders: ['x-rapidapi-key'] })
      .get('/v2/status')
      .query({ domain: 'a-b.com', client_id: 'env-client' })
      .reply(200, statusBody('a-b.com', 'active'));
    await registrar.checkAvailability('a-b.com');
    expect(direct.isDone()).toBe(true);
  });

  it('an option beats the environment', async () => {
    process.env.DOMAINR_CLIENT_ID = 'env-client';
    const scope = nock(RAPID, { reqheaders: { 'x-rapidapi-key': RAPID_KEY } })
      .get('/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(200, statusBody('a-b.com', 'active'));
    await createDomainr({ rapidApiKey: RAPID_KEY, ...FAST }).checkAvailability('a-b.com');
    expect(scope.isDone()).toBe(true);
  });

  it('no option and no variable: AuthenticationError naming the variables and options, before any request', async () => {
    const scope = nock(DOMAINR).get(/.*/).query(true).reply(200, {});
    const rapid = nock(RAPID).get(/.*/).query(true).reply(200, {});
    const registrar = createDomainr(FAST);
    for (const call of [
      () => registrar.checkAvailability('a-b.com'),
      () => registrar.suggestDomains('acme'),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toMatch(/DOMAINR_CLIENT_ID/);
      expect((error as Error).message).toMatch(/DOMAINR_RAPIDAPI_KEY/);
      expect((error as Error).message).toMatch(/clientId/);
      expect((error as Error).message).toMatch(/rapidApiKey/);
      expect(error).toMatchObject({ provider: 'domainr', status: undefined, code: 'missing_credentials' });
    }
    expect(scope.isDone() || rapid.isDone()).toBe(false);
  });

  it('an empty variable counts as missing', async () => {
    process.env.DOMAINR_CLIENT_ID = '';
    process.env.DOMAINR_RAPIDAPI_KEY = '';
    const error = await createDomainr(FAST)
      .checkAvailability('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'missing_credentials' });
  });

  it('an empty option counts as missing: the variable is used', async () => {
    process.env.DOMAINR_RAPIDAPI_KEY = 'env-rapid';
    const scope = nock(RAPID, { reqheaders: { 'x-rapidapi-key': 'env-rapid' } })
      .get('/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(200, statusBody('a-b.com', 'active'));
    await createDomainr({ clientId: '', rapidApiKey: '', ...FAST }).checkAvailability('a-b.com');
    expect(scope.isDone()).toBe(true);
  });
});

describe('configuration', () => {
  it('refuses both credentials, an unknown api or scope, and an insecure baseURL', () => {
    expect(() => createDomainr({ clientId: 'a', rapidApiKey: 'b' })).toThrow(ValidationError);
    expect(() => createDomainr({ api: 'v3' as never })).toThrow(ValidationError);
    expect(() => createDomainr({ api: 'fastly', scope: 'rough' as never })).toThrow(ValidationError);
    expect(() => createDomainr({ clientId: 'a', baseURL: 'http://api.domainr.com' })).toThrow(
      ValidationError,
    );
    expect(() => createDomainr({ clientId: 'a', baseURL: 'http://127.0.0.1:9' })).not.toThrow();
  });
});

describe('input checks before any request', () => {
  it.each(['', 'com', 'a..com', '-a.com', 'a b.com', `${'a'.repeat(64)}.com`, 'a.com..', 'ex ample'])(
    'checkAvailability(%j) → ValidationError naming domain, no request',
    async (name) => {
      const scope = nock(DOMAINR).get(/.*/).query(true).reply(200, statusBody('x.com', 'active'));
      const error = await domainr()
        .checkAvailability(name)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'domainr', operation: 'checkAvailability' });
      expect((error as ValidationError).issues.length).toBeGreaterThan(0);
      expect((error as ValidationError).issues.every((issue) => issue.path === 'domain')).toBe(true);
      expect(scope.isDone()).toBe(false);
    },
  );

  it('suggestDomains: one ValidationError listing every bad argument, no request', async () => {
    const scope = nock(DOMAINR).get(/.*/).query(true).reply(200, { results: [] });
    const error = await domainr()
      .suggestDomains('  ', {
        tlds: ['com', 'bad tld', ''],
        location: 'Germany',
        registrar: 'not a registrar',
        keywords: ['x'],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect([...new Set((error as ValidationError).issues.map((issue) => issue.path))]).toEqual([
      'query',
      'tlds.1',
      'tlds.2',
      'location',
      'registrar',
      'keywords',
    ]);
    expect(scope.isDone()).toBe(false);
  });
});

describe('capabilities and unsupported methods', () => {
  it('v2: only checkAvailability and suggestDomains', () => {
    const registrar = domainr();
    const supported = CAPABILITIES.filter((name) => registrar.capabilities[name]);
    expect(supported).toEqual(['checkAvailability', 'suggestDomains']);
    expect(registrar.supports('getPrice')).toBe(false);
    expect(registrar.provider).toBe('domainr');
    expect(registrar.api).toBe('v2');
  });

  it('every other method rejects with UnsupportedOperationError naming provider and method, without a request', async () => {
    const scope = nock(DOMAINR).get(/.*/).query(true).reply(200, {});
    const registrar = domainr();
    const calls: [string, () => Promise<unknown>][] = [
      ['listDomains', () => toArray(registrar.listDomains())],
      ['getDomain', () => registrar.getDomain('a.com')],
      ['updateDomain', () => registrar.updateDomain('a.com', { autoRenew: true })],
      ['getPrice', () => registrar.getPrice('a.com')],
      ['listTldPrices', () => registrar.listTldPrices()],
      ['registerDomain', () => registrar.registerDomain({ domain: 'a.com' })],
      ['renewDomain', () => registrar.renewDomain('a.com', { years: 1 })],
      ['transferDomain', () => registrar.transferDomain({ domain: 'a.com', authCode: 'x' })],
      ['getTransfer', () => registrar.getTransfer('1')],
      ['listRecords', () => toArray(registrar.listRecords('a.com'))],
      ['createRecord', () => registrar.createRecord('a.com', { type: 'A', name: '@', content: '1.2.3.4' })],
      ['createRecords', () => registrar.createRecords('a.com', [])],
      ['updateRecord', () => registrar.updateRecord('a.com', '1', { ttl: 300 })],
      ['deleteRecord', () => registrar.deleteRecord('a.com', '1')],
      ['getDsRecords', () => registrar.getDsRecords('a.com')],
      ['setDsRecords', () => registrar.setDsRecords('a.com', [])],
      ['listContacts', () => toArray(registrar.listContacts())],
      ['getContact', () => registrar.getContact('1')],
      ['createContact', () => registrar.createContact({} as never)],
      ['getTldRequirements', () => registrar.getTldRequirements('com')],
      ['getAuthCode', () => registrar.getAuthCode('a.com')],
      ['getZone', () => registrar.getZone('a.com')],
      ['createZone', () => registrar.createZone('a.com')],
    ];
    expect(calls.map(([name]) => name).sort()).toEqual(
      CAPABILITIES.filter((name) => name !== 'checkAvailability' && name !== 'suggestDomains').sort(),
    );
    for (const [name, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(UnsupportedOperationError);
      expect(error).toMatchObject({
        provider: 'domainr',
        operation: name,
        message: `domainr does not support ${name}`,
      });
    }
    expect(scope.isDone()).toBe(false);
  });
});

describe('errors', () => {
  const cases: [number, new (...args: never[]) => Error, number][] = [
    [400, ValidationError, 1],
    [401, AuthenticationError, 1],
    [403, PermissionError, 1],
    [404, NotFoundError, 1],
    [429, RateLimitError, 3],
    [500, ProviderError, 1],
    [502, ProviderError, 3],
    [503, ProviderError, 3],
    [504, ProviderError, 3],
  ];
  it.each(cases)(
    "HTTP %i → %o with Domainr's message (%i attempts)",
    async (status, errorClass, attempts) => {
      let sent = 0;
      nock(DOMAINR)
        .get('/v2/status')
        .query({ domain: 'a-b.com', client_id: CLIENT_ID })
        .times(3)
        .reply(() => {
          sent++;
          return [status, { message: `Too legit to quit (${status})` }, { 'retry-after': '0' }];
        });
      const error = await domainr()
        .checkAvailability('a-b.com')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ provider: 'domainr', operation: 'checkAvailability', status });
      expect((error as Error).message).toBe(
        `domainr checkAvailability failed with HTTP ${status}: Too legit to quit (${status})`,
      );
      expect(sent).toBe(attempts);
    },
  );

  it("a wrong client id → AuthenticationError with Domainr's message, the echoed id redacted everywhere (errors and events)", async () => {
    const events: TransportEvent[] = [];
    nock(DOMAINR)
      .get('/v2/status')
      .query({ domain: 'a-b.com', client_id: CLIENT_ID })
      .reply(401, { message: `unauthorized: invalid client ID: ${CLIENT_ID}` });
    const error = await domainr({ onEvent: (event) => events.push(event) })
      .checkAvailability('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      'domainr checkAvailability failed with HTTP 401: unauthorized: invalid client ID: [REDACTED]',
    );
    expectNoSecret(error, [CLIENT_ID]);
    expect(JSON.stringify(events)).not.toContain(CLIENT_ID);
    expect(events.map((event) => event.type)).toEqual(['request', 'response', 'error']);
  });

  it("a wrong RapidAPI key → AuthenticationError with the gateway's message; not subscribed → PermissionError", async () => {
    nock(RAPID)
      .get('/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(401, { message: 'Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.' })
      .get('/v2/status')
      .query({ domain: 'a-b.com' })
      .reply(403, { message: 'You are not subscribed to this API.' });
    const registrar = createDomainr({ rapidApiKey: RAPID_KEY, ...FAST });
    const auth = await registrar.checkAvailability('a-b.com').catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect((auth as Error).message).toBe(
      'domainr checkAvailability failed with HTTP 401: Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.',
    );
    const permission = await registrar.checkAvailability('a-b.com').catch((e: unknown) => e);
    expect(permission).toBeInstanceOf(PermissionError);
    expect((permission as Error).message).toBe(
      'domainr checkAvailability failed with HTTP 403: You are not subscribed to this API.',
    );
  });

  it('no secret in a 500 echo, a network error with the URL, a malformed or wrong-shaped body (both modes)', async () => {
    const secrets = [CLIENT_ID, RAPID_KEY];
    const direct = domainr({ retry: false });
    const rapid = createDomainr({ rapidApiKey: RAPID_KEY, retry: false, rateLimit: false });
    nock(DOMAINR)
      .get('/v2/status')
      .query(true)
      .reply(500, { message: `boom client_id=${CLIENT_ID}` });
    nock(RAPID)
      .get('/v2/status')
      .query(true)
      .reply(500, { message: `bad key ${RAPID_KEY}` });
    nock(DOMAINR)
      .get('/v2/status')
      .query(true)
      .replyWithError(
        Object.assign(new Error(`connect ECONNRESET ${DOMAINR}/v2/status?client_id=${CLIENT_ID}`), {
          code: 'ECONNRESET',
        }),
      );
    nock(DOMAINR).get('/v2/status').query(true).reply(200, `{"status": [{"domain": "${CLIENT_ID}",`);
    nock(RAPID)
      .get('/v2/status')
      .query(true)
      .reply(200, { status: [{ domain: RAPID_KEY, status: 7 }] });
    const errors = [
      await direct.checkAvailability('a-b.com').catch((e: unknown) => e),
      await rapid.checkAvailability('a-b.com').catch((e: unknown) => e),
      await direct.checkAvailability('a-b.com').catch((e: unknown) => e),
      await direct.checkAvailability('a-b.com').catch((e: unknown) => e),
      await rapid.checkAvailability('a-b.com').catch((e: unknown) => e),
    ];
    expect(errors.map((error) => (error as Error).constructor.name)).toEqual([
      'ProviderError',
      'ProviderError',
      'NetworkError',
      'ResponseFormatError',
      'ResponseFormatError',
    ]);
    for (const error of errors) {
      expect(isRegistrarError(error)).toBe(true);
      expectNoSecret(error, secrets);
    }
  });

  it('a wrong-shaped status body is a ResponseFormatError naming the field', async () => {
    const bodies: [unknown, string][] = [
      [{}, 'status'],
      [{ status: 'active' }, 'status'],
      [{ status: [{ domain: 'a-b.com', summary: 'active' }] }, 'status.0.status'],
      [
        {
          status: [
            { domain: 'x.com', status: 'active' },
            { domain: 'y.com', status: 'active' },
          ],
        },
        'status',
      ],
      [{ status: [] }, 'status'],
    ];
    for (const [body, path] of bodies) {
      nock(DOMAINR)
        .get('/v2/status')
        .query(true)
        .reply(200, body as object);
      const error = await domainr()
        .checkAvailability('a-b.com')
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(ResponseFormatError);
      expect((error as ResponseFormatError).issues[0]?.path).toBe(path);
      expect((error as Error).message).toContain(`unexpected response body: ${path}`);
    }
  });

  it('the undocumented 200 {"errors": [...]} body: code 400 → status invalid; another code → its error class', async () => {
    const invalidBody = { errors: [{ code: 400, message: 'invalid domain name', detail: 'a-b.com' }] };
    nock(DOMAINR).get('/v2/status').query(true).reply(200, invalidBody);
    expect(await domainr().checkAvailability('a-b.com')).toEqual({
      provider: 'domainr',
      domain: 'a-b.com',
      available: false,
      status: 'invalid',
      premium: false,
      price: null,
      reason: 'invalid domain name: a-b.com',
      suggestions: [],
      providerStatus: [],
      raw: invalidBody,
    });
    nock(DOMAINR)
      .get('/v2/status')
      .query(true)
      .reply(200, { errors: [{ code: 503, message: 'registry offline' }] });
    const error = await domainr()
      .checkAvailability('a-b.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      status: 503,
      message: 'domainr checkAvailability failed with error 503: registry offline',
    });
  });
});

describe('suggestDomains (v2 /search)', () => {
  const results = [
    {
      domain: 'ace.coffee',
      host: '',
      subdomain: 'ace.',
      zone: 'coffee',
      path: '',
      registerURL: 'https://api.domainr.com/v2/register?domain=ace.coffee&registrar=&source=api',
    },
    {
      domain: 'Bücher.Shop',
      host: '',
      subdomain: 'bücher.',
      zone: 'shop',
      path: '',
      registerURL: `https://api.domainr.com/v2/register?client_id=${CLIENT_ID}&domain=b%C3%BCcher.shop&source=api`,
    },
    { domain: 'acecafe.co.uk', zone: 'co.uk' },
  ];

  it('sends query, location, registrar and tlds as defaults; maps domain, zone and registerUrl (credential stripped)', async () => {
    const scope = nock(DOMAINR, { badheaders: ['x-rapidapi-key'] })
      .get('/v2/search')
      .query({
        query: 'ace cafe',
        location: 'de',
        registrar: 'namecheap.com',
        defaults: 'coffee,xn--bcher-kva,co.uk',
        client_id: CLIENT_ID,
      })
      .reply(200, { results });
    const suggestions = await domainr().suggestDomains(' ace cafe ', {
      tlds: ['coffee', 'BÜCHER', '.co.uk'],
      location: 'de',
      registrar: 'NameCheap.com',
    });
    expect(suggestions).toEqual([
      {
        domain: 'ace.coffee',
        zone: 'coffee',
        registerUrl: 'https://api.domainr.com/v2/register?domain=ace.coffee&registrar=&source=api',
      },
      {
        domain: 'xn--bcher-kva.shop',
        zone: 'shop',
        registerUrl: 'https://api.domainr.com/v2/register?domain=b%C3%BCcher.shop&source=api',
      },
      { domain: 'acecafe.co.uk', zone: 'co.uk', registerUrl: null },
    ]);
    for (const suggestion of suggestions)
      expect(DomainSuggestionSchema.parse(suggestion)).toEqual(suggestion);
    expect(JSON.stringify(suggestions)).not.toContain(CLIENT_ID);
    expect(scope.isDone()).toBe(true);
  });

  it('only the query when no option is given; RapidAPI mode sends the headers', async () => {
    const scope = nock(RAPID, {
      reqheaders: { 'x-rapidapi-key': RAPID_KEY, 'x-rapidapi-host': 'domainr.p.rapidapi.com' },
    })
      .get('/v2/search')
      .query({ query: 'acme' })
      .reply(200, { results: [] });
    expect(await createDomainr({ rapidApiKey: RAPID_KEY, ...FAST }).suggestDomains('acme')).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('a wrong-shaped search body is a ResponseFormatError naming the field', async () => {
    nock(DOMAINR)
      .get('/v2/search')
      .query(true)
      .reply(200, { results: [{ domain: 'a.com' }] });
    const error = await domainr()
      .suggestDomains('acme')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).issues[0]?.path).toBe('results.0.zone');
  });

  it('a 401 on search is an AuthenticationError with the client id redacted', async () => {
    nock(DOMAINR)
      .get('/v2/search')
      .query(true)
      .reply(401, { message: `unauthorized: invalid client ID: ${CLIENT_ID}` });
    const error = await domainr()
      .suggestDomains('acme')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ operation: 'suggestDomains' });
    expectNoSecret(error, [CLIENT_ID]);
  });
});
