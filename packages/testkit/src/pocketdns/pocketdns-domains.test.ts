import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { type PocketDnsEmulatorOptions, startPocketDnsEmulator } from './pocketdns-emulator.js';
import type { PocketDnsState } from './pocketdns-state.js';
import { call } from './pocketdns-test-client.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const running: RunningEmulator<PocketDnsState>[] = [];

async function start(options: PocketDnsEmulatorOptions = {}): Promise<RunningEmulator<PocketDnsState>> {
  const emulator = await startPocketDnsEmulator({ now: () => NOW, ...options });
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function firstDomainId(emulator: RunningEmulator<PocketDnsState>): Promise<string> {
  const list = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
  return list.body.domains[0].id;
}

describe('PocketDNS emulator: authentication and errors', () => {
  it('answers 401 unauthorized for a missing key, a wrong key or another scheme', async () => {
    const emulator = await start();
    for (const apiKey of [null, 'sk_live_wrong']) {
      const res = await call(emulator, 'GET', '/api/v1/users/user_123/domains', { apiKey });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized', message: 'Invalid or missing API key', details: {} });
    }
    const basic = await fetch(`${emulator.url}/api/v1/domains/tlds`, {
      headers: { authorization: 'Basic cG9ja2V0ZG5zLXRlc3Qta2V5' },
    });
    expect(basic.status).toBe(401);
  });

  it('accepts the apiKey option instead of the default key', async () => {
    const emulator = await start({ apiKey: 'sk_test_custom' });
    expect((await call(emulator, 'GET', '/api/v1/domains/tlds')).status).toBe(401);
    expect((await call(emulator, 'GET', '/api/v1/domains/tlds', { apiKey: 'sk_test_custom' })).status).toBe(
      200,
    );
    expect(emulator.seedInfo.credentials).toEqual({ apiKey: 'sk_test_custom' });
  });

  it('does not process a request with a wrong key', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const res = await call(emulator, 'POST', `/api/v1/domains/${id}/renew`, {
      body: { years: 1 },
      apiKey: 'nope',
    });
    expect(res.status).toBe(401);
    expect(emulator.ledger).toEqual([]);
  });

  it('answers unknown routes and unparseable bodies with the PocketDNS error body', async () => {
    const emulator = await start();
    const unknown = await call(emulator, 'GET', '/api/v2/whatever');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not_found', details: {} });
    const id = await firstDomainId(emulator);
    const bad = await call(emulator, 'PUT', `/api/v1/domains/${id}`, { rawBody: '{"auto_renew": fal' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'validation_error', details: {} });
  });
});

describe('PocketDNS emulator: user domains', () => {
  it('lists the seeded portfolio of user_123 with the documented fields', async () => {
    const emulator = await start();
    const res = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.domains.map((d: { name: string }) => d.name)).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'xn--bcher-kva.com',
    ]);
    expect(emulator.seedInfo.ownedDomains).toEqual(res.body.domains.map((d: { name: string }) => d.name));
    expect(emulator.seedInfo.idnDomain).toBe('xn--bcher-kva.com');
    expect(res.body.domains[0]).toEqual({
      id: expect.stringMatching(/^dom_[a-z0-9]{10}$/),
      name: 'test-domain-1.com',
      status: 'active',
      purchased_at: '2024-01-15T00:00:00Z',
      expires_at: '2030-01-15T00:00:00Z',
      auto_renew: true,
      dns_records_count: 3,
      registrar: 'pocketdns',
    });
    expect(res.body.domains[1].expires_at).toBe('2030-01-16T01:00:00Z');
  });

  it('seeds ids deterministically from the seed', async () => {
    const a = await start({ seed: { seed: 7 } });
    const b = await start({ seed: { seed: 7 } });
    const c = await start({ seed: { seed: 8 } });
    const ids = async (e: RunningEmulator<PocketDnsState>) =>
      (await call(e, 'GET', '/api/v1/users/user_123/domains')).body.domains.map((d: { id: string }) => d.id);
    expect(await ids(a)).toEqual(await ids(b));
    expect(await ids(a)).not.toEqual(await ids(c));
  });

  it.each([0, 1, 99, 100, 101, 250])('serves a portfolio of %i domains', async (domains) => {
    const emulator = await start({ seed: { domains } });
    const res = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(domains);
    expect(res.body.domains).toHaveLength(domains);
    expect(new Set(res.body.domains.map((d: { id: string }) => d.id)).size).toBe(domains);
    if (domains >= 2) expect(res.body.domains.at(-1).name).toBe('xn--bcher-kva.com');
    if (domains === 1) expect(res.body.domains[0].name).toBe('test-domain-1.com');
  });

  it('serves a portfolio of 10,000 domains', async () => {
    const emulator = await start({ seed: { domains: 10_000, recordsPerDomain: 1 } });
    const res = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(res.body.total).toBe(10_000);
    expect(res.body.domains).toHaveLength(10_000);
    expect(res.body.domains[9_998].name).toBe('test-domain-9999.com');
    expect(res.body.domains[9_999].name).toBe('xn--bcher-kva.com');
  });

  it('leaves the IDN domain out when idnDomain is false', async () => {
    const emulator = await start({ seed: { idnDomain: false } });
    const res = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(res.body.domains.map((d: { name: string }) => d.name)).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'test-domain-3.com',
    ]);
    expect(emulator.seedInfo.idnDomain).toBeNull();
  });

  it('gives the seeded domains to the userIdentifier option; an unknown user is 404', async () => {
    const emulator = await start({ userIdentifier: 'partner-user-9' });
    expect((await call(emulator, 'GET', '/api/v1/users/partner-user-9/domains')).body.total).toBe(3);
    const unknown = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', message: 'User not found', details: {} });
  });

  it('does not list or serve another partner’s domain (403 forbidden)', async () => {
    const emulator = await start();
    const foreign = emulator.state.addDomain({ name: 'other-partner.com', accessible: false });
    expect((await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.total).toBe(3);
    const res = await call(emulator, 'GET', `/api/v1/domains/${foreign.id}`);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', message: 'Access denied to domain', details: {} });
  });
});

