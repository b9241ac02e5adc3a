import { afterEach, describe, expect, it } from 'vitest';
import {
  type DnsimpleEmulator,
  type DnsimpleEmulatorOptions,
  startDnsimpleEmulator,
} from './dnsimple-emulator.js';
import { dnsimpleClient, fetchAllPages } from './dnsimple-test-client.js';

const running: DnsimpleEmulator[] = [];

async function start(options: DnsimpleEmulatorOptions = {}): Promise<DnsimpleEmulator> {
  const emulator = await startDnsimpleEmulator(options);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('DNSimple emulator: identity and authentication', () => {
  it('answers 401 {message: "Authentication failed"} without or with a wrong token', async () => {
    const emu = await start();
    for (const token of [null, 'wrong-token']) {
      const res = await dnsimpleClient(emu, token)('GET', '/v2/whoami');
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ message: 'Authentication failed' });
      expect(res.headers.get('x-ratelimit-limit')).toBe('2400');
    }
    const basic = await fetch(`${emu.url}/v2/whoami`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('whoami with the account token returns the account and a null user', async () => {
    const emu = await start();
    const res = await dnsimpleClient(emu)('GET', '/v2/whoami');
    expect(res.status).toBe(200);
    expect(res.json.data.user).toBeNull();
    expect(res.json.data.account).toMatchObject({ id: 1010, plan_identifier: 'teams-v1-monthly' });
    expect(Object.keys(res.json.data.account).sort()).toEqual(
      ['created_at', 'email', 'id', 'name', 'plan_identifier', 'updated_at'].sort(),
    );
  });

  it('accepts custom credentials and a user token reaching several accounts', async () => {
    const emu = await start({ token: 'acct', accountId: 42, userToken: 'user', userAccountIds: [77, 78] });
    const asUser = dnsimpleClient(emu, 'user');
    const who = await asUser('GET', '/v2/whoami');
    expect(who.json.data.account).toBeNull();
    expect(who.json.data.user).toMatchObject({ id: 1, email: expect.any(String) });
    const accounts = await asUser('GET', '/v2/accounts');
    expect(accounts.json.data.map((a: { id: number }) => a.id)).toEqual([42, 77, 78]);
    expect(accounts.json.pagination).toBeUndefined();
    expect((await asUser('GET', '/v2/77/domains')).json.data).toEqual([]);
    expect((await asUser('GET', '/v2/42/domains')).json.data).toHaveLength(3);

    const asAccount = dnsimpleClient(emu, 'acct');
    expect((await asAccount('GET', '/v2/accounts')).json.data.map((a: { id: number }) => a.id)).toEqual([42]);
    const other = await asAccount('GET', '/v2/77/domains');
    expect(other.status).toBe(404);
    expect(other.json).toEqual({ message: 'Account `77` not found' });
    expect((await dnsimpleClient(emu)('GET', '/v2/whoami')).status).toBe(401);
    expect(emu.seedInfo.credentials).toEqual({ token: 'acct', accountId: '42' });
  });
});

describe('DNSimple emulator: rate limits', () => {
  it('sends X-RateLimit-Limit/Remaining/Reset (epoch seconds) on every response, including 204 and 404', async () => {
    const emu = await start();
    const api = dnsimpleClient(emu);
    const before = Math.floor(Date.now() / 1000);
    const first = await api('GET', '/v2/1010/domains');
    const second = await api('DELETE', '/v2/1010/domains/test-domain-1.com');
    const unknown = await api('GET', '/v2/nothing/here/at/all');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2400');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2399');
    expect(second.status).toBe(204);
    expect(second.text).toBe('');
    expect(second.headers.get('content-type')).toBeNull();
    expect(second.headers.get('x-ratelimit-remaining')).toBe('2398');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-ratelimit-remaining')).toBe('2398');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(Number.isInteger(reset)).toBe(true);
    expect(reset).toBeGreaterThanOrEqual(before + 3599);
    expect(reset).toBeLessThanOrEqual(before + 3602);
  });

  it('answers 429 {message: "quota exceeded"} with Retry-After and Remaining 0 past the hourly limit, and counts it', async () => {
    const emu = await start({ hourlyLimit: 3 });
    const api = dnsimpleClient(emu);
    for (let i = 0; i < 3; i++) expect((await api('GET', '/v2/whoami')).status).toBe(200);
    const limited = await api('GET', '/v2/1010/domains');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: 'quota exceeded' });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(emu.rateLimited()).toBe(1);
    await api('GET', '/v2/whoami');
    expect(emu.rateLimited()).toBe(2);
  });

  it('scales the hourly window with timeScale, so the limit frees up again', async () => {
    // 3600 s × 0.001 = a 3.6 s window.
    const emu = await start({ hourlyLimit: 2, timeScale: 0.001 });
    const api = dnsimpleClient(emu);
    expect((await api('GET', '/v2/whoami')).status).toBe(200);
    expect((await api('GET', '/v2/whoami')).status).toBe(200);
    const limited = await api('GET', '/v2/whoami');
    expect(limited.status).toBe(429);
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 4);
    const waitMs = Number(limited.headers.get('x-emulator-retry-after-ms'));
    await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
    expect((await api('GET', '/v2/whoami')).status).toBe(200);
    expect(emu.rateLimited()).toBe(1);
  });

  it('does not limit with rateLimits: false but still reports the headers', async () => {
    const emu = await start({ hourlyLimit: 1, rateLimits: false });
    const api = dnsimpleClient(emu);
    await api('GET', '/v2/whoami');
    const res = await api('GET', '/v2/whoami');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(emu.rateLimited()).toBe(0);
  });
});

