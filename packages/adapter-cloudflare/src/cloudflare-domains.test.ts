import {
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  toArray,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDFLARE_ACCOUNT_ID_ENV, CLOUDFLARE_API_TOKEN_ENV, createCloudflare } from './index.js';
import { requestIssues, setup } from './test/cloudflare-fixture.js';

const PRICES = {
  com: { register: '9.15', renew: '10.44', transfer: '9.95', restore: '80.00' },
  dev: { register: '12.00', renew: '12.00', transfer: '12.00', restore: '80.00' },
  net: { register: '11.00', renew: '11.00', transfer: '11.00', restore: '80.00' },
};

afterEach(() => {
  delete process.env[CLOUDFLARE_API_TOKEN_ENV];
  delete process.env[CLOUDFLARE_ACCOUNT_ID_ENV];
});

describe('Cloudflare credentials and account', () => {
  it('names CLOUDFLARE_API_TOKEN when no token is given (an empty one counts as missing) and sends nothing', async () => {
    const { emulator, sent, mark } = await setup();
    mark();
    const cloudflare = createCloudflare({ baseURL: `${emulator.url}/client/v4`, apiToken: '' });
    const error = await cloudflare.getDomain('test-domain-1.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      code: 'missing_credentials',
      provider: 'cloudflare',
      operation: 'getDomain',
    });
    expect((error as Error).message).toContain(CLOUDFLARE_API_TOKEN_ENV);
    expect(sent()).toEqual([]);
  });

  it('reads the token and account from the environment at request time', async () => {
    const { emulator } = await setup();
    const cloudflare = createCloudflare({ baseURL: `${emulator.url}/client/v4`, rateLimit: false });
    process.env[CLOUDFLARE_API_TOKEN_ENV] = emulator.seedInfo.credentials.apiToken;
    process.env[CLOUDFLARE_ACCOUNT_ID_ENV] = emulator.seedInfo.credentials.accountId;
    expect((await cloudflare.getDomain('test-domain-1.com')).name).toBe('test-domain-1.com');
    expect(emulator.requests.map((r) => r.path)).toEqual([
      `/client/v4/accounts/${emulator.seedInfo.credentials.accountId}/registrar/registrations/test-domain-1.com`,
    ]);
  });

  it('discovers the one account the token reaches, once', async () => {
    const { emulator } = await setup({}, { accountId: undefined });
    const cloudflare = createCloudflare({
      baseURL: `${emulator.url}/client/v4`,
      apiToken: emulator.seedInfo.credentials.apiToken,
      rateLimit: false,
    });
    await Promise.all([cloudflare.getDomain('test-domain-1.com'), cloudflare.getDomain('test-domain-2.com')]);
    const paths = emulator.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/client/v4/accounts')).toHaveLength(1);
    expect(
      paths.filter((p) => p.includes(`/accounts/${emulator.seedInfo.credentials.accountId}/registrar/`)),
    ).toHaveLength(2);
  });

  it('asks for CLOUDFLARE_ACCOUNT_ID when the token reaches several accounts', async () => {
    const { emulator } = await setup({ extraAccountIds: ['0123456789abcdef0123456789abcdef'] });
    const cloudflare = createCloudflare({
      baseURL: `${emulator.url}/client/v4`,
      apiToken: emulator.seedInfo.credentials.apiToken,
      rateLimit: false,
    });
    const error = await cloudflare.getDomain('test-domain-1.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(CLOUDFLARE_ACCOUNT_ID_ENV);
    expect(error).toMatchObject({ operation: 'getDomain' });
  });

  it('maps an unknown token to AuthenticationError (401, or 403 with code 9109) and never shows the token', async () => {
    for (const invalidTokenStatus of [401, 403] as const) {
      const { emulator } = await setup({ invalidTokenStatus });
      const cloudflare = createCloudflare({
        baseURL: `${emulator.url}/client/v4`,
        apiToken: 'wrong-token-value',
        accountId: emulator.seedInfo.credentials.accountId,
        retry: false,
      });
      const error = await cloudflare.getDomain('test-domain-1.com').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: invalidTokenStatus, code: 'invalid_token' });
      expect(JSON.stringify(error)).not.toContain('wrong-token-value');
    }
  });

  it('waits out the budget its Ratelimit header announces instead of overrunning it (which locks the token out)', async () => {
    // Five minutes scaled to 3 s: two requests per window.
    const { emulator, cloudflare } = await setup(
      { rateLimits: true, requestLimit: 2, timeScale: 0.01 },
      { rateLimit: undefined },
    );
    await cloudflare.getDomain('test-domain-1.com');
    await cloudflare.getDomain('test-domain-1.com');
    const started = Date.now();
    expect((await cloudflare.getDomain('test-domain-1.com')).name).toBe('test-domain-1.com');
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(emulator.rateLimited()).toBe(0);
    expect(emulator.requests).toHaveLength(3);
  }, 20_000);

  it('maps a 429 (code 971) to RateLimitError with the Retry-After wait', async () => {
    const { emulator, cloudflare } = await setup();
    emulator.setFaults([
      { route: 'getDomain', sequence: [{ type: 'error', status: 429, retryAfterSeconds: 120 }] },
    ]);
    const error = await cloudflare.getDomain('test-domain-1.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 120_000 });
  });
});

