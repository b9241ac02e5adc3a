import { NetworkError, ProviderError, toArray, ValidationError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DomainrCheckResult } from './domainr-check-many.js';
import type { DomainrOptions } from './domainr-client.js';
import { createDomainr } from './domainr-registrar.js';
import { FAST } from './test/domainr-test-setup.js';

const DOMAINR = 'https://api.domainr.com';
const CLIENT_ID = 'cid-many';
const domainr = (options: DomainrOptions = {}) => createDomainr({ clientId: CLIENT_ID, ...FAST, ...options });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers /v2/status for any name after `delays[name]` ms, counting requests and the most in flight at once. */
function statusServer(delays: Record<string, number>, statuses: Record<string, number> = {}) {
  const stats = { requests: [] as string[], inFlight: 0, maxInFlight: 0 };
  nock(DOMAINR)
    .persist()
    .get('/v2/status')
    .query((query) => query.client_id === CLIENT_ID && typeof query.domain === 'string')
    .reply(async (uri) => {
      const domain = new URL(uri, DOMAINR).searchParams.get('domain')!;
      stats.requests.push(domain);
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await sleep(delays[domain] ?? 5);
      stats.inFlight--;
      const status = statuses[domain];
      if (status) return [status, { message: `failed for ${domain}` }];
      return [
        200,
        { status: [{ domain, zone: 'com', status: 'undelegated inactive', summary: 'inactive' }] },
      ];
    });
  return stats;
}

const summary = (items: DomainrCheckResult[]) =>
  items.map((item) =>
    'result' in item ? `${item.name}:${item.result.status}` : `${item.name}:${item.error.name}`,
  );

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('checkAvailabilityMany', () => {
  it('one request per name, results in completion order, per-name errors (invalid name without a request)', async () => {
    const stats = statusServer(
      { 'slow.com': 80, 'fast.com': 5, 'mid.com': 30, 'broken.com': 10 },
      { 'broken.com': 404 },
    );
    const items = await toArray(
      domainr().checkAvailabilityMany(['slow.com', 'fast.com', 'not a name', 'mid.com', 'broken.com']),
    );
    expect(summary(items)).toEqual([
      'not a name:ValidationError',
      'fast.com:available',
      'broken.com:NotFoundError',
      'mid.com:available',
      'slow.com:available',
    ]);
    expect(stats.requests.sort()).toEqual(['broken.com', 'fast.com', 'mid.com', 'slow.com']);
    const invalid = items.find((item) => item.name === 'not a name');
    expect(invalid && 'error' in invalid && invalid.error).toBeInstanceOf(ValidationError);
    const ok = items.find((item) => item.name === 'fast.com');
    expect(ok).toEqual({
      name: 'fast.com',
      result: expect.objectContaining({
        provider: 'domainr',
        domain: 'fast.com',
        available: true,
        status: 'available',
      }),
    });
  });

  it('keeps the name as given (Unicode) while the result carries the ASCII name', async () => {
    statusServer({});
    const [item] = await toArray(domainr().checkAvailabilityMany(['Bücher.com']));
    expect(item).toMatchObject({ name: 'Bücher.com', result: { domain: 'xn--bcher-kva.com' } });
  });

  it('at most 4 requests in flight by default, or the given concurrency', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `name-${i}.com`);
    const byDefault = statusServer(Object.fromEntries(names.map((n) => [n, 20])));
    expect(await toArray(domainr().checkAvailabilityMany(names))).toHaveLength(12);
    expect(byDefault.maxInFlight).toBe(4);
    nock.cleanAll();
    const two = statusServer(Object.fromEntries(names.map((n) => [n, 20])));
    expect(await toArray(domainr().checkAvailabilityMany(names, { concurrency: 2 }))).toHaveLength(12);
    expect(two.maxInFlight).toBe(2);
  });

  it('a 5xx is retried per name and reported for that name only', async () => {
    const stats = statusServer({}, { 'down.com': 503 });
    const items = await toArray(domainr().checkAvailabilityMany(['down.com', 'up.com']));
    expect(summary(items).sort()).toEqual(['down.com:ProviderError', 'up.com:available']);
    expect(stats.requests.filter((name) => name === 'down.com')).toHaveLength(3);
    const down = items.find((item) => item.name === 'down.com');
    expect(down && 'error' in down && down.error).toBeInstanceOf(ProviderError);
  });

  it('waits for the rate limiter of the v2 bucket', async () => {
    statusServer({});
    const started = Date.now();
    const items = await toArray(
      domainr({ rateLimit: { buckets: { v2: { limit: 2, intervalMs: 200 } } } }).checkAvailabilityMany(
        ['a1.com', 'a2.com', 'a3.com'],
        {
          concurrency: 3,
        },
      ),
    );
    expect(items).toHaveLength(3);
    // spread: one request per 105 ms → the third starts ≥ 210 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('a break stops further requests', async () => {
    const stats = statusServer({});
    const names = Array.from({ length: 10 }, (_, i) => `n${i}.com`);
    for await (const item of domainr().checkAvailabilityMany(names, { concurrency: 1 })) {
      expect(item.name).toBe('n0.com');
      break;
    }
    await sleep(30);
    expect(stats.requests).toEqual(['n0.com']);
  });

  it('an abort ends the iteration with an aborted NetworkError and starts nothing more', async () => {
    const stats = statusServer({ 'b0.com': 5, 'b1.com': 200, 'b2.com': 200 });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of domainr().checkAvailabilityMany(['b0.com', 'b1.com', 'b2.com', 'b3.com'], {
        concurrency: 2,
        signal: controller.signal,
      })) {
        seen.push(item.name);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted', operation: 'checkAvailabilityMany' });
    expect(seen).toEqual(['b0.com']);
    await sleep(20);
    expect(stats.requests.sort()).toEqual(['b0.com', 'b1.com']);
  });

  it('an already aborted signal sends nothing', async () => {
    const stats = statusServer({});
    const error = await toArray(
      domainr().checkAvailabilityMany(['a.com'], { signal: AbortSignal.abort() }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(stats.requests).toEqual([]);
  });

  it('refuses a bad concurrency or a string instead of a list', async () => {
    for (const [names, concurrency] of [
      [['a.com'], 0],
      [['a.com'], 1.5],
      ['a.com', 2],
    ] as const) {
      const error = await toArray(domainr().checkAvailabilityMany(names as never, { concurrency })).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'domainr', operation: 'checkAvailabilityMany' });
    }
  });

  it('with missing credentials every name gets its own AuthenticationError', async () => {
    const saved = process.env.DOMAINR_CLIENT_ID;
    delete process.env.DOMAINR_CLIENT_ID;
    const savedRapid = process.env.DOMAINR_RAPIDAPI_KEY;
    delete process.env.DOMAINR_RAPIDAPI_KEY;
    try {
      const items = await toArray(createDomainr(FAST).checkAvailabilityMany(['a-1.com', 'a-2.com']));
      expect(summary(items).sort()).toEqual(['a-1.com:AuthenticationError', 'a-2.com:AuthenticationError']);
    } finally {
      if (saved !== undefined) process.env.DOMAINR_CLIENT_ID = saved;
      if (savedRapid !== undefined) process.env.DOMAINR_RAPIDAPI_KEY = savedRapid;
    }
  });
});