describe('DNSimple emulator: domains', () => {
  it.each([0, 1, 99, 100, 101, 250])('pages through %i seeded domains (per_page max 100)', async (count) => {
    const emu = await start({ seed: { domains: count, recordsPerDomain: 0 } });
    const api = dnsimpleClient(emu);
    const { items, pages } = await fetchAllPages(api, '/v2/1010/domains', 100);
    expect(pages[0]!.json.pagination).toEqual({
      current_page: 1,
      per_page: 100,
      total_entries: count,
      total_pages: Math.ceil(count / 100),
    });
    expect(pages).toHaveLength(Math.max(1, Math.ceil(count / 100)));
    const names = (items as { name: string }[]).map((d) => d.name);
    expect(names).toEqual(emu.seedInfo.ownedDomains);
    expect(new Set(names).size).toBe(count);
  });

  it('serves 10,000 domains: default per_page 30, per_page clamped to 100, a page past the end is empty', async () => {
    const emu = await start({ seed: { domains: 10_000, recordsPerDomain: 1 } });
    const api = dnsimpleClient(emu);
    const first = await api('GET', '/v2/1010/domains');
    expect(first.json.data).toHaveLength(30);
    expect(first.json.pagination).toEqual({
      current_page: 1,
      per_page: 30,
      total_entries: 10_000,
      total_pages: 334,
    });
    const big = await api('GET', '/v2/1010/domains?per_page=500&page=100');
    expect(big.json.data).toHaveLength(100);
    expect(big.json.pagination).toEqual({
      current_page: 100,
      per_page: 100,
      total_entries: 10_000,
      total_pages: 100,
    });
    expect(big.json.data[99].name).toBe(emu.seedInfo.ownedDomains[9_999]);
    const past = await api('GET', '/v2/1010/domains?per_page=100&page=101');
    expect(past.json.data).toEqual([]);
  });

  it('sorts by name by default, and by id/expiration on request; rejects unknown sort fields', async () => {
    const emu = await start({ seed: { domains: 12 } });
    const api = dnsimpleClient(emu);
    const byName = (await api('GET', '/v2/1010/domains')).json.data.map((d: { name: string }) => d.name);
    expect(byName).toEqual([...byName].sort());
    expect(byName[0]).toBe('test-domain-1.com');
    expect(byName[1]).toBe('test-domain-10.com');
    const byIdDesc = (await api('GET', '/v2/1010/domains?sort=id:desc')).json.data.map(
      (d: { id: number }) => d.id,
    );
    expect(byIdDesc).toEqual([...byIdDesc].sort((a, b) => b - a));
    const byExp = (await api('GET', '/v2/1010/domains?sort=expiration:asc')).json.data.map(
      (d: { expires_at: string }) => d.expires_at,
    );
    expect(byExp).toEqual([...byExp].sort());
    const bad = await api('GET', '/v2/1010/domains?sort=price:asc');
    expect(bad.status).toBe(400);
    expect(typeof bad.json.message).toBe('string');
  });

  it('filters by name_like and registrant_id', async () => {
    const emu = await start({ seed: { domains: 12 } });
    const api = dnsimpleClient(emu);
    const like = await api('GET', '/v2/1010/domains?name_like=domain-1');
    expect(like.json.data.map((d: { name: string }) => d.name)).toEqual([
      'test-domain-1.com',
      'test-domain-10.com',
      'test-domain-11.com',
    ]);
    expect(like.json.pagination.total_entries).toBe(3);
    expect((await api('GET', '/v2/1010/domains?registrant_id=1')).json.data).toHaveLength(12);
    expect((await api('GET', '/v2/1010/domains?registrant_id=999')).json.data).toEqual([]);
  });

  it('gets a domain by name, id or Unicode name; 404 with the fixture message otherwise', async () => {
    const emu = await start();
    const api = dnsimpleClient(emu);
    const byName = await api('GET', '/v2/1010/domains/test-domain-1.com');
    expect(byName.status).toBe(200);
    expect(byName.json.data).toMatchObject({
      name: 'test-domain-1.com',
      account_id: 1010,
      state: 'registered',
      trustee: false,
      expires_on: '2030-01-15',
      expires_at: '2030-01-15T00:00:00Z',
      created_at: '2024-01-15T00:00:00Z',
    });
    const byId = await api('GET', `/v2/1010/domains/${byName.json.data.id}`);
    expect(byId.json.data).toEqual(byName.json.data);
    const idn = await api('GET', `/v2/1010/domains/${encodeURIComponent('bücher.com')}`);
    expect(idn.json.data).toMatchObject({ name: 'xn--bcher-kva.com', unicode_name: 'bücher.com' });
    const missing = await api('GET', '/v2/1010/domains/nope.com');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: 'Domain `nope.com` not found' });
  });

  it('creates a hosted domain (201) that is listed afterwards with its zone; refuses duplicates and bad names', async () => {
    const emu = await start();
    const api = dnsimpleClient(emu);
    const created = await api('POST', '/v2/1010/domains', { name: 'example-beta.com' });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      name: 'example-beta.com',
      state: 'hosted',
      registrant_id: null,
      expires_on: null,
      expires_at: null,
      account_id: 1010,
    });
    const names = (await api('GET', '/v2/1010/domains')).json.data.map((d: { name: string }) => d.name);
    expect(names).toContain('example-beta.com');
    expect((await api('GET', '/v2/1010/zones/example-beta.com')).status).toBe(200);

    const dup = await api('POST', '/v2/1010/domains', { name: 'example-beta.com' });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({
      message: 'The domain example-beta.com is already in DNSimple and cannot be added',
    });
    const blank = await api('POST', '/v2/1010/domains', {});
    expect(blank.json).toEqual({ message: 'Validation failed', errors: { name: ["can't be blank"] } });
    const invalid = await api('POST', '/v2/1010/domains', { name: 'not a domain' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.name).toEqual(['is an invalid domain']);
    const notJson = await api('POST', '/v2/1010/domains', '{"name":');
    expect(notJson.status).toBe(400);
    expect(typeof notJson.json.message).toBe('string');
  });

  it('deletes a domain (204) together with its zone', async () => {
    const emu = await start();
    const api = dnsimpleClient(emu);
    const res = await api('DELETE', '/v2/1010/domains/test-domain-2.com');
    expect(res.status).toBe(204);
    expect((await api('GET', '/v2/1010/domains/test-domain-2.com')).status).toBe(404);
    expect((await api('GET', '/v2/1010/zones/test-domain-2.com')).json).toEqual({
      message: 'Zone `test-domain-2.com` not found',
    });
    expect((await api('GET', '/v2/1010/domains')).json.pagination.total_entries).toBe(2);
  });

  it('describes the seed in provider-neutral terms', async () => {
    const emu = await start({ seed: { domains: 3 } });
    expect(emu.seedInfo).toMatchObject({
      ownedDomains: ['test-domain-1.com', 'test-domain-2.com', 'xn--bcher-kva.com'],
      idnDomain: 'xn--bcher-kva.com',
      availableName: 'available-name.com',
      registeredName: 'registered-name.com',
      premiumName: 'premium-name.com',
      premiumPrice: '1200.00',
      currency: 'USD',
      credentials: { token: 'dnsimple-test-token', accountId: '1010' },
    });
  });
});

