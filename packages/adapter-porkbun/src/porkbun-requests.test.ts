/**
 * Exact requests (checked against Porkbun's OpenAPI excerpt) and exact models, with answers shaped
 * as Porkbun documents and as real responses were recorded (docs/providers/porkbun.md#data-formats).
 */
import {
  AuthenticationError,
  PaymentRequiredError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  ValidationError,
} from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_KEY,
  answer,
  nockPorkbun,
  SECRET_API_KEY,
  type SentRequest,
  sentIssues,
} from './test/porkbun-test-setup.js';

const CREDENTIALS = { apikey: API_KEY, secretapikey: SECRET_API_KEY };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The recorded listAll/get item: string flags beside integer ones (porkbun-go 2024 recording). */
const DOMAIN_ITEM = {
  domain: 'example.com',
  status: 'ACTIVE',
  tld: 'com',
  createDate: '2021-01-15 10:00:00',
  expireDate: '2027-01-15 10:00:00',
  securityLock: '1',
  whoisPrivacy: '1',
  autoRenew: 0,
  apiAccess: 1,
  notLocal: 0,
};
/** The spec's checkDomain example (a first-year promotion). */
const CHECK = {
  status: 'SUCCESS',
  response: {
    avail: 'yes',
    type: 'registration',
    price: '9.73',
    firstYearPromo: 'yes',
    regularPrice: '11.08',
    premium: 'no',
    minDuration: 1,
    additional: {
      renewal: { type: 'renewal', price: '11.08', regularPrice: '11.08' },
      transfer: { type: 'transfer', price: '11.08', regularPrice: '11.08' },
    },
  },
  limits: { TTL: 10, limit: 1, used: 1, naturalLanguage: '1 out of 1 checks within 10 seconds used.' },
  ttlRemaining: 10,
};
/** The same quote for a name that is registered (renewals and transfers). */
const TAKEN_CHECK = { ...CHECK, response: { ...CHECK.response, avail: 'no' } };
const REQUIREMENTS = {
  status: 'SUCCESS',
  tld: 'com',
  apiRegisterable: true,
  registrationDurationYears: 1,
  maxRegistrationYears: 10,
  whoisPrivacySupported: true,
  requiresValidatedAddress: false,
  registrantOnly: false,
  requestSchema: {},
  registryRequirements: null,
};

let sent: SentRequest[] = [];
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  vi.unstubAllEnvs();
  expect(pending).toEqual([]);
  expect(sentIssues(sent)).toEqual([]);
  sent = [];
});

describe('credentials', () => {
  it('POSTs carry the key pair in the JSON body (and the headers); GETs in the headers', async () => {
    answer(sent, 'GET', '/domain/get/example.com', 200, { status: 'SUCCESS', domain: DOMAIN_ITEM });
    answer(sent, 'POST', '/domain/getNs/example.com', 200, {
      status: 'SUCCESS',
      ns: ['NS2.example.net', 'ns1.example.net.'],
    });
    await nockPorkbun().getDomain('Example.COM.');
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', '/api/json/v3/domain/get/example.com', undefined],
      ['POST', '/api/json/v3/domain/getNs/example.com', CREDENTIALS],
    ]);
    for (const request of sent)
      expect(request.headers).toMatchObject({ 'x-api-key': API_KEY, 'x-secret-api-key': SECRET_API_KEY });
    expect(sent[1]!.headers['content-type']).toBe('application/json');
  });

  it('a missing or empty key is AuthenticationError missing_credentials naming the variable, nothing sent', async () => {
    vi.stubEnv('PORKBUN_API_KEY', '');
    vi.stubEnv('PORKBUN_SECRET_API_KEY', 'sk1_from_env');
    const error = await nockPorkbun({ apiKey: '', secretApiKey: undefined })
      .getDomain('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'missing_credentials', provider: 'porkbun', operation: 'getDomain' });
    expect((error as Error).message).toContain('PORKBUN_API_KEY');
  });

  it('listTldPrices needs no credentials: nothing of a key is sent', async () => {
    vi.stubEnv('PORKBUN_API_KEY', '');
    vi.stubEnv('PORKBUN_SECRET_API_KEY', '');
    answer(sent, 'GET', '/pricing/get', 200, {
      status: 'SUCCESS',
      pricing: {
        com: { registration: '11.08', renewal: '11.08', transfer: '11.08', coupons: [] },
        'com.mx': {
          registration: '11.33',
          renewal: '20.14',
          transfer: '20.14',
          coupons: {
            registration: {
              code: 'AWESOMENESS',
              max_per_user: 1,
              first_year_only: 'yes',
              type: 'amount',
              amount: 1,
            },
          },
        },
        '247': { registration: '3.00', renewal: '3.00', transfer: '3.00', coupons: [] },
      },
    });
    const prices = await nockPorkbun({ apiKey: undefined, secretApiKey: undefined }).listTldPrices();
    expect(sent[0]!.headers['x-api-key']).toBeUndefined();
    expect(sent[0]!.headers['x-secret-api-key']).toBeUndefined();
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    expect(prices).toEqual([
      {
        provider: 'porkbun',
        tld: '247',
        register: usd('3.00'),
        renew: usd('3.00'),
        transfer: usd('3.00'),
        restore: null,
      },
      {
        provider: 'porkbun',
        tld: 'com',
        register: usd('11.08'),
        renew: usd('11.08'),
        transfer: usd('11.08'),
        restore: null,
      },
      {
        provider: 'porkbun',
        tld: 'com.mx',
        register: usd('11.33'),
        renew: usd('20.14'),
        transfer: usd('20.14'),
        restore: null,
      },
    ]);
  });
});

