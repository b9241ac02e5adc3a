import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  PermissionError,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
  ValidationError,
} from '../errors/error-classes.js';
import { TEST_BASE_URL, testTransport } from '../test/test-transport.js';
import { urlPath } from '../validation/path-segment.js';
import type { TransportOptions } from './http-transport.js';
import { loadAxios, loadPRetry } from './lazy-http-stack.js';
import { BucketLimiters } from './rate-limiter.js';
import type { TransportEvent } from './transport-events.js';

const BASE = TEST_BASE_URL;
const Item = z.object({ id: z.number(), name: z.string() });

function transport(overrides: Partial<TransportOptions> = {}) {
  return testTransport({
    parseError: (body) => ({ message: (body as { message?: string }).message }),
    ...overrides,
  });
}

/** Advances fake time in small steps, so that I/O scheduled between steps (nock's replies) keeps up. */
async function advance(ms: number): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += 10)
    await vi.advanceTimersByTimeAsync(Math.min(10, ms - elapsed));
}

/** Advances fake time until the promise settles (at most 20 s of fake time). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let elapsed = 0; !done && elapsed < 20_000; elapsed += 10) await vi.advanceTimersByTimeAsync(10);
  return promise;
}

beforeAll(async () => {
  nock.disableNetConnect();
  // The HTTP stack loads on the first request (real I/O that fake timers do not wait for): load it
  // first, so that a test with fake timers does not depend on an earlier test having sent a request.
  await Promise.all([loadAxios(), loadPRetry()]);
});
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

describe('requests', () => {
  it('refuses a path segment that could climb or add segments, before any request', async () => {
    let sent = 0;
    nock(BASE)
      .get(/.*/)
      .reply(200, {})
      .on('request', () => sent++);
    for (const id of ['../users/x', '..', '.', '', 'a/b', 'a\\b']) {
      expect(() => urlPath`/v2/domains/${id}`).toThrow(ValidationError);
    }
    expect(sent).toBe(0);
  });

  it('sends method, encoded path, query, JSON body, auth, user agent and idempotency key exactly', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        authorization: 'Bearer sk_live_SECRET1',
        'user-agent': /^registrar-kit\/\d/,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': 'key-1',
      },
    })
      .post('/v2/1010/domains/a%20b%3Fc%23d%25..%3A/records', { name: 'www' })
      .query({ sort: 'id:asc' })
      .reply(201, { id: 1, name: 'www' });
    const response = await transport().request({
      operation: 'createRecord',
      method: 'POST',
      path: urlPath`/v2/${1010}/domains/${'a b?c#d%..:'}/records`,
      query: { sort: 'id:asc', skipped: undefined },
      body: { name: 'www' },
      schema: Item,
      idempotencyKey: 'key-1',
    });
    expect(response).toMatchObject({ status: 201, data: { id: 1, name: 'www' } });
    expect(scope.isDone()).toBe(true);
  });

  it('keeps a proxy path prefix of the base URL', async () => {
    const scope = nock(BASE).get('/proxy/v2/whoami').reply(200, { id: 1, name: 'x' });
    await transport({ baseURL: `${BASE}/proxy/` }).request({
      operation: 'whoami',
      method: 'GET',
      path: '/v2/whoami',
      schema: Item,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses plain http for a non-loopback host, allows it for loopback or with allowInsecureHttp', () => {
    expect(() => transport({ baseURL: 'http://api.example.test' })).toThrow(ValidationError);
    expect(() => transport({ baseURL: 'http://127.0.0.1:8080' })).not.toThrow();
    expect(() => transport({ baseURL: 'http://localhost:8080' })).not.toThrow();
    expect(() => transport({ baseURL: 'http://api.example.test', allowInsecureHttp: true })).not.toThrow();
    expect(() => transport({ baseURL: 'ftp://x' })).toThrow(ValidationError);
    expect(() => transport({ baseURL: 'not a url' })).toThrow(ValidationError);
  });

  it('sends credentials as query parameters when the provider wants them there', async () => {
    const scope = nock(BASE)
      .get('/v2/status')
      .query({ domain: 'a.com', client_id: 'cid' })
      .reply(200, { id: 1, name: 'a' });
    await transport({ credentials: () => ({ query: { client_id: 'cid' } }) }).request({
      operation: 'checkAvailability',
      method: 'GET',
      path: '/v2/status',
      query: { domain: 'a.com' },
      schema: Item,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a multipart form (a file upload) and returns a text answer as it came', async () => {
    let received: string | undefined;
    nock(BASE)
      .post('/upload', (body: string) => {
        received = String(body);
        return true;
      })
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(200, { ok: true })
      .get('/export')
      .matchHeader('accept', 'text/plain')
      .reply(200, 'example.com.\t1\tIN\tA\t192.0.2.1\n', { 'Content-Type': 'text/plain' });
    const form = new FormData();
    form.set('file', new Blob(['zone text']), 'zone.txt');
    form.set('proxied', 'false');
    const t = transport();
    await t.request({ operation: 'importZone', method: 'POST', path: '/upload', form, schema: z.unknown() });
    expect(received).toContain('name="file"; filename="zone.txt"');
    expect(received).toContain('zone text');
    expect(received).toContain('name="proxied"');
    const exported = await t.request<string>({
      operation: 'exportZone',
      method: 'GET',
      path: '/export',
      headers: { Accept: 'text/plain' },
      responseText: true,
    });
    expect(exported.data).toBe('example.com.\t1\tIN\tA\t192.0.2.1\n');
  });

  it('returns undefined data for 204 without a schema', async () => {
    nock(BASE).delete('/r/1').reply(204);
    const response = await transport().request({ operation: 'deleteRecord', method: 'DELETE', path: '/r/1' });
    expect(response.status).toBe(204);
    expect(response.data).toBeUndefined();
  });
});

describe('status → error class', () => {
  const cases: [number, new (...args: never[]) => Error, boolean][] = [
    [400, ValidationError, false],
    [401, AuthenticationError, false],
    [402, PaymentRequiredError, false],
    [403, PermissionError, false],
    [404, NotFoundError, false],
    [405, ProviderError, false],
    [409, ConflictError, false],
    [422, ValidationError, false],
    [429, RateLimitError, true],
    [500, ProviderError, false],
    [502, ProviderError, true],
    [503, ProviderError, true],
  ];
  it.each(cases)(
    'HTTP %i → %o (retryable %s), provider message kept',
    async (status, errorClass, retryable) => {
      nock(BASE)
        .get('/x')
        .reply(status, { message: `provider says ${status}` });
      const error = await transport({ retry: false })
        .request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ status, retryable, provider: 'dnsimple', operation: 'getDomain' });
      expect((error as Error).message).toBe(
        `dnsimple getDomain failed with HTTP ${status}: provider says ${status}`,
      );
    },
  );

  it('a 403 that the provider marks as an invalid credential is an AuthenticationError', async () => {
    nock(BASE).get('/x').reply(403, { detail: 'Invalid token' });
    const error = await transport({
      retry: false,
      parseError: (body) => ({ message: (body as { detail: string }).detail, invalidCredential: true }),
    })
      .request({ operation: 'getDomain', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('Invalid token');
  });

  it('keeps field issues of a validation error', async () => {
    nock(BASE)
      .post('/x')
      .reply(400, { message: 'Validation failed', errors: { ttl: ['is too low'] } });
    const error = await transport({
      parseError: (body) => {
        const b = body as { message: string; errors: Record<string, string[]> };
        return {
          message: b.message,
          issues: Object.entries(b.errors).flatMap(([path, messages]) =>
            messages.map((message) => ({ path, message })),
          ),
        };
      },
    })
      .request({ operation: 'createRecord', method: 'POST', path: '/x', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'ttl', message: 'is too low' }]);
  });

  it('an HTML error page is a ProviderError saying the body was not JSON', async () => {
    nock(BASE).get('/x').reply(502, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' });
    const error = await transport({ retry: false })
      .request({ operation: 'getDomain', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toBe('dnsimple getDomain failed with HTTP 502: non-JSON body');
  });

  it('a malformed 200 body is a ResponseFormatError; a wrong field names the field', async () => {
    nock(BASE).get('/x').reply(200, '{"data": {"id": 1,', { 'content-type': 'application/json' });
    await expect(
      transport().request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item }),
    ).rejects.toThrow(/not valid JSON/);
    nock(BASE).get('/x').reply(200, { id: 'one', name: 'x' });
    const error = await transport()
      .request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).issues[0]?.path).toBe('id');
    expect((error as Error).message).toMatch(/unexpected response body: id:/);
  });
});

