import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MALFORMED_JSON_FALLBACK, startEmulatorServer } from './emulator-server.js';
import {
  type CommonEmulatorOptions,
  type EmulatorApp,
  EmulatorHttpError,
  type LedgerEntry,
  type RunningEmulator,
} from './emulator-types.js';

interface FakeState {
  items: Map<string, { id: string; name: string }>;
  handlerCalls: number;
}

const TOKEN = 'good-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** A tiny provider: items under one rate-limited bucket, a public ping, and two failing routes. */
function fakeApp(): EmulatorApp<FakeState> {
  const state: FakeState = { items: new Map([['1', { id: '1', name: 'first' }]]), handlerCalls: 0 };
  const ledger: LedgerEntry[] = [];
  return {
    name: 'fake',
    state,
    ledger,
    buckets: { general: { limit: 5, intervalMs: 60_000 } },
    routes: [
      {
        method: 'GET',
        path: '/v1/items/:id',
        bucket: 'general',
        operation: 'getItem',
        handler: (req) => {
          state.handlerCalls += 1;
          return {
            status: 200,
            body: {
              data: { params: req.params, query: req.query, found: state.items.get(req.params.id!) ?? null },
            },
          };
        },
      },
      {
        method: 'POST',
        path: '/v1/items',
        bucket: 'general',
        operation: 'createItem',
        handler: (req) => {
          state.handlerCalls += 1;
          const body = req.body as { name?: string };
          const id = String(state.items.size + 1);
          state.items.set(id, { id, name: body.name ?? '' });
          ledger.push({
            operation: 'register',
            domain: `${body.name}.com`,
            amount: '12.99',
            currency: 'USD',
            at: new Date(),
            requestSeq: 0,
          });
          return { status: 201, body: { data: { id, name: body.name } }, headers: { 'X-Created': id } };
        },
      },
      {
        method: 'DELETE',
        path: '/v1/items/:id',
        operation: 'deleteItem',
        handler: (req) => {
          state.items.delete(req.params.id!);
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        path: '/v1/ping',
        operation: 'ping',
        public: true,
        handler: () => ({ status: 200, body: { pong: true } }),
      },
      {
        method: 'GET',
        path: '/v1/conflict',
        operation: 'conflict',
        handler: () => {
          throw new EmulatorHttpError(409, { message: 'Already there', errors: {} }, { 'X-Reason': 'dup' });
        },
      },
      {
        method: 'GET',
        path: '/v1/boom',
        operation: 'boom',
        handler: () => {
          throw new Error('bug in handler');
        },
      },
    ],
    authenticate: (req) =>
      req.headers.authorization === `Bearer ${TOKEN}`
        ? null
        : { status: 401, body: { message: 'Authentication failed', status: 401 } },
    errorBody: (status, message) => ({ message, status }),
    responseHeaders: (_req, bucket): Record<string, string> =>
      bucket
        ? { 'X-RateLimit-Limit': String(bucket.limit), 'X-RateLimit-Remaining': String(bucket.remaining) }
        : { 'X-Fake': 'no-bucket' },
    seedInfo: {
      ownedDomains: [],
      idnDomain: null,
      availableName: 'available-name.com',
      registeredName: 'registered-name.com',
      premiumName: 'premium-name.com',
      premiumPrice: '1200.00',
      currency: 'USD',
      tldPrices: {},
      credentials: { token: TOKEN },
    },
  };
}

const running: RunningEmulator<FakeState>[] = [];

async function start(options: CommonEmulatorOptions = {}): Promise<RunningEmulator<FakeState>> {
  const emulator = await startEmulatorServer(fakeApp(), options);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

function get(emu: RunningEmulator<FakeState>, path: string, headers: Record<string, string> = AUTH) {
  return fetch(`${emu.url}${path}`, { headers });
}

function post(
  emu: RunningEmulator<FakeState>,
  path: string,
  body: string,
  headers: Record<string, string> = AUTH,
) {
  return fetch(`${emu.url}${path}`, {
    method: 'POST',
    body,
    headers: { ...headers, 'content-type': 'application/json' },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startEmulatorServer: basics', () => {
  it('listens on 127.0.0.1 and exposes state, ledger and seedInfo of the app', async () => {
    const emu = await start();
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.state.items.size).toBe(1);
    expect(emu.ledger).toEqual([]);
    expect(emu.seedInfo.credentials).toEqual({ token: TOKEN });
  });

  it('routes, decodes params, parses the query (last value wins) and adds the app headers', async () => {
    const emu = await start();
    const res = await get(emu, '/v1/items/b%C3%BCcher.com%2Fx?page=1&page=2&per_page=100');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-ratelimit-limit')).toBe('5');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(await res.json()).toEqual({
      data: { params: { id: 'bücher.com/x' }, query: { page: '2', per_page: '100' }, found: null },
    });
  });

  it('answers 201 with the handler headers, and 204 with no body and no content-type', async () => {
    const emu = await start();
    const created = await post(emu, '/v1/items', JSON.stringify({ name: 'second' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-created')).toBe('2');
    expect(await created.json()).toEqual({ data: { id: '2', name: 'second' } });
    expect(emu.state.items.get('2')).toEqual({ id: '2', name: 'second' });

    const deleted = await fetch(`${emu.url}/v1/items/2`, { method: 'DELETE', headers: AUTH });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(await deleted.text()).toBe('');
    expect(emu.state.items.has('2')).toBe(false);
  });

  it('answers 404 with the app error body for an unknown path or method', async () => {
    const emu = await start();
    for (const res of [
      await get(emu, '/v1/nothing'),
      await get(emu, '/v1/items'), // only POST exists on /v1/items
      await get(emu, '/v1/items/1/'), // routes match exactly, no trailing-slash folding
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-fake')).toBe('no-bucket');
      expect(await res.json()).toEqual({ message: 'Not found', status: 404 });
    }
    expect(emu.requests.map((r) => r.operation)).toEqual([null, null, null]);
    expect(emu.requests.map((r) => r.status)).toEqual([404, 404, 404]);
  });

  it('rejects a missing or wrong credential with the app 401 and lets public routes through', async () => {
    const emu = await start();
    const missing = await get(emu, '/v1/items/1', {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'Authentication failed', status: 401 });
    const wrong = await get(emu, '/v1/items/1', { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(emu.state.handlerCalls).toBe(0);

    const ping = await get(emu, '/v1/ping', {});
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ pong: true });
  });

  it('answers 400 for an unparseable JSON body without running the handler, and logs the raw body', async () => {
    const emu = await start();
    const res = await post(emu, '/v1/items', '{"name": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'Invalid JSON body', status: 400 });
    expect(emu.state.handlerCalls).toBe(0);
    expect(emu.state.items.size).toBe(1);
    expect(emu.requests[0]?.body).toBe('{"name": ');
    // An unauthenticated bad body gets 401, not 400.
    expect((await post(emu, '/v1/items', '{', {})).status).toBe(401);
  });

  it('sends a thrown EmulatorHttpError as is, and any other error as the app 500', async () => {
    const emu = await start();
    const conflict = await get(emu, '/v1/conflict');
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-reason')).toBe('dup');
    expect(await conflict.json()).toEqual({ message: 'Already there', errors: {} });
    const boom = await get(emu, '/v1/boom');
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ message: 'Internal error', status: 500 });
  });

  it('logs every request with its fields', async () => {
    const emu = await start();
    await get(emu, '/v1/items/1?x=y');
    await post(emu, '/v1/items', JSON.stringify({ name: 'n' }));
    await get(emu, '/v1/ping', {});
    expect(emu.requests).toHaveLength(3);
    const [first, second, third] = emu.requests;
    expect(first).toMatchObject({
      seq: 1,
      method: 'GET',
      path: '/v1/items/1',
      query: { x: 'y' },
      operation: 'getItem',
      status: 200,
    });
    expect(first?.body).toBeUndefined();
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(typeof first?.at).toBe('number');
    expect(second).toMatchObject({
      seq: 2,
      method: 'POST',
      path: '/v1/items',
      body: { name: 'n' },
      operation: 'createItem',
      status: 201,
    });
    expect(third).toMatchObject({ seq: 3, operation: 'ping', status: 200 });
    expect(third!.at).toBeGreaterThanOrEqual(first!.at);
  });

  it('fills in requestSeq of the ledger entries a handler wrote', async () => {
    const emu = await start();
    await get(emu, '/v1/ping', {});
    await post(emu, '/v1/items', JSON.stringify({ name: 'paid' }));
    expect(emu.ledger).toHaveLength(1);
    expect(emu.ledger[0]).toMatchObject({
      operation: 'register',
      domain: 'paid.com',
      amount: '12.99',
      requestSeq: 2,
    });
  });
});

describe('startEmulatorServer: rate limits', () => {
  // general: 5 per 60 000 ms; timeScale 0.04 makes the window 2 400 ms.
  it('answers 429 with Retry-After past the limit, counts it, and lets requests through once the window moves', async () => {
    const emu = await start({ timeScale: 0.04 });
    for (let i = 0; i < 5; i++) expect((await get(emu, '/v1/items/1')).status).toBe(200);
    const fifthAnswered = performance.now();
    // The refused requests come late in the window, so that if they were (wrongly) added to the
    // window they would still be in it after the first five have left.
    await sleep(800);
    const limited = await get(emu, '/v1/items/1');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'Too many requests', status: 429 });
    const retryAfter = limited.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    for (let i = 0; i < 2; i++) expect((await get(emu, '/v1/items/1')).status).toBe(429);
    const last = await get(emu, '/v1/items/1');
    expect(last.status).toBe(429);
    const exactMs = Number(last.headers.get('x-emulator-retry-after-ms'));
    expect(exactMs).toBeGreaterThan(0);
    expect(exactMs).toBeLessThanOrEqual(2400);
    expect(emu.rateLimited()).toBe(4);
    expect(emu.state.handlerCalls).toBe(5);

    // Once the first five have left the window, a full window of requests passes again.
    await sleep(Math.max(0, fifthAnswered + 2400 + 30 - performance.now()));
    for (let i = 0; i < 5; i++) expect((await get(emu, '/v1/items/1')).status).toBe(200);
    expect(emu.rateLimited()).toBe(4);
    expect((await get(emu, '/v1/items/1')).status).toBe(429);
  });

  it('shares the bucket between routes and ignores public and unlimited routes', async () => {
    const emu = await start({ timeScale: 0.02 });
    for (let i = 0; i < 3; i++) expect((await get(emu, '/v1/items/1')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await post(emu, '/v1/items', '{"name":"x"}')).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await get(emu, '/v1/ping', {})).status).toBe(200);
    expect((await post(emu, '/v1/items', '{"name":"y"}')).status).toBe(429);
    expect(emu.rateLimited()).toBe(1);
  });

  it('does not count requests rejected by auth', async () => {
    const emu = await start({ timeScale: 0.02 });
    for (let i = 0; i < 10; i++) expect((await get(emu, '/v1/items/1', {})).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await get(emu, '/v1/items/1')).status).toBe(200);
    expect((await get(emu, '/v1/items/1')).status).toBe(429);
  });

  it('rateLimits: false never answers 429 but still reports the bucket state', async () => {
    const emu = await start({ rateLimits: false });
    let last: Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await get(emu, '/v1/items/1');
      expect(last.status).toBe(200);
    }
    expect(last?.headers.get('x-ratelimit-limit')).toBe('5');
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(emu.rateLimited()).toBe(0);
  });
});