describe('models from recorded shapes', () => {
  it('getDomain maps "1"/0 flags, zone-less dates (UTC) and the nameserver set', async () => {
    answer(sent, 'GET', '/domain/get/example.com', 200, { status: 'SUCCESS', domain: DOMAIN_ITEM });
    answer(sent, 'POST', '/domain/getNs/example.com', 200, {
      status: 'SUCCESS',
      ns: ['NS2.example.net', 'ns1.example.net.'],
    });
    expect(await nockPorkbun().getDomain('example.com')).toEqual({
      provider: 'porkbun',
      id: 'example.com',
      name: 'example.com',
      unicodeName: 'example.com',
      status: 'active',
      providerStatus: ['ACTIVE'],
      owner: null,
      createdAt: new Date('2021-01-15T10:00:00Z'),
      expiresAt: new Date('2027-01-15T10:00:00Z'),
      updatedAt: null,
      autoRenew: false,
      whoisPrivacy: true,
      transferLock: true,
      nameservers: ['ns1.example.net', 'ns2.example.net'],
      dsRecords: null,
      raw: DOMAIN_ITEM,
    });
  });

  it('getDomain of a domain not opted in to API access: nameservers null (getNs refused), the rest mapped', async () => {
    answer(sent, 'GET', '/domain/get/example.com', 200, {
      status: 'SUCCESS',
      domain: { ...DOMAIN_ITEM, apiAccess: 0 },
    });
    answer(sent, 'POST', '/domain/getNs/example.com', 400, {
      status: 'ERROR',
      message: 'Domain is not opted in to API access.',
    });
    const domain = await nockPorkbun().getDomain('example.com');
    expect(domain).toMatchObject({ name: 'example.com', nameservers: null, transferLock: true });
  });

  it('checkAvailability: the first-year price, available, not premium', async () => {
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, CHECK);
    expect(await nockPorkbun().checkAvailability('example.com')).toEqual({
      provider: 'porkbun',
      domain: 'example.com',
      available: true,
      status: 'available',
      premium: false,
      price: { amount: '9.73', currency: 'USD' },
      reason: null,
      suggestions: [],
      providerStatus: ['avail:yes'],
      raw: CHECK.response,
    });
    expect(sent[0]!.body).toEqual(CREDENTIALS);
  });

  it('getPrice: the minimum term, the renewal price of the next year, decimal strings', async () => {
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, CHECK);
    expect(await nockPorkbun().getPrice('example.com', { operation: 'register' })).toEqual({
      provider: 'porkbun',
      domain: 'example.com',
      operation: 'register',
      years: 1,
      price: { amount: '9.73', currency: 'USD' },
      premium: false,
      available: true,
      renewalPrice: { amount: '11.08', currency: 'USD' },
    });
  });

  it('getPrice for 2 years: ValidationError naming the minimum term', async () => {
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, CHECK);
    const error = await nockPorkbun()
      .getPrice('example.com', { operation: 'renew', years: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'years', message: "Porkbun's API registers .com for its minimum term only: years must be 1" },
    ]);
  });

  it('DNS records: FQDN names made relative, string TTL and prio, a numeric create id (recorded), the stored record read back', async () => {
    answer(sent, 'POST', '/dns/create/example.com', 200, { status: 'SUCCESS', id: 106926659 });
    answer(sent, 'POST', '/dns/retrieve/example.com/106926659', 200, {
      status: 'SUCCESS',
      cloudflare: 'enabled',
      records: [
        {
          id: '106926659',
          name: 'mail.example.com',
          type: 'MX',
          content: 'MX.Example.net',
          ttl: '600',
          prio: '10',
          notes: null,
        },
      ],
    });
    const record = await nockPorkbun().createRecord('example.com', {
      type: 'MX',
      name: 'mail',
      content: 'mx.example.net',
      priority: 10,
      ttl: 300,
    });
    expect(sent[0]!.body).toEqual({
      ...CREDENTIALS,
      name: 'mail',
      type: 'MX',
      content: 'mx.example.net',
      ttl: 300,
      prio: 10,
    });
    expect(record).toMatchObject({
      provider: 'porkbun',
      id: '106926659',
      domain: 'example.com',
      name: 'mail',
      fqdn: 'mail.example.com',
      type: 'MX',
      content: 'mx.example.net',
      ttl: 600,
      priority: 10,
    });
  });

  it("listRecords leaves out SOA, types the model lacks and Porkbun's own apex NS records", async () => {
    answer(sent, 'POST', '/dns/retrieve/example.com', 200, {
      status: 'SUCCESS',
      records: [
        {
          id: '1',
          name: 'example.com',
          type: 'ALIAS',
          content: 'pixie.porkbun.com',
          ttl: '600',
          prio: null,
          notes: null,
        },
        {
          id: '2',
          name: '*.example.com',
          type: 'CNAME',
          content: 'pixie.porkbun.com',
          ttl: '600',
          prio: null,
          notes: null,
        },
        {
          id: '3',
          name: 'example.com',
          type: 'NS',
          content: 'maceio.porkbun.com',
          ttl: '86400',
          prio: null,
          notes: null,
        },
        {
          id: '4',
          name: '_443._tcp.example.com',
          type: 'TLSA',
          content: '3 1 1 AB',
          ttl: '600',
          prio: '0',
          notes: null,
        },
        {
          id: '5',
          name: 'example.com',
          type: 'TXT',
          content: 'v=spf1 -all',
          ttl: '600',
          prio: '0',
          notes: 'spf',
        },
      ],
    });
    const records = [];
    for await (const record of nockPorkbun().listRecords('example.com')) records.push(record);
    expect(records.map((r) => [r.id, r.type, r.name, r.content, r.ttl, r.priority])).toEqual([
      ['1', 'ALIAS', '@', 'pixie.porkbun.com', 600, null],
      ['2', 'CNAME', '*', 'pixie.porkbun.com', 600, null],
      ['5', 'TXT', '@', 'v=spf1 -all', 600, null],
    ]);
  });

  it('updateRecord sends the whole record: the name is kept (an omitted name would move it to the apex)', async () => {
    const stored = {
      id: '77',
      name: 'www.example.com',
      type: 'A',
      content: '192.0.2.1',
      ttl: '3600',
      prio: '0',
      notes: null,
    };
    answer(sent, 'POST', '/dns/retrieve/example.com/77', 200, { status: 'SUCCESS', records: [stored] });
    answer(sent, 'POST', '/dns/edit/example.com/77', 200, { status: 'SUCCESS' });
    answer(sent, 'POST', '/dns/retrieve/example.com/77', 200, {
      status: 'SUCCESS',
      records: [{ ...stored, content: '192.0.2.2' }],
    });
    const record = await nockPorkbun().updateRecord('example.com', '77', { content: '192.0.2.2' });
    expect(sent[1]!.body).toEqual({
      ...CREDENTIALS,
      name: 'www',
      type: 'A',
      content: '192.0.2.2',
      ttl: 3600,
      prio: 0,
    });
    expect(record).toMatchObject({ id: '77', name: 'www', content: '192.0.2.2', ttl: 3600 });
  });

  it('getDsRecords reads the object keyed by key tag, and [] / null as none', async () => {
    answer(sent, 'POST', '/dns/getDnssecRecords/example.com', 200, {
      status: 'SUCCESS',
      records: {
        '64087': {
          keyTag: '64087',
          alg: '13',
          digestType: '2',
          digest: '15E445BD08128BDC213E25F1C8227DF4CB35186CAC701C1C335B2C406D5530DC',
        },
      },
    });
    answer(sent, 'POST', '/dns/getDnssecRecords/example.com', 200, { status: 'SUCCESS', records: [] });
    answer(sent, 'POST', '/dns/getDnssecRecords/example.com', 200, { status: 'SUCCESS', records: null });
    const porkbun = nockPorkbun();
    expect(await porkbun.getDsRecords('example.com')).toEqual([
      {
        keyTag: 64087,
        algorithm: 13,
        digestType: 2,
        digest: '15E445BD08128BDC213E25F1C8227DF4CB35186CAC701C1C335B2C406D5530DC',
      },
    ]);
    expect(await porkbun.getDsRecords('example.com')).toEqual([]);
    expect(await porkbun.getDsRecords('example.com')).toEqual([]);
  });
});

