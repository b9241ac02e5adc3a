import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import {
  createPocketDnsApp,
  POCKETDNS_BUCKETS,
  type PocketDnsEmulatorOptions,
  startPocketDnsEmulator,
} from './pocketdns-emulator.js';
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
  return (await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.domains[0].id;
}

/** n requests one after the other; their statuses. */
async function statuses(n: number, send: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send()).status);
  return out;
}

describe('PocketDNS emulator: rate-limit buckets', () => {
  it('declares one bucket per documented limit, per minute', () => {
    const minute = 60_000;
    expect(POCKETDNS_BUCKETS).toEqual({
      domainRetrieval: { limit: 1000, intervalMs: minute },
      domainUpdates: { limit: 60, intervalMs: minute },
      domainTransfers: { limit: 10, intervalMs: minute },
      availability: { limit: 500, intervalMs: minute },
      recordRetrieval: { limit: 1000, intervalMs: minute },
      recordCreation: { limit: 300, intervalMs: minute },
      recordUpdates: { limit: 300, intervalMs: minute },
      recordDeletion: { limit: 300, intervalMs: minute },
      bulkOperations: { limit: 60, intervalMs: minute },
    });
    const app = createPocketDnsApp();
    const byRoute = Object.fromEntries(app.routes.map((r) => [`${r.method} ${r.path}`, r.bucket ?? null]));
    expect(byRoute).toEqual({
      'POST /api/v1/users': null,
      'GET /api/v1/users/:userIdentifier/domains': 'domainRetrieval',
      'GET /api/v1/domains/tlds': 'domainRetrieval',
      'GET /api/v1/domains/availability/:domainName': 'availability',
      'POST /api/v1/domains/transfer': 'domainTransfers',
      'GET /api/v1/domains/transfers/:transferId': 'domainRetrieval',
      'GET /api/v1/domains/:domainId': 'domainRetrieval',
      'PUT /api/v1/domains/:domainId': 'domainUpdates',
      'POST /api/v1/domains/:domainId/renew': 'domainUpdates',
      'GET /api/v1/domains/:domainId/dns': 'recordRetrieval',
      'GET /api/v1/domains/:domainId/dns/:recordId': 'recordRetrieval',
      'POST /api/v1/domains/:domainId/dns': 'recordCreation',
      'PUT /api/v1/domains/:domainId/dns/:recordId': 'recordUpdates',
      'DELETE /api/v1/domains/:domainId/dns/:recordId': 'recordDeletion',
      'POST /api/v1/domains/:domainId/dns/bulk': 'bulkOperations',
      'POST /api/v1/domains/:domainId/dns/template': 'bulkOperations',
    });
  });

  it('allows 10 transfer requests a minute, then answers 429 rate_limit_exceeded with Retry-After', async () => {
    const emulator = await start();
    const send = () => call(emulator, 'POST', '/api/v1/domains/transfer', { body: {} });
    expect(await statuses(10, send)).toEqual(Array(10).fill(400));
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'rate_limit_exceeded', message: 'Too many requests', details: {} });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(emulator.rateLimited()).toBe(1);
    // Other buckets are untouched.
    expect((await call(emulator, 'GET', '/api/v1/domains/tlds')).status).toBe(200);
    expect((await call(emulator, 'GET', '/api/v1/domains/availability/x-y.com')).status).toBe(200);
  });

  it('does not count requests refused for authentication', async () => {
    const emulator = await start();
    const unauthorised = () => call(emulator, 'POST', '/api/v1/domains/transfer', { body: {}, apiKey: null });
    expect(await statuses(12, unauthorised)).toEqual(Array(12).fill(401));
    const send = () => call(emulator, 'POST', '/api/v1/domains/transfer', { body: {} });
    expect(await statuses(11, send)).toEqual([...Array(10).fill(400), 429]);
  });

  it('keeps record creation, update and deletion in separate 300/min buckets, and bulk in its own 60/min', async () => {
    const emulator = await start();
    const dns = `/api/v1/domains/${await firstDomainId(emulator)}/dns`;
    const bulk = () => call(emulator, 'POST', `${dns}/bulk`, { body: {} });
    expect(await statuses(61, bulk)).toEqual([...Array(60).fill(400), 429]);
    const create = () => call(emulator, 'POST', dns, { body: {} });
    expect(
      (await call(emulator, 'POST', dns, { body: { type: 'A', name: 'a', content: '192.0.2.5' } })).status,
    ).toBe(201);
    expect(await statuses(300, create)).toEqual([...Array(299).fill(400), 429]);
    const record = (await call(emulator, 'GET', dns)).body.records[0];
    expect((await call(emulator, 'PUT', `${dns}/${record.id}`, { body: { ttl: 600 } })).status).toBe(200);
    expect((await call(emulator, 'DELETE', `${dns}/${record.id}`)).status).toBe(204);
    expect(emulator.rateLimited()).toBe(2);
  });

  it('scales the window with timeScale, so the limit frees again within a fraction of a second', async () => {
    const emulator = await start({ timeScale: 0.005 }); // 10 per 300 ms
    const send = () => call(emulator, 'POST', '/api/v1/domains/transfer', { body: {} });
    let limited: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await send();
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    const waitMs = Number(limited?.headers.get('x-emulator-retry-after-ms'));
    expect(waitMs).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, waitMs + 5));
    expect((await send()).status).toBe(400);
    expect(emulator.rateLimited()).toBe(1);
  });

  it('does not limit when rateLimits is false', async () => {
    const emulator = await start({ rateLimits: false });
    const send = () => call(emulator, 'POST', '/api/v1/domains/transfer', { body: {} });
    expect(await statuses(15, send)).toEqual(Array(15).fill(400));
    expect(emulator.rateLimited()).toBe(0);
  });
});

