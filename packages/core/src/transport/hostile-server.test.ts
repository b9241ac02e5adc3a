/**
 * The transport against hostile servers (DESIGN.md, "Promises every adapter keeps"): a body
 * without end, redirects, rate-limit headers with a far reset, error bodies nested
 * 100,000 levels deep, and aborted calls holding rate-limit slots.
 */
import { setMaxListeners } from 'node:events';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
} from '../errors/error-classes.js';
import { type LocalServer, startLocalServer } from '../test/local-server.js';
import { TEST_BASE_URL, testTransport } from '../test/test-transport.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type TransportOptions } from './http-transport.js';

const BASE = TEST_BASE_URL;
const Item = z.object({ id: z.number() });

const transport = testTransport;

let server: LocalServer | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect('127.0.0.1');
  await server?.close();
  server = undefined;
});

/** A server whose 200 body never ends: 64 KiB chunks as fast as the client reads them. */
async function endlessServer(): Promise<LocalServer> {
  nock.enableNetConnect('127.0.0.1');
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return startLocalServer((_req, res, write) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const pump = () => {
      while (write(chunk)) {}
    };
    res.on('drain', pump);
    pump();
  });
}

describe('maxResponseBytes caps the body', () => {
  it('an endless body fails with ResponseFormatError response_too_large; reading stops at the cap', async () => {
    server = await endlessServer();
    const cap = 1024 * 1024;
    const error = await transport({
      baseURL: server.url,
      retry: false,
      timeoutMs: 20_000,
      maxResponseBytes: cap,
    })
      .request({ operation: 'listDomains', method: 'GET', path: '/x', schema: Item })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      code: 'response_too_large',
      provider: 'dnsimple',
      operation: 'listDomains',
    });
    // What the server managed to write before the connection closed: the cap plus socket buffers.
    expect(server.bytesSent).toBeLessThan(cap + 16 * 1024 * 1024);
  });

  it('the default cap is 20 MB', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(20 * 1024 * 1024);
    server = await endlessServer();
    const error = await transport({ baseURL: server.url, retry: false, timeoutMs: 20_000 })
      .request({ operation: 'listDomains', method: 'GET', path: '/x', schema: Item })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseFormatError', code: 'response_too_large' });
    expect(server.bytesSent).toBeGreaterThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES);
  });

  it('a body within the cap is read', async () => {
    nock(BASE)
      .get('/x')
      .reply(200, { id: 1, pad: 'x'.repeat(500) });
    const { data } = await transport({ maxResponseBytes: 1000 }).request({
      operation: 'op',
      method: 'GET',
      path: '/x',
      schema: Item,
    });
    expect(data).toEqual({ id: 1 });
  });
});