describe('orders', () => {
  it('registerDomain: requirements, a fresh quote, then create with the exact cents and an Idempotency-Key', async () => {
    answer(sent, 'GET', '/domain/getRegistrationRequirements/com', 200, REQUIREMENTS);
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, CHECK);
    answer(sent, 'POST', '/domain/create/example.com', 200, {
      status: 'SUCCESS',
      domain: 'example.com',
      cost: 973,
      orderId: 12345678,
      balance: 4027,
    });
    const registration = await nockPorkbun().registerDomain({
      domain: 'example.com',
      whoisPrivacy: true,
      maxPrice: { amount: '9.73', currency: 'USD' },
    });
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/json/v3/domain/getRegistrationRequirements/com',
      'POST /api/json/v3/domain/checkDomain/example.com',
      'POST /api/json/v3/domain/create/example.com',
    ]);
    expect(sent[2]!.body).toEqual({ ...CREDENTIALS, cost: 973, agreeToTerms: 'yes', whoisPrivacy: true });
    expect(sent[2]!.headers['idempotency-key']).toMatch(UUID);
    expect(sent[1]!.headers['idempotency-key']).toBeUndefined();
    expect(registration).toEqual({
      provider: 'porkbun',
      id: '12345678',
      domain: 'example.com',
      status: 'completed',
      cost: { amount: '9.73', currency: 'USD' },
      raw: { status: 'SUCCESS', domain: 'example.com', cost: 973, orderId: 12345678, balance: 4027 },
    });
  });

  it('a quote that is no whole number of cents is a ResponseFormatError: no create is sent (never rounded)', async () => {
    answer(sent, 'GET', '/domain/getRegistrationRequirements/com', 200, REQUIREMENTS);
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, {
      ...CHECK,
      response: { ...CHECK.response, price: '9.735' },
    });
    const error = await nockPorkbun()
      .registerDomain({ domain: 'example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ operation: 'registerDomain' });
    expect(sent.map((r) => r.path)).not.toContain('/api/json/v3/domain/create/example.com');
  });

  it("a caller's idempotencyKey is sent on the spending request only", async () => {
    answer(sent, 'GET', '/domain/getRegistrationRequirements/com', 200, REQUIREMENTS);
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, TAKEN_CHECK);
    answer(sent, 'POST', '/domain/renew/example.com', 200, {
      status: 'SUCCESS',
      domain: 'example.com',
      expirationDate: '2028-01-15',
      cost: 1108,
      orderId: 12345679,
      balance: 2919,
    });
    const renewal = await nockPorkbun().renewDomain(
      'example.com',
      { years: 1 },
      { idempotencyKey: 'renew-2027' },
    );
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual([undefined, undefined, 'renew-2027']);
    expect(sent[2]!.body).toEqual({ ...CREDENTIALS, cost: 1108 });
    expect(renewal).toMatchObject({
      status: 'completed',
      expiresAt: new Date('2028-01-15T00:00:00Z'),
      cost: { amount: '11.08', currency: 'USD' },
    });
  });

  it('transferDomain sends authCode and the transfer price in cents; the transfer is tracked by domain', async () => {
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, TAKEN_CHECK);
    answer(sent, 'POST', '/domain/transfer/example.com', 200, {
      status: 'SUCCESS',
      domain: 'example.com',
      orderId: 12345680,
      transferId: 98765,
      balance: 2829,
    });
    answer(sent, 'GET', '/domain/getTransfer/example.com', 200, {
      status: 'SUCCESS',
      transfer: {
        domain: 'example.com',
        status: 'PENDINGTRANSFER',
        statusDescription: 'Awaiting registry response.',
        transferDate: '2026-07-20 11:02:03',
        orderId: '7891022',
      },
    });
    const porkbun = nockPorkbun();
    const transfer = await porkbun.transferDomain({ domain: 'example.com', authCode: 'abc123' });
    expect(sent[1]!.body).toEqual({ ...CREDENTIALS, authCode: 'abc123', cost: 1108 });
    expect(sent[1]!.headers['idempotency-key']).toMatch(UUID);
    expect(transfer).toMatchObject({
      id: 'example.com',
      status: 'pending',
      cost: { amount: '11.08', currency: 'USD' },
    });
    expect(await porkbun.getTransfer(transfer.id)).toMatchObject({
      id: 'example.com',
      domain: 'example.com',
      status: 'in_progress',
      startedAt: new Date('2026-07-20T11:02:03Z'),
    });
  });
});