describe('startEmulatorServer: faults', () => {
  it('reset-before: the connection drops and the handler never runs', async () => {
    const emu = await start({ faults: [{ route: 'createItem', sequence: [{ type: 'reset-before' }] }] });
    await expect(post(emu, '/v1/items', JSON.stringify({ name: 'lost' }))).rejects.toThrow();
    expect(emu.state.handlerCalls).toBe(0);
    expect(emu.state.items.size).toBe(1);
    expect(emu.ledger).toHaveLength(0);
    expect(emu.requests[0]).toMatchObject({ operation: 'createItem', status: null });
  });

  it('reset-after: the handler runs (state and ledger change) and then the connection drops', async () => {
    const emu = await start({ faults: [{ route: 'createItem', sequence: [{ type: 'reset-after' }] }] });
    await expect(post(emu, '/v1/items', JSON.stringify({ name: 'charged' }))).rejects.toThrow();
    expect(emu.state.handlerCalls).toBe(1);
    expect(emu.state.items.get('2')).toEqual({ id: '2', name: 'charged' });
    expect(emu.ledger).toHaveLength(1);
    expect(emu.ledger[0]?.requestSeq).toBe(1);
    expect(emu.requests[0]?.status).toBeNull();
    // The sequence is used up: the next request goes through.
    expect((await post(emu, '/v1/items', JSON.stringify({ name: 'ok' }))).status).toBe(201);
  });

  it('applies a sequence in order (null = no fault) and then stops', async () => {
    const emu = await start({
      faults: [
        {
          route: 'getItem',
          sequence: [
            { type: 'status', status: 503 },
            null,
            { type: 'html-error', status: 502 },
            { type: 'error', status: 422, message: 'Nope', retryAfterSeconds: 7 },
            { type: 'error', status: 402 },
          ],
        },
      ],
    });
    const r1 = await get(emu, '/v1/items/1');
    expect(r1.status).toBe(503);
    expect(await r1.json()).toEqual({ message: 'Injected fault', status: 503 });
    expect(r1.headers.get('x-ratelimit-limit')).toBe('5');

    expect((await get(emu, '/v1/items/1')).status).toBe(200);

    const r3 = await get(emu, '/v1/items/1');
    expect(r3.status).toBe(502);
    expect(r3.headers.get('content-type')).toBe('text/html');
    const html = await r3.text();
    expect(html).toContain('502 Bad Gateway');
    expect(() => JSON.parse(html)).toThrow();

    const r4 = await get(emu, '/v1/items/1');
    expect(r4.status).toBe(422);
    expect(r4.headers.get('retry-after')).toBe('7');
    expect(await r4.json()).toEqual({ message: 'Nope', status: 422 });

    const r5 = await get(emu, '/v1/items/1');
    expect(r5.status).toBe(402);
    expect(await r5.json()).toEqual({ message: 'Payment required', status: 402 });

    expect((await get(emu, '/v1/items/1')).status).toBe(200);
    // Injected faults never ran the handler.
    expect(emu.state.handlerCalls).toBe(2);
    expect(emu.requests.map((r) => r.status)).toEqual([503, 200, 502, 422, 402, 200]);
  });

  it('matches rules by `METHOD /pattern`, leaves other routes alone, and the first firing rule wins', async () => {
    const emu = await start({
      faults: [
        { route: 'POST /v1/items', sequence: [null, { type: 'status', status: 500 }] },
        { route: 'POST /v1/items', fault: { type: 'status', status: 504 } },
      ],
    });
    // Sequence entry null → the next rule (always firing) applies.
    expect((await post(emu, '/v1/items', '{"name":"a"}')).status).toBe(504);
    expect((await post(emu, '/v1/items', '{"name":"b"}')).status).toBe(500);
    expect((await post(emu, '/v1/items', '{"name":"c"}')).status).toBe(504);
    expect((await get(emu, '/v1/items/1')).status).toBe(200);
    expect((await get(emu, '/v1/ping', {})).status).toBe(200);
  });

  it('a global rule (no route) applies to every route, before auth', async () => {
    const emu = await start({ faults: [{ fault: { type: 'status', status: 502 } }] });
    expect((await get(emu, '/v1/ping', {})).status).toBe(502);
    expect((await get(emu, '/v1/items/1', {})).status).toBe(502);
  });

  it('an injected 429 counts in rateLimited()', async () => {
    const emu = await start({
      faults: [{ route: 'getItem', sequence: [{ type: 'error', status: 429, retryAfterSeconds: 2 }] }],
    });
    const res = await get(emu, '/v1/items/1');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(emu.rateLimited()).toBe(1);
  });

  async function pattern(seed: number, count: number): Promise<number[]> {
    const emu = await start({
      seed: { seed },
      faults: [
        {
          route: 'getItem',
          rate: 0.5,
          fault: [
            { type: 'status', status: 500 },
            { type: 'status', status: 503 },
          ],
        },
      ],
      rateLimits: false,
    });
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await get(emu, '/v1/items/1')).status);
    return statuses;
  }

  it('rate faults are deterministic: the same seed gives the same pattern on two servers', async () => {
    const a = await pattern(1234, 40);
    const b = await pattern(1234, 40);
    const c = await pattern(99, 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // Both hits and misses, and both faults of the list, occur.
    expect(a).toContain(200);
    expect(a).toContain(500);
    expect(a).toContain(503);
  });

  it('rate 0 never fires and rate 1 always fires', async () => {
    const emu = await start({
      faults: [
        { route: 'getItem', rate: 0, fault: { type: 'status', status: 500 } },
        { route: 'ping', rate: 1, fault: { type: 'status', status: 503 } },
      ],
      rateLimits: false,
    });
    for (let i = 0; i < 5; i++) {
      expect((await get(emu, '/v1/items/1')).status).toBe(200);
      expect((await get(emu, '/v1/ping', {})).status).toBe(503);
    }
  });

  it('malformed-json: the handler runs and a 200 with a truncated JSON body is sent', async () => {
    const emu = await start({ faults: [{ route: 'createItem', sequence: [{ type: 'malformed-json' }] }] });
    const res = await post(emu, '/v1/items', JSON.stringify({ name: 'half' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(text.startsWith('{"data":')).toBe(true);
    expect(emu.state.items.get('2')?.name).toBe('half');
    expect(emu.ledger).toHaveLength(1);
  });

  it('malformed-json on a 204 sends the fallback truncated body', async () => {
    const emu = await start({ faults: [{ route: 'deleteItem', sequence: [{ type: 'malformed-json' }] }] });
    const res = await fetch(`${emu.url}/v1/items/1`, { method: 'DELETE', headers: AUTH });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(MALFORMED_JSON_FALLBACK);
    expect(emu.state.items.has('1')).toBe(false);
  });

  it('setFaults replaces the rules and restarts their sequences', async () => {
    const emu = await start({ faults: [{ route: 'getItem', fault: { type: 'status', status: 500 } }] });
    expect((await get(emu, '/v1/items/1')).status).toBe(500);
    emu.setFaults([{ route: 'getItem', sequence: [{ type: 'status', status: 503 }] }]);
    expect((await get(emu, '/v1/items/1')).status).toBe(503);
    expect((await get(emu, '/v1/items/1')).status).toBe(200);
    emu.setFaults([]);
    expect((await get(emu, '/v1/items/1')).status).toBe(200);
  });

  it('latency: the fault and latencyMs delay the answer by at least their ms', async () => {
    const emu = await start({ faults: [{ route: 'getItem', sequence: [{ type: 'latency', ms: 150 }] }] });
    let t0 = performance.now();
    const res = await get(emu, '/v1/items/1');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    expect(res.status).toBe(200);
    expect(emu.state.handlerCalls).toBe(1);

    const slow = await start({ latencyMs: 120 });
    t0 = performance.now();
    expect((await get(slow, '/v1/ping', {})).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });
});

describe('startEmulatorServer: close', () => {
  it('close() does not hang with keep-alive connections open, and the port stops answering', async () => {
    const emu = await startEmulatorServer(fakeApp(), {});
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${emu.url}/v1/ping`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    // fetch keeps its connection alive too.
    expect((await get(emu, '/v1/ping', {})).status).toBe(200);
    await emu.close();
    await emu.close(); // idempotent
    await expect(fetch(`${emu.url}/v1/ping`)).rejects.toThrow();
    agent.destroy();
  });
});
