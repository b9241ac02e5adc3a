import {
  AuthenticationError,
  CAPABILITIES,
  NetworkError,
  ProviderError,
  ResponseFormatError,
  type TransportEvent,
  toArray,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDnsimple } from './index.js';
import { domainPayload } from './test/dnsimple-fixtures.js';

const BASE = 'https://api.dnsimple.com';
const TOKEN = 'sk-dnsimple-SECRET-4242';
const ACC = '/v2/1010';

const zoneRecord = (over: Record<string, unknown> = {}) => ({
  id: 77,
  zone_id: 'example.com',
  parent_id: null,
  name: 'txt',
  content: '"hello \\"world\\""',
  ttl: 3600,
  priority: null,
  type: 'TXT',
  regions: ['global'],
  system_record: false,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-02T00:00:00Z',
  ...over,
});

function dnsimple(extra: Parameters<typeof createDnsimple>[0] = {}) {
  return createDnsimple({ token: TOKEN, accountId: '1010', retry: false, rateLimit: false, ...extra });
}
const api = (token = TOKEN) => nock(BASE, { reqheaders: { authorization: `Bearer ${token}` } });

/** Counts every request nock sees, matched or not. */
function countRequests(): { count: number } {
  const counter = { count: 0 };
  nock.emitter.on('no match', () => counter.count++);
  return counter;
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.emitter.removeAllListeners('no match');
  vi.unstubAllEnvs();
  expect(pending, 'every expected request was sent').toEqual([]);
});

