import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { GlaucaState } from './glauca-state.js';
import { glaucaClient, glaucaTestStarter } from './glauca-test-client.js';

const start = glaucaTestStarter();

describe('Glauca emulator: auth (403, never 401)', () => {
  it('accepts the default bearer token and the default personal access token', async () => {
    const { emu } = await start();
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await glaucaClient(emu.url, 'Bearer glauca-test-token')('GET', '/api/domains/')).status).toBe(
      200,
    );
    expect(
      (await glaucaClient(emu.url, 'X-AS207960-PAT glauca-test-pat')('GET', '/api/dns_zones/')).status,
    ).toBe(200);
    expect(emu.seedInfo.credentials).toEqual({
      token: 'glauca-test-token',
      personalAccessToken: 'glauca-test-pat',
    });
  });

  it('a wrong token, or a PAT sent as a bearer token, is 403 {"detail": "Invalid token"}', async () => {
    const { emu } = await start();
    for (const header of ['Bearer wrong', 'Bearer glauca-test-pat', 'X-AS207960-PAT glauca-test-token']) {
      const res = await glaucaClient(emu.url, header)('GET', '/api/domains/');
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: 'Invalid token' });
    }
  });

  it('missing credentials: domain views say permission denied, model viewsets say not provided', async () => {
    const { emu } = await start();
    const anon = glaucaClient(emu.url, null);
    const domains = await anon('GET', '/api/domains/');
    expect(domains.status).toBe(403);
    expect(domains.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    // The check endpoints document "no scope" but still need a token in Glauca's published server
    // source (https://github.com/AS207960/domains; docs/providers/glauca.md#checks).
    expect(
      (await anon('POST', '/api/domains/check/', { domain: 'a.com', period: { unit: 'y', value: 1 } }))
        .status,
    ).toBe(403);
    for (const path of [
      '/api/domain_registration_orders/',
      '/api/contacts/',
      '/api/dns_zones/',
      '/api/zone_mx_records/',
    ]) {
      const res = await anon('GET', path);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    }
  });

  it('the tokens option replaces the accepted tokens', async () => {
    const { emu } = await start({ tokens: ['other'] });
    expect((await glaucaClient(emu.url, 'Bearer other')('GET', '/api/domains/')).status).toBe(200);
    expect((await glaucaClient(emu.url)('GET', '/api/domains/')).status).toBe(403);
  });

  it('an unknown route is 404 {"detail": "Not found."}', async () => {
    const { call } = await start();
    const res = await call('GET', '/api/nothing-here/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('an unparseable JSON body is 400 with a detail', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/domains/check/', '{"domain": ');
    expect(res.status).toBe(400);
    expect(typeof res.body.detail).toBe('string');
  });
});