describe('retry matrix', () => {
  type Outcome = 'reset' | 'timeout' | 'refused' | 429 | 500 | 502 | 503 | 504 | 400 | 404;
  const attemptsFor = (
    method: 'GET' | 'PUT' | 'DELETE' | 'PATCH' | 'POST',
    outcome: Outcome,
    idempotent?: boolean,
  ) => {
    const safe = idempotent ?? method !== 'POST';
    if (outcome === 429 || outcome === 'refused') return 4;
    if (outcome === 'reset' || outcome === 'timeout' || outcome === 502 || outcome === 503 || outcome === 504)
      return safe ? 4 : 1;
    return 1;
  };
  const methods = ['GET', 'PUT', 'DELETE', 'PATCH', 'POST'] as const;
  const outcomes: Outcome[] = ['reset', 'timeout', 'refused', 429, 500, 502, 503, 504, 400, 404];
  const matrix = methods.flatMap((method) =>
    outcomes.map((outcome) => [method, outcome, attemptsFor(method, outcome)] as const),
  );

  it.each(matrix)('%s with %s → %i attempt(s)', async (method, outcome, expected) => {
    let attempts = 0;
    const scope = nock(BASE);
    // The deadline covers the whole attempt: 150 ms leaves room for a loaded machine to answer.
    const chain = scope.intercept('/x', method).times(10);
    if (outcome === 'reset')
      chain.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    else if (outcome === 'refused')
      chain.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    else if (outcome === 'timeout') chain.delay(2000).reply(200, {});
    else chain.reply(outcome, {});
    scope.on('request', () => attempts++);
    const error = await transport({ timeoutMs: 150 })
      .request({ operation: 'op', method, path: '/x', body: method === 'GET' ? undefined : {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(attempts).toBe(expected);
  });

  it('a read-only POST marked idempotent retries a 503', async () => {
    let attempts = 0;
    const scope = nock(BASE)
      .post('/check')
      .times(2)
      .reply(503, {})
      .post('/check')
      .reply(200, { id: 1, name: 'ok' });
    scope.on('request', () => attempts++);
    const response = await transport().request({
      operation: 'checkAvailability',
      method: 'POST',
      path: '/check',
      body: {},
      idempotent: true,
      schema: Item,
    });
    expect(response.data.name).toBe('ok');
    expect(attempts).toBe(3);
  });

  it('a GET that met a reset succeeds on the next attempt', async () => {
    nock(BASE)
      .get('/x')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get('/x')
      .reply(200, { id: 1, name: 'x' });
    await expect(
      transport().request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item }),
    ).resolves.toMatchObject({ data: { id: 1 } });
  });

  it('retry: false sends once', async () => {
    let attempts = 0;
    nock(BASE)
      .get('/x')
      .times(3)
      .reply(503, {})
      .on('request', () => attempts++);
    await expect(
      transport({ retry: false }).request({ operation: 'op', method: 'GET', path: '/x' }),
    ).rejects.toBeInstanceOf(ProviderError);
    expect(attempts).toBe(1);
  });

  it('emits request, response, retry and error events without secrets', async () => {
    const events: TransportEvent[] = [];
    nock(BASE).get('/x').query(true).reply(503, {}).get('/x').query(true).reply(200, { id: 1, name: 'x' });
    await transport({
      onEvent: (e) => events.push(e),
      credentials: () => ({
        headers: { Authorization: 'Bearer sk_live_SECRET1' },
        query: { client_id: 'SECRET3' },
      }),
    }).request({
      operation: 'getDomain',
      method: 'GET',
      path: '/x',
      schema: Item,
    });
    expect(events.map((e) => e.type)).toEqual([
      'request',
      'response',
      'error',
      'retry',
      'request',
      'response',
    ]);
    expect(events[1]).toMatchObject({
      provider: 'dnsimple',
      operation: 'getDomain',
      method: 'GET',
      path: '/x',
      status: 503,
      attempt: 1,
    });
    expect(events[5]).toMatchObject({ status: 200, attempt: 2 });
    expect(JSON.stringify(events)).not.toMatch(/SECRET/);
  });
});

describe('Retry-After and rate-limit headers', () => {
  it('waits the Retry-After seconds before the next attempt (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sentAt: number[] = [];
    const scope = nock(BASE)
      .get('/x')
      .reply(429, { message: 'slow down' }, { 'Retry-After': '2' })
      .get('/x')
      .reply(200, { id: 1, name: 'x' });
    scope.on('request', () => sentAt.push(Date.now()));
    const pending = transport().request({ operation: 'op', method: 'GET', path: '/x', schema: Item });
    await advance(1000);
    expect(sentAt).toHaveLength(1);
    await expect(settle(pending)).resolves.toMatchObject({ status: 200 });
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(2000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const sentAt: number[] = [];
    const scope = nock(BASE)
      .get('/x')
      .reply(503, {}, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' })
      .get('/x')
      .reply(200, { id: 1, name: 'x' });
    scope.on('request', () => sentAt.push(Date.now()));
    const pending = transport().request({ operation: 'op', method: 'GET', path: '/x', schema: Item });
    await advance(4990);
    expect(sentAt).toHaveLength(1);
    await advance(1000);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it('honours X-RateLimit-Reset on a 429 and exposes retryAfterMs when it gives up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const reset = String(Date.parse('2026-01-01T00:00:03Z') / 1000);
    const sentAt: number[] = [];
    const scope = nock(BASE)
      .get('/x')
      .reply(429, { message: 'quota exceeded' }, { 'X-RateLimit-Reset': reset })
      .get('/x')
      .reply(200, { id: 1, name: 'x' });
    scope.on('request', () => sentAt.push(Date.now()));
    const pending = transport().request({ operation: 'op', method: 'GET', path: '/x', schema: Item });
    await advance(2990);
    expect(sentAt).toHaveLength(1);
    // settle() keeps fake time moving: on a busy machine the 429 may be read after some of it passed.
    await expect(settle(pending)).resolves.toMatchObject({ status: 200 });
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:03Z'));
  });

  it('a 503 is retried on backoff even when X-RateLimit-Reset (a quota window) is far away', async () => {
    let attempts = 0;
    const reset = String(Math.floor(Date.now() / 1000) + 3000);
    const scope = nock(BASE)
      .get('/x')
      .reply(503, {}, { 'X-RateLimit-Reset': reset, 'X-RateLimit-Remaining': '2000' })
      .get('/x')
      .reply(200, { id: 1, name: 'x' });
    scope.on('request', () => attempts++);
    await expect(
      transport().request({ operation: 'op', method: 'GET', path: '/x', schema: Item }),
    ).resolves.toMatchObject({ status: 200 });
    expect(attempts).toBe(2);
  });

  it('does not wait a Retry-After longer than maxRetryAfterMs: throws RateLimitError with retryAfterMs', async () => {
    nock(BASE).get('/x').reply(429, { message: 'quota exceeded' }, { 'Retry-After': '3600' });
    const error = await transport()
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
  });

  it('pauses the bucket when X-RateLimit-Remaining reaches 0 (adaptive)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const reset = String(Date.parse('2026-01-01T00:00:10Z') / 1000);
    const sentAt: number[] = [];
    const scope = nock(BASE)
      .get('/x')
      .reply(
        200,
        { id: 1, name: 'x' },
        { 'X-RateLimit-Limit': '2400', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset },
      )
      .get('/x')
      .reply(200, { id: 2, name: 'y' });
    scope.on('request', () => sentAt.push(Date.now()));
    const t = transport({ adaptiveRateLimit: true });
    await t.request({ operation: 'op', method: 'GET', path: '/x', schema: Item, bucket: 'account' });
    const second = t.request({ operation: 'op', method: 'GET', path: '/x', schema: Item, bucket: 'account' });
    await advance(9000);
    expect(sentAt).toHaveLength(1);
    await advance(1100);
    await expect(second).resolves.toMatchObject({ data: { id: 2 } });
  });
});

describe('limits, timeouts and abort', () => {
  // Lower bounds only, on planned slots: a busy machine can delay a grant, never advance it.
  it('spaces requests of a bucket evenly (limiter spacing)', async () => {
    const limiters = new BucketLimiters('test', { reads: { limit: 20, intervalMs: 1000 } }, undefined);
    const start = performance.now();
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () =>
        limiters.acquire('reads').then(() => grantedAt.push(performance.now() - start)),
      ),
    );
    // 1000 ms / 20 = 50 ms apart (52.5 with the 5% safety margin): grant i never comes before i × 50 ms.
    for (const [i, at] of grantedAt.entries()) expect(at).toBeGreaterThanOrEqual(i * 50 - 1);
    await limiters.disconnect();
  });

  it('a window bucket allows a burst up to the limit, then waits for the refill', async () => {
    const limiters = new BucketLimiters(
      'test',
      { hourly: { limit: 3, intervalMs: 600, strategy: 'window' } },
      undefined,
    );
    const start = performance.now();
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, () =>
        limiters.acquire('hourly').then(() => grantedAt.push(performance.now() - start)),
      ),
    );
    expect(grantedAt[3]).toBeGreaterThanOrEqual(500);
    expect(grantedAt[2]! - grantedAt[0]!).toBeLessThan(grantedAt[3]! - grantedAt[2]!);
    await limiters.disconnect();
  });

  it('a request that waited for its bucket slot reports a rate-limit event', async () => {
    const events: TransportEvent[] = [];
    nock(BASE).get('/x').times(2).reply(200, { id: 1, name: 'x' });
    const t = transport({
      buckets: { reads: { limit: 10, intervalMs: 1000 } },
      onEvent: (e) => events.push(e),
    });
    await Promise.all(
      [1, 2].map(() =>
        t.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'reads', schema: Item }),
      ),
    );
    const waits = events.filter((e) => e.type === 'rate-limit');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: 'bucket', operation: 'op', path: '/x' });
    expect((waits[0] as { waitMs: number }).waitMs).toBeGreaterThanOrEqual(99);
  });

  it('a sliding bucket holds a request’s place until its answer: the next is sent a window after the answer, also after a failed attempt', async () => {
    // 1 per 200 ms; the first answer takes 300 ms (the provider may count it at any moment of that).
    nock(BASE)
      .get('/x')
      .delay(300)
      .reply(200, { id: 1, name: 'x' })
      .get('/x')
      .reply(503, { message: 'busy' })
      .get('/x')
      .reply(200, { id: 3, name: 'x' });
    const timeline: { type: string; at: number }[] = [];
    const t = transport({
      buckets: { once: { limit: 1, intervalMs: 200, strategy: 'sliding' } },
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
      onEvent: (event) => {
        if (event.type === 'request' || event.type === 'response' || event.type === 'error')
          timeline.push({ type: event.type, at: performance.now() });
      },
    });
    const get = () => t.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'once', schema: Item });
    const [first, second] = await Promise.all([get(), get()]);
    expect([first.data.id, second.data.id]).toEqual([1, 3]);
    // One at a time: send, answer (the 503 counts as one), send … and each send at least 200 ms
    // after the answer before it (lower bounds: timers fire late, never early).
    expect(timeline.map((e) => e.type)).toEqual([
      'request',
      'response',
      'request',
      'response',
      'error',
      'request',
      'response',
    ]);
    const sends = timeline.filter((e, i) => e.type === 'request' && i > 0);
    for (const send of sends) {
      const answerBefore = timeline[timeline.indexOf(send) - 1]!;
      expect(send.at - answerBefore.at).toBeGreaterThanOrEqual(199);
    }
    expect(timeline[1]!.at - timeline[0]!.at).toBeGreaterThanOrEqual(299);
  });

  it('rateLimit: false and a per-bucket false disable the limiter', async () => {
    nock(BASE).get('/x').times(20).reply(200, { id: 1, name: 'x' });
    const off = transport({ buckets: { reads: { limit: 1, intervalMs: 60_000 } }, rateLimit: false });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        off.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'reads', schema: Item }),
      ),
    );
    const bucketOff = transport({
      buckets: { reads: { limit: 1, intervalMs: 60_000 } },
      rateLimit: { buckets: { reads: false } },
    });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        bucketOff.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'reads', schema: Item }),
      ),
    );
  });

  it('a timeout is a NetworkError with code timeout', async () => {
    nock(BASE).get('/x').delay(300).reply(200, {});
    const error = await transport({ retry: false, timeoutMs: 20 })
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('an already aborted signal sends nothing', async () => {
    let sent = 0;
    nock(BASE)
      .get('/x')
      .reply(200, {})
      .on('request', () => sent++);
    const error = await transport()
      .request({ operation: 'op', method: 'GET', path: '/x', signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted', operation: 'op' });
    expect(sent).toBe(0);
  });

  it('an abort during a backoff wait stops at once, without another attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let sent = 0;
    nock(BASE)
      .get('/x')
      .times(5)
      .reply(503, {}, { 'Retry-After': '30' })
      .on('request', () => sent++);
    const controller = new AbortController();
    const pending = transport()
      .request({ operation: 'op', method: 'GET', path: '/x', signal: controller.signal })
      .catch((e: unknown) => e);
    await advance(1000);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(sent).toBe(1);
  });

  it('an abort while waiting for a rate-limit slot rejects at once', async () => {
    let sent = 0;
    nock(BASE)
      .get('/x')
      .times(2)
      .reply(200, { id: 1, name: 'x' })
      .on('request', () => sent++);
    const t = transport({ buckets: { slow: { limit: 1, intervalMs: 60_000 } } });
    await t.request({ operation: 'op', method: 'GET', path: '/x', bucket: 'slow', schema: Item });
    const controller = new AbortController();
    const pending = t
      .request({ operation: 'op', method: 'GET', path: '/x', bucket: 'slow', signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toMatchObject({ code: 'aborted' });
    expect(sent).toBe(1);
    await t.close();
  });
});

describe('credentials', () => {
  it('calls the credential provider per attempt and refreshes once after a 401', async () => {
    let token = 'old-token';
    const calls: string[] = [];
    nock(BASE)
      .get('/x')
      .matchHeader('authorization', 'Bearer old-token')
      .reply(401, { detail: 'expired' })
      .get('/x')
      .matchHeader('authorization', 'Bearer new-token')
      .reply(200, { id: 1, name: 'x' });
    const t = transport({
      credentials: () => {
        calls.push(token);
        return { headers: { Authorization: `Bearer ${token}` } };
      },
      refreshCredentials: () => {
        token = 'new-token';
      },
    });
    await expect(
      t.request({ operation: 'op', method: 'GET', path: '/x', schema: Item }),
    ).resolves.toMatchObject({ status: 200 });
    expect(calls).toEqual(['old-token', 'new-token']);
  });

  it('a second 401 after the refresh is an AuthenticationError', async () => {
    let refreshes = 0;
    nock(BASE).get('/x').times(2).reply(401, { message: 'bad' });
    const t = transport({ refreshCredentials: () => void refreshes++ });
    await expect(t.request({ operation: 'op', method: 'GET', path: '/x' })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    expect(refreshes).toBe(1);
  });

  it('a missing credential fails before any request', async () => {
    let sent = 0;
    nock(BASE)
      .get('/x')
      .reply(200, {})
      .on('request', () => sent++);
    const t = transport({
      credentials: () => {
        throw new AuthenticationError('Set DNSIMPLE_TOKEN or pass token', {
          provider: 'dnsimple',
          operation: 'configure',
        });
      },
    });
    await expect(t.request({ operation: 'op', method: 'GET', path: '/x' })).rejects.toThrow(/DNSIMPLE_TOKEN/);
    expect(sent).toBe(0);
  });
});
