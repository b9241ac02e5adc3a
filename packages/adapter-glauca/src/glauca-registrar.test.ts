import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  PermissionError,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
  toArray,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseGlaucaError } from './glauca-errors.js';
import { createGlauca } from './glauca-registrar.js';
import { API, DNS, DOMAIN_ID, domainPayload } from './test/glauca-fixtures.js';
import { AUTH, glauca, TOKEN } from './test/glauca-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});

const getDomain = (registrar = glauca()) => registrar.getDomain(DOMAIN_ID);

describe('factory', () => {
  it('derives capabilities; unsupported methods reject with UnsupportedOperationError', async () => {
    const registrar = glauca();
    expect(registrar.provider).toBe('glauca');
    expect(
      Object.entries(registrar.capabilities)
        .filter(([, v]) => !v)
        .map(([k]) => k),
    ).toEqual(['listTldPrices', 'suggestDomains', 'getTldRequirements']);
    await expect(registrar.listTldPrices()).rejects.toThrow(UnsupportedOperationError);
    await expect(registrar.suggestDomains('x')).rejects.toMatchObject({
      provider: 'glauca',
      operation: 'suggestDomains',
    });
  });

  it('uses the production hosts by default and the test host with sandbox', async () => {
    nock('https://domains.glauca.digital').get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    await getDomain(createGlauca({ token: TOKEN, rateLimit: false }));
    nock('https://domains.test.glauca.digital').get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    await getDomain(createGlauca({ token: TOKEN, rateLimit: false, sandbox: true }));
    nock('https://dns.glauca.digital')
      .get('/api/dns_zones/hexdns_zone_1/')
      .reply(200, { id: 'hexdns_zone_1', zone_root: 'example.com' })
      .persist();
    expect(
      await toArray(createGlauca({ token: TOKEN, rateLimit: false }).listRecords('hexdns_zone_1')),
    ).toEqual([]);
    nock('https://proxy.example/glauca').get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    await getDomain(
      createGlauca({ token: TOKEN, rateLimit: false, baseURL: 'https://proxy.example/glauca' }),
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses two credential options at once, and plain http to a remote host', () => {
    expect(() => createGlauca({ token: 'a', personalAccessToken: 'b' })).toThrow(ValidationError);
    expect(() => createGlauca({ token: 'a', baseURL: 'http://domains.glauca.digital' })).toThrow(
      ValidationError,
    );
  });
});

describe('authentication', () => {
  it('sends the PAT with the X-AS207960-PAT scheme', async () => {
    nock(API, { reqheaders: { authorization: 'X-AS207960-PAT pat-abc-123' } })
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload());
    await getDomain(createGlauca({ personalAccessToken: 'pat-abc-123', rateLimit: false }));
  });

  it('reads GLAUCA_TOKEN at request time, not at construction', async () => {
    vi.stubEnv('GLAUCA_TOKEN', '');
    const registrar = createGlauca({ rateLimit: false });
    vi.stubEnv('GLAUCA_TOKEN', 'env-token-42');
    nock(API, { reqheaders: { authorization: 'Bearer env-token-42' } })
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload());
    await getDomain(registrar);
  });

  it('without any credential: AuthenticationError naming the variable and the option, nothing sent', async () => {
    vi.stubEnv('GLAUCA_TOKEN', '');
    const scope = nock(API).get(/.*/).reply(200, {});
    const error = await getDomain(createGlauca({ rateLimit: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/GLAUCA_TOKEN/);
    expect((error as Error).message).toMatch(/token/);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'getDomain' });
    expect(scope.isDone()).toBe(false);
  });

  it('calls getToken per request, and again with forceRefresh after "Invalid token"', async () => {
    const getToken = vi.fn(({ forceRefresh }: { forceRefresh: boolean }) =>
      forceRefresh ? 'fresh-token-2' : 'stale-token-1',
    );
    nock(API, { reqheaders: { authorization: 'Bearer stale-token-1' } })
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(403, { detail: 'Invalid token' });
    nock(API, { reqheaders: { authorization: 'Bearer fresh-token-2' } })
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload());
    await getDomain(glauca({ token: undefined, getToken }));
    expect(getToken.mock.calls.map(([c]) => c)).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refreshes only once: a second "Invalid token" is an AuthenticationError', async () => {
    const getToken = vi.fn(() => 'bad-token-xyz');
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).twice().reply(403, { detail: 'Invalid token' });
    await expect(getDomain(glauca({ token: undefined, getToken }))).rejects.toMatchObject({
      name: 'AuthenticationError',
      status: 403,
    });
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('a static token that is refused is not resent', async () => {
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).once().reply(403, { detail: 'Invalid token' });
    await expect(getDomain()).rejects.toThrow(AuthenticationError);
  });

  it('a failing getToken is an AuthenticationError', async () => {
    await expect(
      getDomain(
        glauca({
          token: undefined,
          getToken: () => {
            throw new Error('idp down');
          },
        }),
      ),
    ).rejects.toThrow(AuthenticationError);
  });

  it("keeps no raw getToken error in the cause chain: an axios error's config, auth and headers stay out", async () => {
    const secret = 'idp-client-secret-73af0c';
    const axiosLike = Object.assign(new Error('Request failed with status code 401'), {
      name: 'AxiosError',
      isAxiosError: true,
      config: {
        auth: { username: 'my-client', password: secret },
        headers: { Authorization: `Basic ${Buffer.from(`my-client:${secret}`).toString('base64')}` },
      },
      response: { status: 401, data: { error: 'invalid_client', client_secret: secret } },
    });
    const error = await getDomain(
      glauca({
        token: undefined,
        getToken: () => {
          throw axiosLike;
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const cause = (error as AuthenticationError).cause as Error;
    expect(cause).not.toBe(axiosLike);
    expect({ name: cause.name, message: cause.message }).toEqual({
      name: 'AxiosError',
      message: 'Request failed with status code 401',
    });
    expect(Object.keys(cause)).toEqual([]);
    for (const text of errorRenderings(error)) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`my-client:${secret}`).toString('base64'));
    }
  });
});