describe('PocketDNS emulator: domain details and settings', () => {
  it('returns the documented detail object', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const res = await call(emulator, 'GET', `/api/v1/domains/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      name: 'test-domain-1.com',
      user_identifier: 'user_123',
      status: 'active',
      purchased_at: '2024-01-15T00:00:00Z',
      expires_at: '2030-01-15T00:00:00Z',
      auto_renew: true,
      registrar: 'pocketdns',
      nameservers: ['ns1.pocketdns.com', 'ns2.pocketdns.com'],
      whois_privacy: true,
      dns_records: [
        {
          id: expect.stringMatching(/^rec_/),
          type: 'A',
          name: '@',
          content: '192.0.2.1',
          ttl: 3600,
          created_at: '2024-01-15T01:00:00Z',
        },
        {
          id: expect.stringMatching(/^rec_/),
          type: 'CNAME',
          name: 'www',
          content: 'test-domain-1.com',
          ttl: 3600,
          created_at: '2024-01-15T01:00:00Z',
        },
        {
          id: expect.stringMatching(/^rec_/),
          type: 'MX',
          name: '@',
          content: 'mx1.test-domain-1.com',
          ttl: 3600,
          created_at: '2024-01-15T01:00:00Z',
        },
      ],
      pricing: { registration_price: '12.99', renewal_price: '12.99', currency: 'USD' },
    });
  });

  it('answers 404 not_found for an unknown id and for a name used as an id', async () => {
    const emulator = await start();
    for (const id of ['dom_doesnotexist', 'test-domain-1.com']) {
      const res = await call(emulator, 'GET', `/api/v1/domains/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'not_found', message: 'Domain not found', details: {} });
    }
  });

  it('updates auto_renew and whois_privacy, and the change is read back', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const res = await call(emulator, 'PUT', `/api/v1/domains/${id}`, { body: { auto_renew: false } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      name: 'test-domain-1.com',
      auto_renew: false,
      whois_privacy: true,
      updated_at: '2026-06-01T00:00:00Z',
    });
    await call(emulator, 'PUT', `/api/v1/domains/${id}`, { body: { whois_privacy: false } });
    const detail = await call(emulator, 'GET', `/api/v1/domains/${id}`);
    expect(detail.body.auto_renew).toBe(false);
    expect(detail.body.whois_privacy).toBe(false);
  });

  it('rejects non-boolean settings with 400 validation_error and changes nothing', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const res = await call(emulator, 'PUT', `/api/v1/domains/${id}`, {
      body: { auto_renew: 'no', whois_privacy: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'validation_error',
      message: 'auto_renew must be a boolean',
      details: {
        auto_renew: 'auto_renew must be a boolean',
        whois_privacy: 'whois_privacy must be a boolean',
      },
    });
    expect((await call(emulator, 'GET', `/api/v1/domains/${id}`)).body.auto_renew).toBe(true);
  });
});

