import { NotFoundError, toArray, UnsupportedOperationError, ValidationError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL, DETAIL_MODEL, SUMMARY } from './test/pocketdns-fixtures.js';
import { api, apiJson, caught, registrar } from './test/pocketdns-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

const TLDS = {
  tlds: [
    {
      tld: 'com',
      registration_price: '12.99',
      renewal_price: '13.99',
      transfer_price: '11.99',
      currency: 'USD',
      available: true,
    },
    {
      tld: 'co.uk',
      registration_price: '8.00',
      renewal_price: '8.50',
      transfer_price: '7.00',
      currency: 'USD',
      available: true,
    },
    {
      tld: 'old',
      registration_price: '5.00',
      renewal_price: '6.00',
      transfer_price: '7.00',
      currency: 'USD',
      available: false,
    },
  ],
};

describe('listDomains', () => {
  it('GETs the owner of the factory and maps every summary', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, {
        domains: [
          SUMMARY,
          { ...SUMMARY, id: 'dom_2', name: 'XN--BCHER-KVA.com', status: 'on_hold', auto_renew: false },
        ],
        total: 2,
      });
    const domains = await toArray(registrar().listDomains());
    expect(domains).toEqual([
      {
        provider: 'pocketdns',
        id: 'dom_abc123',
        name: 'example.com',
        unicodeName: 'example.com',
        status: 'active',
        providerStatus: ['active'],
        owner: 'user_123',
        createdAt: new Date('2025-01-01T00:00:00Z'),
        expiresAt: new Date('2026-01-01T00:00:00Z'),
        updatedAt: null,
        autoRenew: true,
        whoisPrivacy: null,
        transferLock: null,
        nameservers: null,
        dsRecords: null,
        raw: SUMMARY,
      },
      expect.objectContaining({
        id: 'dom_2',
        name: 'xn--bcher-kva.com',
        unicodeName: 'bücher.com',
        status: 'unknown',
        providerStatus: ['on_hold'],
        autoRenew: false,
      }),
    ]);
  });

  it('takes the owner per call, encoded as one path segment', async () => {
    api().get('/api/v1/users/other-user_9/domains').reply(200, { domains: [], total: 0 });
    expect(await toArray(registrar().listDomains({ owner: 'other-user_9' }))).toEqual([]);
  });

  it('without any owner is a ValidationError saying so, and sends nothing', async () => {
    const error = await caught(() => toArray(registrar({ owner: undefined }).listDomains()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/listDomains needs an owner/);
    expect(error).toMatchObject({
      provider: 'pocketdns',
      operation: 'listDomains',
      issues: [{ path: 'owner', message: 'is required' }],
    });
  });

  it('refuses an owner that is not a user_identifier', async () => {
    expect(await caught(() => toArray(registrar().listDomains({ owner: '../admin' })))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => toArray(registrar().listDomains({ owner: 'a b' })))).toBeInstanceOf(
      ValidationError,
    );
  });

  it('a wrong shape is a ResponseFormatError naming the field', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [{ ...SUMMARY, expires_at: 'soon' }] });
    const error = await caught(() => toArray(registrar().listDomains()));
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      issues: [expect.objectContaining({ path: 'domains.0.expires_at' })],
    });
  });
});