describe('PocketDNS emulator: fault injection and the ledger', () => {
  it('sends a sequence of 500/502/503 before processing; the retry charges once', async () => {
    const emulator = await start({
      faults: [
        {
          route: 'renewDomain',
          sequence: [
            { type: 'status', status: 500 },
            { type: 'status', status: 502 },
            { type: 'status', status: 503 },
          ],
        },
      ],
    });
    const path = `/api/v1/domains/${await firstDomainId(emulator)}/renew`;
    const send = () => call(emulator, 'POST', path, { body: { years: 1 } });
    const first = await send();
    expect(first.status).toBe(500);
    expect(first.body).toMatchObject({ error: 'internal_error', details: {} });
    expect((await send()).status).toBe(502);
    expect((await send()).status).toBe(503);
    expect(emulator.ledger).toEqual([]);
    const ok = await send();
    expect(ok.status).toBe(200);
    expect(ok.body.expires_at).toBe('2031-01-15T00:00:00Z');
    expect(emulator.ledger).toHaveLength(1);
    expect(emulator.ledger[0]!.requestSeq).toBe(emulator.requests.at(-1)!.seq);
  });

  it('reset-before processes nothing; reset-after charges, so a blind retry shows two charges', async () => {
    const emulator = await start();
    const id = await firstDomainId(emulator);
    const path = `/api/v1/domains/${id}/renew`;
    const renew = () =>
      fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer pocketdns-test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ years: 1 }),
      });

    emulator.setFaults([{ route: 'renewDomain', sequence: [{ type: 'reset-before' }] }]);
    await expect(renew()).rejects.toThrow();
    expect(emulator.ledger).toEqual([]);
    expect((await call(emulator, 'GET', `/api/v1/domains/${id}`)).body.expires_at).toBe(
      '2030-01-15T00:00:00Z',
    );

    emulator.setFaults([{ route: 'renewDomain', sequence: [{ type: 'reset-after' }] }]);
    await expect(renew()).rejects.toThrow();
    expect(emulator.ledger).toHaveLength(1);
    expect((await call(emulator, 'GET', `/api/v1/domains/${id}`)).body.expires_at).toBe(
      '2031-01-15T00:00:00Z',
    );

    expect((await renew()).status).toBe(200);
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['renew', 'test-domain-1.com', '12.99'],
      ['renew', 'test-domain-1.com', '12.99'],
    ]);
    expect(new Set(emulator.ledger.map((e) => e.requestSeq)).size).toBe(2);
  });

  it('records transfer charges in the ledger with the request that caused them', async () => {
    const emulator = await start({
      faults: [{ route: 'transferDomain', sequence: [{ type: 'reset-after' }] }],
    });
    const body = { domain_name: 'registered-name.com', user_identifier: 'user_123', auth_code: 'abc' };
    await expect(
      fetch(`${emulator.url}/api/v1/domains/transfer`, {
        method: 'POST',
        headers: { authorization: 'Bearer pocketdns-test-key', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    // The transfer started: a retry is refused (409) and charges nothing more.
    const retry = await call(emulator, 'POST', '/api/v1/domains/transfer', { body });
    expect(retry.status).toBe(409);
    const seq = emulator.requests.find((r) => r.operation === 'transferDomain')!.seq;
    expect(emulator.ledger).toEqual([
      {
        operation: 'transfer',
        domain: 'registered-name.com',
        amount: '12.99',
        currency: 'USD',
        at: NOW,
        requestSeq: seq,
      },
    ]);
  });

  it('sends malformed JSON and HTML error pages', async () => {
    const emulator = await start({
      faults: [
        { route: 'listDomains', sequence: [{ type: 'malformed-json' }] },
        { route: 'GET /api/v1/domains/tlds', sequence: [{ type: 'html-error', status: 502 }] },
      ],
    });
    const list = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(list.status).toBe(200);
    expect(list.body).toBeUndefined();
    expect(() => JSON.parse(list.text)).toThrow();
    const tlds = await call(emulator, 'GET', '/api/v1/domains/tlds');
    expect(tlds.status).toBe(502);
    expect(tlds.headers.get('content-type')).toMatch(/text\/html/);
    expect(tlds.text).toContain('<html>');
    // Faults used up: normal answers again.
    expect((await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.total).toBe(3);
  });

  it('sends the provider error body for an injected error, with Retry-After when asked', async () => {
    const emulator = await start({
      faults: [
        {
          sequence: [
            { type: 'error', status: 429, retryAfterSeconds: 7 },
            { type: 'error', status: 403 },
          ],
        },
      ],
    });
    const first = await call(emulator, 'GET', '/api/v1/domains/tlds');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body).toMatchObject({ error: 'rate_limit_exceeded', details: {} });
    const second = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(second.status).toBe(403);
    expect(second.body.error).toBe('forbidden');
  });

  it('applies a rate of faults deterministically from the seed', async () => {
    const run = async () => {
      const emulator = await start({
        seed: { seed: 5 },
        faults: [
          {
            route: 'getDomain',
            rate: 0.5,
            fault: [
              { type: 'status', status: 503 },
              { type: 'latency', ms: 1 },
            ],
          },
        ],
      });
      const id = await firstDomainId(emulator);
      return statuses(24, () => call(emulator, 'GET', `/api/v1/domains/${id}`));
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).toContain(503);
    expect(a).toContain(200);
  });

  it('adds latency without changing the answer', async () => {
    const emulator = await start({
      latencyMs: 5,
      faults: [{ route: 'listTldPrices', sequence: [{ type: 'latency', ms: 10 }] }],
    });
    const res = await call(emulator, 'GET', '/api/v1/domains/tlds');
    expect(res.status).toBe(200);
    expect(res.body.tlds).toHaveLength(6);
  });
});
