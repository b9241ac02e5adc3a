/** Porkbun emulator: pricing, availability and its limit, register/renew/transfer, money, idempotency. */
import { describe, expect, it } from 'vitest';
import { porkbunEmulators } from './porkbun-test-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const start = porkbunEmulators();

describe('Porkbun emulator: /pricing/get', () => {
  it('lists every seeded TLD as decimal strings without credentials, coupons as [] (observed)', async () => {
    const { api } = await start();
    const res = await api.get('/pricing/get', { auth: 'none' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(Object.keys(res.json.pricing)).toEqual(['com', 'net', 'org', 'io', 'dev', 'co.uk']);
    expect(res.json.pricing.com).toEqual({
      registration: '12.99',
      renewal: '12.99',
      transfer: '12.99',
      coupons: [],
    });
  });

  it('filters by tlds on POST and omits coupons with responseShapes spec', async () => {
    const { api } = await start({ responseShapes: 'spec' });
    const res = await api.post('/pricing/get', { tlds: ['io', 'dev'] }, { auth: 'none' });
    expect(res.json.pricing).toEqual({
      io: { registration: '39.00', renewal: '39.00', transfer: '39.00' },
      dev: { registration: '15.00', renewal: '15.00', transfer: '15.00' },
    });
  });
});

describe('Porkbun emulator: /domain/checkDomain', () => {
  it('quotes an available, a taken and a premium name with prices as strings and flags as yes/no', async () => {
    const { api } = await start({ rateLimits: false });
    const free = await api.post('/domain/checkDomain/available-name.com');
    expect(free.json.response).toEqual({
      avail: 'yes',
      type: 'registration',
      price: '12.99',
      firstYearPromo: 'no',
      regularPrice: '12.99',
      premium: 'no',
      minDuration: 1,
      additional: {
        renewal: { type: 'renewal', price: '12.99', regularPrice: '12.99' },
        transfer: { type: 'transfer', price: '12.99', regularPrice: '12.99' },
      },
    });
    const taken = await api.post('/domain/checkDomain/registered-name.com');
    expect(taken.json.response).toMatchObject({
      avail: 'no',
      price: '12.99',
      additional: { renewal: { price: '12.99' } },
    });
    const owned = await api.post('/domain/checkDomain/test-domain-1.com');
    expect(owned.json.response.avail).toBe('no');
    const premium = await api.post('/domain/checkDomain/premium-name.com');
    expect(premium.json.response).toMatchObject({ avail: 'yes', premium: 'yes', price: '1200.00' });
  });

  it('refuses a malformed name with INVALID_DOMAIN and an unsold TLD with INVALID_TLD', async () => {
    const { api } = await start({ rateLimits: false });
    expect((await api.post('/domain/checkDomain/no_dots')).json.code).toBe('INVALID_DOMAIN');
    expect((await api.post('/domain/checkDomain/name.unknowntld')).json.code).toBe('INVALID_TLD');
  });

  it('allows 1 check per 10 s (scaled): the second gets 429 with Retry-After and ttlRemaining, then it frees', async () => {
    const { api, emulator } = await start({ timeScale: 0.01 });
    const first = await api.post('/domain/checkDomain/available-name.com');
    expect(first.status).toBe(200);
    expect(first.json.limits).toEqual({
      TTL: 10,
      limit: 1,
      used: 1,
      naturalLanguage: '1 out of 1 checks within 10 seconds used.',
    });
    expect(first.json.ttlRemaining).toBe(1);
    const second = await api.post('/domain/checkDomain/available-name.com');
    expect(second.status).toBe(429);
    expect(second.json).toMatchObject({
      status: 'ERROR',
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Rate limit exceeded. Please try again later.',
      ttlRemaining: 1,
      next_action: { type: 'wait_and_retry', retryable: true },
    });
    expect(second.headers.get('retry-after')).toBe('1');
    const waitMs = Number(second.headers.get('x-emulator-retry-after-ms'));
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(100);
    expect(emulator.rateLimited()).toBe(1);
    await sleep(waitMs + 20);
    expect((await api.post('/domain/checkDomain/available-name.com')).status).toBe(200);
  });

  it('is not limited with rateLimits: false', async () => {
    const { api } = await start({ rateLimits: false });
    for (let i = 0; i < 3; i++)
      expect((await api.post('/domain/checkDomain/available-name.com')).status).toBe(200);
  });
});

describe('Porkbun emulator: /domain/getRegistrationRequirements', () => {
  it('describes a seeded TLD and refuses an unknown one with INVALID_TLD', async () => {
    const { api } = await start();
    const res = await api.get('/domain/getRegistrationRequirements/com');
    expect(res.json).toMatchObject({
      status: 'SUCCESS',
      tld: 'com',
      apiRegisterable: true,
      registrationDurationYears: 1,
      maxRegistrationYears: 10,
      registryRequirements: null,
    });
    expect(res.json.requestSchema.required).toEqual(['apikey', 'secretapikey', 'cost', 'agreeToTerms']);
    expect((await api.get('/domain/getRegistrationRequirements/nope')).json.code).toBe('INVALID_TLD');
  });
});

describe('Porkbun emulator: /domain/create', () => {
  it('registers for the exact cost in cents, debits the balance, writes the ledger, and the domain joins the account', async () => {
    const { api, emulator } = await start();
    const res = await api.post('/domain/create/new-name.com', {
      cost: 1299,
      agreeToTerms: 'yes',
      whoisPrivacy: 'off',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'SUCCESS',
      domain: 'new-name.com',
      cost: 1299,
      orderId: 12_345_678,
      balance: 100_000 - 1299,
      limits: {
        attempts: {
          TTL: 10,
          limit: 1,
          used: 1,
          naturalLanguage: '1 out of 1 create attempts within 10 seconds used.',
        },
        success: {
          TTL: 86_400,
          limit: 50,
          used: 1,
          naturalLanguage: '1 out of 50 successful creates within 86400 seconds used.',
        },
      },
    });
    expect(emulator.ledger).toEqual([
      {
        operation: 'register',
        domain: 'new-name.com',
        amount: '12.99',
        currency: 'USD',
        at: expect.any(Date),
        requestSeq: 1,
      },
    ]);
    const domain = await api.get('/domain/get/new-name.com');
    expect(domain.json.domain).toMatchObject({
      domain: 'new-name.com',
      securityLock: '1',
      whoisPrivacy: '0',
      autoRenew: 0,
    });
    const records = await api.post('/dns/retrieve/new-name.com');
    expect(
      records.json.records.map((r: { name: string; type: string; content: string }) => [
        r.name,
        r.type,
        r.content,
      ]),
    ).toEqual([
      ['new-name.com', 'ALIAS', 'pixie.porkbun.com'],
      ['*.new-name.com', 'CNAME', 'pixie.porkbun.com'],
    ]);
    expect((await api.get('/account/balance')).json).toMatchObject({ balance: 98_701, display: '$987.01' });
  });

  it('refuses a cost that is not the exact total in cents with COST_MISMATCH, and charges nothing', async () => {
    const { api, emulator } = await start({ rateLimits: false });
    for (const cost of [1300, 1298, 12.99]) {
      const res = await api.post('/domain/create/new-name.com', { cost, agreeToTerms: 'yes' });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe(Number.isInteger(cost) ? 'COST_MISMATCH' : 'INVALID_INPUT');
    }
    expect((await api.post('/domain/create/new-name.com', { agreeToTerms: 'yes' })).json.code).toBe(
      'MISSING_PARAMETER',
    );
    expect(emulator.ledger).toEqual([]);
  });

  it('refuses taken, premium and unsold names, and a missing agreeToTerms', async () => {
    const { api } = await start({ rateLimits: false });
    const code = async (name: string, body: Record<string, unknown>) =>
      (await api.post(`/domain/create/${name}`, body)).json.code;
    expect(await code('registered-name.com', { cost: 1299, agreeToTerms: 'yes' })).toBe(
      'DOMAIN_NOT_AVAILABLE',
    );
    expect(await code('test-domain-1.com', { cost: 1299, agreeToTerms: 'yes' })).toBe('DOMAIN_NOT_AVAILABLE');
    expect(await code('premium-name.com', { cost: 120_000, agreeToTerms: 'yes' })).toBe(
      'DOMAIN_NOT_AVAILABLE',
    );
    expect(await code('name.unknowntld', { cost: 1299, agreeToTerms: 'yes' })).toBe('INVALID_TLD');
    expect(await code('new-name.com', { cost: 1299 })).toBe('MISSING_PARAMETER');
    expect(await code('new-name.com', { cost: 1299, agreeToTerms: 'no' })).toBe('INVALID_INPUT');
  });

  it('refuses with INSUFFICIENT_FUNDS (add_funds), VERIFICATION_REQUIRED and NO_PRIOR_REGISTRATION', async () => {
    const poor = await start({ balanceCents: 1000 });
    const funds = await poor.api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' });
    expect(funds.json).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      message: 'Your account credit is insufficient to complete this purchase.',
      next_action: { type: 'add_funds', url: 'https://porkbun.com/account/billing', retryable: false },
    });
    const unverified = await start({ accountVerified: false });
    expect(
      (await unverified.api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' })).json
        .code,
    ).toBe('VERIFICATION_REQUIRED');
    const fresh = await start({ hasPriorRegistration: false });
    expect(
      (await fresh.api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' })).json.code,
    ).toBe('NO_PRIOR_REGISTRATION');
  });

  it('dryRun previews without charging and without using the attempt limit; wouldSucceed is false without funds', async () => {
    const { api, emulator } = await start({ balanceCents: 5000, monthlySpendLimitCents: 50_000 });
    const preview = await api.post('/domain/create/new-name.com', {
      cost: 1299,
      agreeToTerms: 'yes',
      dryRun: true,
    });
    expect(preview.json).toEqual({
      status: 'SUCCESS',
      dryRun: true,
      wouldSucceed: true,
      operation: 'registration',
      domain: 'new-name.com',
      tld: 'com',
      available: 'available',
      premium: false,
      duration: 1,
      cost: 1299,
      costDisplay: '$12.99',
      balance: 5000,
      sufficientFunds: true,
      monthlySpendLimit: 50_000,
      monthlySpendSoFar: 0,
      withinMonthlySpendLimit: true,
      message: 'Dry run: this registration would succeed and cost $12.99. No charge was made.',
      requestId: expect.any(String),
    });
    // A mismatched cost is a hard failure, not a preview.
    expect(
      (await api.post('/domain/create/new-name.com', { cost: 1, agreeToTerms: 'yes', dryRun: true })).json
        .code,
    ).toBe('COST_MISMATCH');
    const real = await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' });
    expect(real.status).toBe(200);
    expect(emulator.ledger).toHaveLength(1);
    const broke = await start({ balanceCents: 100 });
    const no = await broke.api.post('/domain/create/new-name.com', {
      cost: 1299,
      agreeToTerms: 'yes',
      dryRun: true,
    });
    expect(no.json).toMatchObject({ dryRun: true, wouldSucceed: false, sufficientFunds: false });
    expect(no.json).not.toHaveProperty('monthlySpendLimit');
  });

  it('enforces the monthly spend limit with SPEND_LIMIT_EXCEEDED', async () => {
    const { api } = await start({ monthlySpendLimitCents: 1000 });
    expect(
      (await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' })).json.code,
    ).toBe('SPEND_LIMIT_EXCEEDED');
  });

  it('allows 1 create attempt per 10 s (scaled), counting refused attempts too', async () => {
    const { api } = await start({ timeScale: 0.01 });
    expect((await api.post('/domain/create/new-name.com', { cost: 1, agreeToTerms: 'yes' })).json.code).toBe(
      'COST_MISMATCH',
    );
    const limited = await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await sleep(Number(limited.headers.get('x-emulator-retry-after-ms')) + 20);
    expect((await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' })).status).toBe(
      200,
    );
    // Renew has its own attempt window.
    expect((await api.post('/domain/renew/test-domain-1.com', { cost: 1299 })).status).toBe(200);
  });
});

describe('Porkbun emulator: /domain/renew', () => {
  it('renews for the exact cost, extends the expiry by the minimum term and reports expirationDate', async () => {
    const { api, emulator } = await start();
    const before = (await api.get('/domain/get/test-domain-1.com')).json.domain.expireDate as string;
    const res = await api.post('/domain/renew/test-domain-1.com', { cost: 1299 });
    expect(res.json).toMatchObject({
      status: 'SUCCESS',
      domain: 'test-domain-1.com',
      cost: 1299,
      orderId: 12_345_678,
      balance: 98_701,
    });
    const year = Number(before.slice(0, 4)) + 1;
    expect(res.json.expirationDate).toBe(`${year}${before.slice(4, 10)}`);
    expect((await api.get('/domain/get/test-domain-1.com')).json.domain.expireDate).toBe(
      `${year}${before.slice(4)}`,
    );
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['renew', 'test-domain-1.com', '12.99'],
    ]);
  });

  it('refuses a second renewal within 30 days, and a domain created within 30 days, with RENEWAL_TOO_SOON', async () => {
    const { api } = await start({ rateLimits: false });
    expect((await api.post('/domain/renew/test-domain-2.com', { cost: 1299 })).status).toBe(200);
    const again = await api.post('/domain/renew/test-domain-2.com', { cost: 1299 });
    expect(again.json).toMatchObject({ code: 'RENEWAL_TOO_SOON', next_action: { type: 'wait_and_retry' } });
    await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes' });
    expect((await api.post('/domain/renew/new-name.com', { cost: 1299 })).json.code).toBe('RENEWAL_TOO_SOON');
    const lenient = await start({ rateLimits: false, renewCooldownDays: 0 });
    await lenient.api.post('/domain/renew/test-domain-2.com', { cost: 1299 });
    expect((await lenient.api.post('/domain/renew/test-domain-2.com', { cost: 1299 })).status).toBe(200);
  });

  it('refuses a domain outside the account (INVALID_DOMAIN) or not opted in to API access (API_ACCESS_DISABLED)', async () => {
    const { api } = await start({ rateLimits: false, apiAccessDisabled: ['test-domain-2.com'] });
    expect((await api.post('/domain/renew/not-mine.com', { cost: 1299 })).json.code).toBe('INVALID_DOMAIN');
    const off = await api.post('/domain/renew/test-domain-2.com', { cost: 1299 });
    expect(off.status).toBe(400);
    expect(off.json).toMatchObject({
      code: 'API_ACCESS_DISABLED',
      message:
        'Domain is not opted in to API access. You can enable API access for all domains globally from your account settings at porkbun.com.',
      next_action: { type: 'enable_setting' },
    });
    expect((await api.post('/domain/renew/test-domain-1.com', { cost: 999 })).json.code).toBe(
      'COST_MISMATCH',
    );
  });

  it('previews a renewal with dryRun', async () => {
    const { api, emulator } = await start();
    const res = await api.post('/domain/renew/test-domain-1.com', { cost: 1299, dryRun: true });
    expect(res.json).toMatchObject({ dryRun: true, wouldSucceed: true, operation: 'renewal', cost: 1299 });
    expect(res.json).not.toHaveProperty('available');
    expect(emulator.ledger).toEqual([]);
  });
});

describe('Porkbun emulator: transfers', () => {
  it('starts a transfer, charges the transfer price, and each getTransfer read moves it on until the domain joins', async () => {
    const { api, emulator } = await start();
    const res = await api.post('/domain/transfer/registered-name.com', { authCode: 'abc123', cost: 1299 });
    expect(res.json).toMatchObject({
      status: 'SUCCESS',
      domain: 'registered-name.com',
      orderId: 12_345_678,
      transferId: 98_765,
      balance: 98_701,
      message:
        'Transfer initiated. The domain transfer process has begun and typically takes 5-7 days to complete.',
    });
    expect(emulator.ledger.map((e) => e.operation)).toEqual(['transfer']);
    const listed = await api.get('/domain/listTransfers');
    expect(listed.json.transfers).toEqual([
      {
        domain: 'registered-name.com',
        status: 'PENDINGAUTH',
        statusDescription: 'Awaiting authorization.',
        transferDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        orderId: '12345678',
      },
    ]);
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await api.get('/domain/getTransfer/registered-name.com')).json.transfer.status);
    expect(statuses).toEqual(['PENDINGTRANSFER', 'DONE', 'DONE']);
    expect((await api.get('/domain/listTransfers')).json.transfers).toEqual([]);
    expect((await api.get('/domain/get/registered-name.com')).status).toBe(200);
  });

  it('fails to start with TRANSFER_INIT_FAILED for a rejected auth code or an unregistered name, charging nothing', async () => {
    const { api, emulator } = await start({ rateLimits: false });
    const bad = await api.post('/domain/transfer/registered-name.com', {
      authCode: 'invalid-auth-code',
      cost: 1299,
    });
    expect(bad.json).toMatchObject({
      code: 'TRANSFER_INIT_FAILED',
      message: 'Unable to initiate transfer. Your order has been refunded.',
    });
    expect(
      (await api.post('/domain/transfer/available-name.com', { authCode: 'x', cost: 1299 })).json.code,
    ).toBe('TRANSFER_INIT_FAILED');
    expect(
      (await api.post('/domain/transfer/test-domain-1.com', { authCode: 'x', cost: 1299 })).json.code,
    ).toBe('INVALID_DOMAIN');
    expect((await api.post('/domain/transfer/registered-name.com', { cost: 1299 })).json.code).toBe(
      'MISSING_PARAMETER',
    );
    expect((await api.post('/domain/transfer/example.co.uk', { authCode: 'x', cost: 800 })).json.code).toBe(
      'UNSUPPORTED_TLD',
    );
    expect(emulator.ledger).toEqual([]);
    expect((await api.get('/domain/getTransfer/registered-name.com')).json.code).toBe('TRANSFER_NOT_FOUND');
  });

  it('refuses a second transfer while one is active, and manual mode leaves the status to the test', async () => {
    const { api, emulator } = await start({ rateLimits: false, transferAdvance: 'manual' });
    await api.post('/domain/transfer/registered-name.com', { authCode: 'abc', cost: 1299 });
    expect(
      (await api.post('/domain/transfer/registered-name.com', { authCode: 'abc', cost: 1299 })).json.code,
    ).toBe('TRANSFER_INIT_FAILED');
    expect((await api.get('/domain/getTransfer/registered-name.com')).json.transfer.status).toBe(
      'PENDINGAUTH',
    );
    emulator.state.setTransferStatus('registered-name.com', 'CANCELED');
    expect((await api.get('/domain/getTransfer/registered-name.com')).json.transfer.status).toBe('CANCELED');
  });
});

