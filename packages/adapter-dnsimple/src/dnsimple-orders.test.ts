/**
 * Orders and settings that spend money or send a bodiless write: what is sent (exact headers, no
 * form encoding), what is refused before sending, and what a charged call returns when the read
 * after it fails.
 */
import { ProviderError, ValidationError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDnsimple } from './index.js';
import { domainPayload } from './test/dnsimple-fixtures.js';

const BASE = 'https://api.dnsimple.com';
const TOKEN = 'dnsimple-orders-token-5d1e';
const ACC = '/v2/1010';
const REG = `${ACC}/registrar/domains`;

function dnsimple(extra: Parameters<typeof createDnsimple>[0] = {}) {
  return createDnsimple({
    token: TOKEN,
    accountId: 1010,
    registrantId: 7,
    retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    ...extra,
  });
}

/** The headers DNSimple's official client sends on every request (dnsimple-node, lib/main.ts). */
const OFFICIAL_HEADERS = {
  authorization: `Bearer ${TOKEN}`,
  accept: 'application/json',
  'content-type': 'application/json',
};

/** Matches a request with no body at all. */
const noBody = (body: unknown) => body === '' || body === undefined;

let unmatched = 0;
beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', () => unmatched++);
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  const strays = unmatched;
  unmatched = 0;
  expect(pending, 'every expected request was sent').toEqual([]);
  expect(strays, 'no unexpected request').toBe(0);
});

const registered = domainPayload({
  registrant_id: 7,
  state: 'registered',
  expires_on: '2026-01-01',
  expires_at: '2026-01-01T00:00:00Z',
});

/** The reads of the domain `updateDomain` returns. */
function refreshedDomain(): void {
  nock(BASE).get(`${ACC}/domains/example.com`).reply(200, { data: registered });
  nock(BASE)
    .get(`${REG}/example.com/transfer_lock`)
    .reply(200, { data: { enabled: false } });
  nock(BASE)
    .get(`${REG}/example.com/delegation`)
    .reply(200, { data: ['ns1.dnsimple.com'] });
}