describe('PocketDNS emulator: renewal and the ledger', () => {
  it('renews: moves expires_at, quotes the cost and records one charge', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const res = await call(emulator, 'POST', `/api/v1/domains/${id}/renew`, { body: { years: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      name: 'test-domain-1.com',
      expires_at: '2032-01-15T00:00:00Z',
      renewal_cost: '25.98',
      currency: 'USD',
      renewed_at: '2026-06-01T00:00:00Z',
    });
    expect((await call(emulator, 'GET', `/api/v1/domains/${id}`)).body.expires_at).toBe(
      '2032-01-15T00:00:00Z',
    );
    const seq = emulator.requests.find((r) => r.operation === 'renewDomain')!.seq;
    expect(emulator.ledger).toEqual([
      {
        operation: 'renew',
        domain: 'test-domain-1.com',
        amount: '25.98',
        currency: 'USD',
        at: NOW,
        requestSeq: seq,
      },
    ]);
  });

  it('charges the TLD’s renewal price', async () => {
    const emulator = await start();
    const domain = emulator.state.addDomain({
      name: 'shop.co.uk',
      expiresAt: new Date('2026-09-01T00:00:00Z'),
    });
    const res = await call(emulator, 'POST', `/api/v1/domains/${domain.id}/renew`, { body: { years: 3 } });
    expect(res.body.renewal_cost).toBe('24.00');
    expect(res.body.expires_at).toBe('2029-09-01T00:00:00Z');
    expect(emulator.ledger.map((e) => e.amount)).toEqual(['24.00']);
  });

  it.each([[{}], [{ years: 0 }], [{ years: 11 }], [{ years: '1' }], [{ years: 1.5 }]])(
    'rejects %j with 400 validation_error and charges nothing',
    async (body) => {
      const emulator = await start();
      const id = await firstDomainId(emulator);
      const res = await call(emulator, 'POST', `/api/v1/domains/${id}/renew`, { body });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_error');
      expect(res.body.details).toHaveProperty('years');
      expect(emulator.ledger).toEqual([]);
    },
  );

  it('refuses (422) a renewal beyond ten years or of a suspended domain', async () => {
    const emulator = await start();
    const far = emulator.state.addDomain({ name: 'far.com', expiresAt: new Date('2035-01-01T00:00:00Z') });
    const res = await call(emulator, 'POST', `/api/v1/domains/${far.id}/renew`, { body: { years: 2 } });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('unprocessable_entity');
    const suspended = emulator.state.addDomain({ name: 'held.com', status: 'suspended' });
    expect(
      (await call(emulator, 'POST', `/api/v1/domains/${suspended.id}/renew`, { body: { years: 1 } })).status,
    ).toBe(422);
    expect(emulator.ledger).toEqual([]);
  });

  it('records an embed purchase (state helper) as a register charge', async () => {
    const emulator = await start();
    const domain = emulator.state.purchaseDomain('user_123', 'new-shop.io', 2);
    expect(emulator.ledger).toEqual([
      {
        operation: 'register',
        domain: 'new-shop.io',
        amount: '78.00',
        currency: 'USD',
        at: NOW,
        requestSeq: 0,
      },
    ]);
    const list = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(list.body.domains.at(-1)).toMatchObject({
      id: domain.id,
      name: 'new-shop.io',
      expires_at: '2028-06-01T00:00:00Z',
    });
  });
});