describe('Cloudflare registrations', () => {
  it('maps a registration to the model, by name in any form', async () => {
    const { emulator, cloudflare } = await setup();
    const domain = await cloudflare.getDomain('TEST-domain-1.com.');
    const raw = domain.raw as { created_at: string; expires_at: string };
    expect(domain).toEqual({
      provider: 'cloudflare',
      id: 'test-domain-1.com',
      name: 'test-domain-1.com',
      unicodeName: 'test-domain-1.com',
      status: 'active',
      providerStatus: ['active'],
      owner: null,
      createdAt: new Date(raw.created_at),
      expiresAt: new Date(raw.expires_at),
      updatedAt: null,
      autoRenew: false,
      whoisPrivacy: true,
      transferLock: true,
      nameservers: null,
      dsRecords: null,
      raw,
    });
    expect(await cloudflare.getDomain(domain.id)).toEqual(domain);
    const missing = await cloudflare.getDomain('not-mine.com').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ code: 'domain_not_found' });
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('lists every registration through the cursor until the empty cursor', async () => {
    const { emulator, cloudflare, sent, mark } = await setup({ seed: { domains: 45, recordsPerDomain: 0 } });
    mark();
    const domains = await toArray(cloudflare.listDomains({ pageSize: 20 }));
    expect(domains.map((d) => d.name)).toEqual(emulator.seedInfo.ownedDomains);
    const queries = sent().map((r) => r.query);
    expect(queries).toHaveLength(3);
    expect(queries[0]).toEqual({ per_page: '20' });
    expect(queries[1]!.cursor).toBeTruthy();
    expect(queries[2]!.cursor).not.toBe(queries[1]!.cursor);
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('changes auto-renew through PATCH and refuses what the 2026 API cannot change, sending nothing', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    mark();
    const updated = await cloudflare.updateDomain('test-domain-1.com', { autoRenew: true });
    expect(updated).toMatchObject({ name: 'test-domain-1.com', autoRenew: true });
    expect(sent().map(({ method, body }) => ({ method, body }))).toEqual([
      { method: 'PATCH', body: { auto_renew: true } },
    ]);
    expect((await cloudflare.getDomain('test-domain-1.com')).autoRenew).toBe(true);
    mark();
    for (const patch of [
      { whoisPrivacy: false },
      { transferLock: false },
      { nameservers: ['ns1.example.net'] },
    ]) {
      const error = await cloudflare.updateDomain('test-domain-1.com', patch).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'unsupported_setting', issues: [{ path: Object.keys(patch)[0] }] });
    }
    expect(sent()).toEqual([]);
    expect(requestIssues(emulator)).toEqual([]);
  });
});

describe('Cloudflare availability, prices and suggestions', () => {
  it('maps domain-check reasons to availability statuses', async () => {
    const { emulator, cloudflare, sent, mark } = await setup({ seed: { tldPrices: PRICES } });
    mark();
    const available = await cloudflare.checkAvailability('available-name.com');
    expect(sent()[0]!.body).toEqual({ domains: ['available-name.com'] });
    expect(available).toMatchObject({
      available: true,
      status: 'available',
      premium: false,
      price: { amount: '9.15', currency: 'USD' },
      reason: null,
    });
    expect(await cloudflare.checkAvailability('registered-name.com')).toMatchObject({
      available: false,
      status: 'registered',
      price: null,
      providerStatus: ['domain_unavailable'],
    });
    expect(await cloudflare.checkAvailability('premium-name.com')).toMatchObject({
      available: true,
      premium: true,
      status: 'premium',
      price: null,
      reason: 'premium names cannot be registered through the Cloudflare API',
    });
    // Cloudflare refuses a check whose every name has an unsupported extension (code 1008).
    for (const name of ['brand.link', 'brand.horse']) {
      expect(await cloudflare.checkAvailability(name)).toMatchObject({
        available: false,
        status: 'unregistrable',
        providerStatus: ['extension_not_supported'],
      });
    }
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('quotes several years as one registration plus renewals, and transfers from the transfer check', async () => {
    const { emulator, cloudflare } = await setup({ seed: { tldPrices: PRICES } });
    expect(await cloudflare.getPrice('available-name.com', { years: 3 })).toEqual({
      provider: 'cloudflare',
      domain: 'available-name.com',
      operation: 'register',
      years: 3,
      price: { amount: '30.03', currency: 'USD' },
      premium: false,
      available: true,
      renewalPrice: { amount: '10.44', currency: 'USD' },
    });
    expect(await cloudflare.getPrice('registered-name.com', { operation: 'transfer' })).toMatchObject({
      operation: 'transfer',
      years: 1,
      price: { amount: '9.95', currency: 'USD' },
      renewalPrice: { amount: '10.44', currency: 'USD' },
      available: null,
    });
    await expect(cloudflare.getPrice('test-domain-1.com', { operation: 'renew' })).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    await expect(cloudflare.getPrice('premium-name.com')).rejects.toMatchObject({
      code: 'premium_not_supported',
    });
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('suggests from domain-search with every asked extension as a repeated key', async () => {
    const { emulator, cloudflare } = await setup({ seed: { tldPrices: PRICES } });
    const suggestions = await cloudflare.suggestDomains('acme', { tlds: ['com', '.dev'] });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(new Set(suggestions.map((s) => s.zone))).toEqual(new Set(['com', 'dev']));
    expect(suggestions[0]).toEqual({ domain: 'acme.com', zone: 'com', registerUrl: null });
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('reads extension requirements', async () => {
    const { cloudflare } = await setup();
    expect(await cloudflare.getTldRequirements('.COM')).toMatchObject({
      provider: 'cloudflare',
      tld: 'com',
      minYears: 1,
      maxYears: 10,
      whoisPrivacy: true,
      autoRenewOnly: true,
      extendedAttributes: [],
    });
  });
});