describe('Glauca emulator: rate limit (optional proxy bucket)', () => {
  it('no limit by default (none is documented)', async () => {
    const { call, emu } = await start();
    for (let i = 0; i < 30; i++) expect((await call('GET', '/api/contacts/')).status).toBe(200);
    expect(emu.rateLimited()).toBe(0);
  });

  it('with rateLimit, the 4th request in the window is 429 with Retry-After and a DRF detail', async () => {
    const { call, emu } = await start({ rateLimit: { limit: 3, intervalMs: 60_000 }, timeScale: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('GET', '/api/domains/')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await call('GET', '/api/dns_zones/');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ detail: 'Request was throttled.' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(emu.rateLimited()).toBe(3);
  });

  it('timeScale shrinks the window so the limit frees up again', async () => {
    const { call } = await start({ rateLimit: { limit: 2, intervalMs: 60_000 }, timeScale: 0.001 });
    await call('GET', '/api/contacts/');
    await call('GET', '/api/contacts/');
    const limited = await call('GET', '/api/contacts/');
    expect(limited.status).toBe(429);
    const waitMs = Number(limited.headers.get('x-emulator-retry-after-ms') ?? '60');
    await new Promise((resolve) => setTimeout(resolve, waitMs + 20));
    expect((await call('GET', '/api/contacts/')).status).toBe(200);
  });
});

describe('Glauca emulator: faults and the ledger', () => {
  const order = (emu: RunningEmulator<GlaucaState>) => ({
    domain: 'available-name.com',
    period: { unit: 'y', value: 1 },
    registrant: emu.state.defaultContactId,
    admin_contact: null,
    billing_contact: null,
    tech_contact: null,
  });

  it('a sequence of 503 then success on one operation', async () => {
    const { call } = await start({
      faults: [
        {
          route: 'getDomain',
          sequence: [
            { type: 'status', status: 503 },
            { type: 'html-error', status: 502 },
          ],
        },
      ],
    });
    const id = (await call('GET', '/api/domains/')).body[0].id;
    const first = await call('GET', `/api/domains/${id}/`);
    expect(first.status).toBe(503);
    const second = await call('GET', `/api/domains/${id}/`);
    expect(second.status).toBe(502);
    expect(second.headers.get('content-type')).toMatch(/text\/html/);
    expect(second.text).toContain('<html>');
    expect((await call('GET', `/api/domains/${id}/`)).status).toBe(200);
  });

  it('reset before processing: nothing charged; reset after processing: charged exactly once', async () => {
    const { call, emu } = await start({
      faults: [{ route: 'registerDomain', sequence: [{ type: 'reset-before' }] }],
    });
    await expect(call('POST', '/api/domain_registration_orders/', order(emu))).rejects.toThrow();
    expect(emu.ledger).toHaveLength(0);
    expect(emu.state.orders.size).toBe(0);

    emu.setFaults([{ route: 'registerDomain', sequence: [{ type: 'reset-after' }] }]);
    await expect(call('POST', '/api/domain_registration_orders/', order(emu))).rejects.toThrow();
    expect(emu.ledger).toHaveLength(1);
    expect(emu.state.orders.size).toBe(1);
    // A blind retry of the same POST creates a second order, which fails (name already being bought)
    // and is not charged: the ledger proves one charge.
    const retry = await call('POST', '/api/domain_registration_orders/', order(emu));
    expect(retry.body.state).toBe('failed');
    expect(emu.ledger).toHaveLength(1);
  });

  it('malformed JSON with status 200', async () => {
    const { call } = await start({
      faults: [{ route: 'listDomains', sequence: [{ type: 'malformed-json' }] }],
    });
    const res = await call('GET', '/api/domains/');
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
  });

  it('seeded fault rates are deterministic', async () => {
    const run = async () => {
      const { call, emu } = await start({
        seed: { seed: 7 },
        faults: [{ route: 'listZones', rate: 0.5, fault: { type: 'status', status: 500 } }],
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call('GET', '/api/dns_zones/')).status);
      await emu.close();
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });
});

describe('Glauca emulator: determinism', () => {
  it('the same seed gives the same ids and auth codes; another seed differs', async () => {
    const snapshot = async (seed: number) => {
      const { call, emu } = await start({ seed: { seed } });
      const domains = (await call('GET', '/api/domains/')).body.map(
        (d: { id: string; auth_info: string }) => [d.id, d.auth_info],
      );
      await emu.close();
      return domains;
    };
    const one = await snapshot(1);
    expect(await snapshot(1)).toEqual(one);
    expect(await snapshot(2)).not.toEqual(one);
  });

  it('seedInfo describes the standard data in GBP', async () => {
    const { emu } = await start();
    expect(emu.seedInfo).toMatchObject({
      ownedDomains: ['test-domain-1.com', 'test-domain-2.com', 'xn--bcher-kva.com'],
      idnDomain: 'xn--bcher-kva.com',
      availableName: 'available-name.com',
      registeredName: 'registered-name.com',
      premiumName: 'premium-name.com',
      premiumPrice: '1200.00',
      currency: 'GBP',
    });
  });
});
