import { PaymentRequiredError, ProviderError, ValidationError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, CONTACT_ID, DOMAIN_ID, domainPayload, orderPayload } from './test/glauca-fixtures.js';
import { glauca, JSON_AUTH } from './test/glauca-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

const ADMIN_ID = 'domains_contact_00000000000000000000000000000a0a';
const y = (value: number) => ({ unit: 'y', value });

describe('checkAvailability', () => {
  it('POSTs check with the punycode name and a one-year period', async () => {
    const body = { domain: 'xn--bcher-kva.com', available: true, reason: null, price: '12.99' };
    nock(API, { reqheaders: JSON_AUTH })
      .post('/api/domains/check/', { domain: 'xn--bcher-kva.com', period: y(1) })
      .reply(200, body);
    expect(await glauca().checkAvailability('Bücher.com')).toEqual({
      provider: 'glauca',
      domain: 'xn--bcher-kva.com',
      available: true,
      status: 'available',
      premium: false,
      price: { amount: '12.99', currency: 'GBP' },
      reason: null,
      suggestions: [],
      providerStatus: [],
      raw: body,
    });
  });

  it('maps a taken name to registered and keeps the registry reason', async () => {
    nock(API)
      .post('/api/domains/check/')
      .reply(200, { domain: 'example.com', available: false, reason: 'In use', price: null });
    expect(await glauca().checkAvailability('example.com')).toMatchObject({
      available: false,
      status: 'registered',
      reason: 'In use',
      price: null,
      providerStatus: ['In use'],
    });
  });

  it('retries a read-only check after a 503 (idempotent POST)', async () => {
    nock(API).post('/api/domains/check/').reply(503, 'busy');
    nock(API)
      .post('/api/domains/check/')
      .reply(200, { domain: 'a.com', available: true, reason: null, price: '1.00' });
    expect((await glauca().checkAvailability('a.com')).available).toBe(true);
  });

  it('refuses an invalid name before any request', async () => {
    await expect(glauca().checkAvailability('not a domain')).rejects.toThrow(ValidationError);
  });
});