describe('PocketDNS emulator: transfers', () => {
  const transferBody = {
    domain_name: 'registered-name.com',
    user_identifier: 'user_123',
    auth_code: 'transfer123',
  };

  it('starts a transfer (pending), charges it once, and advances it on each status read to completed', async () => {
    const emulator = await start();
    const started = await call(emulator, 'POST', '/api/v1/domains/transfer', {
      body: { ...transferBody, extend_registration: true },
    });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      transfer_id: expect.stringMatching(/^txr_[a-z0-9]{10}$/),
      domain_name: 'registered-name.com',
      status: 'pending',
      estimated_completion: '2026-06-08T00:00:00Z',
      cost: '12.99',
      currency: 'USD',
    });
    expect(emulator.ledger).toMatchObject([
      { operation: 'transfer', domain: 'registered-name.com', amount: '12.99' },
    ]);
    const path = `/api/v1/domains/transfers/${started.body.transfer_id}`;

    const second = await call(emulator, 'GET', path);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      transfer_id: started.body.transfer_id,
      domain_name: 'registered-name.com',
      status: 'in_progress',
      started_at: '2026-06-01T00:00:00Z',
      completed_at: null,
      domain_id: null,
    });

    const third = await call(emulator, 'GET', path);
    expect(third.body).toMatchObject({
      status: 'completed',
      completed_at: '2026-06-01T00:00:00Z',
      domain_id: expect.stringMatching(/^dom_/),
    });
    expect((await call(emulator, 'GET', path)).body.status).toBe('completed');

    const domain = await call(emulator, 'GET', `/api/v1/domains/${third.body.domain_id}`);
    expect(domain.body).toMatchObject({ name: 'registered-name.com', user_identifier: 'user_123' });
    // extend_registration: true adds a year to the previous expiry (assumed 90 days after the start).
    expect(domain.body.expires_at).toBe('2027-08-30T00:00:00Z');
    expect((await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.total).toBe(4);
    expect(emulator.ledger).toHaveLength(1);
  });

  it('ends failed for a rejected auth code, and never adds the domain', async () => {
    const emulator = await start();
    const started = await call(emulator, 'POST', '/api/v1/domains/transfer', {
      body: { ...transferBody, auth_code: 'invalid-auth-code' },
    });
    const path = `/api/v1/domains/transfers/${started.body.transfer_id}`;
    expect((await call(emulator, 'GET', path)).body.status).toBe('in_progress');
    const failed = await call(emulator, 'GET', path);
    expect(failed.body).toMatchObject({ status: 'failed', completed_at: null, domain_id: null });
    expect((await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.total).toBe(3);
  });

  it('serves a cancelled transfer set by the state helper; manual mode never advances on reads', async () => {
    const emulator = await start({ transferAdvance: 'manual' });
    const started = await call(emulator, 'POST', '/api/v1/domains/transfer', { body: transferBody });
    const path = `/api/v1/domains/transfers/${started.body.transfer_id}`;
    expect((await call(emulator, 'GET', path)).body.status).toBe('pending');
    expect((await call(emulator, 'GET', path)).body.status).toBe('pending');
    emulator.state.setTransferStatus(started.body.transfer_id, 'cancelled');
    expect((await call(emulator, 'GET', path)).body).toMatchObject({ status: 'cancelled', domain_id: null });
    // A cancelled transfer no longer blocks a new one.
    expect((await call(emulator, 'POST', '/api/v1/domains/transfer', { body: transferBody })).status).toBe(
      201,
    );
  });

  it('validates the request (400 with every missing field in details)', async () => {
    const emulator = await start();
    const res = await call(emulator, 'POST', '/api/v1/domains/transfer', {
      body: { extend_registration: 'yes' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'validation_error',
      message: 'domain_name is required',
      details: {
        domain_name: 'domain_name is required',
        user_identifier: 'user_identifier is required',
        auth_code: 'auth_code is required',
        extend_registration: 'extend_registration must be a boolean',
      },
    });
  });

  it.each([
    ['test-domain-1.com', 409, 'conflict', 'Domain already exists'],
    ['available-name.com', 422, 'unprocessable_entity', 'Domain is not registered and cannot be transferred'],
    ['premium-name.com', 422, 'unprocessable_entity', 'Domain is not registered and cannot be transferred'],
    ['not a domain', 422, 'unprocessable_entity', 'Invalid domain name'],
    ['example.xyz', 422, 'unprocessable_entity', 'TLD is not supported'],
  ])('refuses to transfer %s (%i %s)', async (name, status, error, message) => {
    const emulator = await start();
    const res = await call(emulator, 'POST', '/api/v1/domains/transfer', {
      body: { ...transferBody, domain_name: name },
    });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message });
    expect(emulator.ledger).toEqual([]);
  });

  it('answers 409 while a transfer of the name is in progress, 404 for an unknown user or transfer', async () => {
    const emulator = await start();
    expect((await call(emulator, 'POST', '/api/v1/domains/transfer', { body: transferBody })).status).toBe(
      201,
    );
    const again = await call(emulator, 'POST', '/api/v1/domains/transfer', { body: transferBody });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: 'conflict',
      message: 'Transfer already in progress',
      details: { domain_name: 'registered-name.com' },
    });
    const noUser = await call(emulator, 'POST', '/api/v1/domains/transfer', {
      body: { ...transferBody, domain_name: 'other.com', user_identifier: 'ghost' },
    });
    expect(noUser.status).toBe(404);
    expect((await call(emulator, 'GET', '/api/v1/domains/transfers/txr_unknown')).body).toEqual({
      error: 'not_found',
      message: 'Transfer not found',
      details: {},
    });
    expect(emulator.ledger).toHaveLength(1);
  });
});