describe('errors by Porkbun code', () => {
  it('a wrong secret (HTTP 400 INVALID_API_KEYS_002) is an AuthenticationError, no credential in any rendering', async () => {
    answer(sent, 'POST', '/dns/retrieve/example.com', 400, {
      status: 'ERROR',
      code: 'INVALID_API_KEYS_002',
      message: `Invalid API key. (002) ${SECRET_API_KEY}`,
    });
    const error = await nockPorkbun()
      .listRecords('example.com')
      [Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_API_KEYS_002', operation: 'listRecords' });
    for (const text of errorRenderings(error)) {
      expect(text).not.toContain(SECRET_API_KEY);
      expect(text).not.toContain(API_KEY);
    }
  });

  it('a domain not opted in to API access is a PermissionError that says how to opt in', async () => {
    answer(sent, 'POST', '/dns/getDnssecRecords/example.com', 400, {
      status: 'ERROR',
      code: 'API_ACCESS_DISABLED',
      message: 'Domain is not opted in to API access.',
    });
    const error = await nockPorkbun()
      .getDsRecords('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ code: 'API_ACCESS_DISABLED', status: 400 });
    expect((error as Error).message).toContain('"API Access"');
    expect((error as Error).message).toContain('Opt In All Domains');
  });

  it('INSUFFICIENT_FUNDS is a PaymentRequiredError', async () => {
    answer(sent, 'GET', '/domain/getRegistrationRequirements/com', 200, REQUIREMENTS);
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, CHECK);
    answer(sent, 'POST', '/domain/create/example.com', 400, {
      status: 'ERROR',
      code: 'INSUFFICIENT_FUNDS',
      message: 'Your account credit is insufficient to complete this purchase.',
      next_action: { type: 'add_funds', hint: 'Add account credit and retry.', retryable: false },
    });
    const error = await nockPorkbun()
      .registerDomain({ domain: 'example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_FUNDS', operation: 'registerDomain' });
  });

  it('an ERROR envelope sent with HTTP 200 (older deployments) is an error, the old checkDomain limit a RateLimitError', async () => {
    answer(sent, 'POST', '/domain/checkDomain/example.com', 200, {
      status: 'ERROR',
      message: '1 out of 1 checks within 10 seconds used.',
      ttlRemaining: 7,
    });
    const error = await nockPorkbun()
      .checkAvailability('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retryAfterMs: 7000, status: 200 });
  });

  it("the edge's HTML 503 under bursts is a RateLimitError, retried for reads", async () => {
    const html =
      '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>openresty</center></body></html>';
    answer(sent, 'POST', '/dns/retrieve/example.com', 503, html, { 'content-type': 'text/html' });
    answer(sent, 'POST', '/dns/retrieve/example.com', 200, { status: 'SUCCESS', records: [] });
    const porkbun = nockPorkbun({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 } });
    const records = [];
    for await (const record of porkbun.listRecords('example.com')) records.push(record);
    expect(records).toEqual([]);
    answer(sent, 'POST', '/dns/retrieve/example.com', 503, html, { 'content-type': 'text/html' });
    const error = await nockPorkbun()
      .listRecords('example.com')
      [Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 503, code: 'rate_limited', retryable: true });
  });
});

describe('local checks name porkbun and the method, nothing sent', () => {
  it.each([
    ['checkAvailability', () => nockPorkbun().checkAvailability('not a domain!')],
    ['getDomain', () => nockPorkbun().getDomain('../etc')],
    [
      'createRecord',
      () => nockPorkbun().createRecord('example.com', { type: 'A', name: '@', content: '999.1.1.1' }),
    ],
    ['updateRecord', () => nockPorkbun().updateRecord('example.com', '1', { ttl: -1 })],
    ['updateDomain', () => nockPorkbun().updateDomain('example.com', { transferLock: false })],
    ['getTldRequirements', () => nockPorkbun().getTldRequirements('not a tld')],
  ] as const)('%s', async (operation, call) => {
    const error = await (call as () => Promise<unknown>)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'porkbun', operation });
    expect((error as Error).message.startsWith(`porkbun ${operation}: `)).toBe(true);
    expect(sent).toEqual([]);
  });
});