describe('error mapping (DRF bodies)', () => {
  it.each([
    [400, { period: { unit: ['"w" is not a valid choice.'] } }, ValidationError, undefined],
    [400, ['Admin contact required'], ValidationError, undefined],
    [400, { detail: 'Unsupported by the registry' }, ValidationError, 'unsupported'],
    [402, { detail: 'Error billing account' }, PaymentRequiredError, 'billing_error'],
    [403, { detail: 'Invalid token' }, AuthenticationError, 'authentication'],
    [403, { detail: 'You do not have permission to perform this action.' }, PermissionError, 'permission'],
    [403, { detail: 'Authentication credentials were not provided.' }, PermissionError, 'permission'],
    [404, { detail: 'Not found.' }, NotFoundError, 'not_found'],
    [409, { detail: 'Object already exists' }, ConflictError, 'object_exists'],
    [429, { detail: 'Request was throttled.' }, RateLimitError, 'rate_limited'],
    [500, { detail: 'Error communicating with regitry: timeout' }, ProviderError, 'provider_error'],
    [500, '<html><body>Server Error (500)</body></html>', ProviderError, 'provider_error'],
  ] as const)('%i %j → %s', async (status, body, errorClass, code) => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .times(3)
      .reply(status, body as never);
    const error = await getDomain().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'getDomain', status });
    if (code) expect((error as { code: string }).code).toBe(code);
  });

  it('keeps field issues with dotted paths, list items by index, non_field_errors on the parent', () => {
    expect(
      parseGlaucaError({ period: { value: ['Ensure this value is greater than or equal to 1.'] } }, 400),
    ).toEqual({
      message: 'period.value: Ensure this value is greater than or equal to 1.',
      issues: [{ path: 'period.value', message: 'Ensure this value is greater than or equal to 1.' }],
    });
    expect(
      parseGlaucaError({ sec_dns: { non_field_errors: ["can't set both ds_data and key_data"] } }, 400)
        .issues,
    ).toEqual([{ path: 'sec_dns', message: "can't set both ds_data and key_data" }]);
    expect(
      parseGlaucaError({ name_servers: [{}, { host_object: ['This field is required.'] }] }, 400).issues,
    ).toEqual([{ path: 'name_servers.1.host_object', message: 'This field is required.' }]);
    expect(parseGlaucaError(['Admin contact required'], 400)).toEqual({
      message: 'Admin contact required',
      issues: [{ path: '', message: 'Admin contact required' }],
    });
    expect(parseGlaucaError({ detail: 'Invalid token' }, 403)).toEqual({
      message: 'Invalid token',
      invalidCredential: true,
    });
    expect(parseGlaucaError(42, 500)).toEqual({});
  });

  it('a field error reaches the caller with its issues', async () => {
    nock(API)
      .patch(`/api/domains/${DOMAIN_ID}/`)
      .reply(400, { sec_dns: { non_field_errors: ['must set one of ds_data or key_data'] } });
    await expect(
      glauca().setDsRecords(DOMAIN_ID, [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'AB' }]),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'sec_dns', message: 'must set one of ds_data or key_data' }],
    });
  });

  it('retries an idempotent GET on 503, never a 4xx', async () => {
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(503, 'unavailable');
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    expect((await getDomain()).id).toBe(DOMAIN_ID);
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).once().reply(404, { detail: 'Not found.' });
    await expect(getDomain()).rejects.toThrow(NotFoundError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a body of the wrong shape is a ResponseFormatError naming the field', async () => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload({ statuses: 'ok' }));
    await expect(getDomain()).rejects.toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'statuses' }],
    });
    nock(API).get('/api/domains/').reply(200, { count: 1, results: [] });
    await expect(toArray(glauca().listDomains())).rejects.toThrow(ResponseFormatError);
    nock(DNS)
      .get('/api/dns_zones/hexdns_zone_1/')
      .reply(200, {
        id: 'hexdns_zone_1',
        zone_root: 'example.com',
        mx_records: [{ id: 'x', zone: 'z', record_name: '@', ttl: 1, exchange: 'a' }],
      });
    await expect(toArray(glauca().listRecords('hexdns_zone_1'))).rejects.toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'mx_records.0.priority' }],
    });
  });
});

