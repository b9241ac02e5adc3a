import {
  AuthenticationError,
  CAPABILITIES,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProviderError,
  RateLimitError,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPocketDns, POCKETDNS_BUCKETS, type PocketDnsBucket, type PocketDnsOptions } from './index.js';
import { DETAIL } from './test/pocketdns-fixtures.js';
import { api, apiJson, BASE, caught, KEY, registrar } from './test/pocketdns-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  vi.unstubAllEnvs();
  expect(pending).toEqual([]);
});

describe('factory and credentials', () => {
  it('capabilities: everything documented, not registration, DNSSEC or suggestions', () => {
    const r = registrar();
    expect(r.provider).toBe('pocketdns');
    const unsupported = CAPABILITIES.filter((c) => !r.capabilities[c]);
    expect(unsupported).toEqual([
      'registerDomain',
      'getDsRecords',
      'setDsRecords',
      'suggestDomains',
      'listContacts',
      'getContact',
      'createContact',
      'getTldRequirements',
      'getAuthCode',
      'createZone',
    ]);
    expect(r.supports('getZone')).toBe(true);
    expect(r.supports('createRecords')).toBe(true);
    expect(typeof r.applyTemplate).toBe('function');
    expect(typeof r.createUser).toBe('function');
  });

  it('registerDomain rejects with UnsupportedOperationError naming provider and method', async () => {
    const error = await caught(() => registrar().registerDomain({ domain: 'a.com' }));
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ provider: 'pocketdns', operation: 'registerDomain' });
  });

  it('reads POCKETDNS_API_KEY at request time, not at construction', async () => {
    vi.stubEnv('POCKETDNS_API_KEY', '');
    const r = createPocketDns({ retry: false, rateLimit: false });
    vi.stubEnv('POCKETDNS_API_KEY', KEY);
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    expect((await r.getDomain('dom_abc123')).id).toBe('dom_abc123');
  });

  it('the apiKey option wins over the environment', async () => {
    vi.stubEnv('POCKETDNS_API_KEY', 'env-key-not-used');
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    await registrar().getDomain('dom_abc123');
  });

  it('without a key: AuthenticationError naming the variable and the option, nothing sent', async () => {
    vi.stubEnv('POCKETDNS_API_KEY', '');
    let sent = 0;
    nock(BASE)
      .get(/.*/)
      .reply(200, {})
      .on('request', () => sent++);
    const error = await caught(() =>
      createPocketDns({ retry: false, rateLimit: false }).getDomain('dom_abc123'),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/POCKETDNS_API_KEY/);
    expect((error as Error).message).toMatch(/`apiKey`/);
    expect(error).toMatchObject({ provider: 'pocketdns', operation: 'getDomain' });
    expect(sent).toBe(0);
    nock.cleanAll();
  });

  it('sandbox: true uses the sandbox host; baseURL (with a proxy prefix) wins', async () => {
    nock('https://api.sandbox.pocketdns.com', { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get('/api/v1/domains/tlds')
      .reply(200, { tlds: [] });
    expect(await registrar({ sandbox: true }).listTldPrices()).toEqual([]);
    nock('https://proxy.example.test').get('/pdns/api/v1/domains/tlds').reply(200, { tlds: [] });
    expect(
      await registrar({ sandbox: true, baseURL: 'https://proxy.example.test/pdns/' }).listTldPrices(),
    ).toEqual([]);
    expect(() => registrar({ baseURL: 'http://api.pocketdns.com' })).toThrow(ValidationError);
  });

  it('sends the user agent option', async () => {
    api({ 'user-agent': 'my-app/1.0' }).get('/api/v1/domains/tlds').reply(200, { tlds: [] });
    await registrar({ userAgent: 'my-app/1.0' }).listTldPrices();
  });
});