describe('DNSimple emulator: fault injection and the request log', () => {
  it('plays a per-route sequence of 5xx answers with the DNSimple error body, then answers normally', async () => {
    const emu = await start({
      faults: [
        {
          route: 'listDomains',
          sequence: [{ type: 'status', status: 503 }, null, { type: 'status', status: 500 }],
        },
      ],
    });
    const api = dnsimpleClient(emu);
    const first = await api('GET', '/v2/1010/domains');
    expect(first.status).toBe(503);
    expect(first.json).toEqual({ message: expect.any(String) });
    expect((await api('GET', '/v2/1010/domains')).status).toBe(200);
    expect((await api('GET', '/v2/1010/domains')).status).toBe(500);
    expect((await api('GET', '/v2/1010/domains')).status).toBe(200);
    expect((await api('GET', '/v2/whoami')).status).toBe(200);
    expect(emu.requests.map((r) => [r.operation, r.status])).toEqual([
      ['listDomains', 503],
      ['listDomains', 200],
      ['listDomains', 500],
      ['listDomains', 200],
      ['whoami', 200],
    ]);
  });

  it('sends an HTML 502 page and malformed JSON on request', async () => {
    const emu = await start({
      faults: [
        { route: 'getDomain', sequence: [{ type: 'html-error', status: 502 }] },
        { route: 'whoami', sequence: [{ type: 'malformed-json' }] },
      ],
    });
    const api = dnsimpleClient(emu);
    const html = await api('GET', '/v2/1010/domains/test-domain-1.com');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('502');
    const broken = await api('GET', '/v2/whoami');
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text)).toThrow();
  });

  it('reset-before processes nothing; reset-after charges once and keeps the registration', async () => {
    const emu = await start({
      faults: [{ route: 'registerDomain', sequence: [{ type: 'reset-before' }, { type: 'reset-after' }] }],
    });
    const api = dnsimpleClient(emu);
    const body = { registrant_id: 1 };
    await expect(
      api('POST', '/v2/1010/registrar/domains/available-name.com/registrations', body),
    ).rejects.toThrow();
    expect(emu.ledger).toHaveLength(0);
    await expect(
      api('POST', '/v2/1010/registrar/domains/available-name.com/registrations', body),
    ).rejects.toThrow();
    expect(emu.ledger).toHaveLength(1);
    // A retry of the same purchase is refused and charges nothing more.
    const retry = await api('POST', '/v2/1010/registrar/domains/available-name.com/registrations', body);
    expect(retry.status).toBe(400);
    expect(emu.ledger).toHaveLength(1);
    expect((await api('GET', '/v2/1010/domains/available-name.com')).json.data.state).toBe('registered');
  });

  it('draws rate-based faults deterministically from the seed', async () => {
    const pattern = async (seed: number) => {
      const emu = await start({
        seed: { seed },
        faults: [
          {
            route: 'whoami',
            rate: 0.5,
            fault: [
              { type: 'status', status: 502 },
              { type: 'status', status: 503 },
            ],
          },
        ],
      });
      const api = dnsimpleClient(emu);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await api('GET', '/v2/whoami')).status);
      return statuses;
    };
    const a = await pattern(7);
    const b = await pattern(7);
    expect(a).toEqual(b);
    expect(a.some((s) => s === 200)).toBe(true);
    expect(a.some((s) => s !== 200)).toBe(true);
  });

  it('can change the fault rules at run time', async () => {
    const emu = await start();
    const api = dnsimpleClient(emu);
    emu.setFaults([{ sequence: [{ type: 'error', status: 402 }] }]);
    const res = await api('GET', '/v2/whoami');
    expect(res.status).toBe(402);
    expect(res.json).toEqual({ message: expect.any(String) });
    expect((await api('GET', '/v2/whoami')).status).toBe(200);
  });
});