describe('PocketDNS emulator: TLDs and availability', () => {
  it('lists every seeded TLD with its prices in USD', async () => {
    const emulator = await start({
      seed: { tldPrices: { com: { register: '9.00', renew: '11.00', transfer: '10.00' } } },
    });
    const res = await call(emulator, 'GET', '/api/v1/domains/tlds');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      tlds: [
        {
          tld: 'com',
          registration_price: '9.00',
          renewal_price: '11.00',
          transfer_price: '10.00',
          currency: 'USD',
          available: true,
        },
      ],
    });
  });

  it('lists the default TLD table', async () => {
    const emulator = await start();
    const res = await call(emulator, 'GET', '/api/v1/domains/tlds');
    expect(res.body.tlds.map((t: { tld: string }) => t.tld)).toEqual([
      'com',
      'net',
      'org',
      'io',
      'dev',
      'co.uk',
    ]);
    expect(res.body.tlds[3]).toEqual({
      tld: 'io',
      registration_price: '39.00',
      renewal_price: '39.00',
      transfer_price: '39.00',
      currency: 'USD',
      available: true,
    });
  });

  it('answers an available name with its price', async () => {
    const emulator = await start();
    const res = await call(emulator, 'GET', '/api/v1/domains/availability/available-name.com');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      domain_name: 'available-name.com',
      available: true,
      price: '12.99',
      currency: 'USD',
      premium: false,
      suggestions: ['available-name.net', 'available-name.org', 'myavailable-name.com'],
    });
  });

  it('answers a premium name with its premium price', async () => {
    const emulator = await start();
    const res = await call(emulator, 'GET', '/api/v1/domains/availability/premium-name.com');
    expect(res.body).toMatchObject({ available: true, price: '1200.00', currency: 'USD', premium: true });
  });

  it('answers registered and owned names as unavailable with null price and currency', async () => {
    const emulator = await start();
    for (const name of ['registered-name.com', 'test-domain-2.com', 'REGISTERED-NAME.COM']) {
      const res = await call(emulator, 'GET', `/api/v1/domains/availability/${name}`);
      expect(res.body).toMatchObject({
        domain_name: name.toLowerCase(),
        available: false,
        price: null,
        currency: null,
        premium: false,
      });
    }
    const res = await call(emulator, 'GET', '/api/v1/domains/availability/registered-name.com');
    expect(res.body.suggestions).toEqual([
      'registered-name.net',
      'registered-name.org',
      'myregistered-name.com',
    ]);
  });

  it('answers a Unicode name in ASCII form', async () => {
    const emulator = await start();
    const res = await call(
      emulator,
      'GET',
      `/api/v1/domains/availability/${encodeURIComponent('bücher.com')}`,
    );
    expect(res.body).toMatchObject({ domain_name: 'xn--bcher-kva.com', available: false });
  });

  it('refuses an invalid name or an unsupported TLD with 422 unprocessable_entity', async () => {
    const emulator = await start();
    const invalid = await call(emulator, 'GET', '/api/v1/domains/availability/-bad-.com');
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: 'unprocessable_entity', message: 'Invalid domain name' });
    const tld = await call(emulator, 'GET', '/api/v1/domains/availability/example.xyz');
    expect(tld.status).toBe(422);
    expect(tld.body).toMatchObject({ error: 'unprocessable_entity', message: 'TLD is not supported' });
  });
});

describe('PocketDNS emulator: user sessions (embed)', () => {
  it('creates a user and a 24-hour login URL (201); calling again gives a new session', async () => {
    const emulator = await start();
    const first = await call(emulator, 'POST', '/api/v1/users', {
      body: { user_identifier: 'new-user_1', email: 'jane@example.com' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      user_identifier: 'new-user_1',
      login_url: expect.stringMatching(/^https:\/\/embed\.pocketdns\.com\/session\/[0-9a-f]{24}$/),
      expires_at: '2026-06-02T00:00:00Z',
    });
    const second = await call(emulator, 'POST', '/api/v1/users', { body: { user_identifier: 'new-user_1' } });
    expect(second.status).toBe(201);
    expect(second.body.login_url).not.toBe(first.body.login_url);
    expect(emulator.state.users.get('new-user_1')?.email).toBe('jane@example.com');
    const list = await call(emulator, 'GET', '/api/v1/users/new-user_1/domains');
    expect(list.body).toEqual({ domains: [], total: 0 });
  });

  it.each([
    [{}, 'user_identifier', 'user_identifier is required'],
    [{ user_identifier: 'has space' }, 'user_identifier', expect.stringContaining('letters, digits')],
    [{ user_identifier: 'x'.repeat(256) }, 'user_identifier', expect.stringContaining('255')],
    [{ user_identifier: 'ok', email: 'not-an-email' }, 'email', 'email must be a valid e-mail address'],
  ])('rejects %j with 400 validation_error', async (body, field, message) => {
    const emulator = await start();
    const res = await call(emulator, 'POST', '/api/v1/users', { body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'validation_error', message, details: { [field]: message } });
  });
});