describe('bodiless writes carry the official client headers', () => {
  it.each([
    ['auto_renewal', 'put', { autoRenew: true }, 204, undefined],
    ['whois_privacy', 'put', { whoisPrivacy: true }, 200, { data: { enabled: true } }],
    ['transfer_lock', 'post', { transferLock: true }, 201, { data: { enabled: true } }],
  ] as const)(
    'updateDomain %s: %s with Content-Type application/json and no body',
    async (path, method, patch, status, reply) => {
      // Enabling WHOIS privacy reads the domain first (it may buy the service).
      if (path === 'whois_privacy') refreshedDomain();
      nock(BASE, { reqheaders: OFFICIAL_HEADERS })
        [method](`${REG}/example.com/${path}`, noBody)
        .reply(status, reply);
      refreshedDomain();
      await dnsimple().updateDomain('example.com', patch);
    },
  );

  it('enableDnssec: POST with Content-Type application/json and no body', async () => {
    nock(BASE, { reqheaders: OFFICIAL_HEADERS })
      .post(`${ACC}/domains/example.com/dnssec`, noBody)
      .reply(201, {
        data: { enabled: true, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' },
      });
    expect((await dnsimple().enableDnssec('example.com')).enabled).toBe(true);
  });

  it('authorizeTransferOut: POST with Content-Type application/json and no body', async () => {
    nock(BASE, { reqheaders: OFFICIAL_HEADERS })
      .post(`${REG}/example.com/authorize_transfer_out`, noBody)
      .reply(204);
    await dnsimple().authorizeTransferOut('example.com');
  });
});

describe('enabling WHOIS privacy spends money', () => {
  it('is not retried after a 502 (it may have bought the service)', async () => {
    refreshedDomain();
    nock(BASE).put(`${REG}/example.com/whois_privacy`).reply(502, { message: 'bad gateway' });
    await expect(dnsimple().updateDomain('example.com', { whoisPrivacy: true })).rejects.toBeInstanceOf(
      ProviderError,
    );
  });

  it('is not retried after a timeout', async () => {
    refreshedDomain();
    nock(BASE)
      .put(`${REG}/example.com/whois_privacy`)
      .delay(1500)
      .reply(200, { data: { enabled: true } });
    // A deadline the reads before it meet even on a loaded machine, and an answer far past it.
    await expect(
      dnsimple({ timeoutMs: 400 }).updateDomain('example.com', { whoisPrivacy: true }),
    ).rejects.toMatchObject({ name: 'NetworkError', code: 'timeout' });
    // Let the delayed interceptor finish so it is not reported as pending.
    await new Promise((resolve) => setTimeout(resolve, 1600));
  });

  it('is retried when the connection was refused (the request never reached DNSimple)', async () => {
    refreshedDomain();
    nock(BASE)
      .put(`${REG}/example.com/whois_privacy`)
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    nock(BASE)
      .put(`${REG}/example.com/whois_privacy`)
      .reply(200, { data: { enabled: true } });
    refreshedDomain();
    await dnsimple().updateDomain('example.com', { whoisPrivacy: true });
  });

  it('disabling it spends nothing and is retried after a 502', async () => {
    nock(BASE).delete(`${REG}/example.com/whois_privacy`).reply(502, { message: 'bad gateway' });
    nock(BASE)
      .delete(`${REG}/example.com/whois_privacy`)
      .reply(200, { data: { enabled: false } });
    refreshedDomain();
    await dnsimple().updateDomain('example.com', { whoisPrivacy: false });
  });
});

describe('money in inputs is a non-negative decimal', () => {
  it.each([
    ['-1', 'registerDomain'],
    ['-0.01', 'registerDomain'],
    ['1e3', 'registerDomain'],
    ['-1', 'restoreDomain'],
  ])('premiumPrice %s: ValidationError from %s, nothing sent', async (amount, method) => {
    const registrar = dnsimple();
    const premiumPrice = { amount, currency: 'USD' };
    const call =
      method === 'registerDomain'
        ? registrar.registerDomain({ domain: 'example.com', premiumPrice })
        : registrar.restoreDomain('example.com', { premiumPrice });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'dnsimple', operation: method });
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['premiumPrice.amount']);
  });

  it('a zero or positive premium price is sent as given', async () => {
    nock(BASE).get('/v2/tlds/com/extended_attributes').reply(200, { data: [] });
    nock(BASE)
      .post(`${REG}/example.com/registrations`, { registrant_id: 7, premium_price: '0' })
      .reply(201, {
        data: {
          id: 1,
          domain_id: 5,
          registrant_id: 7,
          period: 1,
          state: 'new',
          auto_renew: false,
          whois_privacy: false,
          created_at: '2024-01-01T00:00:00Z',
          updated_at: '2024-01-01T00:00:00Z',
        },
      });
    await dnsimple().registerDomain({
      domain: 'example.com',
      premiumPrice: { amount: '0', currency: 'USD' },
    });
  });
});

describe('renewDomain after the charge', () => {
  const renewal = (state: string) => ({
    data: {
      id: 1,
      domain_id: 5,
      period: 1,
      state,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    },
  });

  it('resolves with expiresAt null when the read of the new expiry fails; one renewal sent', async () => {
    nock(BASE).post(`${REG}/example.com/renewals`, { period: 1 }).reply(201, renewal('renewed'));
    nock(BASE).get(`${ACC}/domains/example.com`).times(4).reply(503, { message: 'unavailable' });
    expect(await dnsimple().renewDomain('example.com', { years: 1 })).toMatchObject({
      provider: 'dnsimple',
      domain: 'example.com',
      status: 'completed',
      expiresAt: null,
    });
  });

  it('resolves with expiresAt null when the read times out', async () => {
    nock(BASE).post(`${REG}/example.com/renewals`, { period: 1 }).reply(201, renewal('renewed'));
    // Margins wide enough that the renewal itself never times out on a loaded machine.
    nock(BASE).get(`${ACC}/domains/example.com`).times(4).delay(1000).reply(200, { data: registered });
    const result = await dnsimple({ timeoutMs: 300 }).renewDomain('example.com', { years: 1 });
    expect(result).toMatchObject({ status: 'completed', expiresAt: null });
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });
});