describe('factory and credentials', () => {
  it('declares the DNSimple capabilities; the others reject with UnsupportedOperationError', async () => {
    const registrar = dnsimple();
    const supported = CAPABILITIES.filter((c) => registrar.supports(c));
    // Contract v2 (contacts, TLD requirements, auth codes, zones) included; DNSimple has no TLD
    // price list and no suggestions.
    expect(supported).toEqual(CAPABILITIES.filter((c) => c !== 'listTldPrices' && c !== 'suggestDomains'));
    await expect(registrar.listTldPrices()).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(registrar.suggestDomains('x')).rejects.toMatchObject({
      provider: 'dnsimple',
      operation: 'suggestDomains',
    });
  });

  it('reads DNSIMPLE_TOKEN and DNSIMPLE_ACCOUNT_ID at request time, not at construction', async () => {
    const registrar = createDnsimple({ retry: false, rateLimit: false });
    vi.stubEnv('DNSIMPLE_TOKEN', 'env-token-1234');
    vi.stubEnv('DNSIMPLE_ACCOUNT_ID', '2020');
    api('env-token-1234').get('/v2/2020/domains/example.com').reply(200, { data: domainPayload() });
    expect((await registrar.getDomain('example.com')).id).toBe('5');
  });

  it('without a token: AuthenticationError naming the option and the variable, nothing sent', async () => {
    vi.stubEnv('DNSIMPLE_TOKEN', '');
    const seen = countRequests();
    const error = await createDnsimple({ accountId: 1 })
      .getDomain('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/`token`.*DNSIMPLE_TOKEN/);
    expect(seen.count).toBe(0);
  });

  it('uses the sandbox host with sandbox: true, and a baseURL with a proxy prefix', async () => {
    nock('https://api.sandbox.dnsimple.com')
      .get(`${ACC}/domains/example.com`)
      .reply(200, { data: domainPayload() });
    await dnsimple({ sandbox: true }).getDomain('example.com');
    nock('https://proxy.example.net')
      .get(`/dnsimple${ACC}/domains/example.com`)
      .reply(200, { data: domainPayload() });
    await dnsimple({ baseURL: 'https://proxy.example.net/dnsimple' }).getDomain('example.com');
  });

  it('refuses a non-numeric account id before sending', async () => {
    const seen = countRequests();
    await expect(dnsimple({ accountId: '../1' }).getDomain('example.com')).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(seen.count).toBe(0);
  });

  it('passes the idempotency key and the user agent; a POST is not retried after a 502', async () => {
    const scope = nock(BASE, { reqheaders: { 'idempotency-key': 'key-1', 'user-agent': 'my-app/1.0' } })
      .post(`${ACC}/registrar/domains/example.com/renewals`, { period: 1 })
      .reply(502, '<html>bad gateway</html>', { 'content-type': 'text/html' });
    const registrar = dnsimple({
      userAgent: 'my-app/1.0',
      retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await registrar
      .renewDomain('example.com', { years: 1 }, { idempotencyKey: 'key-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(scope.isDone()).toBe(true);
  });

  it('an aborted signal sends nothing and rejects with an aborted NetworkError', async () => {
    const seen = countRequests();
    const error = await dnsimple()
      .getDomain('example.com', { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(seen.count).toBe(0);
  });
});

describe('local validation: nothing is sent', () => {
  const cases: [string, (r: ReturnType<typeof dnsimple>) => Promise<unknown>][] = [
    ['a bad domain name', (r) => r.getDomain('not a domain!')],
    ['a path-climbing id', (r) => r.getDomain('../etc')],
    ['an unknown patch field', (r) => r.updateDomain('example.com', { locked: true } as never)],
    ['an invalid name server', (r) => r.updateDomain('example.com', { nameservers: ['not a host!'] })],
    ['an empty name server list', (r) => r.updateDomain('example.com', { nameservers: [] })],
    [
      'CNAME at the apex',
      (r) => r.createRecord('example.com', { type: 'CNAME', name: '@', content: 'x.example.net' }),
    ],
    [
      'MX without priority',
      (r) => r.createRecord('example.com', { type: 'MX', name: '@', content: 'mx.example.net' }),
    ],
    [
      'a TTL under 60 s',
      (r) => r.createRecord('example.com', { type: 'A', name: 'a', content: '192.0.2.1', ttl: 30 }),
    ],
    [
      'a TXT over 1000 characters once quoted',
      (r) => r.createRecord('example.com', { type: 'TXT', name: 't', content: 'x'.repeat(999) }),
    ],
    ['a record id with a slash', (r) => r.deleteRecord('example.com', '1/2')],
    ['an empty record id', (r) => r.updateRecord('example.com', '', { ttl: 600 })],
    ['a patch of type', (r) => r.updateRecord('example.com', '1', { type: 'A' } as never)],
    ['renewal for 10 years', (r) => r.renewDomain('example.com', { years: 10 })],
    [
      'registration for 2 years',
      (r) => r.registerDomain({ domain: 'example.com', years: 2, contacts: { registrant: '1' } }),
    ],
    ['registration without registrant', (r) => r.registerDomain({ domain: 'example.com' })],
    [
      'registration with an admin contact',
      (r) => r.registerDomain({ domain: 'example.com', contacts: { registrant: '1', admin: '2' } }),
    ],
    [
      'registration with name servers',
      (r) =>
        r.registerDomain({
          domain: 'example.com',
          contacts: { registrant: '1' },
          nameservers: ['ns1.example.net'],
        }),
    ],
    [
      'a premium price in GBP',
      (r) =>
        r.registerDomain({
          domain: 'example.com',
          contacts: { registrant: '1' },
          premiumPrice: { amount: '9.00', currency: 'GBP' },
        }),
    ],
    [
      'a transfer without auth code',
      (r) => r.transferDomain({ domain: 'example.com', authCode: '', contacts: { registrant: '1' } }),
    ],
    [
      'a transfer with an owner',
      (r) =>
        r.transferDomain({
          domain: 'example.com',
          authCode: 'x',
          contacts: { registrant: '1' },
          owner: 'u1',
        }),
    ],
    ['a transfer id without domain', (r) => r.getTransfer('361')],
    ['a 2-year register quote', (r) => r.getPrice('example.com', { operation: 'register', years: 2 })],
    ['an unknown price operation', (r) => r.getPrice('example.com', { operation: 'park' as never })],
    [
      'a DS record with a non-hex digest',
      (r) => r.setDsRecords('example.com', [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'xyz' }]),
    ],
    ['an availability check of a bad name', (r) => r.checkAvailability('-bad-.com')],
  ];
  it.each(cases)('%s → ValidationError', async (_label, call) => {
    const seen = countRequests();
    const error = await call(dnsimple()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'dnsimple' });
    expect(seen.count).toBe(0);
  });

  it('names the fields that cannot be changed', async () => {
    const error = (await dnsimple()
      .updateDomain('example.com', { locked: true, autoRenew: true } as never)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual([{ path: 'locked', message: expect.stringContaining('cannot be changed') }]);
  });
});

describe('records', () => {
  it('sends TXT quoted and escaped, and returns the plain value', async () => {
    api()
      .post(`${ACC}/zones/example.com/records`, {
        name: 'txt',
        type: 'TXT',
        content: '"hello \\"world\\""',
        ttl: 3600,
      })
      .reply(201, { data: zoneRecord() });
    const record = await dnsimple().createRecord('example.com', {
      type: 'TXT',
      name: 'txt',
      content: 'hello "world"',
      ttl: 3600,
    });
    expect(record).toMatchObject({
      type: 'TXT',
      name: 'txt',
      fqdn: 'txt.example.com',
      content: 'hello "world"',
      ttl: 3600,
      priority: null,
    });
  });

  it('updates a TXT record: reads its type, sends the new value quoted', async () => {
    api().get(`${ACC}/zones/example.com/records/77`).reply(200, { data: zoneRecord() });
    api()
      .patch(`${ACC}/zones/example.com/records/77`, { name: '', content: '"v=spf1 -all"' })
      .reply(200, { data: zoneRecord({ name: '', content: '"v=spf1 -all"' }) });
    const record = await dnsimple().updateRecord('example.com', '77', { name: '@', content: 'v=spf1 -all' });
    expect(record).toMatchObject({ name: '@', fqdn: 'example.com', content: 'v=spf1 -all' });
  });

  it('refuses to update a system record', async () => {
    api()
      .get(`${ACC}/zones/example.com/records/1`)
      .reply(200, { data: zoneRecord({ type: 'SOA', system_record: true, content: 'ns1 admin 1 2 3 4 5' }) });
    await expect(dnsimple().updateRecord('example.com', '1', { ttl: 600 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('addresses an IDN zone by its punycode name, from the Unicode name', async () => {
    api()
      .post(`${ACC}/zones/xn--bcher-kva.com/records`, {
        name: 'www',
        type: 'A',
        content: '192.0.2.7',
        ttl: 3600,
      })
      .reply(201, {
        data: zoneRecord({ zone_id: 'xn--bcher-kva.com', name: 'www', type: 'A', content: '192.0.2.7' }),
      });
    const record = await dnsimple().createRecord('Bücher.com', {
      type: 'A',
      name: 'www',
      content: '192.0.2.7',
      ttl: 3600,
    });
    expect(record).toMatchObject({ domain: 'xn--bcher-kva.com', fqdn: 'www.xn--bcher-kva.com' });
  });

  it('resolves a domain id to its zone name once (cached)', async () => {
    api().get(`${ACC}/domains/5`).once().reply(200, { data: domainPayload() });
    api().delete(`${ACC}/zones/example.com/records/1`).twice().reply(204);
    const registrar = dnsimple();
    await registrar.deleteRecord('5', '1');
    await registrar.deleteRecord('5', '1');
  });

  it('lists records across pages, SRV and CAA in canonical form, with filters passed through', async () => {
    const page = (n: number, items: unknown[]) => ({
      data: items,
      pagination: { current_page: n, per_page: 1, total_entries: 2, total_pages: 2 },
    });
    api()
      .get(`${ACC}/zones/example.com/records`)
      .query({ page: '1', per_page: '1', type: 'SRV', sort: 'id:asc' })
      .reply(
        200,
        page(1, [
          zoneRecord({
            id: 1,
            name: '_sip._tcp',
            type: 'SRV',
            content: '5 5060 SIP.example.net.',
            priority: 10,
          }),
        ]),
      );
    api()
      .get(`${ACC}/zones/example.com/records`)
      .query({ page: '2', per_page: '1', type: 'SRV', sort: 'id:asc' })
      .reply(
        200,
        page(2, [zoneRecord({ id: 2, name: '', type: 'CAA', content: '0 issue "letsencrypt.org"' })]),
      );
    const records = await toArray(
      dnsimple().listRecords('example.com', { pageSize: 1, type: 'SRV', sort: 'id:asc' }),
    );
    expect(records.map((r) => [r.id, r.name, r.type, r.content, r.priority])).toEqual([
      ['1', '_sip._tcp', 'SRV', '5 5060 sip.example.net', 10],
      ['2', '@', 'CAA', '0 issue "letsencrypt.org"', null],
    ]);
  });

  it('createRecords: local errors per input; 412 (no batch on the plan) falls back to one request per record', async () => {
    api()
      .post(`${ACC}/zones/example.com/batch`)
      .reply(412, { message: 'Batch changes are not available on your plan' });
    api()
      .post(`${ACC}/zones/example.com/records`, { name: 'a', type: 'A', content: '192.0.2.1', ttl: 3600 })
      .reply(201, { data: zoneRecord({ id: 1, name: 'a', type: 'A', content: '192.0.2.1' }) });
    api()
      .post(`${ACC}/zones/example.com/records`, { name: 'b', type: 'A', content: '192.0.2.2', ttl: 3600 })
      .reply(400, {
        message: 'Validation failed',
        errors: { base: ['Matching record already exists for this zone'] },
      });
    const inputs = [
      { type: 'A', name: 'a', content: '192.0.2.1', ttl: 3600 },
      { type: 'CNAME', name: '@', content: 'x.example.net' },
      { type: 'A', name: 'b', content: '192.0.2.2', ttl: 3600 },
    ] as const;
    const result = await dnsimple().createRecords('example.com', [...inputs]);
    expect(result.created.map((r) => r.name)).toEqual(['a']);
    expect(result.errors.map((e) => [e.input, e.error.name, e.error.status])).toEqual([
      [inputs[1], 'ValidationError', undefined],
      [inputs[2], 'ValidationError', 400],
    ]);
  });
});

describe('listings from a lying server', () => {
  it('total_pages 1e6 with empty pages: bad_pagination after at most the pages seen + concurrency', async () => {
    let sent = 0;
    const page = (n: number) => ({
      data: n === 1 ? [domainPayload()] : [],
      pagination: { current_page: n, per_page: 100, total_entries: 1e8, total_pages: 1e6 },
    });
    const scope = api()
      .get(`${ACC}/domains`)
      .query(true)
      .times(6)
      .reply((uri) => [200, page(Number(new URL(uri, BASE).searchParams.get('page')))]);
    scope.on('request', () => sent++);
    const error = await toArray(dnsimple().listDomains({ concurrency: 4 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ code: 'bad_pagination', provider: 'dnsimple', operation: 'listDomains' });
    expect(sent).toBeLessThanOrEqual(2 + 4);
    nock.cleanAll();
  });

  it('the same page answered for every page number: bad_pagination', async () => {
    let sent = 0;
    const scope = api()
      .get(`${ACC}/zones/example.com/records`)
      .query(true)
      .times(6)
      .reply(200, {
        data: [zoneRecord()],
        pagination: { current_page: 1, per_page: 1, total_entries: 50, total_pages: 50 },
      });
    scope.on('request', () => sent++);
    const error = await toArray(dnsimple().listRecords('example.com', { concurrency: 2 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      code: 'bad_pagination',
      operation: 'listRecords',
    });
    expect(sent).toBeLessThanOrEqual(2 + 2);
    nock.cleanAll();
  });
});

describe('rate limits and secrets', () => {
  it('slows down when X-RateLimit-Remaining runs low, before any 429', async () => {
    const events: TransportEvent[] = [];
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    api()
      .get(`${ACC}/domains/example.com`)
      .reply(
        200,
        { data: domainPayload() },
        { 'X-RateLimit-Limit': '2400', 'X-RateLimit-Remaining': '100', 'X-RateLimit-Reset': reset },
      );
    await dnsimple({ rateLimit: undefined, onEvent: (event) => events.push(event) }).getDomain('example.com');
    expect(events.find((e) => e.type === 'rate-limit')).toMatchObject({ reason: 'remaining-quota' });
  });

  it('no error rendering contains the token (401, 500, network failure, malformed body)', async () => {
    const answers: ((i: nock.Interceptor) => void)[] = [
      (i) => i.reply(401, { message: `Authentication failed for Bearer ${TOKEN}` }),
      (i) => i.reply(500, { message: `boom ${TOKEN}` }),
      (i) => i.replyWithError(Object.assign(new Error(`socket hang up ${TOKEN}`), { code: 'ECONNRESET' })),
      (i) => i.reply(200, `{"data": ${TOKEN}`),
    ];
    const classes = [AuthenticationError, ProviderError, NetworkError, ResponseFormatError];
    for (const [index, answer] of answers.entries()) {
      answer(api().get(`${ACC}/domains/example.com`));
      const error = await dnsimple()
        .getDomain('example.com')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(classes[index]!);
      for (const text of errorRenderings(error)) expect(text).not.toContain(TOKEN);
    }
  });
});

describe('restoreDomain input from JavaScript callers', () => {
  it.each([null, 'yes', 42, []])(
    'refuses %j as the input with a ValidationError before any request',
    async (input) => {
      const counter = countRequests();
      const error = await dnsimple()
        .restoreDomain('example.com', input as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { path: 'input', message: 'must be an object such as { premiumPrice }' },
      ]);
      expect(counter.count).toBe(0);
    },
  );
});