describe('Porkbun emulator: Idempotency-Key', () => {
  const key = { 'idempotency-key': '0b6f1e9e-5d8a-4d7e-9a51-4b1c2f0d7a11' };

  it('replays the first answer for the same key and body, with Idempotent-Replayed, charging once', async () => {
    const { api, emulator } = await start();
    const first = await api.post(
      '/domain/create/new-name.com',
      { cost: 1299, agreeToTerms: 'yes' },
      { headers: key },
    );
    // Key order and credentials do not matter; the attempt limit is not consulted for a replay.
    const replay = await api.post(
      '/domain/create/new-name.com',
      { agreeToTerms: 'yes', cost: 1299 },
      { headers: key },
    );
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('x-request-id')).toBe(first.json.requestId);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(emulator.ledger).toHaveLength(1);
    expect((await api.get('/account/balance')).json.balance).toBe(98_701);
  });

  it('replays an error answer too, and a reset after processing is answered by the replay', async () => {
    const { api, emulator } = await start({ rateLimits: false });
    const refused = await api.post(
      '/domain/create/registered-name.com',
      { cost: 1299, agreeToTerms: 'yes' },
      { headers: key },
    );
    const replayed = await api.post(
      '/domain/create/registered-name.com',
      { cost: 1299, agreeToTerms: 'yes' },
      { headers: key },
    );
    expect(replayed.json).toEqual(refused.json);
    emulator.setFaults([{ route: 'renewDomain', sequence: [{ type: 'reset-after' }] }]);
    const other = { 'idempotency-key': 'renew-1' };
    await expect(
      api.post('/domain/renew/test-domain-1.com', { cost: 1299 }, { headers: other }),
    ).rejects.toThrow();
    const retry = await api.post('/domain/renew/test-domain-1.com', { cost: 1299 }, { headers: other });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(emulator.ledger.filter((e) => e.operation === 'renew')).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_MISMATCH for the same key with a different body or path', async () => {
    const { api } = await start({ rateLimits: false });
    await api.post(
      '/domain/create/new-name.com',
      { cost: 1299, agreeToTerms: 'yes', dryRun: true },
      { headers: key },
    );
    const changed = await api.post(
      '/domain/create/new-name.com',
      { cost: 1299, agreeToTerms: 'yes' },
      { headers: key },
    );
    expect(changed.status).toBe(409);
    expect(changed.json.code).toBe('IDEMPOTENCY_KEY_MISMATCH');
    expect(
      (
        await api.post(
          '/domain/create/other-name.com',
          { cost: 1299, agreeToTerms: 'yes', dryRun: true },
          { headers: key },
        )
      ).status,
    ).toBe(409);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request is still running', async () => {
    const { api, emulator } = await start({ processingDelayMs: 150 });
    const body = { cost: 1299, agreeToTerms: 'yes' };
    const slow = api.post('/domain/create/new-name.com', body, { headers: key });
    await sleep(50);
    const busy = await api.post('/domain/create/new-name.com', body, { headers: key });
    expect(busy.status).toBe(409);
    expect(busy.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE', next_action: { retryable: true } });
    expect((await slow).status).toBe(200);
    expect(emulator.ledger).toHaveLength(1);
  });

  it('does not cache without a key, keeps answers for 24 h (scaled) only, and refuses a key over 255 characters', async () => {
    const { api, emulator } = await start({ rateLimits: false, timeScale: 0.000_001, renewCooldownDays: 0 });
    await api.post('/domain/renew/test-domain-1.com', { cost: 1299 });
    await api.post('/domain/renew/test-domain-1.com', { cost: 1299 });
    expect(emulator.ledger).toHaveLength(2);
    // 24 h × 0.000001 ≈ 86 ms.
    await api.post('/domain/renew/test-domain-1.com', { cost: 1299 }, { headers: key });
    await sleep(150);
    const later = await api.post('/domain/renew/test-domain-1.com', { cost: 1299 }, { headers: key });
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(emulator.ledger).toHaveLength(4);
    const long = await api.post(
      '/domain/renew/test-domain-1.com',
      { cost: 1299 },
      { headers: { 'idempotency-key': 'k'.repeat(256) } },
    );
    expect(long.json.code).toBe('INVALID_INPUT');
  });
});

describe('Porkbun emulator: account', () => {
  it('reports the balance in cents and the API spend settings', async () => {
    const { api } = await start({ balanceCents: 1234, monthlySpendLimitCents: 50_000 });
    expect((await api.get('/account/balance')).json).toMatchObject({
      status: 'SUCCESS',
      balance: 1234,
      display: '$12.34',
    });
    expect((await api.get('/account/apiSettings')).json).toMatchObject({
      settings: { monthlySpendLimit: 50_000, lowBalanceAlert: null, autoTopup: false },
      monthlySpend: 0,
    });
  });
});