describe('getPrice', () => {
  it('register: check with the period in years', async () => {
    nock(API, { reqheaders: JSON_AUTH })
      .post('/api/domains/check/', { domain: 'a.com', period: y(3) })
      .reply(200, { domain: 'a.com', available: true, reason: null, price: '38.97' });
    expect(await glauca().getPrice('a.com', { years: 3 })).toEqual({
      provider: 'glauca',
      domain: 'a.com',
      operation: 'register',
      years: 3,
      price: { amount: '38.97', currency: 'GBP' },
      premium: false,
      available: true,
      renewalPrice: null,
    });
  });

  it('transfer: check_transfer (available = transferable, as documented)', async () => {
    nock(API)
      .post('/api/domains/check_transfer/', { domain: 'a.com', period: y(1) })
      .reply(200, { domain: 'a.com', available: true, reason: null, price: '9.5' });
    expect(await glauca().getPrice('a.com', { operation: 'transfer' })).toEqual({
      provider: 'glauca',
      domain: 'a.com',
      operation: 'transfer',
      years: 1,
      price: { amount: '9.50', currency: 'GBP' },
      premium: false,
      available: true,
      renewalPrice: null,
    });
  });

  it('transfer of a registered name: no price in its answer, so the zone price from a name nobody holds; eligibility unknown', async () => {
    nock(API)
      .post('/api/domains/check_transfer/', { domain: 'taken.co.uk', period: y(1) })
      .reply(200, { domain: 'taken.co.uk', available: false, reason: null, price: null });
    const probe = nock(API)
      .post('/api/domains/check_transfer/', (body) =>
        /^registrar-kit-price-probe-[a-z0-9]+\.co\.uk$/.test(body.domain),
      )
      .reply(200, (_, body) => ({
        domain: (body as { domain: string }).domain,
        available: true,
        reason: null,
        price: '6.5',
      }));
    expect(await glauca().getPrice('taken.co.uk', { operation: 'transfer' })).toEqual({
      provider: 'glauca',
      domain: 'taken.co.uk',
      operation: 'transfer',
      years: 1,
      price: { amount: '6.50', currency: 'GBP' },
      premium: false,
      available: null,
      renewalPrice: null,
    });
    expect(probe.isDone()).toBe(true);
  });

  it('transfer refused with a reason: no second request, no price', async () => {
    nock(API).post('/api/domains/check_transfer/').reply(200, {
      domain: 'locked.com',
      available: false,
      reason: 'Domain not eligible for transfer',
      price: null,
    });
    await expect(glauca().getPrice('locked.com', { operation: 'transfer' })).rejects.toMatchObject({
      name: 'ValidationError',
      code: 'no_price',
      message: 'glauca getPrice: no transfer price for locked.com: Domain not eligible for transfer',
    });
  });

  it('renew: resolves the domain, then check_renew with the period', async () => {
    nock(API).get('/api/domains/').reply(200, [domainPayload()]);
    nock(API, { reqheaders: JSON_AUTH })
      .post(`/api/domains/${DOMAIN_ID}/check_renew/`, { domain: 'honey-example.li', period: y(2) })
      .reply(200, { domain: 'honey-example.li', available: true, reason: null, price: '17.98' });
    expect(await glauca().getPrice('honey-example.li', { operation: 'renew', years: 2 })).toMatchObject({
      operation: 'renew',
      years: 2,
      price: { amount: '17.98', currency: 'GBP' },
    });
  });

  it('restore: GET check_restore', async () => {
    nock(API).get('/api/domains/').reply(200, [domainPayload()]);
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/check_restore/`)
      .reply(200, { domain: 'honey-example.li', available: true, reason: null, price: '80.00' });
    expect(await glauca().getPrice('honey-example.li', { operation: 'restore' })).toMatchObject({
      operation: 'restore',
      years: 1,
      price: { amount: '80.00', currency: 'GBP' },
      available: true,
    });
  });

  it('a check without a price is a ValidationError carrying the reason', async () => {
    nock(API)
      .post('/api/domains/check/')
      .reply(200, { domain: 'a.aa', available: false, reason: 'Unsupported or invalid domain', price: null });
    const error = await glauca()
      .getPrice('a.aa')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'no_price',
      issues: [{ path: 'domain', message: 'Unsupported or invalid domain' }],
    });
  });

  it.each([
    [{ years: 0 }],
    [{ years: 11 }],
    [{ years: 1.5 }],
    [{ operation: 'transfer', years: 2 }],
    [{ operation: 'restore', years: 2 }],
    [{ operation: 'lease' }],
  ] as const)('refuses %j before any request', async (opts) => {
    await expect(glauca().getPrice('a.com', opts as never)).rejects.toThrow(ValidationError);
  });

  it('a price that is not a decimal string is a ResponseFormatError naming the field', async () => {
    nock(API)
      .post('/api/domains/check/')
      .reply(200, { domain: 'a.com', available: true, reason: null, price: 12.99 });
    await expect(glauca().getPrice('a.com')).rejects.toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'price' }],
    });
  });
});

describe('registerDomain', () => {
  it('POSTs a registration order with the factory contacts and maps the order', async () => {
    const order = orderPayload('registration');
    nock(API, { reqheaders: { ...JSON_AUTH, 'idempotency-key': 'reg-1' } })
      .post('/api/domain_registration_orders/', {
        domain: 'honey-example.li',
        period: y(2),
        registrant: CONTACT_ID,
        admin_contact: ADMIN_ID,
        billing_contact: null,
        tech_contact: null,
        off_session: true,
      })
      .reply(201, order, { Location: order.url as string });
    const registration = await glauca({
      contacts: { registrant: CONTACT_ID, admin: ADMIN_ID },
    }).registerDomain({ domain: 'Honey-Example.LI', years: 2 }, { idempotencyKey: 'reg-1' });
    expect(registration).toEqual({
      provider: 'glauca',
      id: 'domains_domainregistrationorder_4717d5b516e0461d8d9d650bc03e7a5c',
      domain: 'honey-example.li',
      status: 'pending',
      cost: { amount: '8.99', currency: 'GBP' },
      raw: order,
    });
  });

  it('contacts of the call win over the factory ones; a failed order is status failed', async () => {
    nock(API)
      .post('/api/domain_registration_orders/', {
        domain: 'a.com',
        period: y(1),
        registrant: ADMIN_ID,
        admin_contact: null,
        billing_contact: null,
        tech_contact: CONTACT_ID,
        off_session: true,
      })
      .reply(
        201,
        orderPayload('registration', {
          domain: 'a.com',
          state: 'failed',
          last_error: 'Domain no longer available to purchase.',
        }),
      );
    const registration = await glauca({ contacts: { registrant: CONTACT_ID } }).registerDomain({
      domain: 'a.com',
      contacts: { registrant: ADMIN_ID, tech: CONTACT_ID },
    });
    expect(registration.status).toBe('failed');
  });

  it('is not retried after a 500 (it may have charged)', async () => {
    nock(API).post('/api/domain_registration_orders/').once().reply(500, '<html>Server Error</html>');
    await expect(
      glauca({ contacts: { registrant: CONTACT_ID } }).registerDomain({ domain: 'a.com' }),
    ).rejects.toThrow(ProviderError);
  });

  it('refuses a missing registrant and settings Glauca orders do not take, before any request', async () => {
    const error = await glauca()
      .registerDomain({
        domain: 'a.com',
        autoRenew: true,
        whoisPrivacy: true,
        nameservers: ['ns1.example.net'],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'autoRenew',
      'whoisPrivacy',
      'nameservers',
      'contacts.registrant',
    ]);
    await expect(
      glauca({ contacts: { registrant: CONTACT_ID } }).registerDomain({ domain: 'a.com', years: 11 }),
    ).rejects.toThrow(ValidationError);
    await expect(
      glauca({ contacts: { registrant: CONTACT_ID } }).registerDomain({ domain: 'x' }),
    ).rejects.toThrow(ValidationError);
  });

  it('getRegistration polls the order', async () => {
    nock(API)
      .get(
        '/api/domain_registration_orders/domains_domainregistrationorder_4717d5b516e0461d8d9d650bc03e7a5c/',
      )
      .reply(200, orderPayload('registration', { state: 'completed' }));
    expect(
      (await glauca().getRegistration('domains_domainregistrationorder_4717d5b516e0461d8d9d650bc03e7a5c'))
        .status,
    ).toBe('completed');
    await expect(glauca().getRegistration('..')).rejects.toThrow(ValidationError);
  });
});

describe('transferDomain / getTransfer', () => {
  it('POSTs a transfer order with the auth code and maps it', async () => {
    const order = orderPayload('transfer');
    nock(API, { reqheaders: JSON_AUTH })
      .post('/api/domain_transfer_orders/', {
        domain: 'honey-example.li',
        auth_code: 'Xk7pQ2m9LwR4',
        registrant: CONTACT_ID,
        admin_contact: null,
        billing_contact: null,
        tech_contact: null,
        off_session: true,
      })
      .reply(201, order);
    expect(
      await glauca({ contacts: { registrant: CONTACT_ID } }).transferDomain({
        domain: 'honey-example.li',
        authCode: 'Xk7pQ2m9LwR4',
      }),
    ).toEqual({
      provider: 'glauca',
      id: 'domains_domaintransferorder_9b1e0c2d3f4a5b6c7d8e9f0a1b2c3d4e',
      domain: 'honey-example.li',
      status: 'pending',
      domainId: DOMAIN_ID,
      startedAt: new Date('2025-06-02T10:01:07.551Z'),
      completedAt: null,
      estimatedCompletion: null,
      cost: { amount: '8.99', currency: 'GBP' },
      raw: order,
    });
  });

  it.each([
    ['processing', 'in_progress'],
    ['needs_payment', 'in_progress'],
    ['pending_approval', 'in_progress'],
    ['completed', 'completed'],
    ['failed', 'failed'],
  ])('getTransfer maps order state %s → %s', async (state, status) => {
    const id = 'domains_domaintransferorder_9b1e0c2d3f4a5b6c7d8e9f0a1b2c3d4e';
    nock(API).get(`/api/domain_transfer_orders/${id}/`).reply(200, orderPayload('transfer', { state }));
    expect((await glauca().getTransfer(id)).status).toBe(status);
  });

  it('refuses what a Glauca transfer cannot do, before any request', async () => {
    const error = await glauca({ contacts: { registrant: CONTACT_ID } })
      .transferDomain({ domain: 'a.com', authCode: 'x', years: 2, extendRegistration: false, owner: 'u1' })
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'years',
      'extendRegistration',
      'owner',
    ]);
    await expect(
      glauca({ contacts: { registrant: CONTACT_ID } }).transferDomain({ domain: 'a.com', authCode: '' }),
    ).rejects.toThrow(ValidationError);
  });
});

describe('renewDomain / restoreDomain', () => {
  it('POSTs renew with the period; a started order is pending', async () => {
    const order = orderPayload('renew');
    nock(API, { reqheaders: JSON_AUTH })
      .post(`/api/domains/${DOMAIN_ID}/renew/`, { period: y(2), off_session: true })
      .reply(201, order);
    expect(await glauca().renewDomain(DOMAIN_ID, { years: 2 })).toEqual({
      provider: 'glauca',
      orderId: 'domains_domainreneworder_18337cab439041c58fda56cf7bec0ab3',
      domain: 'honey-example.li',
      status: 'pending',
      expiresAt: null,
      cost: { amount: '8.99', currency: 'GBP' },
      raw: order,
    });
  });

  it('a completed renew reads the new expiry from the domain', async () => {
    nock(API)
      .post(`/api/domains/${DOMAIN_ID}/renew/`)
      .reply(201, orderPayload('renew', { state: 'completed' }));
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload({ expiry: '2027-03-11T14:02:55Z' }));
    expect(await glauca().renewDomain(DOMAIN_ID, { years: 1 })).toMatchObject({
      status: 'completed',
      expiresAt: new Date('2027-03-11T14:02:55Z'),
    });
  });

  it('a renew order failed for lack of funds is a PaymentRequiredError', async () => {
    nock(API)
      .post(`/api/domains/${DOMAIN_ID}/renew/`)
      .reply(201, orderPayload('renew', { state: 'failed', last_error: 'Insufficient funds' }));
    await expect(glauca().renewDomain(DOMAIN_ID, { years: 1 })).rejects.toThrow(PaymentRequiredError);
    await expect(glauca().renewDomain(DOMAIN_ID, { years: 0 })).rejects.toThrow(ValidationError);
  });

  it('restoreDomain POSTs restore and maps the order', async () => {
    const order = orderPayload('restore', { price: 80 });
    nock(API, { reqheaders: JSON_AUTH })
      .post(`/api/domains/${DOMAIN_ID}/restore/`, { off_session: true })
      .reply(201, order);
    expect(await glauca().restoreDomain(DOMAIN_ID)).toEqual({
      provider: 'glauca',
      id: 'domains_domainrestoreorder_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      domain: 'honey-example.li',
      status: 'pending',
      cost: { amount: '80.00', currency: 'GBP' },
      raw: order,
    });
  });
});