describe('createUser', () => {
  it('POSTs user_identifier and email and returns the embed session', async () => {
    const body = {
      user_identifier: 'user_123',
      login_url: 'https://embed.pocketdns.com/session/abc123def456',
      expires_at: '2025-01-07T12:00:00Z',
    };
    apiJson()
      .post('/api/v1/users', { user_identifier: 'user_123', email: 'jane@example.com' })
      .reply(201, body);
    expect(await registrar().createUser({ userIdentifier: 'user_123', email: 'jane@example.com' })).toEqual({
      userIdentifier: 'user_123',
      loginUrl: 'https://embed.pocketdns.com/session/abc123def456',
      expiresAt: new Date('2025-01-07T12:00:00Z'),
      raw: body,
    });
  });

  it('email is optional, and so is expires_at in the answer', async () => {
    apiJson()
      .post('/api/v1/users', { user_identifier: 'u-1' })
      .reply(201, { user_identifier: 'u-1', login_url: 'https://embed.pocketdns.com/session/x' });
    expect(await registrar().createUser({ userIdentifier: 'u-1' })).toMatchObject({ expiresAt: null });
  });

  it('refuses a bad identifier or e-mail before any request', async () => {
    expect(await caught(() => registrar().createUser({ userIdentifier: 'a b' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => registrar().createUser({ userIdentifier: 'x'.repeat(256) }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => registrar().createUser({ userIdentifier: 'ok', email: 'nope' }))).toMatchObject(
      { issues: [{ path: 'email' }] },
    );
  });
});

describe('errors', () => {
  const table = [
    [400, 'validation_error', ValidationError],
    [401, 'unauthorized', AuthenticationError],
    [403, 'forbidden', PermissionError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [422, 'unprocessable_entity', ValidationError],
    [429, 'rate_limit_exceeded', RateLimitError],
    [500, 'internal_error', ProviderError],
  ] as const;

  it.each(table)(
    'HTTP %i %s → %o with the message and details as issues',
    async (status, code, errorClass) => {
      apiJson()
        .post('/api/v1/domains/transfer')
        .reply(status, { error: code, message: 'Something is wrong', details: { domain_name: 'is taken' } });
      const error = await caught(() =>
        registrar({ retry: false }).transferDomain({ domain: 'a.com', authCode: 'x' }),
      );
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ provider: 'pocketdns', operation: 'transferDomain', status });
      expect((error as Error).message).toBe(
        `pocketdns transferDomain failed with HTTP ${status}: Something is wrong (${code})`,
      );
      if (error instanceof ValidationError)
        expect(error.issues).toEqual([{ path: 'domain_name', message: 'is taken' }]);
    },
  );

  it('a 400 without details keeps the message as the issue', async () => {
    apiJson()
      .post('/api/v1/users')
      .reply(400, { error: 'validation_error', message: 'user_identifier is required' });
    expect(await caught(() => registrar().createUser({ userIdentifier: 'x' }))).toMatchObject({
      issues: [{ path: '', message: 'user_identifier is required' }],
    });
  });

  it('GETs are retried on 503 and 429; a POST is not retried on 500', async () => {
    api()
      .get('/api/v1/domains/tlds')
      .reply(503, { error: 'internal_error', message: 'x' })
      .get('/api/v1/domains/tlds')
      .reply(429, {})
      .get('/api/v1/domains/tlds')
      .reply(200, { tlds: [] });
    expect(await registrar().listTldPrices()).toEqual([]);
  });

  it('passes timeoutMs and signal of the call', async () => {
    api().get('/api/v1/domains/tlds').delay(200).reply(200, { tlds: [] });
    expect(await caught(() => registrar({ retry: false }).listTldPrices({ timeoutMs: 20 }))).toMatchObject({
      name: 'NetworkError',
      code: 'timeout',
    });
    nock.abortPendingRequests();
    nock.cleanAll();
    const error = await caught(() => registrar().listTldPrices({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted' });
  });

  describe('no API key in any rendering of an error', () => {
    const expectClean = (error: unknown) => {
      expect(error).toHaveProperty('provider', 'pocketdns');
      for (const text of errorRenderings(error)) expect(text).not.toContain(KEY);
    };

    it('401 whose body echoes the key', async () => {
      api()
        .get('/api/v1/domains/tlds')
        .reply(401, { error: 'unauthorized', message: `Invalid API key ${KEY}`, details: { key: KEY } });
      const error = await caught(() => registrar().listTldPrices());
      expect(error).toBeInstanceOf(AuthenticationError);
      expectClean(error);
    });

    it('500 whose body echoes the header', async () => {
      api()
        .get('/api/v1/domains/tlds')
        .reply(500, { error: 'internal_error', message: `bad header Bearer ${KEY}` });
      expectClean(await caught(() => registrar().listTldPrices()));
    });

    it('a network error', async () => {
      api()
        .get('/api/v1/domains/tlds')
        .times(3)
        .replyWithError(`socket hang up with Authorization: Bearer ${KEY}`);
      const error = await caught(() => registrar().listTldPrices());
      expect(error).toBeInstanceOf(NetworkError);
      expectClean(error);
    });

    it('a malformed body', async () => {
      api().get('/api/v1/domains/tlds').reply(200, '{"tlds": [', { 'content-type': 'application/json' });
      const error = await caught(() => registrar().listTldPrices());
      expect(error).toMatchObject({ name: 'ResponseFormatError' });
      expectClean(error);
    });
  });
});

describe('rate-limit buckets', () => {
  it('are the documented limits', () => {
    const minute = 60_000;
    expect(POCKETDNS_BUCKETS).toEqual({
      domainRetrieval: { limit: 1000, intervalMs: minute },
      domainUpdates: { limit: 60, intervalMs: minute },
      domainTransfers: { limit: 10, intervalMs: minute },
      availability: { limit: 500, intervalMs: minute },
      recordRetrieval: { limit: 1000, intervalMs: minute },
      recordCreation: { limit: 300, intervalMs: minute },
      recordUpdates: { limit: 300, intervalMs: minute },
      recordDeletion: { limit: 300, intervalMs: minute },
      bulkOperations: { limit: 60, intervalMs: minute },
    });
  });

  type R = ReturnType<typeof registrar>;
  type O = { signal?: AbortSignal };
  const calls: [string, PocketDnsBucket, (r: R, o: O) => Promise<unknown>, () => void][] = [
    [
      'listTldPrices',
      'domainRetrieval',
      (r, o) => r.listTldPrices(o),
      () => api().get('/api/v1/domains/tlds').reply(200, { tlds: [] }),
    ],
    [
      'getDomain',
      'domainRetrieval',
      (r, o) => r.getDomain('dom_1', o),
      () => api().get('/api/v1/domains/dom_1').reply(200, DETAIL),
    ],
    [
      'getTransfer',
      'domainRetrieval',
      (r, o) => r.getTransfer('txr_1', o),
      () =>
        api()
          .get('/api/v1/domains/transfers/txr_1')
          .reply(200, { transfer_id: 'txr_1', domain_name: 'a.com', status: 'pending' }),
    ],
    [
      'renewDomain',
      'domainUpdates',
      (r, o) => r.renewDomain('dom_1', { years: 1 }, o),
      () => apiJson().post('/api/v1/domains/dom_1/renew').reply(200, { name: 'a.com' }),
    ],
    [
      'transferDomain',
      'domainTransfers',
      (r, o) => r.transferDomain({ domain: 'a.com', authCode: 'x' }, o),
      () =>
        apiJson()
          .post('/api/v1/domains/transfer')
          .reply(201, { transfer_id: 't', domain_name: 'a.com', status: 'pending' }),
    ],
    [
      'checkAvailability',
      'availability',
      (r, o) => r.checkAvailability('a.com', o),
      () =>
        api()
          .get('/api/v1/domains/availability/a.com')
          .reply(200, { domain_name: 'a.com', available: false }),
    ],
    [
      'listRecords',
      'recordRetrieval',
      async (r, o) => {
        for await (const _ of r.listRecords('dom_1', o)) break;
      },
      () => api().get('/api/v1/domains/dom_1/dns').reply(200, { records: [] }),
    ],
    [
      'createRecord',
      'recordCreation',
      (r, o) => r.createRecord('dom_1', { type: 'A', name: 'a', content: '192.0.2.1' }, o),
      () =>
        apiJson()
          .post('/api/v1/domains/dom_1/dns')
          .reply(201, { id: 'r', type: 'A', name: 'a', content: '192.0.2.1', ttl: 300 }),
    ],
    [
      'updateRecord',
      'recordUpdates',
      (r, o) => r.updateRecord('dom_1', 'rec_1', { ttl: 300 }, o),
      () =>
        apiJson()
          .put('/api/v1/domains/dom_1/dns/rec_1')
          .reply(200, { id: 'rec_1', type: 'A', name: 'a', content: '192.0.2.1', ttl: 300 }),
    ],
    [
      'deleteRecord',
      'recordDeletion',
      (r, o) => r.deleteRecord('dom_1', 'rec_1', o),
      () => api().delete('/api/v1/domains/dom_1/dns/rec_1').reply(204),
    ],
    [
      'createRecords',
      'bulkOperations',
      (r, o) => r.createRecords('dom_1', [{ type: 'A', name: 'a', content: '192.0.2.1' }], o),
      () => apiJson().post('/api/v1/domains/dom_1/dns/bulk').reply(200, { created: [] }),
    ],
    // The template answer lacks TTLs: the records are then read (recordRetrieval).
    [
      'applyTemplate',
      'bulkOperations',
      (r, o) => r.applyTemplate('dom_1', 'tpl', {}, o),
      () => {
        apiJson().post('/api/v1/domains/dom_1/dns/template').reply(201, { records_created: [] });
        api().get('/api/v1/domains/dom_1/dns').reply(200, { records: [] });
      },
    ],
    [
      'createUser (no documented limit)',
      'none' as PocketDnsBucket,
      (r, o) => r.createUser({ userIdentifier: 'u1' }, o),
      () =>
        apiJson()
          .post('/api/v1/users')
          .reply(201, { user_identifier: 'u1', login_url: 'https://embed.pocketdns.com/s/1' }),
    ],
  ];

  /** A registrar that knows dom_1's zone name (record methods need it), learnt through one domain read. */
  async function withZone(rateLimit: PocketDnsOptions['rateLimit']) {
    const r = registrar({ rateLimit });
    api()
      .get('/api/v1/domains/dom_1')
      .reply(200, { ...DETAIL, id: 'dom_1' });
    await r.getDomain('dom_1');
    return r;
  }

  it.each(calls)('%s goes through the %s bucket', async (name, bucket, call, mock) => {
    const all = Object.keys(POCKETDNS_BUCKETS);
    const oneAMinute = { limit: 1, intervalMs: 60_000 };
    // Every bucket but this one limited to 1 a minute: two calls go straight through.
    const also = name === 'applyTemplate' ? 'recordRetrieval' : bucket;
    const free = await withZone({
      buckets: Object.fromEntries(all.map((b) => [b, b === bucket || b === also ? false : oneAMinute])),
    });
    mock();
    mock();
    await call(free, {});
    await call(free, {});
    if (name.startsWith('createUser')) {
      // No bucket at all: with every bucket at 1 a minute a third call still goes through.
      const limitedAll = registrar({
        rateLimit: { buckets: Object.fromEntries(all.map((b) => [b, oneAMinute])) },
      });
      mock();
      mock();
      await call(limitedAll, {});
      await call(limitedAll, {});
      return;
    }
    // Only this bucket limited to 1 a minute: the second call waits for its slot.
    const limited = await withZone({
      buckets: { [bucket]: oneAMinute, ...(bucket === 'domainRetrieval' ? {} : { domainRetrieval: false }) },
    });
    if (bucket !== 'domainRetrieval') {
      mock();
      await call(limited, {});
    }
    nock.cleanAll();
    const controller = new AbortController();
    let settled = false;
    const second = call(limited, { signal: controller.signal }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    controller.abort();
    expect(await second.catch((e: unknown) => e)).toMatchObject({ code: 'aborted' });
  });
});