describe('a 3xx is never success and never followed', () => {
  it.each([301, 302, 303, 304, 307, 308])(
    'HTTP %i is a ProviderError unexpected_redirect, sent once',
    async (status) => {
      const elsewhere = nock('https://elsewhere.example.test').get('/steal').reply(200, {});
      let sent = 0;
      nock(BASE)
        .delete('/v2/1/zones/example.com/records/5')
        .times(4)
        .reply(status, '', { Location: 'https://elsewhere.example.test/steal' })
        .on('request', () => sent++);
      const error = await transport()
        .request({ operation: 'deleteRecord', method: 'DELETE', path: '/v2/1/zones/example.com/records/5' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({
        code: 'unexpected_redirect',
        status,
        operation: 'deleteRecord',
        retryable: false,
      });
      expect(sent).toBe(1);
      expect(elsewhere.isDone()).toBe(false);
    },
  );
});

describe('a wait asked for by rate-limit headers never outlasts the call', () => {
  const far = () => String(Math.ceil((Date.now() + 10 * 24 * 3600 * 1000) / 1000));

  it.each([
    ['with a bucket', 'account'],
    ['without a bucket', undefined],
  ])(
    'X-RateLimit-Remaining 0 with a reset 10 days away: the next call fails at once (%s)',
    async (_, bucket) => {
      let sent = 0;
      nock(BASE)
        .get('/x')
        .times(2)
        .reply(200, { id: 1 }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': far() })
        .on('request', () => sent++);
      // No adaptiveRateLimit: every provider that sends these headers is held to them.
      const t = transport();
      await t.request({ operation: 'listDomains', method: 'GET', path: '/x', schema: Item, bucket });
      const started = performance.now();
      const error = await t
        .request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item, bucket })
        .catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ code: 'rate_limited', provider: 'dnsimple', operation: 'getDomain' });
      expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(10 * 24 * 3600 * 1000 - 5000);
      expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(10 * 24 * 3600 * 1000 + 1000);
      expect(sent).toBe(1);
    },
  );

  it.each([
    ['the call’s timeoutMs', { timeoutMs: 2000 }],
    ['retry.maxRetryAfterMs', { retry: { maxRetryAfterMs: 2000 } }],
  ])('a reset 5 s away is past %s: RateLimitError at once', async (_, options) => {
    nock(BASE)
      .get('/x')
      .reply(
        200,
        { id: 1 },
        {
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 5),
        },
      );
    const t = transport(options as Partial<TransportOptions>);
    await t.request({ operation: 'op', method: 'GET', path: '/x', schema: Item, bucket: 'b' });
    const started = performance.now();
    const error = await t
      .request({ operation: 'op', method: 'GET', path: '/x', schema: Item, bucket: 'b' })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ name: 'RateLimitError', code: 'rate_limited' });
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(3000);
  });

  it('a 429 whose Retry-After is past the call’s timeoutMs is thrown, not waited', async () => {
    let sent = 0;
    nock(BASE)
      .get('/x')
      .times(2)
      .reply(429, {}, { 'Retry-After': '5' })
      .on('request', () => sent++);
    const started = performance.now();
    const error = await transport({ timeoutMs: 2000 })
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 5000 });
    expect(sent).toBe(1);
  });
});

describe('an aborted call gives back its rate-limit slot', () => {
  it('after 50 queued calls on a 10/s bucket are aborted, a fresh call is not delayed', async () => {
    nock(BASE).get('/x').times(60).reply(200, { id: 1 });
    const t = transport({ buckets: { b: { limit: 10, intervalMs: 1000 } } });
    const controller = new AbortController();
    setMaxListeners(100, controller.signal);
    const queued = Array.from({ length: 50 }, () =>
      t
        .request({
          operation: 'op',
          method: 'GET',
          path: '/x',
          bucket: 'b',
          schema: Item,
          signal: controller.signal,
        })
        .catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const outcomes = await Promise.all(queued);
    // The first one had its slot at once; the 49 queued behind it were aborted while waiting.
    expect(outcomes.filter((o) => (o as { code?: string }).code === 'aborted').length).toBeGreaterThanOrEqual(
      49,
    );
    await new Promise((resolve) => setTimeout(resolve, 120)); // past the first call's spacing
    const started = performance.now();
    await t.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'b', schema: Item });
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('error bodies are read with a depth limit', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('a 401 nested 100,000 levels deep stays an AuthenticationError, so the credential refresh runs', async () => {
    let refreshed = 0;
    nock(BASE)
      .get('/x')
      .reply(401, deep(100_000), { 'Content-Type': 'application/json' })
      .get('/x')
      .reply(200, { id: 7 });
    const { data } = await transport({ refreshCredentials: () => void refreshed++ }).request({
      operation: 'getDomain',
      method: 'GET',
      path: '/x',
      schema: Item,
    });
    expect(data).toEqual({ id: 7 });
    expect(refreshed).toBe(1);
  });

  it('without a refresh, the deep 401 is an AuthenticationError with status 401', async () => {
    nock(BASE).get('/x').reply(401, deep(100_000), { 'Content-Type': 'application/json' });
    const error = await transport({ parseError: (body) => ({ message: JSON.stringify(body) }) })
      .request({ operation: 'getDomain', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operation: 'getDomain' });
    expect((error as Error).message).toContain('not read');
  });
});