describe('secrets', () => {
  it.each([
    [
      '403 echoing the token',
      () =>
        nock(API)
          .get(`/api/domains/${DOMAIN_ID}/`)
          .reply(403, { detail: `Invalid token ${TOKEN}` }),
    ],
    [
      '500 HTML',
      () => nock(API).get(`/api/domains/${DOMAIN_ID}/`).times(3).reply(500, `<html>Bearer ${TOKEN}</html>`),
    ],
    [
      'network failure',
      () =>
        nock(API)
          .get(`/api/domains/${DOMAIN_ID}/`)
          .times(3)
          .replyWithError(Object.assign(new Error(`socket hang up ${TOKEN}`), { code: 'ECONNRESET' })),
    ],
    ['malformed body', () => nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(200, `{"id": "${TOKEN}`)],
  ])('%s: no rendering of the error contains the token', async (_label, setup) => {
    setup();
    const events: unknown[] = [];
    const error = await getDomain(glauca({ onEvent: (event) => events.push(event) })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    for (const text of errorRenderings(error)) expect(text).not.toContain(TOKEN);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('a network failure is a NetworkError', async () => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .times(3)
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await expect(getDomain()).rejects.toThrow(NetworkError);
  });

  it('sends the bearer token on every request', async () => {
    nock(API, { reqheaders: AUTH }).get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    await getDomain();
  });
});