describe('getDomain', () => {
  it('by id: GET /api/v1/domains/{id}, the full model', async () => {
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    expect(await registrar().getDomain('dom_abc123')).toEqual(DETAIL_MODEL);
  });

  it('by name (any case, Unicode, trailing dot): resolves through the owner list once, then from the cache', async () => {
    const r = registrar();
    api()
      .get('/api/v1/users/user_123/domains')
      .once()
      .reply(200, { domains: [SUMMARY], total: 1 });
    api().get('/api/v1/domains/dom_abc123').times(2).reply(200, DETAIL);
    expect(await r.getDomain('Example.COM.')).toEqual(DETAIL_MODEL);
    expect((await r.getDomain('example.com')).id).toBe('dom_abc123');
  });

  it('a name not among the owner domains is a NotFoundError', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [SUMMARY], total: 1 });
    const error = await caught(() => registrar().getDomain('other.com'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      'pocketdns getDomain: other.com is not among the domains of user_123',
    );
  });

  it('a name without any owner is a ValidationError that suggests the id', async () => {
    const error = await caught(() => registrar({ owner: undefined }).getDomain('example.com'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/getDomain needs an owner .*domain id \(dom_…\)/);
  });

  it('a 404 for a cached id evicts it: the next call resolves again', async () => {
    const r = registrar();
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [SUMMARY] });
    api()
      .get('/api/v1/domains/dom_abc123')
      .reply(404, { error: 'not_found', message: 'Domain not found', details: {} });
    expect(await caught(() => r.getDomain('example.com'))).toBeInstanceOf(NotFoundError);
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [{ ...SUMMARY, id: 'dom_new' }] });
    api()
      .get('/api/v1/domains/dom_new')
      .reply(200, { ...DETAIL, id: 'dom_new' });
    expect((await r.getDomain('example.com')).id).toBe('dom_new');
  });

  it.each(['', '.', '..', '../etc', 'a/b', 'not a domain!.com'])(
    'refuses %j before any request',
    async (bad) => {
      expect(await caught(() => registrar().getDomain(bad))).toBeInstanceOf(ValidationError);
    },
  );
});

describe('updateDomain', () => {
  it('PUTs only the given settings, then reads the domain; the answer decides the settings and updatedAt', async () => {
    apiJson().put('/api/v1/domains/dom_abc123', { auto_renew: false, whois_privacy: true }).reply(200, {
      id: 'dom_abc123',
      name: 'example.com',
      auto_renew: false,
      whois_privacy: true,
      updated_at: '2025-01-06T12:30:00Z',
    });
    api()
      .get('/api/v1/domains/dom_abc123')
      .reply(200, { ...DETAIL, auto_renew: false });
    const domain = await registrar().updateDomain('dom_abc123', { autoRenew: false, whoisPrivacy: true });
    expect(domain).toEqual({
      ...DETAIL_MODEL,
      autoRenew: false,
      updatedAt: new Date('2025-01-06T12:30:00Z'),
      raw: { ...DETAIL, auto_renew: false },
    });
  });

  it('sends one field when one is given', async () => {
    apiJson()
      .put('/api/v1/domains/dom_abc123', { whois_privacy: false })
      .reply(200, { id: 'dom_abc123', whois_privacy: false });
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    expect((await registrar().updateDomain('dom_abc123', { whoisPrivacy: false })).whoisPrivacy).toBe(false);
  });

  it('refuses fields PocketDNS cannot change, naming them, before any request', async () => {
    const error = await caught(() =>
      registrar().updateDomain('example.com', {
        autoRenew: true,
        transferLock: true,
        nameservers: ['ns1.x.net'],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['transferLock', 'nameservers']);
    expect(await caught(() => registrar().updateDomain('example.com', {}))).toBeInstanceOf(ValidationError);
    expect(
      await caught(() => registrar().updateDomain('example.com', { autoRenew: 'yes' as never })),
    ).toBeInstanceOf(ValidationError);
  });
});

describe('renewDomain', () => {
  it('POSTs years with the idempotency key and maps the answer', async () => {
    const body = {
      id: 'dom_abc123',
      name: 'example.com',
      expires_at: '2027-01-01T00:00:00Z',
      renewal_cost: '25.98',
      currency: 'USD',
      renewed_at: '2025-01-06T12:30:00Z',
    };
    apiJson({ 'idempotency-key': 'renew-1' })
      .post('/api/v1/domains/dom_abc123/renew', { years: 2 })
      .reply(200, body);
    expect(await registrar().renewDomain('dom_abc123', { years: 2 }, { idempotencyKey: 'renew-1' })).toEqual({
      provider: 'pocketdns',
      domain: 'example.com',
      status: 'completed',
      expiresAt: new Date('2027-01-01T00:00:00Z'),
      cost: { amount: '25.98', currency: 'USD' },
      raw: body,
    });
  });

  it('without renewed_at the renewal is pending', async () => {
    apiJson()
      .post('/api/v1/domains/dom_abc123/renew', { years: 1 })
      .reply(200, { name: 'example.com', expires_at: null });
    expect(await registrar().renewDomain('dom_abc123', { years: 1 })).toMatchObject({
      status: 'pending',
      expiresAt: null,
      cost: null,
    });
  });

  it.each([0, 11, 1.5, undefined])('refuses years %j before any request', async (years) => {
    expect(await caught(() => registrar().renewDomain('dom_abc123', { years } as never))).toBeInstanceOf(
      ValidationError,
    );
  });

  it('is not retried after a 500 (it may have charged)', async () => {
    apiJson()
      .post('/api/v1/domains/dom_abc123/renew')
      .once()
      .reply(500, { error: 'internal_error', message: 'boom' });
    expect(await caught(() => registrar().renewDomain('dom_abc123', { years: 1 }))).toMatchObject({
      name: 'ProviderError',
      status: 500,
    });
  });
});

describe('transfers', () => {
  const started = {
    transfer_id: 'txr_def456',
    domain_name: 'example.com',
    status: 'pending',
    estimated_completion: '2025-01-13T12:00:00Z',
    cost: '12.99',
    currency: 'USD',
  };

  it('transferDomain POSTs name, owner, auth code and extension', async () => {
    apiJson()
      .post('/api/v1/domains/transfer', {
        domain_name: 'xn--bcher-kva.com',
        user_identifier: 'user_9',
        auth_code: 'transfer123',
        extend_registration: true,
      })
      .reply(201, { ...started, domain_name: 'xn--bcher-kva.com' });
    const transfer = await registrar().transferDomain({
      domain: 'Bücher.com',
      authCode: 'transfer123',
      extendRegistration: true,
      owner: 'user_9',
    });
    expect(transfer).toEqual({
      provider: 'pocketdns',
      id: 'txr_def456',
      domain: 'xn--bcher-kva.com',
      status: 'pending',
      domainId: null,
      startedAt: null,
      completedAt: null,
      estimatedCompletion: new Date('2025-01-13T12:00:00Z'),
      cost: { amount: '12.99', currency: 'USD' },
      raw: { ...started, domain_name: 'xn--bcher-kva.com' },
    });
  });

  it('owner from the factory; years: 1 asks for the extension; no extension field otherwise', async () => {
    apiJson()
      .post('/api/v1/domains/transfer', {
        domain_name: 'example.com',
        user_identifier: 'user_123',
        auth_code: 'x',
        extend_registration: true,
      })
      .reply(201, started);
    await registrar().transferDomain({ domain: 'example.com', authCode: 'x', years: 1 });
    apiJson()
      .post('/api/v1/domains/transfer', {
        domain_name: 'example.com',
        user_identifier: 'user_123',
        auth_code: 'x',
      })
      .reply(201, started);
    await registrar().transferDomain({ domain: 'example.com', authCode: 'x' });
  });

  it('refuses what PocketDNS cannot do, before any request', async () => {
    const r = registrar();
    for (const input of [
      { domain: 'example.com', authCode: '' },
      { domain: 'example.com', authCode: 'x', years: 2 },
      { domain: 'example.com', authCode: 'x', contacts: { registrant: 'c1' } },
      { domain: 'example.com', authCode: 'x', years: 1, extendRegistration: false },
      { domain: 'bad name', authCode: 'x' },
    ]) {
      expect(await caught(() => r.transferDomain(input))).toBeInstanceOf(ValidationError);
    }
    expect(
      await caught(() =>
        registrar({ owner: undefined }).transferDomain({ domain: 'example.com', authCode: 'x' }),
      ),
    ).toBeInstanceOf(ValidationError);
  });

  it.each(['pending', 'in_progress', 'completed', 'failed', 'cancelled'] as const)(
    'getTransfer maps the %s state',
    async (status) => {
      const done = status === 'completed';
      const body = {
        transfer_id: 'txr_def456',
        domain_name: 'example.com',
        status,
        started_at: '2025-01-06T12:00:00Z',
        completed_at: done ? '2025-01-10T15:30:00Z' : null,
        domain_id: done ? 'dom_ghi789' : null,
      };
      api().get('/api/v1/domains/transfers/txr_def456').reply(200, body);
      expect(await registrar().getTransfer('txr_def456')).toEqual({
        provider: 'pocketdns',
        id: 'txr_def456',
        domain: 'example.com',
        status,
        domainId: done ? 'dom_ghi789' : null,
        startedAt: new Date('2025-01-06T12:00:00Z'),
        completedAt: done ? new Date('2025-01-10T15:30:00Z') : null,
        estimatedCompletion: null,
        cost: null,
        raw: body,
      });
    },
  );

  it('a completed transfer teaches the name → id mapping', async () => {
    const r = registrar({ owner: undefined });
    api().get('/api/v1/domains/transfers/txr_1').reply(200, {
      transfer_id: 'txr_1',
      domain_name: 'moved.com',
      status: 'completed',
      domain_id: 'dom_moved',
    });
    await r.getTransfer('txr_1');
    api()
      .get('/api/v1/domains/dom_moved')
      .reply(200, { ...DETAIL, id: 'dom_moved', name: 'moved.com' });
    expect((await r.getDomain('moved.com')).id).toBe('dom_moved');
  });

  it('an unknown state is a ResponseFormatError; a bad id is refused', async () => {
    api()
      .get('/api/v1/domains/transfers/txr_1')
      .reply(200, { transfer_id: 'txr_1', domain_name: 'a.com', status: 'lost' });
    expect(await caught(() => registrar().getTransfer('txr_1'))).toMatchObject({
      name: 'ResponseFormatError',
      issues: [expect.objectContaining({ path: 'status' })],
    });
    expect(await caught(() => registrar().getTransfer('../x'))).toBeInstanceOf(ValidationError);
  });
});

describe('prices and availability', () => {
  it('listTldPrices maps every TLD; an unavailable TLD has no registration price', async () => {
    api().get('/api/v1/domains/tlds').reply(200, TLDS);
    expect(await registrar().listTldPrices()).toEqual([
      {
        provider: 'pocketdns',
        tld: 'com',
        register: { amount: '12.99', currency: 'USD' },
        renew: { amount: '13.99', currency: 'USD' },
        transfer: { amount: '11.99', currency: 'USD' },
        restore: null,
      },
      {
        provider: 'pocketdns',
        tld: 'co.uk',
        register: { amount: '8.00', currency: 'USD' },
        renew: { amount: '8.50', currency: 'USD' },
        transfer: { amount: '7.00', currency: 'USD' },
        restore: null,
      },
      {
        provider: 'pocketdns',
        tld: 'old',
        register: null,
        renew: { amount: '6.00', currency: 'USD' },
        transfer: { amount: '7.00', currency: 'USD' },
        restore: null,
      },
    ]);
  });

  it('checkAvailability: a taken name (docs example)', async () => {
    const body = {
      domain_name: 'example.com',
      available: false,
      price: null,
      currency: null,
      premium: false,
      suggestions: ['example.net', 'example.org', 'myexample.com'],
    };
    api().get('/api/v1/domains/availability/example.com').reply(200, body);
    expect(await registrar().checkAvailability('EXAMPLE.com.')).toEqual({
      provider: 'pocketdns',
      domain: 'example.com',
      available: false,
      status: 'registered',
      premium: false,
      price: null,
      reason: null,
      suggestions: ['example.net', 'example.org', 'myexample.com'],
      providerStatus: [],
      raw: body,
    });
  });

  it('checkAvailability: available and premium names carry their price', async () => {
    api().get('/api/v1/domains/availability/free.com').reply(200, {
      domain_name: 'free.com',
      available: true,
      price: '12.99',
      currency: 'USD',
      premium: false,
      suggestions: [],
    });
    expect(await registrar().checkAvailability('free.com')).toMatchObject({
      available: true,
      status: 'available',
      premium: false,
      price: { amount: '12.99', currency: 'USD' },
    });
    api().get('/api/v1/domains/availability/xn--bcher-kva.com').reply(200, {
      domain_name: 'xn--bcher-kva.com',
      available: true,
      price: 1200,
      currency: 'usd',
      premium: true,
      suggestions: [],
    });
    expect(await registrar().checkAvailability('bücher.com')).toMatchObject({
      domain: 'xn--bcher-kva.com',
      available: true,
      status: 'premium',
      premium: true,
      price: { amount: '1200.00', currency: 'USD' },
    });
  });

  it('checkAvailability refuses an invalid name before any request, in the one message shape', async () => {
    const error = await caught(() => registrar().checkAvailability('not a domain!'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'pocketdns', operation: 'checkAvailability' });
    expect((error as Error).message).toMatch(
      /^pocketdns checkAvailability: invalid domain name "not a domain!": /,
    );
  });

  it('getPrice register: the availability price × years; renewalPrice from the TLD list (Contract v2)', async () => {
    api().get('/api/v1/domains/tlds').reply(200, TLDS);
    api().get('/api/v1/domains/availability/free.com').reply(200, {
      domain_name: 'free.com',
      available: true,
      price: '12.99',
      currency: 'USD',
      premium: false,
      suggestions: [],
    });
    expect(await registrar().getPrice('free.com', { years: 3 })).toEqual({
      provider: 'pocketdns',
      domain: 'free.com',
      operation: 'register',
      years: 3,
      price: { amount: '38.97', currency: 'USD' },
      premium: false,
      available: true,
      renewalPrice: { amount: '13.99', currency: 'USD' },
    });
  });

  it('getPrice register of a taken name: the TLD registration price, available false', async () => {
    api().get('/api/v1/domains/availability/taken.co.uk').reply(200, {
      domain_name: 'taken.co.uk',
      available: false,
      price: null,
      currency: null,
      premium: false,
      suggestions: [],
    });
    api().get('/api/v1/domains/tlds').reply(200, TLDS);
    expect(await registrar().getPrice('taken.co.uk')).toMatchObject({
      operation: 'register',
      years: 1,
      price: { amount: '8.00', currency: 'USD' },
      available: false,
    });
  });

  it('getPrice renew and transfer come from the TLD list (longest suffix)', async () => {
    api().get('/api/v1/domains/tlds').times(2).reply(200, TLDS);
    expect(await registrar().getPrice('a.co.uk', { operation: 'renew', years: 2 })).toEqual({
      provider: 'pocketdns',
      domain: 'a.co.uk',
      operation: 'renew',
      years: 2,
      price: { amount: '17.00', currency: 'USD' },
      premium: false,
      available: null,
      renewalPrice: { amount: '8.50', currency: 'USD' },
    });
    expect(await registrar().getPrice('example.com', { operation: 'transfer' })).toMatchObject({
      operation: 'transfer',
      years: 1,
      price: { amount: '11.99', currency: 'USD' },
    });
  });

  it('getPrice: unsupported TLD, restore and bad years', async () => {
    api().get('/api/v1/domains/tlds').reply(200, TLDS);
    expect(await caught(() => registrar().getPrice('a.xyz', { operation: 'renew' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => registrar().getPrice('a.com', { operation: 'restore' }))).toBeInstanceOf(
      UnsupportedOperationError,
    );
    expect(await caught(() => registrar().getPrice('a.com', { years: 11 }))).toBeInstanceOf(ValidationError);
  });
});
